from __future__ import annotations

from datetime import date
from statistics import pstdev

from spendsense.signals import spending
from spendsense.signals.income import deposits, income_signals
from spendsense.signals.window import Window, prepare
from tests.signals.builders import AS_OF, PAYROLL, account, accounts, series, transactions, txn

GIG = {"name": "Uber Payout", "primary": "INCOME", "detailed": "INCOME_OTHER_INCOME"}


def run(
    *rows: dict[str, object], days: int = 180, checking: int = 0
) -> tuple[dict[str, object], list[dict[str, object]]]:
    window = Window(days, AS_OF)
    prepared = prepare(transactions(*rows), accounts(account(current=checking)), AS_OF)
    spent = spending.spending_signals(prepared, window).values
    family, streams = income_signals(deposits(prepared), accounts(account(current=checking)), spent, window)
    (values,) = family.values.to_dicts()
    return values, streams.to_dicts()


class TestIncomeStreams:
    def test_biweekly_payroll_is_one_payroll_stream(self) -> None:
        values, streams = run(*series("p", date(2026, 1, 9), 14, 13, -200000, **PAYROLL))
        (stream,) = streams
        assert stream["frequency"] == "biweekly"
        assert stream["is_payroll"] is True
        assert stream["deposits"] == 13  # Jan 9 .. Jun 26, all after Jan 1 (180 days before June 30)
        assert values["payroll_detected"] is True
        assert values["income_frequency"] == "biweekly"

    def test_payroll_wording_without_a_category_is_payroll(self) -> None:
        rows = series("p", date(2026, 1, 15), 30, 6, -300000, name="DIRECT DEPOSIT ACME", primary=None, detailed=None)
        values, streams = run(*rows)
        assert values["payroll_detected"] is True
        assert streams[0]["frequency"] == "monthly"

    def test_several_streams_and_the_largest_sets_the_frequency(self) -> None:
        pay = series("p", date(2026, 1, 2), 7, 26, -50000, **PAYROLL)  # weekly, 26 x $500 = $13,000
        gig = [txn(f"g{i}", day, -30000, **GIG) for i, day in enumerate([date(2026, 2, 3), date(2026, 4, 20)])]
        values, streams = run(*pay, *gig)
        assert {s["merchant_key"]: s["frequency"] for s in streams} == {
            "acme corp payroll": "weekly",
            "uber payout": "irregular",  # two deposits that fit no cadence
        }
        assert values["income_stream_count"] == 2
        assert values["income_frequency"] == "weekly"

    def test_a_single_deposit_is_income_but_not_a_stream(self) -> None:
        values, streams = run(txn("g", date(2026, 6, 1), -30000, **GIG))
        assert streams == []
        assert values["income_deposit_count"] == 1
        assert values["payroll_detected"] is False


class TestPayGap:
    def test_median_gap_counts_the_last_deposit_before_the_lookback(self) -> None:
        # 30-day window, 90-day lookback from April 1 (exclusive). Deposits Feb 20 (before it), Apr 21, Jun 20.
        rows = [
            txn(f"p{i}", day, -400000, **PAYROLL)
            for i, day in enumerate([date(2026, 2, 20), date(2026, 4, 21), date(2026, 6, 20)])
        ]
        values, _ = run(*rows, days=30)
        # Gaps Feb 20 -> Apr 21 = 60 days, Apr 21 -> Jun 20 = 60 days.
        assert values["median_pay_gap_days"] == 60.0

    def test_two_deposits_on_one_day_count_once(self) -> None:
        rows = [
            txn("a", date(2026, 5, 1), -100000, **PAYROLL),
            txn("b", date(2026, 5, 1), -50000, **GIG),
            txn("c", date(2026, 5, 15), -100000, **PAYROLL),
            txn("d", date(2026, 6, 12), -100000, **PAYROLL),
        ]
        values, _ = run(*rows)
        assert values["median_pay_gap_days"] == 21.0  # gaps 14 and 28 between the distinct dates

    def test_no_gap_with_a_single_deposit(self) -> None:
        values, _ = run(txn("a", date(2026, 5, 1), -100000, **PAYROLL))
        assert values["median_pay_gap_days"] is None


class TestIncomeAmounts:
    def test_monthly_income_variability_and_buffer(self) -> None:
        amounts = [300000, 310000, 290000, 400000, 200000, 300000]
        rows = [txn(f"p{i}", date(2026, i + 1, 15), -amount, **PAYROLL) for i, amount in enumerate(amounts)]
        rows.append(txn("rent", date(2026, 6, 1), 150000, name="Rent", primary="RENT_AND_UTILITIES"))
        values, _ = run(*rows, checking=75000)
        assert values["income"] == sum(amounts)
        assert values["monthly_income"] == round(sum(amounts) / 6)  # 180 days = 6 months
        assert values["income_variability"] == pstdev(amounts) / (sum(amounts) / 6)
        # Monthly spending 150000 / 6 = 25000; checking 75000 covers 3 months.
        assert values["cash_flow_buffer_months"] == 3.0

    def test_thirty_day_income_uses_only_the_window(self) -> None:
        rows = series("p", date(2026, 1, 9), 14, 13, -200000, **PAYROLL)  # June 12 and June 26 in the window
        values, _ = run(*rows, days=30)
        assert values["income"] == 400000
        assert values["monthly_income"] == 400000

    def test_no_spending_means_no_buffer(self) -> None:
        values, _ = run(txn("a", date(2026, 5, 1), -100000, **PAYROLL), checking=50000)
        assert values["cash_flow_buffer_months"] is None
