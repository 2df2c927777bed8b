import { describe, expect, it } from "vitest";
import { describeBehaviours, spanOfMonths } from "./behaviours";
import { personaReasons } from "./personas";

const heavyCard = {
  card_count: 1,
  max_utilization: 0.68,
  interest_charges: 4521,
  minimum_payment_only: true,
  is_overdue: false,
  recurring_merchant_count: 4,
  monthly_recurring_spend: 5497,
  subscription_share: 0.12,
  savings_account_count: 0,
  fee_count: 0,
  monthly_income: 420000,
  income_frequency: "biweekly",
  cash_flow_buffer_months: 0.8,
};

describe("describeBehaviours", () => {
  it("writes the customer's own numbers in plain sentences", () => {
    const texts = describeBehaviours(heavyCard, "30d").map((b) => b.text);
    expect(texts).toEqual([
      "Your highest card balance is 68% of its limit; below 30% helps your credit score.",
      "You paid $45.21 in card interest in the last 30 days.",
      "Your last card payment was about the minimum due.",
      "You're paid biweekly, about $4,200 a month.",
      "Your checking balance would cover about 3 weeks of spending.",
      "You have 4 subscriptions costing about $55 a month (12% of your spending).",
    ]);
  });

  it("names the window's period", () => {
    const texts = describeBehaviours({ fee_count: 2, fee_total: 7000 }, "180d").map((b) => b.text);
    expect(texts).toEqual(["You were charged 2 bank fees totalling $70 in the last 6 months."]);
  });

  it("reports savings as positive when they grow", () => {
    const found = describeBehaviours(
      {
        savings_account_count: 1,
        savings_net_inflow_monthly: 25000,
        savings_growth_rate: 0.031,
        emergency_fund_months: 3.4,
      },
      "180d",
    );
    expect(found.map((b) => [b.text, b.tone])).toEqual([
      ["You put about $250 a month into savings, growing your savings by 3.1%.", "positive"],
      ["Your savings would cover about 3.4 months of your usual spending.", "positive"],
    ]);
  });

  it("says nothing about areas without data", () => {
    expect(describeBehaviours({}, "30d")).toEqual([]);
  });
});

describe("spanOfMonths", () => {
  it.each([
    [3.44, "3.4 months"],
    [1, "1 month"],
    [0.8, "3 weeks"],
    [0.2, "6 days"],
    [0, "less than 2 days"],
  ])("says %f months as %j", (value, text) => {
    expect(spanOfMonths(value)).toBe(text);
  });
});

describe("personaReasons", () => {
  it("explains a persona with the behaviours of its area", () => {
    const reasons = personaReasons("high_utilization", describeBehaviours(heavyCard, "30d"));
    expect(reasons.map((r) => r.area)).toEqual(["credit", "credit", "credit"]);
  });

  it("has no reasons for an unknown persona", () => {
    expect(personaReasons("not_a_persona", describeBehaviours(heavyCard, "30d"))).toEqual([]);
  });
});
