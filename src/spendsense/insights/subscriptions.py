"""Subscriptions and other recurring bills: what each costs a month, when it comes next, what changed."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from spendsense import rules
from spendsense.insights.categories import UNCATEGORIZED, category_label
from spendsense.insights.common import report_currency, short_date
from spendsense.insights.results import PriceChange, RecurringCharge, Subscriptions
from spendsense.insights.types import InsightData
from spendsense.kit.money import format_usd
from spendsense.signals.recurring import detect_recurring_streams

# Six months, so a price change within the analysis half-year is still visible.
LOOKBACK_DAYS = 180
MONTHLY_FACTOR = {"weekly": 52 / 12, "biweekly": 26 / 12, "semi_monthly": 2.0, "monthly": 1.0, "annually": 1 / 12}


def list_subscriptions(data: InsightData, as_of: date) -> Subscriptions:
    """The user's active recurring outflows, subscriptions first, each with its monthly cost and next date."""
    currency = report_currency(data.accounts)
    charges = recurring_charges(data, as_of)
    subscriptions = [charge for charge in charges if charge.is_subscription]
    others = [charge for charge in charges if not charge.is_subscription]
    subscriptions_monthly = sum(charge.monthly_cents for charge in subscriptions)
    return Subscriptions(
        user_id=data.user_id,
        as_of=as_of,
        iso_currency_code=currency,
        subscriptions=subscriptions,
        other_bills=others,
        subscriptions_monthly_cents=subscriptions_monthly,
        other_bills_monthly_cents=sum(charge.monthly_cents for charge in others),
        summary=_summary(subscriptions, subscriptions_monthly),
    )


def recurring_charges(data: InsightData, as_of: date) -> list[RecurringCharge]:
    """Active recurring outflows that are spending (transfers and card payments are not), costliest first.

    Streams come from `spendsense.signals.recurring.detect_recurring_streams` over the last
    `LOOKBACK_DAYS`, on the user's personal accounts in the report currency.
    """
    currency = report_currency(data.accounts)
    accounts = rules.personal_accounts(data.accounts).filter(
        pl.col("iso_currency_code").fill_null(currency) == currency
    )
    streams = detect_recurring_streams(data.transactions, accounts, as_of, LOOKBACK_DAYS)
    streams = streams.filter(
        pl.col("direction") == "outflow",
        pl.col("is_active"),
        pl.col("frequency").is_in(list(MONTHLY_FACTOR)),
        rules.is_spending(),
    )
    history = _charge_history(streams, data.transactions)
    charges = [_charge(stream, history.get(stream["stream_id"], [])) for stream in streams.iter_rows(named=True)]
    return sorted(charges, key=lambda charge: (-charge.monthly_cents, charge.merchant, charge.stream_id))


def _charge_history(streams: pl.DataFrame, transactions: pl.DataFrame) -> dict[str, list[tuple[date, int]]]:
    """Each stream's charges (date, amount), oldest first."""
    charges = (
        streams.select("stream_id", pl.col("transaction_ids").alias("transaction_id"))
        .explode("transaction_id")
        .join(transactions.select("transaction_id", "date", "amount_cents"), on="transaction_id", how="inner")
        .sort("stream_id", "date", "transaction_id")
        .select("stream_id", "date", "amount_cents")
    )
    history: dict[str, list[tuple[date, int]]] = {}
    for stream_id, day, amount in charges.iter_rows():
        history.setdefault(stream_id, []).append((day, amount))
    return history


def _charge(stream: dict[str, Any], history: list[tuple[date, int]]) -> RecurringCharge:
    category = stream["pfc_primary"] or UNCATEGORIZED
    return RecurringCharge(
        stream_id=stream["stream_id"],
        merchant=stream["merchant_name"] or stream["merchant_key"],
        category=category,
        label=category_label(category),
        frequency=stream["frequency"],
        is_subscription=stream["is_subscription"],
        last_amount_cents=stream["last_amount_cents"],
        average_amount_cents=stream["average_amount_cents"],
        monthly_cents=round(stream["last_amount_cents"] * MONTHLY_FACTOR[stream["frequency"]]),
        last_date=stream["last_date"],
        next_date=stream["predicted_next_date"],
        occurrences=stream["occurrences"],
        price_change=price_change(history),
    )


def price_change(history: list[tuple[date, int]]) -> PriceChange | None:
    """The latest amount against the last different one before it; None when the price never changed."""
    if not history:
        return None
    latest = history[-1][1]
    for index in range(len(history) - 2, -1, -1):
        previous = history[index][1]
        if previous != latest and previous > 0:
            change = latest - previous
            return PriceChange(
                previous_cents=previous,
                latest_cents=latest,
                change_cents=change,
                change_pct=round(change / previous * 100, 1),
                changed_on=history[index + 1][0],
            )
    return None


def _summary(subscriptions: list[RecurringCharge], monthly: int) -> str:
    if not subscriptions:
        return "We did not find any active subscriptions."
    count = len(subscriptions)
    text = f"You have {count} active subscription{'' if count == 1 else 's'}, about {format_usd(monthly)} a month."
    changes = [(charge.merchant, charge.price_change) for charge in subscriptions if charge.price_change]
    if changes:
        merchant, change = changes[0]
        text += (
            f" {merchant} changed from {format_usd(change.previous_cents)} to {format_usd(change.latest_cents)}"
            f" on {short_date(change.changed_on)}."
        )
    return text
