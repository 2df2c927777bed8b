from __future__ import annotations

from datetime import date

import polars as pl

from spendsense.signals import recurring, spending
from spendsense.signals.subscriptions import subscription_signals
from spendsense.signals.window import Window, prepare
from tests.signals.builders import AS_OF, NETFLIX, account, accounts, monthly, series, transactions, txn

MONTHS = [(2026, m) for m in range(1, 7)]


def signals_of(*rows: dict[str, object], days: int = 30) -> dict[str, object]:
    window = Window(days, AS_OF)
    prepared = prepare(transactions(*rows), accounts(account()), AS_OF)
    streams = recurring.streams_from(recurring.Occurrences.of(prepared, AS_OF, window.lookback_days), [window])
    spent = spending.spending_signals(prepared, window).values
    family = subscription_signals(streams, prepared, spent, window)
    (row,) = family.values.to_dicts()
    return row


class TestSubscriptionSignals:
    def test_counts_monthly_cost_and_share(self) -> None:
        rows = [
            *monthly("n", 5, MONTHS, 1599, **NETFLIX),
            *monthly("s", 12, MONTHS, 1099, name="Spotify"),
            *series("g", date(2026, 4, 3), 7, 13, 1200, name="Orange Theory"),  # weekly, Apr 3 .. Jun 26
            txn("big", date(2026, 6, 20), 20000, name="Best Buy"),
        ]
        row = signals_of(*rows)
        assert row["recurring_merchant_count"] == 3
        # Monthly: 1599 + 1099; weekly: 1200 x 52 / 12 = 5200.
        assert row["monthly_recurring_spend"] == 1599 + 1099 + 5200
        # In (May 31, June 30]: Netflix 1599 (Jun 5), Spotify 1099 (Jun 12), gym Jun 5, 12, 19, 26 = 4 x 1200.
        subscription_spend = 1599 + 1099 + 4 * 1200
        assert row["subscription_spend"] == subscription_spend
        assert row["subscription_share"] == subscription_spend / (subscription_spend + 20000)

    def test_inactive_and_rent_streams_count_as_streams_but_not_subscriptions(self) -> None:
        rent = monthly(
            "r", 1, MONTHS, 150000, name="Rent", primary="RENT_AND_UTILITIES", detailed="RENT_AND_UTILITIES_RENT"
        )
        stopped = monthly("n", 5, MONTHS[:3], 1599, **NETFLIX)
        row = signals_of(*rent, *stopped, days=180)
        assert row["recurring_stream_count"] == 2
        assert row["recurring_merchant_count"] == 0
        assert row["monthly_recurring_spend"] == 0
        assert row["subscription_share"] == 0.0

    def test_share_is_zero_when_refunds_leave_no_spending(self) -> None:
        rows = [*monthly("n", 5, MONTHS, 1599, **NETFLIX), txn("refund", date(2026, 6, 10), -5000, name="Refund")]
        row = signals_of(*rows)
        # Spending in June: 1599 - 5000 < 0, so the share is defined as 0.
        assert row["subscription_share"] == 0.0
        assert isinstance(pl.Series([row["subscription_share"]]).dtype, pl.Float64)
