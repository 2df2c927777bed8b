// One error type for every failed API call, and one decision about where each kind leads.

/** The API's error body: `{"error", "detail"}`, and for a 422 the bad `fields` with their paths. */
export interface ErrorBody {
  error?: string;
  detail?: unknown;
  fields?: { path: string; message: string }[] | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[];

  constructor(status: number, body: ErrorBody | undefined) {
    super(typeof body?.detail === "string" ? body.detail : `The server answered ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.code = body?.error ?? "error";
    this.fields = body?.fields ?? [];
  }

  /** The detail and, for bad input, which field said what. */
  describe(): string {
    if (this.fields.length === 0) return this.message;
    return `${this.message} (${this.fields.map((f) => `${f.path}: ${f.message}`).join("; ")})`;
  }
}

export type ErrorKind =
  | "signed_out" // 401: the token is missing or expired -> the login page
  | "consent_required" // 403 consent_required -> the consent prompt
  | "forbidden" // 403 otherwise, and 404 for someone else's data
  | "not_found"
  | "invalid"
  | "server"
  | "offline";

export function classifyError(error: unknown): ErrorKind {
  if (!(error instanceof ApiError)) return "offline";
  if (error.status === 401) return "signed_out";
  if (error.status === 403) return error.code === "consent_required" ? "consent_required" : "forbidden";
  if (error.status === 404) return "not_found";
  if (error.status === 409 || error.status === 422 || error.status === 400) return "invalid";
  return "server";
}

export const ERROR_TITLES: Record<ErrorKind, string> = {
  signed_out: "Your session has ended",
  consent_required: "Consent is needed first",
  forbidden: "This page is not available to you",
  not_found: "Nothing here",
  invalid: "That did not work",
  server: "Something went wrong on our side",
  offline: "We could not reach SpendSense",
};
