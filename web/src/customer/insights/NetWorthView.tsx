import { getNetWorth } from "../../api/customer";
import type { NetWorth } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { NetWorthChart } from "../../components/charts/NetWorthChart";
import { QueryView } from "../../components/QueryView";
import { Stat } from "../../components/Stat";
import { formatDate, formatMask, humanize } from "../../lib/format";
import { formatMoney } from "../../lib/money";

export function NetWorthView({ userId }: { userId: string }) {
  const query = useQuery(() => getNetWorth(userId), `networth:${userId}`);
  return (
    <QueryView query={query} label="your net worth" userId={userId}>
      {(worth) => <Worth worth={worth} />}
    </QueryView>
  );
}

function Worth({ worth }: { worth: NetWorth }) {
  const currency = worth.iso_currency_code;
  const money = (cents: number) => formatMoney(cents, { currency });
  const since = worth.history[0]?.date;
  return (
    <section aria-labelledby="networth-title">
      <h2 id="networth-title" className="visually-hidden">
        Net worth
      </h2>
      <div className="stats">
        <Stat label={`Net worth on ${formatDate(worth.as_of)}`} value={money(worth.net_worth_cents)} />
        <Stat label="What you have" value={money(worth.assets_cents)} />
        <Stat label="What you owe" value={money(worth.liabilities_cents)} />
        <Stat
          label={since ? `Change since ${formatDate(since)}` : "Change"}
          value={formatMoney(worth.change_cents, { currency, signed: true })}
        />
      </div>
      <div className="panel">
        <h3>Net worth over time</h3>
        <NetWorthChart history={worth.history} currency={currency} />
      </div>
      <div className="panel">
        <h3>Accounts</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Account</th>
                <th>Type</th>
                <th className="num">Balance</th>
              </tr>
            </thead>
            <tbody>
              {worth.accounts.map((a) => (
                <tr key={a.account_id}>
                  <td>
                    {a.name} <span className="subtle">{formatMask(a.mask)}</span>
                  </td>
                  <td>{humanize(a.subtype ?? a.type)}</td>
                  <td className="num">
                    {a.balance_cents === null
                      ? "n/a"
                      : a.side === "liability"
                        ? `owed ${money(a.balance_cents)}`
                        : money(a.balance_cents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
