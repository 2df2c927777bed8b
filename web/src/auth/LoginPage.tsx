import { useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { login } from "../api/auth";
import { ApiError } from "../api/errors";
import { useAuth } from "./AuthContext";
import { homePath, type Role } from "./session";

interface LocationState {
  from?: string;
  expired?: boolean;
}

export function LoginPage() {
  const { session, signIn, expired } = useAuth();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LocationState;
  const [role, setRole] = useState<Role>("customer");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={state.from ?? homePath(session)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await login(username.trim(), password, role);
      signIn(next);
      navigate(state.from ?? homePath(next), { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "We could not reach SpendSense. Try again.");
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="panel login-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to SpendSense</h1>
        {(state.expired || expired) && (
          <p className="notice" role="status">
            Your session ended. Sign in again to continue.
          </p>
        )}
        <fieldset className="role-choice">
          <legend>I am</legend>
          {(["customer", "operator"] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="role"
                value={option}
                checked={role === option}
                onChange={() => setRole(option)}
              />
              {option === "customer" ? "A customer" : "An operator"}
            </label>
          ))}
        </fieldset>
        <label htmlFor="username">{role === "customer" ? "Customer ID" : "Operator name"}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="hint">
          Running locally? <code>make run</code> prints the demo logins.
        </p>
      </form>
    </main>
  );
}
