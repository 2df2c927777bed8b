"""The bulk load's SQL: staged rows (temp tables `stage_<table>`, plus the one-row `stage_meta`) into the store.

Plain SQL that SQLite and PostgreSQL both accept (`INSERT ... SELECT ... WHERE true ON
CONFLICT`: the `WHERE true` resolves SQLite's parsing ambiguity). The caller supplies how
to turn text into JSON, the one place the two stores differ. Identifiers come from
`spendsense.tables`, never from input, and values are never inlined.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from spendsense import tables

JsonCast = Callable[[str], str]
SOURCE = "generator:parquet"


def upsert(
    table: str, key: str, columns: Sequence[str], extra: Mapping[str, str] | None = None, keep: Sequence[str] = ()
) -> str:
    """`stage_<table>` rows into `table` by `key`; `extra`: column -> SQL expression; `keep`: never updated."""
    extra = dict(extra or {})
    names = [*columns, *extra]
    if not all(name.isidentifier() for name in (table, key, *names)):
        raise ValueError(f"not plain identifiers: {table}, {names}")
    values = [f"s.{name}" for name in columns] + list(extra.values())
    updates = ", ".join(f"{name} = excluded.{name}" for name in names if name != key and name not in keep)
    return (  # identifiers only, checked above; values travel in the staged tables
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} "  # noqa: S608
        f"FROM stage_{table} s CROSS JOIN stage_meta m WHERE true "
        f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
    )


def users() -> str:
    return upsert("users", "user_id", tables.USERS.names(), {"created_at": "m.now"}, keep=("created_at",))


def new_users() -> str:
    return "SELECT count(*) FROM stage_users s WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = s.user_id)"


def consent() -> list[str]:
    """The generator seeds consent once: users who already have a state (their own choice) are left alone."""
    return [
        "INSERT INTO consent_events (user_id, action, source, actor, note, at) "
        "SELECT s.user_id, CASE WHEN s.granted THEN 'grant' ELSE 'revoke' END, COALESCE(s.source, 'generator'), "
        "'ingest', NULL, m.now FROM stage_consent s CROSS JOIN stage_meta m "
        "WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.user_id = s.user_id)",
        "INSERT INTO consent (user_id, granted, source, updated_at) "
        "SELECT s.user_id, s.granted, COALESCE(s.source, 'generator'), m.now "
        "FROM stage_consent s CROSS JOIN stage_meta m WHERE true ON CONFLICT (user_id) DO NOTHING",
    ]


def accounts() -> str:
    return upsert("accounts", "account_id", tables.ACCOUNTS.names(), {"updated_at": "m.now"})


def transactions() -> str:
    return upsert("transactions", "transaction_id", tables.TRANSACTIONS.names())


def liabilities(json: JsonCast) -> str:
    columns = [name for name in tables.LIABILITIES.names() if name != "aprs_json"]
    extra = {"aprs": json("s.aprs_json"), "details": json("'{}'")}
    return upsert("liabilities", "account_id", columns, extra, keep=("details",))


def replace_pending() -> str:
    """Posted rows replace the pending ones they name (`stage_pending`), as the per-file path and Plaid do."""
    return (
        "DELETE FROM transactions WHERE pending = true AND transaction_id IN (SELECT transaction_id FROM stage_pending)"
    )


def has_transactions_for_staged_users() -> str:
    return "SELECT count(*) FROM (SELECT 1 FROM transactions t JOIN stage_users s ON t.user_id = s.user_id LIMIT 1) x"


def provenance_rows() -> str:
    """One raw_payloads row per user: which files (with their hashes) their rows came from."""
    return (
        "INSERT INTO raw_payloads (user_id, source, origin, content_sha256, body, received_at) "
        "SELECT s.user_id, m.source, m.origin, m.sha256, m.body, m.now FROM stage_users s CROSS JOIN stage_meta m "
        "WHERE true ON CONFLICT (user_id, source, content_sha256) DO NOTHING"
    )


def provenance_count() -> str:
    return (
        "SELECT count(*) FROM raw_payloads r JOIN stage_meta m ON r.source = m.source AND r.content_sha256 = m.sha256"
    )
