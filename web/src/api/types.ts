// Names for the API's schemas, so components import `WeeklyRecap`, not a schema path.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type ConsentView = Schemas["ConsentView"];
export type ConsentHistoryEntry = Schemas["ConsentHistoryEntry"];
export type UserSummary = Schemas["UserSummary"];
export type TransactionView = Schemas["TransactionView"];
export type TransactionPage = Schemas["Page_TransactionView_"];
export type UserPage = Schemas["Page_UserSummary_"];

export type WeeklyRecap = Schemas["WeeklyRecap"];
export type SpendingAnalysis = Schemas["SpendingAnalysis"];
export type CategoryTrend = Schemas["CategoryTrend"];
export type SuggestedBudget = Schemas["SuggestedBudget"];
export type BudgetTracking = Schemas["BudgetTracking"];
export type TrackedCategory = Schemas["TrackedCategory"];
export type NetWorth = Schemas["NetWorth"];
export type AccountBalance = Schemas["AccountBalance"];
export type Subscriptions = Schemas["Subscriptions"];
export type RecurringCharge = Schemas["RecurringCharge"];

export type ProfileView = Schemas["ProfileView"];
export type WindowProfile = Schemas["WindowProfile"];
export type AccountSummary = Schemas["AccountSummary"];
export type RecommendationView = Schemas["RecommendationView"];
export type FeedbackKind = Schemas["FeedbackRequest"]["kind"];

export type QueueItem = Schemas["QueueItem"];
export type DecisionResult = Schemas["DecisionResult"];
export type TraceView = Schemas["TraceView"];
export type WindowTrace = Schemas["WindowTrace"];
export type TracedRecommendation = Schemas["TracedRecommendation"];
export type AuditEntry = Schemas["AuditEntry"];
export type SignalsView = Schemas["SignalsView"];
export type WindowSignals = Schemas["WindowSignals"];

export type Window = "30d" | "180d";
export const WINDOWS: readonly Window[] = ["30d", "180d"];
export const WINDOW_LABEL: Record<Window, string> = { "30d": "Last 30 days", "180d": "Last 6 months" };
export type Stats = Schemas["Stats"];
export type EvaluationView = Schemas["EvaluationView"];
