import type { ReactNode } from "react";
import type { Query } from "../api/useQuery";
import { ErrorPanel } from "./ErrorPanel";

interface Props<T> {
  query: Query<T>;
  /** What is loading, for screen readers ("your profile"). */
  label: string;
  userId?: string;
  children: (data: T) => ReactNode;
}

/** The loading and error states every API-backed view shares. */
export function QueryView<T>({ query, label, userId, children }: Props<T>) {
  if (query.status === "loading") {
    return (
      <div className="loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        Loading {label}…
      </div>
    );
  }
  if (query.status === "error") {
    return <ErrorPanel error={query.error} onRetry={query.reload} {...(userId ? { userId } : {})} />;
  }
  return <>{children(query.data)}</>;
}
