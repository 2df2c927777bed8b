import type { ConsentHistoryEntry } from "../../api/types";
import { formatTimestamp } from "../../lib/format";

const ACTION = { grant: "Opted in", revoke: "Revoked" } as Record<string, string>;

function who(actor: string | null): string {
  if (!actor) return "—";
  if (actor.startsWith("customer:")) return "You";
  if (actor.startsWith("operator:")) return `Operator ${actor.slice("operator:".length)}`;
  return actor;
}

export function ConsentHistory({ history }: { history: ConsentHistoryEntry[] }) {
  return (
    <div className="panel">
      <h2>History</h2>
      {history.length === 0 ? (
        <p className="empty">No consent decisions yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th>By</th>
                <th className="hide-phone">Note</th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((entry) => (
                <tr key={`${entry.at}-${entry.action}`}>
                  <td>{formatTimestamp(entry.at)}</td>
                  <td>{ACTION[entry.action] ?? entry.action}</td>
                  <td>{who(entry.actor)}</td>
                  <td className="hide-phone">{entry.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
