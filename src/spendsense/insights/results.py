"""What the insights return, and the names callers know them by, with no Polars in sight.

The API documents every insight with these models (its OpenAPI schema is built from them)
and a cold start of the API function imports them; the computations that fill them import
Polars, so they live in their own modules and load only when an insight is computed.
Results are frozen pydantic models: the API returns them as they are, a Lambda function
dumps them with `model_dump(mode="json")`. Money is integer cents (`*_cents` fields).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

# Which spending is a need or a want: `categories.category_bucket` decides.
Bucket = Literal["needs", "wants"]


class InsightModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class InsightResult(InsightModel):
    """Fields every insight carries, so a stored or cached result says what it is about."""

    user_id: str
    as_of: date
    iso_currency_code: str


class CategoryAmount(InsightModel):
    category: str  # personal_finance_category.primary
    label: str
    amount_cents: int


class InsightKind(StrEnum):
    """The names callers use (CLI argument, API path, Lambda function)."""

    WEEKLY_RECAP = "weekly-recap"
    SPENDING_ANALYSIS = "spending-analysis"
    SUGGESTED_BUDGET = "suggested-budget"
    BUDGET_TRACKING = "budget-tracking"
    NET_WORTH = "net-worth"
    SUBSCRIPTIONS = "subscriptions"


class DaySpend(InsightModel):
    date: date
    spend_cents: int


class WeekCategory(InsightModel):
    category: str
    label: str
    spend_cents: int
    previous_spend_cents: int


class MerchantSpend(InsightModel):
    merchant: str
    spend_cents: int
    transactions: int


class WeeklyRecap(InsightResult):
    kind: Literal["weekly_recap"] = "weekly_recap"
    start: date
    previous_start: date
    total_spend_cents: int
    previous_total_spend_cents: int
    change_cents: int
    change_pct: float | None  # None when the week before had no spending to compare with
    daily: list[DaySpend]
    by_category: list[WeekCategory]
    top_merchants: list[MerchantSpend]
    summary: str


class MonthFigures(InsightModel):
    month: str  # YYYY-MM
    income_cents: int
    spend_cents: int
    net_cents: int  # income - spend
    complete: bool


Direction = Literal["rising", "falling", "steady"]


class Trend(InsightModel):
    """The recent complete months (up to 3) against the ones before them (up to 3), and the slope over all."""

    direction: Direction
    recent_months: int
    recent_average_cents: int
    earlier_average_cents: int
    change_pct: float | None  # None when the earlier average is zero or less
    slope_per_month_cents: int  # least squares over the complete months


class CategoryTrend(InsightModel):
    category: str
    label: str
    monthly_cents: list[int]  # one per entry of `SpendingAnalysis.months`
    average_cents: int  # over complete months
    share_pct: float | None  # of spending in complete months; None when that spending is zero or less
    trend: Trend | None


class SpendingAnalysis(InsightResult):
    kind: Literal["spending_analysis"] = "spending_analysis"
    months: list[MonthFigures]
    complete_months: int
    average_income_cents: int | None  # None without a complete month
    average_spend_cents: int | None
    trend: Trend | None  # None with fewer than two complete months
    volatility: float | None  # population std / mean of complete months' spending
    savings_rate: float | None  # (income - spend) / income over complete months; None without income
    by_category: list[CategoryTrend]
    observations: list[str]


class PriceChange(InsightModel):
    """The latest price against the one before it (however many charges ago it changed)."""

    previous_cents: int
    latest_cents: int
    change_cents: int
    change_pct: float
    changed_on: date  # the first charge at the latest price


class RecurringCharge(InsightModel):
    stream_id: str
    merchant: str
    category: str  # of the latest charge
    label: str
    frequency: str  # weekly | biweekly | semi_monthly | monthly | annually
    is_subscription: bool  # per docs/signals.md: active, weekly or monthly, not rent, loans or transfers
    last_amount_cents: int
    average_amount_cents: int
    monthly_cents: int  # the latest amount as a monthly cost (a price change counts from when it happened)
    last_date: date
    next_date: date
    occurrences: int
    price_change: PriceChange | None


class Subscriptions(InsightResult):
    kind: Literal["subscriptions"] = "subscriptions"
    subscriptions: list[RecurringCharge]
    other_bills: list[RecurringCharge]  # rent, loan payments and other recurring outflows
    subscriptions_monthly_cents: int
    other_bills_monthly_cents: int
    summary: str


Status = Literal["over", "watch", "on_track"]


class SuggestedCategory(InsightModel):
    category: str
    label: str
    bucket: Bucket
    median_cents: int  # median monthly spending over `based_on_months` (a month without any counts as 0)
    bills_cents: int  # monthly cost of the recurring bills in this category
    suggested_cents: int  # the larger of the two, rounded up to whole dollars
    bills: list[RecurringCharge]


class BucketView(InsightModel):
    actual_cents: int  # in a median month
    actual_pct: float | None  # of monthly income; None without income
    target_cents: int
    target_pct: int


class FiftyThirtyTwenty(InsightModel):
    """Needs / wants / savings in a median month against 50% / 30% / 20% of the median monthly income."""

    monthly_income_cents: int
    needs: BucketView
    wants: BucketView
    savings: BucketView  # income left after needs and wants


class SuggestedBudget(InsightResult):
    kind: Literal["suggested_budget"] = "suggested_budget"
    month: str  # the month the budget is for (YYYY-MM): the one after the last month that ended
    based_on_months: list[str]  # complete months among the last six (three to six once history allows)
    categories: list[SuggestedCategory]
    total_suggested_cents: int
    fifty_thirty_twenty: FiftyThirtyTwenty


class TrackedCategory(InsightModel):
    category: str
    label: str
    budget_cents: int
    spent_cents: int
    remaining_cents: int  # negative once over
    expected_by_now_cents: int  # the budget times the elapsed share of the month
    projected_cents: int  # the month's total if spending goes on at this pace
    status: Status


class BudgetTracking(InsightResult):
    kind: Literal["budget_tracking"] = "budget_tracking"
    month: str  # YYYY-MM, the month in progress
    days_elapsed: int
    days_in_month: int
    total_budget_cents: int
    total_spent_cents: int  # in budgeted categories
    status: Status | None  # the least favourable category status; None without a budget
    categories: list[TrackedCategory]
    unbudgeted: list[CategoryAmount]  # spending this month in categories without a budget


Side = Literal["asset", "liability"]


class AccountBalance(InsightModel):
    account_id: str
    name: str
    mask: str | None
    type: str
    subtype: str | None
    side: Side
    balance_cents: int | None  # on the as-of date, owed amounts positive; None when Plaid gave no balance


class NetWorthPoint(InsightModel):
    date: date
    assets_cents: int
    liabilities_cents: int
    net_worth_cents: int


class NetWorth(InsightResult):
    kind: Literal["net_worth"] = "net_worth"
    assets_cents: int
    liabilities_cents: int
    net_worth_cents: int
    change_cents: int  # since the first day of the history
    accounts: list[AccountBalance]
    history: list[NetWorthPoint]  # one point per day, oldest first, the last one on the as-of date


# A budget line above a hundred million dollars is a typo, and would not fit every client's integers.
MAX_BUDGET_CENTS = 10_000_000_000


class SavedBudget(InsightModel):
    month: str
    category: str
    amount_cents: int
    iso_currency_code: str


class NetWorthSnapshotView(InsightModel):
    as_of: date
    assets_cents: int
    liabilities_cents: int
    net_worth_cents: int
    iso_currency_code: str
