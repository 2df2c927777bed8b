// Labels and units of the engine's signals (spendsense.signals.catalog), for the operator's tables.
import { formatRatio, humanize } from "./format";
import { formatMoney } from "./money";

export type Unit = "cents" | "count" | "ratio" | "months" | "days" | "flag" | "frequency";

const S = (label: string, unit: Unit) => ({ label, unit });

export const SIGNALS: Record<string, { label: string; unit: Unit }> = {
  max_utilization: S("Highest card utilization", "ratio"),
  util_ge_30: S("A card at 30%+ utilization", "flag"),
  util_ge_50: S("A card at 50%+ utilization", "flag"),
  util_ge_80: S("A card at 80%+ utilization", "flag"),
  card_count: S("Credit cards", "count"),
  card_balance: S("Owed on cards", "cents"),
  card_limit: S("Card limits", "cents"),
  interest_charges: S("Interest charged", "cents"),
  minimum_payment_only: S("Minimum payment only", "flag"),
  is_overdue: S("Card payment overdue", "flag"),
  fee_count: S("Bank fees", "count"),
  fee_total: S("Bank fees, total", "cents"),
  overdraft_fee_count: S("Overdraft fees", "count"),
  nsf_fee_count: S("Insufficient-funds fees", "count"),
  late_fee_count: S("Late fees", "count"),
  other_fee_count: S("Other bank fees", "count"),
  income: S("Income in the window", "cents"),
  monthly_income: S("Income per month", "cents"),
  income_deposit_count: S("Income deposits", "count"),
  payroll_detected: S("Payroll deposit found", "flag"),
  income_stream_count: S("Income streams", "count"),
  income_frequency: S("Pay frequency", "frequency"),
  median_pay_gap_days: S("Median pay gap", "days"),
  income_variability: S("Pay variability", "ratio"),
  checking_balance: S("Checking balance", "cents"),
  cash_flow_buffer_months: S("Cash-flow buffer", "months"),
  spending: S("Spending in the window", "cents"),
  monthly_spending: S("Spending per month", "cents"),
  recurring_stream_count: S("Recurring streams", "count"),
  recurring_merchant_count: S("Subscriptions", "count"),
  monthly_recurring_spend: S("Subscriptions per month", "cents"),
  subscription_spend: S("Subscription spend", "cents"),
  subscription_share: S("Subscription share of spending", "ratio"),
  savings_account_count: S("Savings accounts", "count"),
  savings_balance: S("Savings balance", "cents"),
  savings_net_inflow: S("Net into savings", "cents"),
  savings_net_inflow_monthly: S("Net into savings per month", "cents"),
  savings_growth_rate: S("Savings growth", "ratio"),
  emergency_fund_months: S("Emergency fund", "months"),
  behaviour_count: S("Behaviour areas", "count"),
};

/** Areas in the order the operator reads them; each signal belongs to one. */
export const SIGNAL_GROUPS: { title: string; names: string[] }[] = [
  {
    title: "Credit",
    names: ["max_utilization", "card_balance", "card_limit", "interest_charges", "minimum_payment_only", "is_overdue"],
  },
  { title: "Fees", names: ["fee_count", "fee_total", "overdraft_fee_count", "nsf_fee_count", "late_fee_count"] },
  {
    title: "Income",
    names: [
      "monthly_income",
      "income_frequency",
      "median_pay_gap_days",
      "income_variability",
      "cash_flow_buffer_months",
    ],
  },
  { title: "Subscriptions", names: ["recurring_merchant_count", "monthly_recurring_spend", "subscription_share"] },
  {
    title: "Savings",
    names: ["savings_balance", "savings_net_inflow_monthly", "savings_growth_rate", "emergency_fund_months"],
  },
  { title: "Spending", names: ["monthly_spending", "behaviour_count"] },
];

export function signalLabel(name: string): string {
  return SIGNALS[name]?.label ?? humanize(name);
}

/** A signal's value as text, by its unit; `null` (not applicable) reads "n/a". */
export function formatSignal(name: string, value: unknown, unit?: string): string {
  if (value === null || value === undefined) return "n/a";
  const kind = unit ?? SIGNALS[name]?.unit;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return humanize(value);
  if (typeof value !== "number") return String(value);
  switch (kind) {
    case "cents":
      return formatMoney(Math.round(value));
    case "ratio":
      return formatRatio(value, 1);
    case "months":
      return `${value.toFixed(1)} mo`;
    case "days":
      return `${Math.round(value)} days`;
    case "flag":
      return value ? "yes" : "no";
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}
