"""Signals on Plaid's own Sandbox custom users (../shared/fixtures), checked against the raw files by hand.

Each file is ingested through the sandbox adapter and analysed as of its newest transaction
date, as the fixtures README asks (the files' dates are relative to when they were fetched).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from spendsense.consent.service import record
from spendsense.ingest.service import ingest_paths
from spendsense.kit.db import session_scope
from spendsense.pipeline.documents import Outcome
from spendsense.pipeline.run import compute_outcome
from spendsense.store.frames import load_frames
from tests.conftest import PLAID_FIXTURES

SANDBOX = PLAID_FIXTURES / "sandbox-custom-users"


def analyse(engine: Engine, relative: str) -> Outcome:
    ingest_paths(engine, [SANDBOX / relative], user_id="sandbox")
    with session_scope(engine) as session:
        record(session, "sandbox", True, source="cli")
    frames = load_frames(engine, ["sandbox"])
    as_of = frames.transactions["date"].max()
    return compute_outcome(["sandbox"], frames.transactions, frames.accounts, frames.liabilities, as_of)


def window(outcome: Outcome, label: str) -> dict[str, Any]:
    (row,) = outcome.signals.signals.filter(outcome.signals.signals["window"] == label).to_dicts()
    return row


def streams(frame: Any, label: str) -> dict[str, dict[str, Any]]:
    return {row["merchant_name"]: row for row in frame.filter(frame["window"] == label).to_dicts()}


class TestCreditCardCustomUser:
    def test_utilization_is_the_starting_balance_over_the_limit(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "liabilities/credit_card_custom_user.json")
        signals = window(outcome, "30d")
        # override_accounts[0]: starting_balance 1245.67, meta.limit 10000 -> 124567 / 1000000 = 12.46%.
        assert signals["max_utilization"] == pytest.approx(0.124567)
        assert (signals["util_ge_30"], signals["util_ge_50"]) == (False, False)
        # liability: last_payment_amount 250 > minimum_payment_amount 35 + $1; is_overdue false.
        assert (signals["minimum_payment_only"], signals["is_overdue"]) == (False, False)
        assert outcome.signals.cards["limit_cents"].to_list() == [1000000]


class TestWelder:
    def test_monthly_payroll(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/welderTestUser.json")
        # "Direct Deposit - Excelsior Welding Company" -4166.66 on the 5th-8th of every month, Aug 2025 - Aug 2026.
        (payroll,) = streams(outcome.signals.income_streams, "180d").values()
        assert payroll["frequency"] == "monthly"
        assert payroll["is_payroll"] is True
        # As of 2026-08-22 the 180-day lookback starts after 2026-02-23: Mar 8, Apr 8, May 8, Jun 8, Jul 8, Aug 8.
        assert payroll["deposits"] == 6
        assert payroll["average_amount_cents"] == 416666
        signals = window(outcome, "180d")
        assert (signals["payroll_detected"], signals["income_frequency"]) == (True, "monthly")
        # Deposit dates Feb 5 (the last before the lookback), Mar 8, Mar 27 (the $4.22 "INTRST PYMNT": interest
        # earned is INCOME too), Apr 8, May 8, Jun 8, Jul 8, Aug 8: gaps 31, 19, 12, 30, 31, 30, 31, sorted
        # 12, 19, 30, 30, 31, 31, 31 -> median 30.
        assert signals["median_pay_gap_days"] == 30.0

    def test_the_fixed_loan_payments_recur_and_are_not_subscriptions(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/welderTestUser.json")
        found = streams(outcome.signals.recurring_streams, "180d")
        for name, cents in (
            ("Mortgage Payment", 274500),
            ("Auto Loan Payment", 52400),
            ("Student Loan Repayment", 26700),
        ):
            assert (found[name]["frequency"], found[name]["average_amount_cents"]) == ("monthly", cents)
            assert found[name]["is_subscription"] is False
        # The Discover card payments vary from $516 to $1,745: not a stream.
        assert not any("Discover" in name for name in found)


class TestBankIncomeBasic:
    def test_the_missed_month_keeps_the_monthly_streams_over_180_days(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/bank_income_basic.json")
        # June 2026 is missing from the mortgage, loan and card payments: May 8 -> Jul 8 is a 61-day gap.
        # Over 180 days (after 2026-02-23) the mortgage has Mar 8, Apr 8, May 8, Jul 8, Aug 8: gaps 31, 30, 61,
        # 31, of which 3 of 4 (75%) fit 30 ± 4, and the median gap 31 is monthly.
        mortgage = streams(outcome.signals.recurring_streams, "180d")["Mortgage Payment"]
        assert (mortgage["frequency"], mortgage["occurrences"]) == ("monthly", 5)

    def test_ninety_days_after_the_gap_hold_too_few_payments(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/bank_income_basic.json")
        # The 30-day window looks back 90 days, after 2026-05-24: only Jul 8 and Aug 8 remain: no stream.
        assert "Mortgage Payment" not in streams(outcome.signals.recurring_streams, "30d")

    def test_payroll_stops_a_month_before_the_newest_transaction(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/bank_income_basic.json")
        # "Plaid Direct Dep" monthly until 2026-07-22; the newest row is a card payment on 2026-08-22.
        thirty = window(outcome, "30d")
        assert (thirty["income"], thirty["payroll_detected"]) == (0, True)  # nothing in (Jul 23, Aug 22]
        # Mar 23 $5,000, Apr 22 $5,000, May 23 $5,500, Jun 23 $5,500, Jul 22 $5,500 (and Feb 20 before the lookback).
        assert streams(outcome.signals.income_streams, "180d")["Plaid Direct Dep"]["frequency"] == "monthly"
        assert window(outcome, "180d")["median_pay_gap_days"] == 30.0  # gaps 31, 30, 31, 31, 29


class TestRandomIncome:
    def test_no_regular_payroll(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/bank_income_custom_user_random_income_over_90_days.json")
        found = streams(outcome.signals.income_streams, "180d")
        # "Plaid Direct Dep" Jun 16, Jul 7, Aug 22: gaps 21 and 46 fit no cadence; the others are as irregular.
        assert {name: row["frequency"] for name, row in found.items()} == {
            "Plaid Direct Dep": "irregular",
            "Social Security Administration": "irregular",
            "child support": "irregular",
            "Uber Payment": "irregular",
        }
        signals = window(outcome, "180d")
        assert signals["income_frequency"] == "irregular"
        assert outcome.signals.recurring_streams.is_empty()


class TestSelfEmployedGigUser:
    def test_an_overdraft_and_an_nsf_fee_make_a_fee_saver(self, sqlite_engine: Engine) -> None:
        outcome = analyse(sqlite_engine, "income/selfEmployedGiguser.json")
        # "Overdraft fee" $5 and "NSF fee" $12, transacted 2026-08-22, the newest date in the file.
        signals = window(outcome, "30d")
        assert (signals["fee_count"], signals["fee_total"]) == (2, 500 + 1200)
        assert (signals["overdraft_fee_count"], signals["nsf_fee_count"]) == (1, 1)
        assignments = outcome.assignments.filter(outcome.assignments["window"] == "30d")
        assert assignments["primary_persona"].to_list() == ["fee_saver"]  # fee_count >= 2
