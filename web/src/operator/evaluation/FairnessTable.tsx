import { useState } from "react";
import { outcomeLabel, readParity, sortParities, type Group } from "../../lib/evaluation";
import { formatRatio, humanize } from "../../lib/format";

function GroupCell({ group }: { group: Group | null }) {
  if (!group) return <>n/a</>;
  return (
    <>
      {group.name} {formatRatio(group.rate)} <span className="subtle">(n={group.size})</span>
    </>
  );
}

/** Parity per attribute and outcome, flagged ratios first; the groups behind each ratio are shown. */
export function FairnessTable({ rows }: { rows: Record<string, unknown>[] }) {
  const [onlyFlagged, setOnlyFlagged] = useState(true);
  const all = sortParities(rows.map(readParity));
  const shown = onlyFlagged ? all.filter((p) => p.flagged) : all;
  return (
    <>
      <p>
        <strong>{all.filter((p) => p.flagged).length}</strong> of {all.length} ratios are under 0.8.{" "}
        <label className="checkbox" style={{ display: "inline-flex" }}>
          <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} /> Show only
          flagged ratios
        </label>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Attribute</th>
              <th>Outcome</th>
              <th className="num">Ratio</th>
              <th>Lowest group</th>
              <th>Highest group</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={`${p.attribute}-${p.outcome}`}>
                <td>{humanize(p.attribute)}</td>
                <td>{outcomeLabel(p.outcome)}</td>
                <td className="num">
                  {p.ratio === null ? "n/a" : p.ratio.toFixed(2)}{" "}
                  {p.flagged && <span className="badge badge-warn">under 0.8</span>}
                </td>
                <td>
                  <GroupCell group={p.lowest} />
                </td>
                <td>
                  <GroupCell group={p.highest} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
