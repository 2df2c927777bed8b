// The signed-in person: the API's token and what the login answer says about it. Kept in
// sessionStorage so closing the tab signs out; the server stays the judge of every request.

export type Role = "customer" | "operator";

export interface Session {
  token: string;
  role: Role;
  /** The customer's user id, or the operator's name. */
  subject: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const KEY = "spendsense.session";

export function isExpired(session: Session, nowMs: number = Date.now()): boolean {
  return session.expiresAt <= nowMs;
}

function isSession(value: unknown): value is Session {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.token === "string" &&
    (v.role === "customer" || v.role === "operator") &&
    typeof v.subject === "string" &&
    typeof v.expiresAt === "number"
  );
}

export function loadSession(): Session | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
    return isSession(stored) && !isExpired(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** Where a person lands after signing in. */
export function homePath(session: Session): string {
  return session.role === "operator" ? "/operator/review" : `/customers/${encodeURIComponent(session.subject)}`;
}
