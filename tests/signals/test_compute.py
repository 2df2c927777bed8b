from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spendsense.signals import catalog, window
from spendsense.signals.compute import SignalSet, compute_signals
from tests.signals.builders import AS_OF, NETFLIX, account, accounts, liabilities, liability, monthly, transactions, txn

CATEGORIES = [
    ("Kroger", "FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"),
    ("Netflix", "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"),
    ("ACME PAYROLL", "INCOME", "INCOME_WAGES"),
    ("Overdraft fee", "BANK_FEES", "BANK_FEES_OVERDRAFT_FEES"),
    ("Interest charge", "BANK_FEES", "BANK_FEES_INTEREST_CHARGE"),
    ("To savings", "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"),
    ("Card payment", "LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"),
]
ACCOUNTS = ("chk", "sav", "visa")


def population() -> pl.DataFrame:
    return accounts(
        account("chk", current=120000),
        account("sav", subtype="savings", current=800000),
        account("visa", type="credit", subtype="credit card", current=260000, limit=500000),
        account("biz", business=True, current=10**7),
    )


@st.composite
def histories(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Random one-off transactions plus weekly and monthly streams (never ~15-day ones, see the shift test)."""
    rows = []
    for i in range(draw(st.integers(0, 40))):
        name, primary, detailed = draw(st.sampled_from(CATEGORIES))
        amount = draw(st.integers(-500000, 500000).filter(lambda a: a != 0))
        day = AS_OF - timedelta(days=draw(st.integers(0, 250)))
        rows.append(
            txn(
                f"r{i}",
                day,
                amount,
                name=name,
                primary=primary,
                detailed=detailed,
                account_id=draw(st.sampled_from(ACCOUNTS)),
            )
        )
    for s in range(draw(st.integers(0, 3))):
        period = draw(st.sampled_from([7, 30]))
        name, primary, detailed = draw(st.sampled_from(CATEGORIES))
        amount = draw(st.integers(-300000, 300000).filter(lambda a: a != 0))
        start = draw(st.integers(0, 200))
        for k in range(draw(st.integers(3, 12))):
            day = AS_OF - timedelta(days=start + period * k + draw(st.integers(-1, 1)))
            rows.append(txn(f"s{s}_{k}", day, amount, name=name, primary=primary, detailed=detailed, account_id="chk"))
    return rows


def compute(rows: list[dict[str, Any]], as_of: date = AS_OF) -> SignalSet:
    debts = liabilities(liability("visa", minimum=3500, last=3500))
    return compute_signals(["u1", "u2"], transactions(*rows), population(), debts, as_of)


def shifted(rows: list[dict[str, Any]], days: int) -> list[dict[str, Any]]:
    return [{**row, "date": row["date"] + timedelta(days=days)} for row in rows]


class TestComputeSignals:
    def test_every_requested_user_gets_a_row_per_window_even_without_data(self) -> None:
        result = compute(monthly("n", 5, [(2026, m) for m in range(1, 7)], 1599, **NETFLIX))
        assert result.signals.schema == catalog.SCHEMA
        assert result.signals.select("user_id", "window").rows() == [
            ("u1", "30d"),
            ("u2", "30d"),
            ("u1", "180d"),
            ("u2", "180d"),
        ]
        nobody = result.signals.filter(pl.col("user_id") == "u2").row(0, named=True)
        assert (nobody["fee_count"], nobody["max_utilization"], nobody["behaviour_count"]) == (0, None, 0)

    def test_users_not_requested_are_not_computed(self) -> None:
        rows = [txn("other", date(2026, 6, 1), 5000, user_id="u9")]
        result = compute_signals(["u1"], transactions(*rows), population(), liabilities(), AS_OF)
        assert result.signals["user_id"].unique().to_list() == ["u1"]

    def test_behaviours_count_the_areas_with_data(self) -> None:
        rows = [
            txn(
                "fee",
                date(2026, 6, 1),
                3500,
                name="Overdraft fee",
                primary="BANK_FEES",
                detailed="BANK_FEES_OVERDRAFT_FEES",
            )
        ]
        first = compute(rows).signals.row(0, named=True)
        # Savings account, card and a fee: three areas, no income or recurring stream.
        assert (first["has_savings"], first["has_credit"], first["has_fees"]) == (True, True, True)
        assert first["behaviour_count"] == 3


class TestInvariants:
    @settings(max_examples=25, deadline=None)
    @given(histories(), st.integers(-400, 400))
    def test_shifting_every_date_and_the_as_of_date_changes_no_signal(
        self, rows: list[dict[str, Any]], days: int
    ) -> None:
        before = compute(rows).signals.drop("as_of")
        after = compute(shifted(rows, days), AS_OF + timedelta(days=days)).signals.drop("as_of")
        assert before.equals(after)

    @settings(max_examples=25, deadline=None)
    @given(histories(), st.randoms(use_true_random=False))
    def test_row_order_changes_nothing(self, rows: list[dict[str, Any]], random: Any) -> None:
        shuffled = list(rows)
        random.shuffle(shuffled)
        before, after = compute(rows), compute(shuffled)
        assert before.signals.equals(after.signals)
        assert before.recurring_streams.equals(after.recurring_streams)
        assert before.income_streams.equals(after.income_streams)

    @settings(max_examples=25, deadline=None)
    @given(histories(), st.integers(-500000, 500000), st.integers(0, 200))
    def test_a_business_account_transaction_changes_nothing(
        self, rows: list[dict[str, Any]], amount: int, ago: int
    ) -> None:
        extra = txn("biz1", AS_OF - timedelta(days=ago), amount, name="Office Depot", account_id="biz")
        assert compute(rows).signals.equals(compute([*rows, extra]).signals)

    @settings(max_examples=25, deadline=None)
    @given(histories())
    def test_a_window_computed_alone_gives_what_the_shared_pass_gives(self, rows: list[dict[str, Any]]) -> None:
        """Every window is computed in one pass, its rows tagged: no window may see another's rows."""
        debts = liabilities(liability("visa", minimum=3500, last=3500))
        frames = (transactions(*rows), population(), debts)
        both = compute_signals(["u1", "u2"], *frames, AS_OF, window_days=(30, 180))
        for days in (30, 180):
            alone = compute_signals(["u1", "u2"], *frames, AS_OF, window_days=(days,))
            label = pl.col("window") == f"{days}d"
            for name in ("signals", "recurring_streams", "income_streams"):
                assert getattr(both, name).filter(label).equals(getattr(alone, name)), name
            evidence = [
                frame.filter(label).sort("signals", "user_id").rows() for frame in (both.evidence, alone.evidence)
            ]
            assert evidence[0] == evidence[1]

    @settings(max_examples=25, deadline=None)
    @given(histories())
    def test_a_few_users_rows_give_what_the_at_scale_path_gives(self, rows: list[dict[str, Any]]) -> None:
        """Up to `SMALL_INPUT_ROWS` input rows, queries skip the optimizer and `prepare` is one query: same output."""
        small = compute(rows)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(window, "SMALL_INPUT_ROWS", -1)  # every input is large: optimized, the at-scale `prepare`
            large = compute(rows)
        for name in ("signals", "cards", "recurring_streams", "income_streams"):
            assert getattr(small, name).equals(getattr(large, name)), name
        assert sorted(map(repr, small.evidence.rows())) == sorted(map(repr, large.evidence.rows()))
