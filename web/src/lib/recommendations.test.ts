import { describe, expect, it } from "vitest";
import type { RecommendationView } from "../api/types";
import { mergeByItem } from "./recommendations";

const rec = (id: string, item_id: string, window: string): RecommendationView => ({
  id,
  window,
  kind: "education",
  item_id,
  title: item_id,
  status: "approved",
  rationale: `${item_id} over ${window}`,
  disclosure: "d",
  cited_signals: [],
  origin: "pipeline",
  replaces_id: null,
  as_of: null,
});

describe("mergeByItem", () => {
  it("shows an item chosen for both windows once, the 30-day reason first", () => {
    const merged = mergeByItem([
      rec("a", "edu_interest", "180d"),
      rec("b", "edu_budget", "30d"),
      rec("c", "edu_interest", "30d"),
    ]);
    expect(merged.map((m) => m.primary.id)).toEqual(["c", "b"]);
    expect(merged[0]?.others.map((o) => o.id)).toEqual(["a"]);
    expect(merged[0]?.ids).toEqual(["a", "c"]);
  });

  it("keeps items of one window as they are", () => {
    const merged = mergeByItem([rec("a", "x", "180d")]);
    expect(merged).toEqual([{ primary: rec("a", "x", "180d"), others: [], ids: ["a"] }]);
  });
});
