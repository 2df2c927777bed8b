import { NavLink, Outlet, useNavigate } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { homePath } from "../auth/session";
import { useLiveStatus } from "../live/LiveProvider";

const LIVE_TEXT = { live: "Live", connecting: "Connecting…", offline: "Offline" } as const;

export function Layout() {
  const { session, signOut } = useAuth();
  const status = useLiveStatus();
  const navigate = useNavigate();
  if (!session) return null;
  const home = homePath(session);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={home} className="brand">
          SpendSense{session.role === "operator" && <span className="brand-tag">Operator</span>}
        </NavLink>
        <div className="topbar-right">
          <span className={`live live-${status}`} title="Live updates">
            <span className="live-dot" aria-hidden="true" />
            {LIVE_TEXT[status]}
          </span>
          <span className="whoami">{session.subject}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              signOut();
              navigate("/login", { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content">
        <Outlet />
      </main>
    </div>
  );
}
