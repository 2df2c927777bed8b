// Events pushed over /ws: `{"type", "user_id", "at", "data"}` (spendsense.api.events).
// A customer receives only their own; operators receive every customer's.

export type LiveEventType =
  "consent.changed" | "recommendations.updated" | "recommendation.reviewed" | "feedback.received";

export interface LiveEvent {
  type: LiveEventType | (string & {});
  user_id: string;
  at?: string;
  data: Record<string, unknown>;
}

export function parseLiveEvent(raw: string): LiveEvent | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== "object") return null;
    const { type, user_id: userId, at, data } = value as Record<string, unknown>;
    if (typeof type !== "string" || typeof userId !== "string") return null;
    return {
      type,
      user_id: userId,
      ...(typeof at === "string" ? { at } : {}),
      data: data && typeof data === "object" ? (data as Record<string, unknown>) : {},
    };
  } catch {
    return null; // not JSON: a keep-alive or a message for a newer client
  }
}

const QUEUE_EVENTS: ReadonlySet<string> = new Set([
  "recommendations.updated",
  "recommendation.reviewed",
  "consent.changed",
]);

/** Does this event change the operator's review queue? */
export function touchesReviewQueue(event: LiveEvent): boolean {
  return QUEUE_EVENTS.has(event.type);
}

/** Does this event change what a customer sees on their pages? */
export function touchesCustomer(event: LiveEvent, userId: string): boolean {
  return event.user_id === userId && event.type !== "feedback.received";
}
