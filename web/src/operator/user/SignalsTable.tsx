import { WINDOWS, type SignalsView } from "../../api/types";
import { formatSignal, SIGNAL_GROUPS, signalLabel } from "../../lib/signalCatalog";

/** The user's signals, grouped by area, 30 days beside 180 days. */
export function SignalsTable({ signals }: { signals: SignalsView }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Signal</th>
            <th className="num">30 days</th>
            <th className="num">180 days</th>
          </tr>
        </thead>
        {SIGNAL_GROUPS.map((group) => (
          <tbody key={group.title}>
            <tr>
              <th colSpan={3} scope="colgroup">
                {group.title}
              </th>
            </tr>
            {group.names.map((name) => (
              <tr key={name}>
                <td>{signalLabel(name)}</td>
                {WINDOWS.map((w) => (
                  <td key={w} className="num">
                    {formatSignal(name, signals.windows[w]?.signals[name] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
