"""Write one payload's rows into the store: raw payload first, then upserts by Plaid id. Never commits.

Upserts make a replayed payload harmless; ownership checks stop one customer's file from
rewriting another customer's accounts (Plaid ids are global primary keys here).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session

from spendsense.ingest.errors import rejected
from spendsense.ingest.normalize import Row, Rows
from spendsense.models import Account, Liability, PlaidRecurringStream, RawPayload, Transaction, User

CHUNK = 500  # rows per statement: well under SQLite's bound-parameter limit


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def upsert(session: Session, model: type[Any], rows: Sequence[Row], key: str) -> int:
    """Insert or update `rows` by their unique key `key`; the last row wins when a key repeats."""
    unique = list({row[key]: row for row in rows}.values())
    if not unique:
        return 0
    table = _table(model)
    dialect = session.get_bind().dialect.name
    statement = sqlite.insert(table) if dialect == "sqlite" else postgresql.insert(table)
    columns = [name for name in unique[0] if name != key]
    statement = statement.on_conflict_do_update(
        index_elements=[key], set_={name: statement.excluded[name] for name in columns}
    )
    for chunk in _chunks(unique):
        session.execute(statement, list(chunk))
    return len(unique)


def _lookup(
    session: Session, key: InstrumentedAttribute[str], ids: Iterable[str], *where: ColumnElement[bool]
) -> dict[str, str]:
    """id -> user_id for the stored rows among `ids`."""
    model = key.class_
    found: dict[str, str] = {}
    for chunk in _chunks(sorted(set(ids))):
        query = select(key, model.user_id).where(key.in_(chunk), *where)
        found.update({row[0]: row[1] for row in session.execute(query)})
    return found


def store_raw(session: Session, user_id: str, source: str, origin: str, sha256: str, body: str, now: datetime) -> bool:
    """Keep the payload exactly as received; False when this user already has these exact bytes."""
    present = session.scalar(
        select(RawPayload.id).where(
            RawPayload.user_id == user_id, RawPayload.source == source, RawPayload.content_sha256 == sha256
        )
    )
    if present is not None:
        return False
    session.add(
        RawPayload(user_id=user_id, source=source, origin=origin, content_sha256=sha256, body=body, received_at=now)
    )
    session.flush()
    return True


def ensure_user(session: Session, user_id: str, now: datetime, profile: Row | None = None) -> bool:
    """Create the user if missing (a placeholder name unless a profile says otherwise); True when created."""
    user = session.get(User, user_id)
    created = user is None
    if user is None:
        user = User(user_id=user_id, name=f"Customer {user_id}", created_at=now)
        session.add(user)
    for name, value in (profile or {}).items():
        if getattr(user, name) != value:
            setattr(user, name, value)
    session.flush()
    return created


def _check_owner(owners: dict[str, str], user_id: str, paths: dict[str, str], file: str, what: str) -> None:
    for entity_id, owner in owners.items():
        if owner != user_id:
            where = paths.get(entity_id, what)
            raise rejected(file, f"{where}.{what}", f"{entity_id!r} already belongs to another user")


def _check_accounts(session: Session, user_id: str, refs: dict[str, str], file: str) -> None:
    """Every referenced account (id -> JSON path of a row naming it) must be this user's."""
    mine = _lookup(session, Account.account_id, refs, Account.user_id == user_id)
    for account_id, path in refs.items():
        if account_id not in mine:
            reason = f"account {account_id!r} is neither in this payload nor stored for user {user_id!r}"
            raise rejected(file, f"{path}.account_id", reason)


def _replace_pending(session: Session, user_id: str, transactions: Sequence[Row]) -> int:
    """A posted transaction naming a stored pending one replaces it, as Plaid does."""
    pending_ids = [
        r["pending_transaction_id"] for r in transactions if not r["pending"] and r["pending_transaction_id"]
    ]
    return _delete(session, pending_ids, Transaction.user_id == user_id, Transaction.pending.is_(True))


def _delete(session: Session, ids: Sequence[str], *where: ColumnElement[bool]) -> int:
    deleted = 0
    for chunk in _chunks(ids):
        result = session.execute(delete(Transaction).where(Transaction.transaction_id.in_(chunk), *where))
        deleted += cast(int, getattr(result, "rowcount", 0))
    return deleted


def _write_transactions(session: Session, user_id: str, rows: Rows, file: str, counts: Counter[str]) -> None:
    refs = {row["account_id"]: rows.paths.get(row["transaction_id"], "transactions") for row in rows.transactions}
    _check_accounts(session, user_id, refs, file)
    owners = _lookup(session, Transaction.transaction_id, (row["transaction_id"] for row in rows.transactions))
    _check_owner(owners, user_id, rows.paths, file, "transaction_id")
    counts["transactions"] += upsert(session, Transaction, rows.transactions, "transaction_id")
    counts["pending_replaced"] += _replace_pending(session, user_id, rows.transactions)
    counts["removed"] += _delete(session, rows.removed, Transaction.user_id == user_id)


def apply_rows(session: Session, user_id: str, rows: Rows, file: str, now: datetime) -> Counter[str]:
    """Write one payload's rows for `user_id`; rows written (or deleted) per table."""
    counts: Counter[str] = Counter()
    owners = _lookup(session, Account.account_id, (row["account_id"] for row in rows.accounts))
    _check_owner(owners, user_id, rows.paths, file, "account_id")
    counts["accounts"] += upsert(session, Account, [{**row, "updated_at": now} for row in rows.accounts], "account_id")
    _write_transactions(session, user_id, rows, file, counts)
    refs = {
        row["account_id"]: rows.paths.get(f"liability:{row['account_id']}", "liabilities") for row in rows.liabilities
    }
    _check_accounts(session, user_id, refs, file)
    counts["liabilities"] += upsert(session, Liability, rows.liabilities, "account_id")
    owners = _lookup(session, PlaidRecurringStream.stream_id, (row["stream_id"] for row in rows.streams))
    _check_owner(owners, user_id, rows.paths, file, "stream_id")
    counts["plaid_recurring_streams"] += upsert(session, PlaidRecurringStream, rows.streams, "stream_id")
    return counts
