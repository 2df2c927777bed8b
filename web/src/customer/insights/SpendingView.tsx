import { getSpendingAnalysis } from "../../api/customer";
import type { CategoryTrend, SpendingAnalysis } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { MoneyBars } from "../../components/charts/MoneyBars";
import { COLORS } from "../../components/charts/palette";
import { QueryView } from "../../components/QueryView";
import { Stat } from "../../components/Stat";
import { formatChangePct, formatMonth, formatRatio } from "../../lib/format";
import { formatMoney } from "../../lib/money";

export function SpendingView({ userId }: { userId: string }) {
  const query = useQuery(() => getSpendingAnalysis(userId), `spending:${userId}`);
  return (
    <QueryView query={query} label="your spending" userId={userId}>
      {(analysis) => <Analysis analysis={analysis} />}
    </QueryView>
  );
}

const TREND_TEXT = { rising: "Rising", falling: "Falling", steady: "Steady" } as const;
const TREND_BADGE = { rising: "badge-warn", falling: "badge-good", steady: "" } as const;

function TrendBadge({ trend }: { trend: CategoryTrend["trend"] }) {
  if (!trend) return <span className="subtle">n/a</span>;
  return (
    <span className={`badge ${TREND_BADGE[trend.direction]}`}>
      {TREND_TEXT[trend.direction]} {trend.change_pct !== null && formatChangePct(trend.change_pct)}
    </span>
  );
}

function Analysis({ analysis }: { analysis: SpendingAnalysis }) {
  const currency = analysis.iso_currency_code;
  const money = (cents: number | null) => (cents === null ? "n/a" : formatMoney(cents, { currency }));
  const months = analysis.months.map((m) => ({ ...m, label: formatMonth(m.month, true) + (m.complete ? "" : "*") }));
  return (
    <section aria-labelledby="spending-title">
      <h2 id="spending-title" className="visually-hidden">
        Spending analysis
      </h2>
      {analysis.observations.length > 0 && (
        <div className="summary">
          {analysis.observations.map((o) => (
            <p key={o}>{o}</p>
          ))}
        </div>
      )}
      <div className="stats">
        <Stat label="Average monthly income" value={money(analysis.average_income_cents)} />
        <Stat label="Average monthly spending" value={money(analysis.average_spend_cents)} />
        <Stat
          label="Kept from income"
          value={formatRatio(analysis.savings_rate)}
          note={`over ${analysis.complete_months} full months`}
        />
      </div>
      <div className="panel">
        <h3>Money in and money out, by month</h3>
        <MoneyBars
          data={months}
          categoryKey="label"
          series={[
            { key: "income_cents", name: "Income", color: COLORS.income },
            { key: "spend_cents", name: "Spending", color: COLORS.spend },
          ]}
          description="Income and spending for each of the last months."
          currency={currency}
        />
        {analysis.months.some((m) => !m.complete) && <p className="legend-note">* month still in progress</p>}
      </div>
      <div className="panel">
        <h3>By category</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Category</th>
                <th className="num">Monthly average</th>
                <th className="num">Share</th>
                <th>Trend</th>
              </tr>
            </thead>
            <tbody>
              {analysis.by_category.map((c) => (
                <tr key={c.category}>
                  <td>{c.label}</td>
                  <td className="num">{money(c.average_cents)}</td>
                  <td className="num">{c.share_pct === null ? "n/a" : `${Math.round(c.share_pct)}%`}</td>
                  <td>
                    <TrendBadge trend={c.trend} />
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
