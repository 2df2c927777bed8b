// A recommendation's decision trace (spendsense.recommend.trace) arrives as free-form JSON;
// this reads the parts an operator needs into a typed shape, tolerating missing pieces.

export interface GuardrailCheck {
  guardrail: string;
  passed: boolean;
  reason: string | null;
}

export interface SelectionOutcome {
  itemId: string;
  kind: string;
  passed: boolean;
  reasons: string[];
}

export interface RecommendationTrace {
  primaryPersona: string | null;
  personas: string[];
  fitScore: number | null;
  fitPersonas: string[];
  fitSignals: string[];
  signals: Record<string, unknown>;
  template: string | null;
  cites: string[];
  guardrailsPassed: boolean | null;
  checks: GuardrailCheck[];
  chosen: SelectionOutcome[];
  blocked: SelectionOutcome[];
  skipped: { itemId: string; reason: string }[];
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === "string");
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function outcome(v: unknown): SelectionOutcome {
  const o = obj(v);
  return {
    itemId: str(o.item_id) ?? "?",
    kind: str(o.kind) ?? "",
    passed: o.passed === true,
    reasons: strings(o.reasons),
  };
}

export function readTrace(raw: unknown): RecommendationTrace {
  const t = obj(raw);
  const persona = obj(t.persona);
  const fit = obj(t.fit);
  const rationale = obj(t.rationale);
  const guardrails = obj(t.guardrails);
  const selection = obj(t.selection);
  return {
    primaryPersona: str(persona.primary),
    personas: strings(persona.all),
    fitScore: typeof fit.score === "number" ? fit.score : null,
    fitPersonas: strings(fit.personas),
    fitSignals: strings(fit.signals),
    signals: obj(t.signals),
    template: str(rationale.template),
    cites: strings(rationale.cites),
    guardrailsPassed: typeof guardrails.passed === "boolean" ? guardrails.passed : null,
    checks: list(guardrails.checks).map((c) => {
      const o = obj(c);
      return { guardrail: str(o.guardrail) ?? "?", passed: o.passed === true, reason: str(o.reason) };
    }),
    chosen: list(selection.chosen).map(outcome),
    blocked: list(selection.blocked).map(outcome),
    skipped: list(selection.skipped).map((s) => ({
      itemId: str(obj(s).item_id) ?? "?",
      reason: str(obj(s).reason) ?? "",
    })),
  };
}
