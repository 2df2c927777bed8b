import { useState } from "react";
import { Link } from "react-router";
import { getAudit } from "../api/operator";
import { useQuery } from "../api/useQuery";
import { Pager } from "../components/Pager";
import { QueryView } from "../components/QueryView";
import { useLiveEvents } from "../live/LiveProvider";
import { formatTimestamp, humanize } from "../lib/format";

const PAGE = 25;

/** "operator:ops" -> "ops"; "system:pipeline" -> "System (pipeline)". */
function describeActor(actor: string): string {
  const [kind, name = ""] = actor.split(":", 2);
  if (kind === "operator") return name;
  if (kind === "system") return `System (${name})`;
  return actor;
}
const ACTIONS = ["approve", "flag", "reject", "override"];

export default function AuditPage() {
  const [action, setAction] = useState("");
  const [offset, setOffset] = useState(0);
  const query = useQuery(
    () => getAudit({ action: action || undefined, limit: PAGE, offset }),
    `audit:${action}:${offset}`,
  );
  useLiveEvents((event) => {
    if (event.type === "recommendation.reviewed") query.reload();
  });
  return (
    <>
      <div className="page-title">
        <h1>Audit log</h1>
        <p>Every change to a recommendation, by operators and by the system, newest first.</p>
      </div>
      <div className="panel toolbar">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">All</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {humanize(a)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="panel">
        <QueryView query={query} label="the audit log">
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>When</th>
                      <th>Who</th>
                      <th>Did</th>
                      <th>Customer</th>
                      <th>Status</th>
                      <th>Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((e) => (
                      <tr key={e.id}>
                        <td>{formatTimestamp(e.at)}</td>
                        <td>{describeActor(e.actor)}</td>
                        <td>{humanize(e.action)}</td>
                        <td>
                          <Link to={`/operator/users/${encodeURIComponent(e.user_id)}`}>{e.user_id}</Link>
                        </td>
                        <td>
                          {e.before_status ?? "?"} → {e.after_status ?? "?"}
                        </td>
                        <td>{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.items.length === 0 && <p className="empty">No operator actions yet.</p>}
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} noun="entries" />
            </>
          )}
        </QueryView>
      </div>
    </>
  );
}
