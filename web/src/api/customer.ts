// The customer's reads and writes, one small function per route.
import { api, unwrap } from "./client";

const path = (user_id: string) => ({ params: { path: { user_id } } });

export const getConsent = (userId: string) => unwrap(api.GET("/api/consent/{user_id}", path(userId)));
export const grantConsent = (userId: string, note?: string) =>
  unwrap(api.POST("/api/consent", { body: { user_id: userId, note: note ?? null } }));
export const revokeConsent = (userId: string) => unwrap(api.DELETE("/api/consent/{user_id}", path(userId)));

export const getWeeklyRecap = (userId: string) => unwrap(api.GET("/api/insights/{user_id}/weekly-recap", path(userId)));
export const getSpendingAnalysis = (userId: string) =>
  unwrap(api.GET("/api/insights/{user_id}/spending-analysis", path(userId)));
export const getSuggestedBudget = (userId: string) =>
  unwrap(api.GET("/api/insights/{user_id}/suggested-budget", path(userId)));
export const getBudgetTracking = (userId: string) =>
  unwrap(api.GET("/api/insights/{user_id}/budget-tracking", path(userId)));
export const getNetWorth = (userId: string) => unwrap(api.GET("/api/insights/{user_id}/net-worth", path(userId)));
export const getSubscriptions = (userId: string) => unwrap(api.GET("/api/users/{user_id}/subscriptions", path(userId)));

export const saveBudgets = (userId: string, month: string, amounts: Record<string, number>, currency: string) =>
  unwrap(
    api.PUT("/api/insights/{user_id}/budgets", {
      ...path(userId),
      body: { month, amounts, iso_currency_code: currency },
    }),
  );

export interface TransactionQuery {
  q?: string;
  category?: string;
  limit: number;
  offset: number;
}

export const getTransactions = (userId: string, query: TransactionQuery) =>
  unwrap(
    api.GET("/api/users/{user_id}/transactions", {
      params: {
        path: { user_id: userId },
        query: {
          limit: query.limit,
          offset: query.offset,
          ...(query.q ? { q: query.q } : {}),
          ...(query.category ? { category: query.category } : {}),
        },
      },
    }),
  );

export const getProfile = (userId: string) => unwrap(api.GET("/api/profile/{user_id}", path(userId)));
export const getRecommendations = (userId: string) => unwrap(api.GET("/api/recommendations/{user_id}", path(userId)));
export const sendFeedback = (recommendationId: string, kind: "helpful" | "not_helpful" | "dismissed") =>
  unwrap(api.POST("/api/feedback", { body: { recommendation_id: recommendationId, kind } }));
