from __future__ import annotations

import pytest

from spendsense.ingest import bulk_sql


class TestUpsert:
    def test_updates_every_column_but_the_key_and_kept_ones(self) -> None:
        sql = bulk_sql.upsert("users", "user_id", ["user_id", "name"], {"created_at": "m.now"}, keep=("created_at",))
        assert sql.endswith("ON CONFLICT (user_id) DO UPDATE SET name = excluded.name")

    def test_refuses_anything_but_identifiers(self) -> None:
        with pytest.raises(ValueError, match="identifiers"):
            bulk_sql.upsert("users; DROP TABLE users", "user_id", ["user_id"])


class TestLiabilities:
    def test_the_json_cast_is_the_callers(self) -> None:
        assert "(s.aprs_json)::jsonb" in bulk_sql.liabilities(lambda expression: f"({expression})::jsonb")
