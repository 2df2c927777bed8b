// The typed API client (openapi-fetch over the generated schema) and the one place that
// attaches the token and turns failures into ApiError.
import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, type ErrorBody } from "./errors";
import type { paths } from "./schema";

let currentToken: string | null = null;

export function setToken(token: string | null): void {
  currentToken = token;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (currentToken) request.headers.set("Authorization", `Bearer ${currentToken}`);
    return request;
  },
};

/** Where the API lives: same origin by default; VITE_API_BASE for a static deployment. */
export const apiBase: string = import.meta.env.VITE_API_BASE ?? "";

export const api = createClient<paths>({ baseUrl: apiBase });
api.use(auth);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Await an openapi-fetch call: its data, or an ApiError carrying the status and error code. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as ErrorBody | undefined);
  return data as T;
}

/** The WebSocket URL for live updates, authenticated by the token in the query string. */
export function liveUrl(token: string): string {
  const base = apiBase || window.location.origin;
  const url = new URL("/ws", base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("token", token);
  return url.toString();
}
