import { describe, expect, it } from "vitest";
import { parseLiveEvent, touchesCustomer, touchesReviewQueue } from "./events";

describe("parseLiveEvent", () => {
  it("reads the server's event shape", () => {
    const event = parseLiveEvent(
      '{"type":"recommendation.reviewed","user_id":"u1","at":"2025-01-31T00:00:00Z","data":{"status":"approved"}}',
    );
    expect(event).toEqual({
      type: "recommendation.reviewed",
      user_id: "u1",
      at: "2025-01-31T00:00:00Z",
      data: { status: "approved" },
    });
  });

  it.each(["not json", "[]", '{"user_id":"u1"}', '{"type":"x"}'])("ignores %j", (raw) => {
    expect(parseLiveEvent(raw)).toBeNull();
  });
});

describe("which events matter", () => {
  const event = (type: string, user_id = "u1") => ({ type, user_id, data: {} });

  it("refreshes the review queue on new and reviewed items and on consent changes", () => {
    expect(touchesReviewQueue(event("recommendations.updated"))).toBe(true);
    expect(touchesReviewQueue(event("recommendation.reviewed"))).toBe(true);
    expect(touchesReviewQueue(event("consent.changed"))).toBe(true);
    expect(touchesReviewQueue(event("feedback.received"))).toBe(false);
  });

  it("refreshes a customer's page only for that customer's changes", () => {
    expect(touchesCustomer(event("recommendation.reviewed"), "u1")).toBe(true);
    expect(touchesCustomer(event("recommendation.reviewed", "u2"), "u1")).toBe(false);
    expect(touchesCustomer(event("feedback.received"), "u1")).toBe(false);
  });
});
