import { getSubscriptions } from "../../api/customer";
import type { RecurringCharge, Subscriptions } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { QueryView } from "../../components/QueryView";
import { Stat } from "../../components/Stat";
import { formatChangePct, formatDate, humanize } from "../../lib/format";
import { formatMoney } from "../../lib/money";

export function SubscriptionsView({ userId }: { userId: string }) {
  const query = useQuery(() => getSubscriptions(userId), `subscriptions:${userId}`);
  return (
    <QueryView query={query} label="your subscriptions" userId={userId}>
      {(subs) => <SubscriptionList subs={subs} />}
    </QueryView>
  );
}

function PriceChangeNote({ charge, currency }: { charge: RecurringCharge; currency: string }) {
  const change = charge.price_change;
  if (!change) return <span className="subtle">—</span>;
  const up = change.change_cents > 0;
  return (
    <span className={`badge ${up ? "badge-warn" : "badge-good"}`}>
      {up ? "Up" : "Down"} {formatMoney(change.previous_cents, { currency })} →{" "}
      {formatMoney(change.latest_cents, { currency })} ({formatChangePct(change.change_pct)}) since{" "}
      {formatDate(change.changed_on)}
    </span>
  );
}

function ChargeTable({
  charges,
  currency,
  caption,
}: {
  charges: RecurringCharge[];
  currency: string;
  caption: string;
}) {
  if (charges.length === 0) return <p className="empty">None found.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th>Merchant</th>
            <th className="hide-phone">How often</th>
            <th className="num">Per month</th>
            <th>Next charge</th>
            <th>Price change</th>
          </tr>
        </thead>
        <tbody>
          {charges.map((c) => (
            <tr key={c.stream_id}>
              <td>
                {c.merchant}
                <div className="subtle">{c.label}</div>
              </td>
              <td className="hide-phone">{humanize(c.frequency)}</td>
              <td className="num">{formatMoney(c.monthly_cents, { currency })}</td>
              <td>{formatDate(c.next_date)}</td>
              <td>
                <PriceChangeNote charge={c} currency={currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SubscriptionList({ subs }: { subs: Subscriptions }) {
  const currency = subs.iso_currency_code;
  return (
    <section aria-labelledby="subs-title">
      <h2 id="subs-title" className="visually-hidden">
        Subscriptions
      </h2>
      <p className="summary">{subs.summary}</p>
      <div className="stats">
        <Stat
          label="Subscriptions per month"
          value={formatMoney(subs.subscriptions_monthly_cents, { currency })}
          note={`${subs.subscriptions.length} active`}
        />
        <Stat
          label="Other regular bills per month"
          value={formatMoney(subs.other_bills_monthly_cents, { currency })}
          note={`${subs.other_bills.length} ${subs.other_bills.length === 1 ? "bill" : "bills"}`}
        />
      </div>
      <div className="panel">
        <h3>Subscriptions</h3>
        <ChargeTable charges={subs.subscriptions} currency={currency} caption="Subscriptions" />
      </div>
      <div className="panel">
        <h3>Other regular bills</h3>
        <p className="subtle">Rent, loan payments and other charges that repeat.</p>
        <ChargeTable charges={subs.other_bills} currency={currency} caption="Other regular bills" />
      </div>
    </section>
  );
}
