// The detected behaviours as sentences a customer reads: their own numbers, no judgement.
import { formatRatio, humanize } from "./format";
import { formatMoney } from "./money";
import { flag, num, text, type Signals } from "./signals";

export type Tone = "positive" | "neutral" | "attention";

export interface Behaviour {
  area: "subscriptions" | "savings" | "credit" | "income" | "fees";
  text: string;
  tone: Tone;
}

const PERIOD: Record<string, string> = { "30d": "in the last 30 days", "180d": "in the last 6 months" };

/** A span of months as a person says it: "2.5 months", "3 weeks", "4 days". */
export function spanOfMonths(value: number): string {
  if (value >= 1) {
    const rounded = Math.round(value * 10) / 10;
    return `${rounded} ${rounded === 1 ? "month" : "months"}`;
  }
  const days = Math.round(value * 30);
  if (days >= 14) return `${Math.round(days / 7)} weeks`;
  if (days <= 1) return "less than 2 days";
  return `${days} days`;
}

function subscriptions(s: Signals, money: (c: number) => string): Behaviour[] {
  const count = num(s, "recurring_merchant_count") ?? 0;
  if (count === 0) return [];
  const monthly = num(s, "monthly_recurring_spend") ?? 0;
  const share = num(s, "subscription_share");
  const shareText = share !== null && share > 0 ? ` (${formatRatio(share)} of your spending)` : "";
  return [
    {
      area: "subscriptions",
      text: `You have ${count} ${count === 1 ? "subscription" : "subscriptions"} costing about ${money(monthly)} a month${shareText}.`,
      tone: count >= 3 ? "attention" : "neutral",
    },
  ];
}

function savings(s: Signals, money: (c: number) => string): Behaviour[] {
  if ((num(s, "savings_account_count") ?? 0) === 0) return [];
  const out: Behaviour[] = [];
  const inflow = num(s, "savings_net_inflow_monthly") ?? 0;
  const growth = num(s, "savings_growth_rate");
  if (inflow > 0) {
    const grew = growth !== null && growth > 0 ? `, growing your savings by ${formatRatio(growth, 1)}` : "";
    out.push({
      area: "savings",
      text: `You put about ${money(inflow)} a month into savings${grew}.`,
      tone: "positive",
    });
  } else {
    out.push({ area: "savings", text: "Your savings balance held steady, with no net deposits.", tone: "neutral" });
  }
  const cover = num(s, "emergency_fund_months");
  if (cover !== null) {
    out.push({
      area: "savings",
      text: `Your savings would cover about ${spanOfMonths(cover)} of your usual spending.`,
      tone: cover >= 3 ? "positive" : "attention",
    });
  }
  return out;
}

function credit(s: Signals, money: (c: number) => string, period: string): Behaviour[] {
  if ((num(s, "card_count") ?? 0) === 0) return [];
  const out: Behaviour[] = [];
  const util = num(s, "max_utilization");
  if (util !== null) {
    out.push({
      area: "credit",
      text: `Your highest card balance is ${formatRatio(util)} of its limit${util >= 0.3 ? "; below 30% helps your credit score" : ""}.`,
      tone: util >= 0.3 ? "attention" : "positive",
    });
  }
  const interest = num(s, "interest_charges") ?? 0;
  if (interest > 0)
    out.push({ area: "credit", text: `You paid ${money(interest)} in card interest ${period}.`, tone: "attention" });
  if (flag(s, "minimum_payment_only")) {
    out.push({ area: "credit", text: "Your last card payment was about the minimum due.", tone: "attention" });
  }
  if (flag(s, "is_overdue"))
    out.push({ area: "credit", text: "A card payment is past its due date.", tone: "attention" });
  return out;
}

function income(s: Signals, money: (c: number) => string): Behaviour[] {
  const monthly = num(s, "monthly_income") ?? 0;
  if (monthly <= 0 && !flag(s, "has_income")) return [];
  const out: Behaviour[] = [];
  const frequency = text(s, "income_frequency");
  const paid = frequency ? `You're paid ${humanize(frequency).toLowerCase()}, ` : "Your income is ";
  out.push({ area: "income", text: `${paid}about ${money(monthly)} a month.`, tone: "neutral" });
  const gap = num(s, "median_pay_gap_days");
  if (gap !== null && gap > 45) {
    out.push({
      area: "income",
      text: `Your pay arrives about every ${Math.round(gap)} days, so planning between paydays matters.`,
      tone: "attention",
    });
  }
  const buffer = num(s, "cash_flow_buffer_months");
  if (buffer !== null) {
    out.push({
      area: "income",
      text: `Your checking balance would cover about ${spanOfMonths(buffer)} of spending.`,
      tone: buffer >= 1 ? "positive" : "attention",
    });
  }
  return out;
}

function fees(s: Signals, money: (c: number) => string, period: string): Behaviour[] {
  const count = num(s, "fee_count") ?? 0;
  if (count === 0) return [];
  const total = num(s, "fee_total") ?? 0;
  return [
    {
      area: "fees",
      text: `You were charged ${count} bank ${count === 1 ? "fee" : "fees"} totalling ${money(total)} ${period}.`,
      tone: "attention",
    },
  ];
}

/** Every behaviour the signals show, in a fixed order of areas. */
export function describeBehaviours(signals: Signals, window: string, currency = "USD"): Behaviour[] {
  // "About" figures read better in whole dollars; exact ones (interest, fees) keep their cents.
  const money = (cents: number) => formatMoney(Math.round(cents), { currency });
  const about = (cents: number) => formatMoney(Math.round(cents / 100) * 100, { currency });
  const period = PERIOD[window] ?? "in this period";
  return [
    ...credit(signals, money, period),
    ...fees(signals, money, period),
    ...income(signals, about),
    ...subscriptions(signals, about),
    ...savings(signals, about),
  ];
}
