import type { EvaluationView } from "../../api/types";
import { formatMetric, metricLabel } from "../../lib/evaluation";

function Status({ passed }: { passed: boolean | null }) {
  if (passed === null) return <span className="badge">reported</span>;
  return <span className={`badge ${passed ? "badge-good" : "badge-bad"}`}>{passed ? "pass" : "FAIL"}</span>;
}

export function MetricsTable({ metrics }: { metrics: NonNullable<EvaluationView["metrics"]> }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Metric</th>
            <th className="num">Value</th>
            <th className="num">Target</th>
            <th>Status</th>
            <th className="hide-phone">Detail</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(metrics).map(([name, m]) => (
            <tr key={name}>
              <td>{metricLabel(name)}</td>
              <td className="num">{formatMetric(name, m.value)}</td>
              <td className="num">{m.target}</td>
              <td>
                <Status passed={m.passed} />
              </td>
              <td className="hide-phone subtle">{m.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
