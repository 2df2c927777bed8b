import { getWeeklyRecap } from "../../api/customer";
import type { WeeklyRecap } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { MoneyBars } from "../../components/charts/MoneyBars";
import { COLORS } from "../../components/charts/palette";
import { QueryView } from "../../components/QueryView";
import { Stat } from "../../components/Stat";
import { formatChangePct, formatDate, formatDateRange, formatWeekday } from "../../lib/format";
import { formatMoney } from "../../lib/money";

export function WeeklyRecapView({ userId }: { userId: string }) {
  const query = useQuery(() => getWeeklyRecap(userId), `recap:${userId}`);
  return (
    <QueryView query={query} label="your week" userId={userId}>
      {(recap) => <Recap recap={recap} />}
    </QueryView>
  );
}

function Recap({ recap }: { recap: WeeklyRecap }) {
  const currency = recap.iso_currency_code;
  const money = (cents: number) => formatMoney(cents, { currency });
  const categories = recap.by_category.slice(0, 8);
  return (
    <section aria-labelledby="recap-title">
      <h2 id="recap-title" className="visually-hidden">
        Weekly recap
      </h2>
      <p className="summary">{recap.summary}</p>
      <div className="stats">
        <Stat label={`Spent ${formatDateRange(recap.start, recap.as_of)}`} value={money(recap.total_spend_cents)} />
        <Stat label="The week before" value={money(recap.previous_total_spend_cents)} />
        <Stat
          label="Change"
          value={formatMoney(recap.change_cents, { currency, signed: true })}
          note={recap.change_pct === null ? "no spending the week before" : formatChangePct(recap.change_pct)}
        />
      </div>
      <div className="grid-2">
        <div className="panel">
          <h3>Spending by day</h3>
          {recap.total_spend_cents === 0 ? (
            <p className="empty">No spending this week.</p>
          ) : (
            <MoneyBars
              data={recap.daily}
              categoryKey="date"
              formatCategory={formatWeekday}
              series={[{ key: "spend_cents", name: "Spent", color: COLORS.spend }]}
              description={`Spending per day from ${formatDate(recap.start)} to ${formatDate(recap.as_of)}.`}
              currency={currency}
            />
          )}
        </div>
        <div className="panel">
          <h3>By category, this week and the week before</h3>
          {categories.length === 0 ? (
            <p className="empty">No spending this week.</p>
          ) : (
            <MoneyBars
              data={categories}
              categoryKey="label"
              horizontal
              height={Math.max(200, categories.length * 44)}
              series={[
                { key: "spend_cents", name: "This week", color: COLORS.spend },
                { key: "previous_spend_cents", name: "Week before", color: COLORS.previous },
              ]}
              description="Spending by category this week compared with the week before."
              currency={currency}
            />
          )}
        </div>
      </div>
      {recap.top_merchants.length > 0 && (
        <div className="panel">
          <h3>Where it went</h3>
          <table>
            <thead>
              <tr>
                <th>Merchant</th>
                <th className="num">Purchases</th>
                <th className="num">Spent</th>
              </tr>
            </thead>
            <tbody>
              {recap.top_merchants.map((m) => (
                <tr key={m.merchant}>
                  <td>{m.merchant}</td>
                  <td className="num">{m.transactions}</td>
                  <td className="num">{money(m.spend_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
