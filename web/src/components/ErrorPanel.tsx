import { useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { classifyError, ERROR_TITLES } from "../api/errors";
import { useAuth } from "../auth/AuthContext";

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** The customer the failed request was about (for the consent prompt). */
  userId?: string;
}

/**
 * Where an error leads: an expired token to the login page, a customer's missing consent
 * to the consent prompt; anything else is explained in place, with a retry where it helps.
 */
export function ErrorPanel({ error, onRetry, userId }: Props) {
  const kind = classifyError(error);
  const { session, expire } = useAuth();
  const location = useLocation();

  useEffect(() => {
    if (kind === "signed_out") expire();
  }, [kind, expire]);

  if (kind === "signed_out") {
    return <Navigate to="/login" replace state={{ from: location.pathname, expired: true }} />;
  }
  const consentFor = userId ?? session?.subject;
  if (kind === "consent_required" && session?.role === "customer" && consentFor === session.subject) {
    return (
      <Navigate
        to={`/customers/${encodeURIComponent(consentFor)}/consent`}
        replace
        state={{ required: true, from: location.pathname }}
      />
    );
  }
  const message =
    kind === "consent_required" && session?.role === "operator"
      ? "This customer has not opted in, so SpendSense keeps their data unprocessed and shows nothing about them."
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div className="panel error-panel" role="alert">
      <h2>{ERROR_TITLES[kind]}</h2>
      <p>{message}</p>
      {onRetry && (kind === "server" || kind === "offline") && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
