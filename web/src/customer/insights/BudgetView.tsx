import { useState } from "react";
import { getBudgetTracking, getSuggestedBudget, saveBudgets } from "../../api/customer";
import type { BudgetTracking, SuggestedBudget } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { QueryView } from "../../components/QueryView";
import { Stat } from "../../components/Stat";
import { monthElapsed } from "../../lib/budget";
import { formatMonth } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import { BudgetEditor, type BudgetLine } from "./BudgetEditor";
import { BudgetRow } from "./BudgetRow";
import { SuggestedBudgetPanel } from "./SuggestedBudgetPanel";

interface Both {
  tracking: BudgetTracking;
  suggested: SuggestedBudget;
}

export function BudgetView({ userId }: { userId: string }) {
  const query = useQuery<Both>(async () => {
    const [tracking, suggested] = await Promise.all([getBudgetTracking(userId), getSuggestedBudget(userId)]);
    return { tracking, suggested };
  }, `budget:${userId}`);
  return (
    <QueryView query={query} label="your budget" userId={userId}>
      {(both) => <Budget {...both} userId={userId} onSaved={query.reload} />}
    </QueryView>
  );
}

/** Budgeted categories first (with their amounts), then the suggestion's other categories. */
export function editorLines(tracking: BudgetTracking, suggested: SuggestedBudget): BudgetLine[] {
  const lines: BudgetLine[] = tracking.categories.map((c) => ({
    category: c.category,
    label: c.label,
    cents: c.budget_cents,
  }));
  const seen = new Set(lines.map((l) => l.category));
  const fresh = tracking.categories.length === 0;
  for (const c of suggested.categories) {
    if (!seen.has(c.category))
      lines.push({ category: c.category, label: c.label, cents: fresh ? c.suggested_cents : null });
  }
  return lines;
}

function Budget({ tracking, suggested, userId, onSaved }: Both & { userId: string; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const currency = tracking.iso_currency_code;
  const money = (cents: number) => formatMoney(cents, { currency });
  const elapsed = monthElapsed(tracking.days_elapsed, tracking.days_in_month);
  const hasBudget = tracking.categories.length > 0;

  return (
    <section aria-labelledby="budget-title">
      <div className="stats">
        <Stat
          label={`Budget for ${formatMonth(tracking.month)}`}
          value={hasBudget ? money(tracking.total_budget_cents) : "Not set"}
          note={elapsed.label}
        />
        <Stat label="Spent in budgeted categories" value={money(tracking.total_spent_cents)} />
        <Stat
          label="Left to spend"
          value={hasBudget ? money(tracking.total_budget_cents - tracking.total_spent_cents) : "—"}
        />
      </div>
      <div className="panel">
        <div className="panel-header">
          <h2 id="budget-title">Budget tracking</h2>
          {!editing && (
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {hasBudget ? "Edit budgets" : "Set up a budget"}
            </button>
          )}
        </div>
        {editing ? (
          <BudgetEditor
            month={tracking.month}
            lines={editorLines(tracking, suggested)}
            onCancel={() => setEditing(false)}
            onSave={async (amounts) => {
              await saveBudgets(userId, tracking.month, amounts, currency);
              setEditing(false);
              onSaved();
            }}
          />
        ) : hasBudget ? (
          <>
            <p className="subtle">
              The dark tick on each bar marks what you would have spent by today at an even pace.
            </p>
            <ul className="budget-list">
              {tracking.categories.map((item) => (
                <BudgetRow key={item.category} item={item} currency={currency} />
              ))}
            </ul>
          </>
        ) : (
          <p>
            You have no budget for {formatMonth(tracking.month)} yet. Start from the suggestion below and adjust it.
          </p>
        )}
      </div>
      {tracking.unbudgeted.length > 0 && !editing && (
        <div className="panel">
          <h3>Spending without a budget this month</h3>
          <table>
            <tbody>
              {tracking.unbudgeted.map((c) => (
                <tr key={c.category}>
                  <td>{c.label}</td>
                  <td className="num">{money(c.amount_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SuggestedBudgetPanel suggested={suggested} />
    </section>
  );
}
