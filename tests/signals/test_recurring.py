from __future__ import annotations

from datetime import date, timedelta

from spendsense.signals.recurring import STREAMS, detect_recurring_streams
from tests.signals.builders import AS_OF, NETFLIX, account, accounts, monthly, series, transactions, txn

MONTHS = [(2026, 1), (2026, 2), (2026, 3), (2026, 4), (2026, 5), (2026, 6)]
RENT = {"name": "Monthly Rent Payment", "primary": "RENT_AND_UTILITIES", "detailed": "RENT_AND_UTILITIES_RENT"}


def detect(*rows: dict[str, object], lookback: int = 180, as_of: date = AS_OF) -> list[dict[str, object]]:
    frame = detect_recurring_streams(transactions(*rows), accounts(account()), as_of, lookback)
    assert frame.schema == STREAMS
    return frame.to_dicts()


class TestDetectRecurringStreams:
    def test_a_monthly_subscription_is_one_stream_shaped_like_plaids(self) -> None:
        (stream,) = detect(*monthly("n", 5, MONTHS, 1599, **NETFLIX))
        assert stream["stream_id"] == "u1:outflow:netflix"
        assert stream["frequency"] == "monthly"
        assert stream["direction"] == "outflow"
        assert stream["occurrences"] == 6
        assert (stream["first_date"], stream["last_date"]) == (date(2026, 1, 5), date(2026, 6, 5))
        assert stream["predicted_next_date"] == date(2026, 7, 5)  # June 5 + 30 days
        assert stream["is_active"] is True  # July 5 + 4 days tolerance >= June 30
        assert stream["transaction_ids"] == [f"n{i}" for i in range(6)]
        assert stream["merchant_name"] == "Netflix"
        assert stream["is_subscription"] is True

    def test_average_and_last_amount_after_a_price_rise_within_a_quarter(self) -> None:
        rows = monthly("n", 5, MONTHS, 1599, **NETFLIX)
        rows[-1]["amount_cents"] = 1799  # +12.5%: still within ± 25% of the median 1599
        (stream,) = detect(*rows)
        assert stream["last_amount_cents"] == 1799
        assert stream["average_amount_cents"] == round((5 * 1599 + 1799) / 6)  # 1632.33 -> 1632

    def test_unstable_amounts_at_a_steady_rhythm_are_not_a_stream(self) -> None:
        amounts = [4210, 9875, 2250, 13120, 6400, 3110]  # groceries every Saturday-ish: timing alone would match
        first = date(2026, 4, 4)
        rows = [txn(f"g{i}", first + timedelta(days=7 * i), amount, name="Kroger") for i, amount in enumerate(amounts)]
        # Median 5305; only 6400 and 4210 lie within ± 25% (3979 .. 6631): 2 of 6 < 75%.
        assert detect(*rows) == []

    def test_fewer_than_three_occurrences_are_not_a_stream(self) -> None:
        assert detect(*monthly("n", 5, MONTHS[-2:], 1599, **NETFLIX)) == []

    def test_only_the_lookback_counts(self) -> None:
        # 90 days before June 30 is April 1 (excluded): April 5, May 5, June 5 remain, just enough.
        (stream,) = detect(*monthly("n", 5, MONTHS, 1599, **NETFLIX), lookback=90)
        assert stream["occurrences"] == 3
        assert detect(*monthly("n", 5, MONTHS[:-1], 1599, **NETFLIX), lookback=90) == []

    def test_a_stream_that_stopped_is_inactive_and_not_a_subscription(self) -> None:
        (stream,) = detect(*monthly("n", 5, MONTHS[:4], 1599, **NETFLIX))  # last on April 5
        # Predicted May 5; May 5 + 4 days is before June 30.
        assert stream["is_active"] is False
        assert stream["is_subscription"] is False

    def test_rent_recurs_but_is_not_a_subscription(self) -> None:
        (stream,) = detect(*monthly("r", 1, MONTHS, 150000, **RENT))
        assert stream["frequency"] == "monthly"
        assert stream["is_subscription"] is False

    def test_weekly_and_inflow_streams(self) -> None:
        gym = series("w", date(2026, 5, 1), 7, 9, 1000, name="Orange Theory")
        pay = series("p", date(2026, 1, 2), 14, 13, -250000, name="ACME CORP PAYROLL", primary="INCOME")
        streams = {stream["merchant_key"]: stream for stream in detect(*gym, *pay)}
        assert streams["orange theory"]["frequency"] == "weekly"
        assert streams["orange theory"]["is_subscription"] is True
        # Biweekly from Jan 2: the 13th deposit is on June 19, predicted July 3 (active).
        assert streams["acme corp payroll"]["frequency"] == "biweekly"
        assert streams["acme corp payroll"]["direction"] == "inflow"
        assert streams["acme corp payroll"]["average_amount_cents"] == 250000  # magnitudes are positive
        assert streams["acme corp payroll"]["is_subscription"] is False

    def test_the_same_merchant_in_and_out_is_two_streams(self) -> None:
        out = monthly("o", 3, MONTHS, 5000, name="Venmo")
        back = monthly("i", 20, MONTHS, -5000, name="Venmo")
        assert sorted(stream["direction"] for stream in detect(*out, *back)) == ["inflow", "outflow"]

    def test_pending_transactions_are_left_out(self) -> None:
        rows = monthly("n", 5, MONTHS, 1599, **NETFLIX)
        for row in rows[2:]:
            row["pending"] = True
        assert detect(*rows) == []  # two posted occurrences are not enough

    def test_business_accounts_are_left_out(self) -> None:
        rows = monthly("n", 5, MONTHS, 1599, account_id="biz", **NETFLIX)
        frame = detect_recurring_streams(transactions(*rows), accounts(account("biz", business=True)), AS_OF, 180)
        assert frame.is_empty()
