from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import polars as pl

from spendsense.synthetic.population import DEMOGRAPHICS, pick, quota


class TestQuota:
    def test_counts_are_exact_largest_remainder(self) -> None:
        drawn = quota(np.random.default_rng(1), 10, (0.5, 0.3, 0.15, 0.05))
        # 5, 3, 1.5 -> 1, 0.5 -> 0; the one left over goes to the largest remainder (tie: the first).
        assert Counter(drawn.tolist()) == {0: 5, 1: 3, 2: 2}

    def test_pick_takes_a_rounded_share_of_the_eligible_only(self) -> None:
        eligible = np.array([True, False] * 10)
        chosen = pick(np.random.default_rng(1), eligible, 0.3)
        assert chosen.sum() == 3
        assert not (chosen & ~eligible).any()


class TestPopulation:
    def test_no_demographic_group_is_empty(self, tables: dict[str, pl.DataFrame]) -> None:
        for column, (values, _) in DEMOGRAPHICS.items():
            assert set(tables["users"][column]) == set(values), column

    def test_each_edge_case_is_present(self, labels: dict[str, Any]) -> None:
        cases = Counter(case for user in labels["users"].values() for case in user["edge_cases"])
        assert set(cases) == {"no_credit_card", "no_savings", "thin_file", "business_account", "no_consent"}

    def test_one_user_in_ten_has_not_consented(self, labels: dict[str, Any], plaid_dir: Any) -> None:
        consent = [user["consent"] for user in labels["users"].values()]
        assert consent.count(False) == 10
        csv = pl.read_csv(plaid_dir / "users.csv")
        assert csv["consent"].to_list() == consent
        assert csv.columns == ["user_id", "name", "email", "age_band", "gender", "income_tier", "region", "consent"]

    def test_thin_files_have_under_30_days_of_history(
        self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]
    ) -> None:
        thin = [user_id for user_id, user in labels["users"].items() if "thin_file" in user["edge_cases"]]
        spans = (
            tables["transactions"]
            .group_by("user_id")
            .agg((pl.col("date").max() - pl.col("date").min()).dt.total_days())
        )
        assert spans.filter(pl.col("user_id").is_in(thin))["date"].max() < 30
        assert spans.filter(~pl.col("user_id").is_in(thin))["date"].min() > 150

    def test_edge_cases_match_the_accounts(self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]) -> None:
        held = (
            tables["accounts"]
            .group_by("user_id")
            .agg(
                card=(pl.col("type") == "credit").any(),
                savings=pl.col("subtype").is_in(["savings", "money market", "cash management"]).any(),
                business=pl.col("is_business").any(),
            )
        )
        for user_id, card, savings, business in held.iter_rows():
            cases = labels["users"][user_id]["edge_cases"]
            assert ("no_credit_card" in cases, "no_savings" in cases, "business_account" in cases) == (
                not card,
                not savings,
                business,
            )
