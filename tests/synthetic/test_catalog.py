from __future__ import annotations

import polars as pl

from spendsense.synthetic.catalog import PFC_PRIMARIES, catalog


class TestCatalog:
    def test_categories_are_plaid_primary_detailed_pairs(self) -> None:
        frame = catalog().frame
        assert set(frame["pfc_primary"]) <= set(PFC_PRIMARIES)
        assert all(d.startswith(p + "_") for p, d in frame.select("pfc_primary", "pfc_detailed").iter_rows())

    def test_recurring_and_discretionary_merchants_never_share_a_key(self) -> None:
        cat = catalog()
        spend = cat.frame.filter(pl.Series(cat.pendable))
        others = cat.frame.filter(~pl.Series(cat.pendable))
        assert set(spend["merchant_entity_id"]).isdisjoint(others["merchant_entity_id"].drop_nulls())
        assert set(spend["name"]).isdisjoint(others["name"])

    def test_merchant_rules_follow_spendsense_rules(self) -> None:
        cat = catalog()
        names = cat.frame["name"]
        fees = dict(zip(names.filter(pl.Series(cat.rules.fee)), cat.rules.fee_kind[cat.rules.fee], strict=True))
        assert fees["OVERDRAFT ITEM FEE"] == "overdraft"
        assert fees["LATE PAYMENT FEE"] == "late"
        assert "INTEREST CHARGE ON PURCHASES" not in fees
        income = set(names.filter(pl.Series(cat.rules.income)))
        assert "NORTHWIND LOGISTICS PAYROLL" in income
        assert "ONLINE TRANSFER FROM CHECKING" not in income
        not_spending = set(names.filter(~pl.Series(cat.rules.spending)))
        assert {"ONLINE TRANSFER TO SAVINGS", "PLATYPUS CARD AUTOPAY", "ATM WITHDRAWAL 7-ELEVEN"} <= not_spending
