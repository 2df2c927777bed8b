import { describe, expect, it } from "vitest";
import { budgetProgress, monthElapsed, type TrackedNumbers } from "./budget";

const item = (over: Partial<TrackedNumbers>): TrackedNumbers => ({
  budget_cents: 40000,
  spent_cents: 10000,
  expected_by_now_cents: 20000,
  projected_cents: 20000,
  status: "on_track",
  ...over,
});

describe("budgetProgress", () => {
  it("shows what is left when on track", () => {
    const p = budgetProgress(item({}));
    expect(p.spentPct).toBe(25);
    expect(p.pacePct).toBe(50);
    expect(p.usedPct).toBe(25);
    expect(p.statusLabel).toBe("On track");
    expect(p.sentence).toBe("$300 left of $400.");
  });

  it("names the pace when spending runs ahead", () => {
    const p = budgetProgress(item({ spent_cents: 30000, projected_cents: 60000, status: "watch" }));
    expect(p.statusLabel).toBe("Ahead of pace");
    expect(p.sentence).toBe("$300 spent, ahead of the $200 expected by today; at this pace the month ends near $600.");
  });

  it("caps the bar but not the percentage when over budget", () => {
    const p = budgetProgress(item({ spent_cents: 53600, status: "over" }));
    expect(p.spentPct).toBe(100);
    expect(p.usedPct).toBe(134);
    expect(p.sentence).toBe("$136 over a $400 budget.");
  });

  it("treats a zero budget as full once anything is spent", () => {
    expect(budgetProgress(item({ budget_cents: 0, spent_cents: 1, status: "over" })).spentPct).toBe(100);
    expect(budgetProgress(item({ budget_cents: 0, spent_cents: 0, expected_by_now_cents: 0 })).pacePct).toBe(0);
  });
});

describe("monthElapsed", () => {
  it("labels the day of the month and its share", () => {
    expect(monthElapsed(15, 30)).toEqual({ label: "Day 15 of 30", pct: 50 });
  });
});
