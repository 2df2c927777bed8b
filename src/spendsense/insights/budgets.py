"""Suggested budget (from the user's own months and recurring bills) and tracking of saved budgets."""

from __future__ import annotations

import calendar
import math
import statistics
from datetime import date, timedelta

import polars as pl

from spendsense.insights.categories import bucket_expr, category_bucket, category_label
from spendsense.insights.common import (
    add_months,
    cash_rows,
    elapsed_months,
    history_start,
    income_only,
    is_complete,
    month_end,
    month_key,
    month_start,
    monthly_sums,
    posted_rows,
    report_currency,
    spending_only,
)
from spendsense.insights.results import (
    BucketView,
    BudgetTracking,
    CategoryAmount,
    FiftyThirtyTwenty,
    RecurringCharge,
    Status,
    SuggestedBudget,
    SuggestedCategory,
    TrackedCategory,
)
from spendsense.insights.subscriptions import recurring_charges
from spendsense.insights.types import InsightData

BUDGET_MONTHS = 6
TARGETS: dict[str, int] = {"needs": 50, "wants": 30, "savings": 20}
# How far ahead of an even pace a category may run before it is flagged to watch.
WATCH_MARGIN = 0.10

_STATUS_ORDER: tuple[Status, ...] = ("over", "watch", "on_track")


def suggest_budget(data: InsightData, as_of: date) -> SuggestedBudget:
    """Per category: the median of the user's complete months, never below the recurring bills it holds.

    The months are the complete calendar months (`common.is_complete`) among the six ended
    by as_of. Spending follows `spendsense.rules` (refunds reduce it; transfers and card
    payments are not spending); a category whose suggestion is zero is left out.
    """
    currency = report_currency(data.accounts)
    posted = posted_rows(data, currency)
    started = history_start(posted)
    months = [first for first in elapsed_months(as_of, BUDGET_MONTHS) if is_complete(first, as_of, started)]
    keys = [month_key(first) for first in months]
    # Without a complete month the range is empty (it ends before it starts), and so is every figure.
    first, last = (months[0], month_end(months[-1])) if months else (as_of, as_of - timedelta(days=1))
    rows = cash_rows(posted, first, last)
    spending = spending_only(rows).with_columns(bucket_expr())
    per_category = _medians(monthly_sums(spending, "amount_cents", ["category"]), keys)
    income = _median_over(dict(monthly_sums(income_only(rows), "income_cents").iter_rows()), keys)
    buckets = _medians(monthly_sums(spending, "amount_cents", ["bucket"]), keys)
    categories = _suggestions(per_category, recurring_charges(data, as_of))
    return SuggestedBudget(
        user_id=data.user_id,
        as_of=as_of,
        iso_currency_code=currency,
        month=month_key(add_months(elapsed_months(as_of, 1)[0], 1)),
        based_on_months=keys,
        categories=categories,
        total_suggested_cents=sum(cat.suggested_cents for cat in categories),
        fifty_thirty_twenty=_fifty_thirty_twenty(income, buckets.get("needs", 0), buckets.get("wants", 0)),
    )


def _median_over(per_month: dict[str, int], keys: list[str]) -> float:
    return statistics.median(per_month.get(key, 0) for key in keys) if keys else 0


def _medians(sums: pl.DataFrame, keys: list[str]) -> dict[str, float]:
    """Per group (the second column of `sums`): the median over the months `keys`, a missing month as 0."""
    per_group: dict[str, dict[str, int]] = {}
    for month, group, value in sums.iter_rows():
        per_group.setdefault(group, {})[month] = value
    return {group: _median_over(values, keys) for group, values in per_group.items()}


def _whole_dollars_up(cents: float) -> int:
    return max(0, math.ceil(cents / 100) * 100)


def _suggestions(medians: dict[str, float], charges: list[RecurringCharge]) -> list[SuggestedCategory]:
    bills: dict[str, list[RecurringCharge]] = {}
    for charge in charges:
        bills.setdefault(charge.category, []).append(charge)
    result = []
    for category in sorted(medians.keys() | bills.keys()):
        median = max(0, round(medians.get(category, 0)))
        held = sorted(bills.get(category, []), key=lambda charge: (-charge.monthly_cents, charge.merchant))
        bills_cents = sum(charge.monthly_cents for charge in held)
        suggested = _whole_dollars_up(max(median, bills_cents))
        if suggested > 0:
            result.append(
                SuggestedCategory(
                    category=category,
                    label=category_label(category),
                    bucket=category_bucket(category),
                    median_cents=median,
                    bills_cents=bills_cents,
                    suggested_cents=suggested,
                    bills=held,
                )
            )
    return sorted(result, key=lambda cat: (-cat.suggested_cents, cat.category))


def _fifty_thirty_twenty(income: float, needs: float, wants: float) -> FiftyThirtyTwenty:
    monthly_income = round(income)
    actual = {"needs": round(needs), "wants": round(wants)}
    actual["savings"] = monthly_income - actual["needs"] - actual["wants"]

    def view(name: str) -> BucketView:
        share = TARGETS[name]
        return BucketView(
            actual_cents=actual[name],
            actual_pct=round(actual[name] / monthly_income * 100, 1) if monthly_income > 0 else None,
            target_cents=round(monthly_income * share / 100),
            target_pct=share,
        )

    return FiftyThirtyTwenty(
        monthly_income_cents=monthly_income, needs=view("needs"), wants=view("wants"), savings=view("savings")
    )


def track_budget(data: InsightData, as_of: date) -> BudgetTracking:
    """Spending so far in as_of's month against the budgets saved for it, with a status per category.

    With `share` = days elapsed (as_of's day of month) / days in the month:
    - `over`: spent more than the budget;
    - `watch`: not over, but more than 10% ahead of an even pace (spent > budget x share x 1.1),
      so the month would end over the budget if it went on like this;
    - `on_track`: otherwise.
    """
    currency = report_currency(data.accounts)
    first, key = month_start(as_of), month_key(as_of)
    days = calendar.monthrange(as_of.year, as_of.month)[1]
    share = as_of.day / days
    budgets = dict(data.budgets.filter(pl.col("month") == key).select("category", "amount_cents").iter_rows())
    rows = spending_only(cash_rows(posted_rows(data, currency), first, as_of))
    spent = dict(rows.group_by("category").agg(pl.col("amount_cents").sum()).iter_rows())
    tracked = [_tracked(category, budget, spent.get(category, 0), share) for category, budget in budgets.items()]
    tracked.sort(key=lambda cat: (_STATUS_ORDER.index(cat.status), -cat.spent_cents, cat.category))
    others = sorted(
        ((cat, cents) for cat, cents in spent.items() if cat not in budgets), key=lambda kv: (-kv[1], kv[0])
    )
    return BudgetTracking(
        user_id=data.user_id,
        as_of=as_of,
        iso_currency_code=currency,
        month=key,
        days_elapsed=as_of.day,
        days_in_month=days,
        total_budget_cents=sum(budgets.values()),
        total_spent_cents=sum(cat.spent_cents for cat in tracked),
        status=tracked[0].status if tracked else None,
        categories=tracked,
        unbudgeted=[CategoryAmount(category=cat, label=category_label(cat), amount_cents=c) for cat, c in others],
    )


def _tracked(category: str, budget: int, spent: int, share: float) -> TrackedCategory:
    expected = round(budget * share)
    status: Status = "over" if spent > budget else "watch" if spent > expected * (1 + WATCH_MARGIN) else "on_track"
    return TrackedCategory(
        category=category,
        label=category_label(category),
        budget_cents=budget,
        spent_cents=spent,
        remaining_cents=budget - spent,
        expected_by_now_cents=expected,
        projected_cents=round(spent / share),
        status=status,
    )
