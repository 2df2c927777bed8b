import { useState } from "react";
import { useParams } from "react-router";
import { getTransactions } from "../api/customer";
import type { TransactionView } from "../api/types";
import { useQuery } from "../api/useQuery";
import { Pager } from "../components/Pager";
import { QueryView } from "../components/QueryView";
import { formatDate, humanize } from "../lib/format";
import { formatMoney } from "../lib/money";
import { useDebounced } from "../lib/useDebounced";

const PAGE = 25;

export default function TransactionsPage() {
  const { userId = "" } = useParams();
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const q = useDebounced(search.trim());
  const query = useQuery(() => getTransactions(userId, { q, limit: PAGE, offset }), `tx:${userId}:${q}:${offset}`);
  return (
    <>
      <div className="page-title">
        <h1>Transactions</h1>
        <p>Newest first. Money in shows with a plus sign.</p>
      </div>
      <div className="panel">
        <div className="toolbar">
          <div className="field">
            <label htmlFor="tx-search">Search by name or merchant</label>
            <input
              id="tx-search"
              type="search"
              value={search}
              placeholder="e.g. coffee, Netflix"
              onChange={(e) => {
                setSearch(e.target.value);
                setOffset(0);
              }}
            />
          </div>
        </div>
        <QueryView query={query} label="transactions" userId={userId}>
          {(page) => (
            <>
              {page.items.length === 0 ? (
                <p className="empty">No transactions match.</p>
              ) : (
                <TransactionTable items={page.items} />
              )}
              <Pager
                total={page.total}
                limit={page.limit}
                offset={page.offset}
                onChange={setOffset}
                noun="transactions"
              />
            </>
          )}
        </QueryView>
      </div>
    </>
  );
}

function TransactionTable({ items }: { items: TransactionView[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Date</th>
            <th>Description</th>
            <th className="hide-phone">Category</th>
            <th className="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.transaction_id}>
              <td>{formatDate(t.date)}</td>
              <td>
                {t.merchant_name ?? t.name}
                {t.pending && (
                  <span className="badge" style={{ marginLeft: "0.4rem" }}>
                    pending
                  </span>
                )}
              </td>
              <td className="hide-phone">{t.category ? humanize(t.category) : "—"}</td>
              {/* Plaid's sign is positive for money out; people read money in as the plus. */}
              <td className="num">{formatMoney(-t.amount_cents, { currency: t.iso_currency_code, signed: true })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
