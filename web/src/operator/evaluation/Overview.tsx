import type { Stats } from "../../api/types";
import { Stat } from "../../components/Stat";
import { humanize } from "../../lib/format";
import { personaName } from "../../lib/personas";

/** Live counts from the store: customers, the queue, decisions, feedback, personas, statuses. */
export function Overview({ stats: s }: { stats: Stats }) {
  const personas = [...new Set(Object.values(s.personas).flatMap((counts) => Object.keys(counts)))].sort();
  const feedback = Object.entries(s.feedback);
  return (
    <>
      <div className="stats">
        <Stat label="Customers" value={s.users} note={`${s.users_with_consent} opted in`} />
        <Stat label="Waiting for review" value={s.review_queue} />
        <Stat label="Operator decisions" value={s.operator_actions} />
        <Stat
          label="Customer feedback"
          value={feedback.reduce((sum, [, count]) => sum + count, 0)}
          note={feedback.map(([kind, count]) => `${humanize(kind)} ${count}`).join(", ") || "none yet"}
        />
      </div>
      <div className="grid-2">
        <div className="panel">
          <h2>Personas</h2>
          <table>
            <thead>
              <tr>
                <th>Primary persona</th>
                <th className="num">30 days</th>
                <th className="num">180 days</th>
              </tr>
            </thead>
            <tbody>
              {personas.map((id) => (
                <tr key={id}>
                  <td>{id === "none" ? "No persona" : personaName(id)}</td>
                  <td className="num">{s.personas["30d"]?.[id] ?? 0}</td>
                  <td className="num">{s.personas["180d"]?.[id] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="panel">
          <h2>Recommendations by status</h2>
          <table>
            <tbody>
              {Object.entries(s.recommendations).map(([status, count]) => (
                <tr key={status}>
                  <td>{humanize(status)}</td>
                  <td className="num">{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
