// Budget progress and pace for one category, from the budget-tracking insight's numbers.
// The server decides the status; this turns the numbers into bar widths and one sentence.
import { formatMoney } from "./money";

export type BudgetStatus = "on_track" | "watch" | "over";

export interface TrackedNumbers {
  budget_cents: number;
  spent_cents: number;
  expected_by_now_cents: number;
  projected_cents: number;
  status: BudgetStatus;
}

export interface BudgetProgress {
  /** Width of the spent bar, 0-100 (capped: an overspent bar fills the track). */
  spentPct: number;
  /** Where "expected by today" sits on the track, 0-100. */
  pacePct: number;
  /** Spent as a share of the budget, uncapped and rounded (e.g. 134 when over). */
  usedPct: number;
  statusLabel: string;
  sentence: string;
}

const STATUS_LABEL: Record<BudgetStatus, string> = {
  on_track: "On track",
  watch: "Ahead of pace",
  over: "Over budget",
};

function pct(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return (part / whole) * 100;
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

export function budgetProgress(item: TrackedNumbers, currency = "USD"): BudgetProgress {
  const money = (cents: number) => formatMoney(cents, { currency });
  const used = pct(item.spent_cents, item.budget_cents);
  const remaining = item.budget_cents - item.spent_cents;
  let sentence: string;
  if (item.status === "over") {
    sentence = `${money(-remaining)} over a ${money(item.budget_cents)} budget.`;
  } else if (item.status === "watch") {
    sentence = `${money(item.spent_cents)} spent, ahead of the ${money(item.expected_by_now_cents)} expected by today; at this pace the month ends near ${money(item.projected_cents)}.`;
  } else {
    sentence = `${money(remaining)} left of ${money(item.budget_cents)}.`;
  }
  return {
    spentPct: clamp(used),
    pacePct: clamp(pct(item.expected_by_now_cents, item.budget_cents)),
    usedPct: Math.round(used),
    statusLabel: STATUS_LABEL[item.status],
    sentence,
  };
}

/** "12 of 30 days" and the share of the month gone, for the month header. */
export function monthElapsed(daysElapsed: number, daysInMonth: number): { label: string; pct: number } {
  return {
    label: `Day ${daysElapsed} of ${daysInMonth}`,
    pct: clamp(pct(daysElapsed, daysInMonth)),
  };
}
