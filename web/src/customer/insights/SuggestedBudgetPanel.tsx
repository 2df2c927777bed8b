import type { SuggestedBudget } from "../../api/types";
import { formatMonth } from "../../lib/format";
import { formatMoney } from "../../lib/money";

const BUCKETS = [
  ["needs", "Needs"],
  ["wants", "Wants"],
  ["savings", "Savings"],
] as const;

/** The suggestion: per category from the customer's own typical month, and the 50/30/20 view. */
export function SuggestedBudgetPanel({ suggested }: { suggested: SuggestedBudget }) {
  const currency = suggested.iso_currency_code;
  const money = (cents: number) => formatMoney(cents, { currency });
  const split = suggested.fifty_thirty_twenty;
  const basis = suggested.based_on_months;
  return (
    <div className="panel">
      <h3>Suggested budget for {formatMonth(suggested.month)}</h3>
      <p className="subtle">
        Based on a typical month of your own spending
        {basis.length > 0 && ` (${formatMonth(basis[0] ?? "")} – ${formatMonth(basis[basis.length - 1] ?? "")})`}, never
        less than your regular bills. Total {money(suggested.total_suggested_cents)} a month.
      </p>
      <div className="grid-2">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Category</th>
                <th className="num">Typical month</th>
                <th className="num">Suggested</th>
              </tr>
            </thead>
            <tbody>
              {suggested.categories.map((c) => (
                <tr key={c.category}>
                  <td>
                    {c.label}
                    {c.bills_cents > 0 && <div className="subtle">includes {money(c.bills_cents)} of bills</div>}
                  </td>
                  <td className="num">{money(c.median_cents)}</td>
                  <td className="num">{money(c.suggested_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h4>The 50/30/20 guide</h4>
          <p className="subtle">
            A common rule of thumb: about half of income for needs, 30% for wants, 20% for savings. Monthly income:{" "}
            {money(split.monthly_income_cents)}.
          </p>
          <table>
            <thead>
              <tr>
                <th>Part</th>
                <th className="num">Yours</th>
                <th className="num">Guide</th>
              </tr>
            </thead>
            <tbody>
              {BUCKETS.map(([key, label]) => {
                const bucket = split[key];
                return (
                  <tr key={key}>
                    <td>{label}</td>
                    <td className="num">
                      {money(bucket.actual_cents)}
                      {bucket.actual_pct !== null && (
                        <span className="subtle"> ({Math.round(bucket.actual_pct)}%)</span>
                      )}
                    </td>
                    <td className="num">
                      {money(bucket.target_cents)} <span className="subtle">({bucket.target_pct}%)</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
