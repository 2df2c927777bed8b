import { formatSignal, signalLabel } from "../../lib/signalCatalog";

interface Criterion {
  signal: string;
  unit: string;
  op: string;
  threshold: unknown;
  value: unknown;
  result: boolean;
}

interface PersonaEntry {
  personaId: string;
  name: string;
  matched: boolean;
  rule: string;
  criteria: Criterion[];
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/** Read the persona decision trace (spendsense.personas.trace.nested_traces) defensively. */
export function readPersonaTrace(trace: unknown[]): PersonaEntry[] {
  return trace.map((raw) => {
    const p = obj(raw);
    const criteria = Array.isArray(p.criteria) ? p.criteria : [];
    return {
      personaId: String(p.persona_id ?? "?"),
      name: String(p.name ?? p.persona_id ?? "?"),
      matched: p.matched === true,
      rule: typeof p.rule === "string" ? p.rule : "",
      criteria: criteria.map((c) => {
        const o = obj(c);
        return {
          signal: String(o.signal ?? "?"),
          unit: String(o.unit ?? ""),
          op: String(o.op ?? ""),
          threshold: o.threshold,
          value: o.value,
          result: o.result === true,
        };
      }),
    };
  });
}

const OPS: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "is", "!=": "is not" };

/** Every persona's criteria for one window: value against threshold, held or not. */
export function PersonaTrace({ trace }: { trace: unknown[] }) {
  const entries = readPersonaTrace(trace);
  if (entries.length === 0) return <p className="empty">No decision trace stored for this window.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Persona</th>
            <th>Criterion</th>
            <th className="num">Value</th>
            <th className="num">Needs</th>
            <th>Held</th>
          </tr>
        </thead>
        <tbody>
          {entries.flatMap((p) =>
            p.criteria.map((c, index) => (
              <tr key={`${p.personaId}-${index}`} className={p.matched ? "matched" : ""}>
                {index === 0 && (
                  <td rowSpan={p.criteria.length}>
                    <strong>{p.name}</strong>
                    <div>
                      <span className={`badge ${p.matched ? "badge-good" : ""}`}>
                        {p.matched ? "matched" : "not matched"}
                      </span>
                    </div>
                    {p.rule && <code className="rule">{p.rule}</code>}
                  </td>
                )}
                <td>{signalLabel(c.signal)}</td>
                <td className="num">{formatSignal(c.signal, c.value, c.unit)}</td>
                <td className="num">
                  {OPS[c.op] ?? c.op} {formatSignal(c.signal, c.threshold, c.unit)}
                </td>
                <td className={c.result ? "held" : "not-held"}>{c.result ? "✓ yes" : "✗ no"}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
