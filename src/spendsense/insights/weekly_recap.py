"""Weekly recap: the seven days ending on the as-of date against the seven before them."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from spendsense.insights.categories import category_label
from spendsense.insights.common import cash_rows, posted_rows, report_currency, short_date, spending_only
from spendsense.insights.results import DaySpend, MerchantSpend, WeekCategory, WeeklyRecap
from spendsense.insights.types import InsightData
from spendsense.kit.money import format_usd

TOP_MERCHANTS = 5
# Below this week-over-week change the summary says "about the same": a few dollars either
# way is noise, not news.
STEADY_PCT = 5.0


def build_weekly_recap(data: InsightData, as_of: date) -> WeeklyRecap:
    """Spending (per `spendsense.rules`) from as_of-6 to as_of, compared with as_of-13 to as_of-7.

    Refunds reduce a week's spending (so a week or a category can be negative); transfers
    between the user's accounts and card payments are not spending. `change_pct` is
    relative to the previous week and None when that week's spending is zero or less.
    """
    currency = report_currency(data.accounts)
    start, previous_start = as_of - timedelta(days=6), as_of - timedelta(days=13)
    rows = spending_only(cash_rows(posted_rows(data, currency), previous_start, as_of))
    current, previous = rows.filter(pl.col("date") >= start), rows.filter(pl.col("date") < start)
    total, previous_total = _total(current), _total(previous)
    by_category = _by_category(current, previous)
    change_pct = round((total - previous_total) / previous_total * 100, 1) if previous_total > 0 else None
    return WeeklyRecap(
        user_id=data.user_id,
        as_of=as_of,
        iso_currency_code=currency,
        start=start,
        previous_start=previous_start,
        total_spend_cents=total,
        previous_total_spend_cents=previous_total,
        change_cents=total - previous_total,
        change_pct=change_pct,
        daily=_daily(current, start),
        by_category=by_category,
        top_merchants=_top_merchants(current),
        summary=_summary(start, as_of, total, previous_total, change_pct, by_category),
    )


def _total(rows: pl.DataFrame) -> int:
    return int(rows["amount_cents"].sum())


def _daily(rows: pl.DataFrame, start: date) -> list[DaySpend]:
    per_day = dict(rows.group_by("date").agg(pl.col("amount_cents").sum()).iter_rows())
    days = [start + timedelta(days=offset) for offset in range(7)]
    return [DaySpend(date=day, spend_cents=per_day.get(day, 0)) for day in days]


def _by_category(current: pl.DataFrame, previous: pl.DataFrame) -> list[WeekCategory]:
    now = dict(current.group_by("category").agg(pl.col("amount_cents").sum()).iter_rows())
    before = dict(previous.group_by("category").agg(pl.col("amount_cents").sum()).iter_rows())
    # Categories of either week, so a category that went quiet still shows its drop.
    order = sorted(now.keys() | before.keys(), key=lambda cat: (-now.get(cat, 0), -before.get(cat, 0), cat))
    return [
        WeekCategory(
            category=cat,
            label=category_label(cat),
            spend_cents=now.get(cat, 0),
            previous_spend_cents=before.get(cat, 0),
        )
        for cat in order
    ]


def _top_merchants(rows: pl.DataFrame) -> list[MerchantSpend]:
    merchants = (
        rows.group_by("merchant")
        .agg(pl.col("amount_cents").sum(), pl.len().alias("count"))
        .filter(pl.col("amount_cents") > 0)
        .sort(["amount_cents", "merchant"], descending=[True, False])
        .head(TOP_MERCHANTS)
    )
    return [
        MerchantSpend(merchant=name, spend_cents=cents, transactions=count)
        for name, cents, count in merchants.iter_rows()
    ]


def _summary(
    start: date, end: date, total: int, previous: int, change_pct: float | None, categories: list[WeekCategory]
) -> str:
    span = f"from {short_date(start)} to {short_date(end)}"
    if total == 0 and previous == 0:
        return f"No spending recorded {span} or in the week before."
    if total == 0:
        return f"No spending recorded {span}; the week before came to {format_usd(previous)}."
    if total < 0:
        first = f"Refunds outweighed spending {span}, by {format_usd(-total)}."
    elif change_pct is None:
        first = f"You spent {format_usd(total)} {span}, with no spending the week before to compare with."
    elif abs(change_pct) < STEADY_PCT:
        first = f"You spent {format_usd(total)} {span}, about the same as the week before."
    else:
        direction = "more" if total > previous else "less"
        change = f"{format_usd(abs(total - previous))} {direction} than the week before ({abs(change_pct):g}%)"
        first = f"You spent {format_usd(total)} {span}, {change}."
    top = categories[0]
    if top.spend_cents <= 0:
        return first
    return f"{first} The largest share went to {top.label.lower()} ({format_usd(top.spend_cents)})."
