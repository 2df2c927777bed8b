import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { setToken } from "../api/client";
import { loadSession, saveSession, type Session } from "./session";

interface AuthValue {
  session: Session | null;
  /** True once the server refused the session (an expired token), until the next sign-in. */
  expired: boolean;
  signIn: (session: Session) => void;
  signOut: () => void;
  /** The server said the token is no good: forget it, and say so on the login page. */
  expire: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() => {
    const start = initial === undefined ? loadSession() : initial;
    setToken(start?.token ?? null);
    return start;
  });

  const [expired, setExpired] = useState(false);

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setToken(next.token);
    setSession(next);
    setExpired(false);
  }, []);

  const end = useCallback((becauseExpired: boolean) => {
    saveSession(null);
    setToken(null);
    setSession(null);
    setExpired(becauseExpired);
  }, []);
  const signOut = useCallback(() => end(false), [end]);
  const expire = useCallback(() => end(true), [end]);

  const value = useMemo(
    () => ({ session, expired, signIn, signOut, expire }),
    [session, expired, signIn, signOut, expire],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside <AuthProvider>");
  return value;
}
