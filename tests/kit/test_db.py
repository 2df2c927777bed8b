from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from spendsense.kit.db import make_engine, migrate


class TestMigrations:
    def test_every_table_exists(self, engine: Engine) -> None:
        tables = set(inspect(engine).get_table_names())
        expected = {"users", "accounts", "transactions", "liabilities", "raw_payloads", "consent", "consent_events"}
        assert expected <= tables

    def test_user_date_and_account_date_indexes(self, engine: Engine) -> None:
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("transactions")}
        assert indexes["ix_transactions_user_date"] == ["user_id", "date"]
        assert indexes["ix_transactions_account_date"] == ["account_id", "date"]

    def test_migrate_twice_is_a_no_op(self, engine: Engine) -> None:
        migrate(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() is not None


class TestSqlitePragmas:
    def test_wal_and_foreign_keys(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        engine = make_engine(f"sqlite:///{tmp_path / 'x' / 'db.sqlite'}")
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
