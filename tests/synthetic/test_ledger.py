from __future__ import annotations

from datetime import timedelta

import polars as pl

from spendsense.synthetic.ledger import PENDING_DAYS
from tests.synthetic.conftest import AS_OF


class TestPendingPairs:
    def test_posted_twins_point_at_a_pending_row_like_them(self, tables: dict[str, pl.DataFrame]) -> None:
        rows = tables["transactions"]
        pending = rows.filter(pl.col("pending"))
        twins = rows.filter(pl.col("pending_transaction_id").is_not_null()).join(
            pending, left_on="pending_transaction_id", right_on="transaction_id", suffix="_pending"
        )
        assert twins.height == rows["pending_transaction_id"].drop_nulls().len() > 0
        assert (twins["pending"] | twins["pending_pending"].not_()).not_().all()  # a posted twin, a pending source
        same = ("account_id", "amount_cents", "merchant_name", "authorized_date")
        assert all((twins[c] == twins[f"{c}_pending"]).all() for c in same)
        assert (twins["date"] >= twins["date_pending"]).all()

    def test_only_the_last_days_keep_pending_rows(self, tables: dict[str, pl.DataFrame]) -> None:
        pending = tables["transactions"].filter(pl.col("pending"))
        assert pending["date"].min() >= AS_OF - timedelta(days=PENDING_DAYS)
        assert pending["pending_transaction_id"].null_count() == pending.height

    def test_some_purchases_have_not_posted_yet(self, tables: dict[str, pl.DataFrame]) -> None:
        rows = tables["transactions"]
        referenced = rows["pending_transaction_id"].drop_nulls().implode()
        waiting = rows.filter(pl.col("pending") & ~pl.col("transaction_id").is_in(referenced))
        assert waiting.height > 0

    def test_ids_are_unique(self, tables: dict[str, pl.DataFrame]) -> None:
        assert tables["transactions"]["transaction_id"].is_unique().all()
        assert tables["accounts"]["account_id"].is_unique().all()
