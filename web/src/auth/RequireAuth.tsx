import { Navigate, Outlet, useLocation } from "react-router";
import { LiveProvider } from "../live/LiveProvider";
import { Layout } from "../components/Layout";
import { useAuth } from "./AuthContext";
import { isExpired } from "./session";

/** Every page behind login: no session or an expired one goes to /login, then back. */
export function RequireAuth() {
  const { session, expired } = useAuth();
  const location = useLocation();
  if (!session || isExpired(session)) {
    return <Navigate to="/login" replace state={{ from: location.pathname, expired: expired || Boolean(session) }} />;
  }
  return (
    <LiveProvider token={session.token}>
      <Layout />
    </LiveProvider>
  );
}

/** Operator pages: a customer who types the URL sees a refusal, not a broken page. */
export function RequireOperator() {
  const { session } = useAuth();
  if (session?.role !== "operator") {
    return (
      <div className="panel error-panel" role="alert">
        <h2>This page is not available to you</h2>
        <p>The operator console needs an operator login.</p>
      </div>
    );
  }
  return <Outlet />;
}
