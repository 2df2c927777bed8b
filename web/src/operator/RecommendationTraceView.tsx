import { humanize } from "../lib/format";
import { personaName } from "../lib/personas";
import { formatSignal, signalLabel } from "../lib/signalCatalog";
import { readTrace } from "../lib/trace";

/** "Why this item": persona, the signals that made it fit, the guardrails' verdicts, the other candidates. */
export function RecommendationTraceView({ trace: raw }: { trace: unknown }) {
  const trace = readTrace(raw);
  const shown = [...new Set([...trace.fitSignals, ...trace.cites])];
  return (
    <div className="trace">
      <dl className="kv">
        <dt>Persona</dt>
        <dd>
          {personaName(trace.primaryPersona)}
          {trace.personas.length > 1 && (
            <span className="subtle">
              {" "}
              (also{" "}
              {trace.personas
                .filter((p) => p !== trace.primaryPersona)
                .map(personaName)
                .join(", ")}
              )
            </span>
          )}
        </dd>
        <dt>Fit</dt>
        <dd>
          {trace.fitScore === null ? "n/a" : `score ${trace.fitScore}`}
          {trace.fitPersonas.length > 0 && `, for ${trace.fitPersonas.map(personaName).join(", ")}`}
        </dd>
        <dt>Rationale template</dt>
        <dd>{trace.template ?? "n/a"}</dd>
      </dl>
      {shown.length > 0 && (
        <table style={{ marginTop: "0.6rem" }}>
          <caption>Signals it rests on</caption>
          <tbody>
            {shown.map((name) => (
              <tr key={name}>
                <td>
                  {signalLabel(name)}
                  {trace.cites.includes(name) && (
                    <span className="badge badge-accent" style={{ marginLeft: "0.4rem" }}>
                      cited
                    </span>
                  )}
                </td>
                <td className="num">{formatSignal(name, trace.signals[name])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4 style={{ marginTop: "0.7rem" }}>Guardrails</h4>
      <ul className="verdicts" aria-label="Guardrail checks">
        {trace.checks.map((check) => (
          <li
            key={check.guardrail}
            className={`badge ${check.passed ? "badge-good" : "badge-bad"}`}
            title={check.reason ?? undefined}
          >
            {check.passed ? "✓" : "✗"} {humanize(check.guardrail)}
            {!check.passed && check.reason ? `: ${check.reason}` : ""}
          </li>
        ))}
      </ul>
      {(trace.blocked.length > 0 || trace.skipped.length > 0) && (
        <details style={{ marginTop: "0.6rem" }}>
          <summary>
            Other candidates ({trace.chosen.length} chosen, {trace.blocked.length} blocked, {trace.skipped.length}{" "}
            skipped)
          </summary>
          <ul>
            {trace.blocked.map((b) => (
              <li key={`b-${b.itemId}`}>
                <code>{b.itemId}</code> blocked: {b.reasons.join("; ") || "no reason recorded"}
              </li>
            ))}
            {trace.skipped.map((s) => (
              <li key={`s-${s.itemId}`}>
                <code>{s.itemId}</code> skipped: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
