from __future__ import annotations

import itertools
import statistics
from collections import Counter
from datetime import date, timedelta
from typing import Any

import polars as pl

from tests.synthetic.conftest import AS_OF
from tests.synthetic.reference import TOLERANCE, detect, merchant_key

LOOKBACK_START = AS_OF - timedelta(days=180)


def streams(labels: dict[str, Any], kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(user_id, stream) for user_id, user in labels["users"].items() for stream in user[kind]]


class TestRecurringStreams:
    def test_every_labelled_transaction_exists_posted_in_the_lookback(
        self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]
    ) -> None:
        rows = {
            r[0]: r[1:]
            for r in tables["transactions"]
            .select("transaction_id", "user_id", "account_id", "date", "pending")
            .iter_rows()
        }
        for user_id, stream in streams(labels, "recurring_streams") + streams(labels, "income_streams"):
            for transaction_id in stream["transaction_ids"]:
                owner, account_id, day, pending = rows[transaction_id]
                assert (owner, account_id, pending) == (user_id, stream["account_id"], False)
                assert LOOKBACK_START < day <= AS_OF

    def test_gaps_match_the_labelled_frequency(self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]) -> None:
        dates = dict(tables["transactions"].select("transaction_id", "date").iter_rows())
        for _, stream in streams(labels, "recurring_streams"):
            days: list[date] = [dates[t] for t in stream["transaction_ids"]]
            low, high = TOLERANCE[stream["frequency"]]
            assert len(days) >= 3
            assert all(low <= (b - a).days <= high for a, b in itertools.pairwise(days)), stream["name"]

    def test_amounts_stay_within_a_quarter_of_the_median(
        self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]
    ) -> None:
        amounts = dict(tables["transactions"].select("transaction_id", "amount_cents").iter_rows())
        for _, stream in streams(labels, "recurring_streams"):
            values = [abs(amounts[t]) for t in stream["transaction_ids"]]
            median = statistics.median(values)
            assert all(abs(v - median) <= 0.25 * median for v in values)
            assert abs(stream["amount_cents"] - median) <= 0.5  # the median, in whole cents

    def test_the_rules_of_docs_signals_find_exactly_the_labelled_streams(
        self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]
    ) -> None:
        found = detect(tables["transactions"], tables["accounts"], AS_OF)
        labelled = {
            (user_id, merchant_key(s["merchant_entity_id"], s["merchant_name"], s["name"]), s["direction"]): s
            for user_id, s in streams(labels, "recurring_streams")
        }
        assert found.keys() == labelled.keys()
        for key, stream in labelled.items():
            assert found[key]["frequency"] == stream["frequency"]
            assert found[key]["transaction_ids"] == stream["transaction_ids"]

    def test_the_realism_the_requirements_ask_for(self, labels: dict[str, Any]) -> None:
        kinds = Counter((s["frequency"], s["kind"]) for _, s in streams(labels, "recurring_streams"))
        for wanted in [
            ("weekly", "subscription"),
            ("monthly", "subscription"),
            ("monthly", "rent"),
            ("monthly", "card_payment"),
        ]:
            assert kinds[wanted] > 0, wanted
        payroll = {s["frequency"] for _, s in streams(labels, "income_streams")}
        assert payroll == {"weekly", "biweekly", "semi_monthly", "monthly", "irregular"}
        rising = [s for _, s in streams(labels, "recurring_streams") if s["last_amount_cents"] > s["amount_cents"]]
        assert any(s["merchant_name"] == "Netflix" for s in rising)  # the mid-history price rise


class TestFeeEvents:
    def test_fee_events_are_posted_bank_fees(self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]) -> None:
        rows = {
            r[0]: r[1:]
            for r in tables["transactions"]
            .select("transaction_id", "pfc_detailed", "amount_cents", "pending")
            .iter_rows()
        }
        events = streams(labels, "fee_events")
        assert {e["kind"] for _, e in events} == {"overdraft", "nsf", "late", "other"}
        for _, event in events:
            detailed, amount, pending = rows[event["transaction_id"]]
            assert detailed.startswith("BANK_FEES_")
            assert detailed != "BANK_FEES_INTEREST_CHARGE"
            assert (amount, pending) == (event["amount_cents"], False)

    def test_business_fees_are_not_labelled(self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]) -> None:
        business = tables["accounts"].filter(pl.col("is_business"))["account_id"]
        business_fees = tables["transactions"].filter(
            pl.col("account_id").is_in(business.implode()) & (pl.col("pfc_primary") == "BANK_FEES")
        )
        labelled = {e["transaction_id"] for _, e in streams(labels, "fee_events")}
        assert business_fees.height > 0
        assert labelled.isdisjoint(business_fees["transaction_id"].to_list())
