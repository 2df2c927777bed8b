from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl

from spendsense.insights.subscriptions import Subscriptions, list_subscriptions, price_change
from spendsense.insights.types import InsightData
from spendsense.signals.recurring import detect_recurring_streams
from tests.insights.builders import BUSINESS, CARD, CHECKING, txn, user_data

AS_OF = date(2026, 7, 15)
CHK, CRD = CHECKING["account_id"], CARD["account_id"]
NETFLIX = {2: 1549, 3: 1549, 4: 1549, 5: 1799, 6: 1799, 7: 1799}  # 15.49, then 17.99 from May 12


def _history() -> list[dict[str, Any]]:
    rows = [
        txn(f"flix-{m}", CRD, date(2026, m, 12), c, "ENTERTAINMENT", merchant="Netflix") for m, c in NETFLIX.items()
    ]
    mondays = [date(2026, 5, 4) + timedelta(weeks=week) for week in range(11)]  # May 4 .. Jul 13
    rows += [txn(f"gym-{d}", CRD, d, 1000, "PERSONAL_CARE", merchant="Gym") for d in mondays]
    rows += [txn(f"hulu-{m}", CRD, date(2026, m, 12), 799, "ENTERTAINMENT", merchant="Hulu") for m in (2, 3, 4)]
    for m in range(2, 8):
        rent = ("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT")
        rows.append(txn(f"rent-{m}", CHK, date(2026, m, 2), 150000, *rent, merchant="Landlord"))
        rows.append(txn(f"save-{m}", CHK, date(2026, m, 3), 50000, "TRANSFER_OUT", name="To savings"))
        rows.append(txn(f"pay-{m}", CHK, date(2026, m, 1), -500000, "INCOME", "INCOME_WAGES", name="ACME PAYROLL"))
        rows.append(
            txn(f"biz-{m}", BUSINESS["account_id"], date(2026, m, 6), 9900, "GENERAL_SERVICES", merchant="SaaS")
        )
    return rows


def _data() -> InsightData:
    return user_data([CHECKING, CARD, BUSINESS], _history())


def _subscriptions() -> Subscriptions:
    return list_subscriptions(_data(), AS_OF)


class TestListSubscriptions:
    def test_active_subscriptions_costliest_first(self) -> None:
        subs = _subscriptions().subscriptions
        rows = [(s.merchant, s.frequency, s.last_amount_cents, s.monthly_cents) for s in subs]
        # weekly 10.00 x 52 / 12 = 43.33 a month; Netflix is monthly at its latest price, 17.99
        assert rows == [("Gym", "weekly", 1000, 4333), ("Netflix", "monthly", 1799, 1799)]
        assert _subscriptions().subscriptions_monthly_cents == 4333 + 1799

    def test_next_expected_date(self) -> None:
        subs = {s.merchant: s for s in _subscriptions().subscriptions}
        assert (subs["Gym"].last_date, subs["Gym"].next_date) == (date(2026, 7, 13), date(2026, 7, 20))  # + 7 days
        # A monthly stream's next date is the detector's prediction (docs/signals.md), about a month on.
        streams = detect_recurring_streams(_data().transactions, _data().accounts, AS_OF, 180)
        predicted = streams.filter(pl.col("merchant_name") == "Netflix")["predicted_next_date"].item()
        assert (subs["Netflix"].last_date, subs["Netflix"].next_date) == (date(2026, 7, 12), predicted)

    def test_price_change_from_the_earlier_to_the_latest_amount(self) -> None:
        change = {s.merchant: s for s in _subscriptions().subscriptions}["Netflix"].price_change
        assert change is not None
        # 17.99 - 15.49 = 2.50, which is 250 / 1549 = 16.1% more, first charged on May 12
        assert (change.previous_cents, change.latest_cents, change.change_cents) == (1549, 1799, 250)
        assert (change.change_pct, change.changed_on) == (16.1, date(2026, 5, 12))

    def test_rent_is_a_bill_and_transfers_cancelled_and_business_streams_are_left_out(self) -> None:
        result = _subscriptions()
        assert [(b.merchant, b.monthly_cents, b.last_date) for b in result.other_bills] == [
            ("Landlord", 150000, date(2026, 7, 2))
        ]
        # Hulu stopped in April (inactive); the savings transfer is not spending; payroll is an inflow
        merchants = {c.merchant for c in result.subscriptions + result.other_bills}
        assert merchants == {"Gym", "Netflix", "Landlord"}

    def test_summary(self) -> None:
        assert _subscriptions().summary == (
            "You have 2 active subscriptions, about $61.32 a month. Netflix changed from $15.49 to $17.99 on May 12."
        )

    def test_without_recurring_charges(self) -> None:
        result = list_subscriptions(user_data([CHECKING], [txn("t1", CHK, AS_OF, 500)]), AS_OF)
        assert (result.subscriptions, result.other_bills, result.subscriptions_monthly_cents) == ([], [], 0)
        assert result.summary == "We did not find any active subscriptions."


class TestPriceChange:
    def test_no_charges_or_one_price(self) -> None:
        assert price_change([]) is None
        assert price_change([(date(2026, 1, 1), 999), (date(2026, 2, 1), 999)]) is None

    def test_latest_against_the_last_different_amount(self) -> None:
        history = [(date(2026, 1, 1), 1000), (date(2026, 2, 1), 1200), (date(2026, 3, 1), 1000)]
        change = price_change(history)
        assert change is not None
        # back down from 12.00 to 10.00 on Mar 1: -200, -16.7%
        assert (change.previous_cents, change.latest_cents, change.change_cents, change.change_pct) == (
            1200,
            1000,
            -200,
            -16.7,
        )
        assert change.changed_on == date(2026, 3, 1)
