import type { Role, Session } from "../auth/session";
import { api, unwrap } from "./client";

/** POST /api/auth/login -> a session, or ApiError (401 for a wrong name or password). */
export async function login(username: string, password: string, role: Role): Promise<Session> {
  const token = await unwrap(api.POST("/api/auth/login", { body: { username, password, role } }));
  return {
    token: token.access_token,
    role: token.role,
    subject: token.subject,
    expiresAt: Date.now() + token.expires_in * 1000,
  };
}
