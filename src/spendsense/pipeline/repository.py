"""The pipeline's reads and writes of its own tables. Every write replaces, so a re-run never duplicates."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Delete, Table, bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from spendsense.models import IncomeStream, PersonaAssignment, RecurringStream, Transaction, UserSignals

CHUNK = 2000
"""Rows per statement: well under SQLite's bound-parameter limit for an IN list or a batch."""
TABLES: dict[str, Table] = {
    "signals": UserSignals.__table__,  # type: ignore[dict-item]
    "recurring_streams": RecurringStream.__table__,  # type: ignore[dict-item]
    "income_streams": IncomeStream.__table__,  # type: ignore[dict-item]
    "persona_assignments": PersonaAssignment.__table__,  # type: ignore[dict-item]
}


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def newest_transaction_date(session: Session) -> date | None:
    """The default as-of date of a full run: the newest transaction anywhere in the store (a full scan)."""
    return session.scalar(select(func.max(Transaction.date)))


def recompute_as_of(session: Session, user_ids: Sequence[str]) -> date | None:
    """The default as-of date of a recompute: the last run's, or these users' newest transaction if later.

    Both reads use an index, where the store-wide newest date needs a scan of every transaction;
    and the recomputed users stay on the same windows as everyone else.
    """
    last_run = session.scalar(select(func.max(UserSignals.as_of)))
    theirs = session.scalar(select(func.max(Transaction.date)).where(Transaction.user_id.in_(list(user_ids))))
    known = [day for day in (last_run, theirs) if day is not None]
    return max(known) if known else None


@functools.cache
def _deletes(name: str) -> tuple[Delete, Delete]:
    """A table's deletes for some windows, of everyone or of some users; built once, reused as is.

    A statement object used again skips SQLAlchemy's matching of a new one to its cached
    compilation (about 0.6 ms a statement on one user's recompute).
    """
    table = TABLES[name]
    in_windows = table.c.window.in_(bindparam("windows", expanding=True))
    everyone = delete(table).where(in_windows)
    return everyone, everyone.where(table.c.user_id.in_(bindparam("user_ids", expanding=True)))


def clear(session: Session, windows: Sequence[str], user_ids: Sequence[str] | None) -> None:
    """Remove what an earlier run stored for these windows: for `user_ids` only, or for everyone."""
    for name in TABLES:
        everyone, theirs = _deletes(name)
        if user_ids is None:
            session.execute(everyone, {"windows": list(windows)})
            continue
        for chunk in _chunks(list(user_ids)):
            session.execute(theirs, {"windows": list(windows), "user_ids": list(chunk)})


def stored_users(session: Session, windows: Sequence[str]) -> set[str]:
    """Every user with a row in any of the pipeline's tables for these windows."""
    found: set[str] = set()
    for table in TABLES.values():
        found.update(session.scalars(select(table.c.user_id).where(table.c.window.in_(list(windows))).distinct()))
    return found


def insert_rows(session: Session, name: str, rows: Sequence[dict[str, Any]]) -> int:
    table = TABLES[name]
    for chunk in _chunks(rows):
        session.execute(insert(table), list(chunk))
    return len(rows)


def read_user(session: Session, user_id: str, window: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Everything stored for one user (one window or both), as plain dicts per table."""
    found: dict[str, list[dict[str, Any]]] = {}
    for name, table in TABLES.items():
        query = select(table).where(table.c.user_id == user_id)
        if window is not None:
            query = query.where(table.c.window == window)
        order = [table.c.window, table.c.stream_id] if "stream_id" in table.c else [table.c.window]
        found[name] = [dict(row) for row in session.execute(query.order_by(*order)).mappings()]
    return found
