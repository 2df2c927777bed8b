// The evaluation report (spendsense eval) as an operator reads it: metrics against their
// targets, and the four-fifths fairness check with the groups behind each ratio.
import { humanize } from "./format";
import { personaName } from "./personas";

export const FOUR_FIFTHS = 0.8;

const METRIC_LABELS: Record<string, string> = {
  coverage_180d: "Coverage, 180 days (persona and 3+ behaviours)",
  coverage_30d: "Coverage, 30 days",
  explainability: "Explainability (a data-citing rationale)",
  auditability: "Auditability (a decision trace)",
  relevance: "Relevance (fits persona and signals)",
  disclosure: "Disclosure on every item",
  tone_clean: "Supportive tone",
  unsafe_offers_served: "Unsafe offers served",
  education_3_to_5: "3–5 education items per window",
  offers_1_to_3: "1–3 offers per window",
  latency_p95_ms: "Latency per user, p95",
  persona_accuracy: "Persona accuracy (against labels)",
  recurring_precision: "Recurring detection, precision",
  recurring_recall: "Recurring detection, recall",
};

export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? humanize(name);
}

export function formatMetric(name: string, value: number | null): string {
  if (value === null) return "n/a";
  if (name.endsWith("_ms")) return `${value.toFixed(1)} ms`;
  if (name === "unsafe_offers_served") return String(value);
  return `${(value * 100).toFixed(value === 1 || value === 0 ? 0 : 1)}%`;
}

export interface Group {
  name: string;
  rate: number;
  size: number;
}

export interface Parity {
  attribute: string;
  outcome: string;
  ratio: number | null;
  flagged: boolean;
  lowest: Group | null;
  highest: Group | null;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** One fairness row, read defensively (the API types it as a free-form object). */
export function readParity(raw: unknown): Parity {
  const p = obj(raw);
  const rates = obj(p.rates);
  const sizes = obj(p.sizes);
  const groups: Group[] = Object.entries(rates)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number")
    .map(([name, rate]) => ({ name, rate, size: typeof sizes[name] === "number" ? sizes[name] : 0 }))
    .sort((a, b) => a.rate - b.rate);
  const ratio = typeof p.ratio === "number" ? p.ratio : null;
  return {
    attribute: String(p.attribute ?? "?"),
    outcome: String(p.outcome ?? "?"),
    ratio,
    flagged: typeof p.flagged === "boolean" ? p.flagged : ratio !== null && ratio < FOUR_FIFTHS,
    lowest: groups[0] ?? null,
    highest: groups[groups.length - 1] ?? null,
  };
}

/** "persona:high_utilization" -> "Persona High Utilization"; "offer" -> "Offer". */
export function outcomeLabel(outcome: string): string {
  const [kind, value] = outcome.split(":", 2);
  if (kind === "persona" && value) return `Persona: ${personaName(value)}`;
  return humanize(outcome.replace(":", " "));
}

/** Flagged rows first, lowest ratio first. */
export function sortParities(rows: Parity[]): Parity[] {
  return [...rows].sort((a, b) => Number(b.flagged) - Number(a.flagged) || (a.ratio ?? 1) - (b.ratio ?? 1));
}
