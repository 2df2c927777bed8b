"""The insights' reads and writes: one user's frames and budgets, saved budgets, net-worth snapshots.

Functions take the caller's session and never commit (the request or the batch job does).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import polars as pl
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from spendsense import tables
from spendsense.consent.service import require_consent
from spendsense.insights.categories import is_valid_category
from spendsense.insights.net_worth import compute_net_worth
from spendsense.insights.results import MAX_BUDGET_CENTS, NetWorthSnapshotView, SavedBudget
from spendsense.insights.types import BUDGETS, InsightData
from spendsense.kit.clock import utcnow
from spendsense.kit.errors import InvalidInput, NotFound
from spendsense.kit.money import DEFAULT_CURRENCY
from spendsense.models import Account, Budget, Liability, NetWorthSnapshot, Transaction, User

MONTH_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")


def require_user(session: Session, user_id: str) -> None:
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)


def _frame(session: Session, model: Any, user_id: str, schema: pl.Schema, order: Sequence[Any] = ()) -> pl.DataFrame:
    columns: list[InstrumentedAttribute[Any]] = [getattr(model, name) for name in schema.names()]
    where: ColumnElement[bool] = model.user_id == user_id
    rows = session.execute(select(*columns).where(where).order_by(*order)).all()
    return pl.DataFrame([tuple(row) for row in rows], schema=schema, orient="row")


def load_insight_data(session: Session, user_id: str) -> InsightData:
    """Everything the insights read about one user, in the shapes of `spendsense.tables` and `types.BUDGETS`."""
    liability_schema = pl.Schema({name: dtype for name, dtype in tables.LIABILITIES.items() if name != "aprs_json"})
    liabilities = _frame(session, Liability, user_id, liability_schema, [Liability.account_id])
    aprs = session.execute(select(Liability.aprs).where(Liability.user_id == user_id).order_by(Liability.account_id))
    liabilities = liabilities.with_columns(
        pl.Series("aprs_json", [json.dumps(value or []) for value in aprs.scalars()], dtype=pl.String)
    ).select(tables.LIABILITIES.names())
    return InsightData(
        user_id=user_id,
        accounts=_frame(session, Account, user_id, tables.ACCOUNTS, [Account.account_id]),
        transactions=_frame(
            session, Transaction, user_id, tables.TRANSACTIONS, [Transaction.date, Transaction.transaction_id]
        ),
        liabilities=liabilities,
        budgets=_frame(session, Budget, user_id, BUDGETS, [Budget.month, Budget.category]),
    )


def _budget_errors(month: str, amounts: Mapping[str, int], currency: str) -> list[str]:
    errors = [] if MONTH_PATTERN.match(month) else [f"month {month!r} is not YYYY-MM"]
    if not CURRENCY_PATTERN.match(currency):
        errors.append(f"currency {currency!r} is not a three-letter code")
    for category, cents in amounts.items():
        if not is_valid_category(category):
            errors.append(f"category {category!r} is not a category name such as FOOD_AND_DRINK")
        if isinstance(cents, bool) or not isinstance(cents, int) or not 0 < cents <= MAX_BUDGET_CENTS:
            errors.append(f"amount for {category!r} must be a positive number of cents, got {cents!r}")
    return errors


def save_budgets(
    session: Session, user_id: str, month: str, amounts: Mapping[str, int], currency: str = DEFAULT_CURRENCY
) -> list[SavedBudget]:
    """Make the user's budgets for `month` (YYYY-MM) exactly `amounts` ({category: cents}).

    Categories missing from `amounts` lose their budget for that month. Every entry is
    checked first: on any invalid one, `InvalidInput` lists them all and nothing is written.
    """
    errors = _budget_errors(month, amounts, currency)
    if errors:
        raise InvalidInput("; ".join(errors), errors=errors)
    require_user(session, user_id)
    now = utcnow()
    existing = {row.category: row for row in session.scalars(_budgets_of(user_id, month))}
    for category, cents in amounts.items():
        row = existing.pop(category, None)
        if row is None:
            row = Budget(user_id=user_id, month=month, category=category)
            session.add(row)
        row.amount_cents, row.iso_currency_code, row.updated_at = cents, currency, now
    for row in existing.values():
        session.delete(row)
    session.flush()
    return [_saved(row) for row in session.scalars(_budgets_of(user_id, month))]


def _budgets_of(user_id: str, month: str) -> Any:
    return select(Budget).where(Budget.user_id == user_id, Budget.month == month).order_by(Budget.category)


def _saved(row: Budget) -> SavedBudget:
    return SavedBudget(
        month=row.month, category=row.category, amount_cents=row.amount_cents, iso_currency_code=row.iso_currency_code
    )


def record_net_worth_snapshot(session: Session, user_id: str, as_of: date) -> NetWorthSnapshotView:
    """Compute the user's net worth on `as_of` and keep it: one row per user and date (a repeat replaces it)."""
    require_user(session, user_id)
    require_consent(session, user_id)
    worth = compute_net_worth(load_insight_data(session, user_id), as_of, history_days=1)
    row = session.scalars(
        select(NetWorthSnapshot).where(NetWorthSnapshot.user_id == user_id, NetWorthSnapshot.as_of == as_of)
    ).one_or_none()
    if row is None:
        row = NetWorthSnapshot(user_id=user_id, as_of=as_of, created_at=utcnow())
        session.add(row)
    row.assets_cents, row.liabilities_cents = worth.assets_cents, worth.liabilities_cents
    row.net_worth_cents, row.iso_currency_code = worth.net_worth_cents, worth.iso_currency_code
    session.flush()
    return _snapshot(row)


def list_net_worth_snapshots(session: Session, user_id: str) -> list[NetWorthSnapshotView]:
    """The snapshots kept for the user, oldest first."""
    query = select(NetWorthSnapshot).where(NetWorthSnapshot.user_id == user_id).order_by(NetWorthSnapshot.as_of)
    return [_snapshot(row) for row in session.scalars(query)]


def _snapshot(row: NetWorthSnapshot) -> NetWorthSnapshotView:
    return NetWorthSnapshotView(
        as_of=row.as_of,
        assets_cents=row.assets_cents,
        liabilities_cents=row.liabilities_cents,
        net_worth_cents=row.net_worth_cents,
        iso_currency_code=row.iso_currency_code,
    )
