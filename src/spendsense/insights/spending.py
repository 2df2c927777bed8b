"""Spending analysis: six months of income and spending, by category, with trends and plain observations.

The months are calendar months that have ended by the as-of date (the month in progress
belongs to budget tracking). Averages, trends, volatility and the savings rate use only
*complete* months (`common.is_complete`): a month the history covers only in part would
look frugal and bend every figure.
"""

from __future__ import annotations

import statistics
from datetime import date

from spendsense.insights.categories import category_label
from spendsense.insights.common import (
    cash_rows,
    elapsed_months,
    history_start,
    income_only,
    is_complete,
    month_end,
    month_key,
    monthly_sums,
    posted_rows,
    report_currency,
    spending_only,
)
from spendsense.insights.results import CategoryTrend, Direction, MonthFigures, SpendingAnalysis, Trend
from spendsense.insights.types import InsightData
from spendsense.kit.money import format_usd

ANALYSIS_MONTHS = 6
# A change of less than this between the recent and the earlier months reads as steady.
TREND_PCT = 10.0
# Month-to-month spending that varies more than this (std / mean) gets a note about a buffer.
VOLATILE = 0.25


def analyze_spending(data: InsightData, as_of: date, months: int = ANALYSIS_MONTHS) -> SpendingAnalysis:
    """Monthly income and spending (per `spendsense.rules`) over the `months` calendar months ended by as_of."""
    currency = report_currency(data.accounts)
    firsts = elapsed_months(as_of, months)
    keys = [month_key(first) for first in firsts]
    posted = posted_rows(data, currency)
    complete = [is_complete(first, as_of, history_start(posted)) for first in firsts]
    rows = cash_rows(posted, firsts[0], month_end(firsts[-1]))
    spend = {(m, c): v for m, c, v in monthly_sums(spending_only(rows), "amount_cents", ["category"]).iter_rows()}
    income = dict(monthly_sums(income_only(rows), "income_cents").iter_rows())
    figures = [_month(key, income.get(key, 0), spend, done) for key, done in zip(keys, complete, strict=True)]
    kept = [fig for fig in figures if fig.complete]
    spends, incomes = [fig.spend_cents for fig in kept], [fig.income_cents for fig in kept]
    categories = _categories(spend, keys, complete)
    trend, volatility, rate = trend_of(spends), _volatility(spends), _savings_rate(sum(incomes), sum(spends))
    return SpendingAnalysis(
        user_id=data.user_id,
        as_of=as_of,
        iso_currency_code=currency,
        months=figures,
        complete_months=len(kept),
        average_income_cents=_mean(incomes),
        average_spend_cents=_mean(spends),
        trend=trend,
        volatility=volatility,
        savings_rate=rate,
        by_category=categories,
        observations=observations(kept, trend, volatility, rate, categories),
    )


def _month(key: str, income: int, spend: dict[tuple[str, str], int], complete: bool) -> MonthFigures:
    total = sum(value for (month, _), value in spend.items() if month == key)
    return MonthFigures(month=key, income_cents=income, spend_cents=total, net_cents=income - total, complete=complete)


def _categories(spend: dict[tuple[str, str], int], keys: list[str], complete: list[bool]) -> list[CategoryTrend]:
    names = sorted({category for _, category in spend})
    complete_total = sum(value for (month, _), value in spend.items() if complete[keys.index(month)])
    result = []
    for name in names:
        monthly = [spend.get((key, name), 0) for key in keys]
        kept = [value for value, done in zip(monthly, complete, strict=True) if done]
        share = round(sum(kept) / complete_total * 100, 1) if complete_total > 0 else None
        result.append(
            CategoryTrend(
                category=name,
                label=category_label(name),
                monthly_cents=monthly,
                average_cents=_mean(kept) or 0,
                share_pct=share,
                trend=trend_of(kept),
            )
        )
    return sorted(result, key=lambda cat: (-cat.average_cents, -sum(cat.monthly_cents), cat.category))


def trend_of(values: list[int]) -> Trend | None:
    """Recent months (half, at most 3) against the ones before them (at most 3); None with fewer than 2."""
    if len(values) < 2:
        return None
    recent_count = min(3, (len(values) + 1) // 2)
    recent, earlier = values[-recent_count:], values[:-recent_count][-3:]
    recent_avg, earlier_avg = round(statistics.fmean(recent)), round(statistics.fmean(earlier))
    change_pct = round((recent_avg - earlier_avg) / earlier_avg * 100, 1) if earlier_avg > 0 else None
    return Trend(
        direction=_direction(recent_avg - earlier_avg, change_pct),
        recent_months=recent_count,
        recent_average_cents=recent_avg,
        earlier_average_cents=earlier_avg,
        change_pct=change_pct,
        slope_per_month_cents=round(statistics.linear_regression(range(len(values)), values).slope),
    )


def _direction(change_cents: int, change_pct: float | None) -> Direction:
    if change_pct is None:  # no earlier spending to measure against: the sign alone decides
        return "rising" if change_cents > 0 else "falling" if change_cents < 0 else "steady"
    return "rising" if change_pct >= TREND_PCT else "falling" if change_pct <= -TREND_PCT else "steady"


def _volatility(spends: list[int]) -> float | None:
    if len(spends) < 2 or statistics.fmean(spends) <= 0:
        return None
    return round(statistics.pstdev(spends) / statistics.fmean(spends), 3)


def _savings_rate(income: int, spend: int) -> float | None:
    return round((income - spend) / income, 3) if income > 0 else None


def _mean(values: list[int]) -> int | None:
    return round(statistics.fmean(values)) if values else None


def observations(
    months: list[MonthFigures],
    trend: Trend | None,
    volatility: float | None,
    rate: float | None,
    categories: list[CategoryTrend],
) -> list[str]:
    """Plain, supportive sentences about the complete months: they describe, they never judge."""
    if not months:
        return ["There is not a full month of history yet; these figures fill in as the months go by."]
    notes = [_average_note(months), *_category_note(categories), *_trend_note(trend, categories)]
    notes += _volatility_note(volatility, months)
    notes.append(_savings_note(rate, months))
    return notes


def _average_note(months: list[MonthFigures]) -> str:
    average = format_usd(round(statistics.fmean(fig.spend_cents for fig in months)))
    if len(months) == 1:
        return f"In your one full month so far, spending came to {average}."
    return f"Over the last {len(months)} full months, spending averaged {average} a month."


def _category_note(categories: list[CategoryTrend]) -> list[str]:
    if not categories or categories[0].average_cents <= 0 or categories[0].share_pct is None:
        return []
    top = categories[0]
    average = format_usd(top.average_cents)
    return [f"{top.label} is your largest category, at about {average} a month ({top.share_pct:g}% of spending)."]


def _trend_note(trend: Trend | None, categories: list[CategoryTrend]) -> list[str]:
    if trend is None:
        return []
    if trend.direction == "steady":
        return ["Your monthly spending has held steady."]
    lead = (
        f"Spending in the last {trend.recent_months} months averaged {format_usd(trend.recent_average_cents)} a month"
    )
    if trend.change_pct is None:
        return [f"{lead}, up from {format_usd(trend.earlier_average_cents)} before."]
    if trend.direction == "falling":
        return [f"{lead}, {abs(trend.change_pct):g}% less than the months before."]
    rises = [
        (cat.trend.recent_average_cents - cat.trend.earlier_average_cents, cat.label)
        for cat in categories
        if cat.trend is not None and cat.trend.recent_average_cents > cat.trend.earlier_average_cents
    ]
    mostly = f", with the biggest increase in {max(rises)[1].lower()}" if rises else ""
    return [f"{lead}, {trend.change_pct:g}% more than the months before{mostly}."]


def _volatility_note(volatility: float | None, months: list[MonthFigures]) -> list[str]:
    if volatility is None or volatility < VOLATILE:
        return []
    low, high = min(fig.spend_cents for fig in months), max(fig.spend_cents for fig in months)
    return [
        f"Your spending changes quite a bit from month to month (from {format_usd(low)} to {format_usd(high)}); "
        "setting a little aside in lighter months can make the heavier ones easier."
    ]


def _savings_note(rate: float | None, months: list[MonthFigures]) -> str:
    if rate is None:
        return "We did not find income deposits in these months, so no savings rate is shown."
    gap = sum(fig.spend_cents - fig.income_cents for fig in months)
    if gap < 0:
        return f"You kept {rate * 100:.0f}% of your income over these months."
    if gap == 0:
        return "Spending matched your income over these months."
    return (
        f"Over these months, spending came to {format_usd(gap)} more than income; "
        "a budget can help show where there is room."
    )
