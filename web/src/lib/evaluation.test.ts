import { describe, expect, it } from "vitest";
import { formatMetric, metricLabel, outcomeLabel, readParity, sortParities } from "./evaluation";

describe("metrics", () => {
  it("formats each metric by its kind", () => {
    expect(formatMetric("explainability", 1)).toBe("100%");
    expect(formatMetric("recurring_recall", 0.8857)).toBe("88.6%");
    expect(formatMetric("latency_p95_ms", 10.24)).toBe("10.2 ms");
    expect(formatMetric("unsafe_offers_served", 0)).toBe("0");
    expect(formatMetric("relevance", null)).toBe("n/a");
  });

  it("names known metrics and humanizes new ones", () => {
    expect(metricLabel("relevance")).toBe("Relevance (fits persona and signals)");
    expect(metricLabel("brand_new_metric")).toBe("Brand new metric");
  });
});

describe("fairness", () => {
  const raw = {
    attribute: "income_tier",
    outcome: "persona:high_utilization",
    ratio: 0.5,
    flagged: true,
    rates: { low: 0.4, middle: 0.3, high: 0.2 },
    sizes: { low: 10, middle: 12, high: 8 },
  };

  it("finds the lowest and highest group behind a ratio", () => {
    expect(readParity(raw)).toEqual({
      attribute: "income_tier",
      outcome: "persona:high_utilization",
      ratio: 0.5,
      flagged: true,
      lowest: { name: "high", rate: 0.2, size: 8 },
      highest: { name: "low", rate: 0.4, size: 10 },
    });
  });

  it("applies the four-fifths rule when the report does not say", () => {
    expect(readParity({ ...raw, flagged: undefined, ratio: 0.85 }).flagged).toBe(false);
    expect(readParity({ ...raw, flagged: undefined, ratio: 0.79 }).flagged).toBe(true);
    expect(readParity({}).ratio).toBeNull();
  });

  it("lists flagged ratios first, lowest first", () => {
    const rows = [0.9, 0.5, 0.7, 1].map((ratio) => readParity({ ...raw, flagged: undefined, ratio }));
    expect(sortParities(rows).map((r) => r.ratio)).toEqual([0.5, 0.7, 0.9, 1]);
  });

  it("labels outcomes in words", () => {
    expect(outcomeLabel("persona:savings_builder")).toBe("Persona: Savings Builder");
    expect(outcomeLabel("offer")).toBe("Offer");
  });
});
