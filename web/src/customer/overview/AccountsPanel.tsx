import type { AccountSummary } from "../../api/types";
import { formatMask, formatRatio, humanize } from "../../lib/format";
import { formatMoney } from "../../lib/money";

function Balance({ account }: { account: AccountSummary }) {
  if (account.current_cents === null) return <span className="subtle">n/a</span>;
  const balance = formatMoney(account.current_cents);
  if (account.type !== "credit" || !account.limit_cents) return <>{balance}</>;
  const used = account.current_cents / account.limit_cents;
  return (
    <>
      {balance} owed <span className="subtle">of {formatMoney(account.limit_cents)}</span>
      <div
        className="progress"
        style={{ marginTop: "0.3rem" }}
        role="img"
        aria-label={`${formatRatio(used)} of the limit used`}
      >
        <div
          className={`progress-fill ${used >= 0.5 ? "over" : used >= 0.3 ? "watch" : ""}`}
          style={{ width: `${Math.min(100, used * 100)}%` }}
        />
      </div>
      <span className="subtle">{formatRatio(used)} used</span>
    </>
  );
}

export function AccountsPanel({ accounts }: { accounts: AccountSummary[] }) {
  return (
    <div className="panel">
      <h2>Your accounts</h2>
      {accounts.length === 0 ? (
        <p className="empty">No accounts connected.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Account</th>
                <th className="hide-phone">Type</th>
                <th className="num">Balance</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.account_id}>
                  <td>
                    {a.name} <span className="subtle">{formatMask(a.mask)}</span>
                    {a.is_business && <div className="subtle">Business account, not part of your analysis</div>}
                  </td>
                  <td className="hide-phone">{humanize(a.subtype ?? a.type)}</td>
                  <td className="num" style={{ minWidth: "9rem" }}>
                    <Balance account={a} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
