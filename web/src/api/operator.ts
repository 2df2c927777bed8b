// The operator console's reads and decisions, one small function per route.
import { api, unwrap } from "./client";
import type { Window } from "./types";

export type Action = "approve" | "flag" | "reject" | "override";

export interface QueueFilters {
  status?: "pending" | "flagged";
  kind?: "education" | "offer";
  window?: Window;
  persona?: string;
  limit: number;
  offset: number;
}

/** Drop unset filters, so the query string carries only what the operator chose. */
function defined<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as T;
}

export const getQueue = (filters: QueueFilters) =>
  unwrap(api.GET("/api/operator/review", { params: { query: defined(filters) } }));

export function decide(recommendationId: string, action: Action, reason: string, replacementItemId?: string) {
  const path = { params: { path: { recommendation_id: recommendationId } } };
  switch (action) {
    case "approve":
      return unwrap(
        api.POST("/api/operator/recommendations/{recommendation_id}/approve", { ...path, body: { reason } }),
      );
    case "flag":
      return unwrap(api.POST("/api/operator/recommendations/{recommendation_id}/flag", { ...path, body: { reason } }));
    case "reject":
      return unwrap(
        api.POST("/api/operator/recommendations/{recommendation_id}/reject", { ...path, body: { reason } }),
      );
    case "override":
      return unwrap(
        api.POST("/api/operator/recommendations/{recommendation_id}/override", {
          ...path,
          body: { reason, replacement_item_id: replacementItemId ?? "" },
        }),
      );
  }
}

export interface UserFilters {
  persona?: string;
  window: Window;
  limit: number;
  offset: number;
}

export const getUsers = (filters: UserFilters) =>
  unwrap(api.GET("/api/users", { params: { query: defined(filters) } }));

const userPath = (user_id: string) => ({ params: { path: { user_id } } });
export const getSignals = (userId: string) => unwrap(api.GET("/api/operator/signals/{user_id}", userPath(userId)));
export const getTraces = (userId: string) => unwrap(api.GET("/api/operator/traces/{user_id}", userPath(userId)));

export interface AuditFilters {
  user_id?: string;
  action?: string;
  limit: number;
  offset: number;
}

export const getAudit = (filters: AuditFilters) =>
  unwrap(api.GET("/api/operator/audit", { params: { query: defined(filters) } }));

export const getStats = () => unwrap(api.GET("/api/stats"));
export const getEvaluation = () => unwrap(api.GET("/api/evaluation/metrics"));
