"""Validated payloads -> table rows: integer cents with Plaid's sign, open enums as given, the rest in `details`.

A row is a plain dict keyed by column name (the `spendsense.tables` contract), so the same
rows feed the per-file loader and the tests. Nothing here touches the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from spendsense.ingest import payloads
from spendsense.ingest.categorize import categorize
from spendsense.ingest.sandbox import SandboxView, adapt
from spendsense.ingest.sandbox_payloads import SandboxConfig
from spendsense.kit.money import DEFAULT_CURRENCY, to_cents, to_cents_or_none

Row = dict[str, Any]


@dataclass
class Rows:
    """One payload's rows in the order they apply (sync: added, then modified, then removed)."""

    accounts: list[Row] = field(default_factory=list)
    transactions: list[Row] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    liabilities: list[Row] = field(default_factory=list)
    streams: list[Row] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)  # row id -> JSON path in the file, for messages


def account_row(account: payloads.Account, user_id: str) -> Row:
    balances = account.balances
    return {
        "account_id": account.account_id,
        "user_id": user_id,
        "name": account.name,
        "official_name": account.official_name,
        "mask": account.mask,
        "type": account.type,
        "subtype": account.subtype,
        "holder_category": account.holder_category,
        "is_business": (account.holder_category or "").lower() == "business",
        "iso_currency_code": balances.iso_currency_code or balances.unofficial_currency_code or DEFAULT_CURRENCY,
        "available_cents": to_cents_or_none(balances.available),
        "current_cents": to_cents_or_none(balances.current),
        "limit_cents": to_cents_or_none(balances.limit),
    }


def transaction_row(transaction: payloads.Transaction, user_id: str) -> Row:
    amount_cents = to_cents(transaction.amount)
    name = transaction.name or transaction.merchant_name or ""
    category = transaction.personal_finance_category
    # Older API versions send no personal_finance_category; the signals need one, so infer it.
    primary, detailed = (category.primary, category.detailed) if category else categorize(name, amount_cents)
    return {
        "transaction_id": transaction.transaction_id,
        "account_id": transaction.account_id,
        "user_id": user_id,
        "date": transaction.date,
        "authorized_date": transaction.authorized_date,
        "amount_cents": amount_cents,
        "iso_currency_code": transaction.iso_currency_code or transaction.unofficial_currency_code or DEFAULT_CURRENCY,
        "name": name,
        "merchant_name": transaction.merchant_name,
        "merchant_entity_id": transaction.merchant_entity_id,
        "payment_channel": transaction.payment_channel,
        "pfc_primary": primary,
        "pfc_detailed": detailed,
        "pending": transaction.pending,
        "pending_transaction_id": transaction.pending_transaction_id,
    }


# Liability fields that have a column; only fields the model declares (so typed) are mapped.
_LIABILITY_FIELDS = (
    "minimum_payment_amount",
    "last_payment_amount",
    "last_payment_date",
    "last_statement_balance",
    "is_overdue",
    "next_payment_due_date",
)


AnyLiability = payloads.CreditLiability | payloads.MortgageLiability | payloads.StudentLiability


def _liability_row(model: AnyLiability, user_id: str, kind: str, mapped: set[str], **columns: Any) -> Row:
    declared = set(type(model).model_fields)
    value = {name: getattr(model, name) if name in declared else None for name in _LIABILITY_FIELDS}
    mapped = mapped | (declared & set(_LIABILITY_FIELDS)) | {"account_id"}
    return {
        "account_id": model.account_id,
        "user_id": user_id,
        "kind": kind,
        "aprs": [],
        "interest_rate_pct": None,
        "minimum_payment_cents": to_cents_or_none(value["minimum_payment_amount"]),
        "last_payment_cents": to_cents_or_none(value["last_payment_amount"]),
        "last_payment_date": value["last_payment_date"],
        "last_statement_balance_cents": to_cents_or_none(value["last_statement_balance"]),
        "is_overdue": value["is_overdue"],
        "next_payment_due_date": value["next_payment_due_date"],
        "details": payloads.extras(model, mapped),
        **columns,
    }


def liability_rows(liabilities: payloads.Liabilities, user_id: str) -> list[Row]:
    rows = [
        _liability_row(credit, user_id, "credit", {"aprs"}, aprs=[apr.model_dump(mode="json") for apr in credit.aprs])
        for credit in liabilities.credit or []
    ]
    rows += [
        _liability_row(
            loan, user_id, "student", {"interest_rate_percentage"}, interest_rate_pct=loan.interest_rate_percentage
        )
        for loan in liabilities.student or []
    ]
    # A mortgage's scheduled payment is its minimum payment (Plaid has no minimum_payment_amount for it).
    rows += [
        _liability_row(
            loan,
            user_id,
            "mortgage",
            {"interest_rate", "next_monthly_payment"},
            interest_rate_pct=_mortgage_rate(loan),
            minimum_payment_cents=to_cents_or_none(loan.next_monthly_payment),
        )
        for loan in liabilities.mortgage or []
    ]
    return rows


def _liability_paths(rows: Rows, liabilities: payloads.Liabilities, prefix: str) -> None:
    sections: dict[str, Sequence[AnyLiability]] = {
        "credit": liabilities.credit or [],
        "mortgage": liabilities.mortgage or [],
        "student": liabilities.student or [],
    }
    for section, items in sections.items():
        for position, item in enumerate(items):
            rows.paths[f"liability:{item.account_id}"] = f"{prefix}{section}[{position}]"


def _mortgage_rate(loan: payloads.MortgageLiability) -> float | None:
    return loan.interest_rate.percentage if loan.interest_rate else None


def _amount(amount: payloads.StreamAmount | None) -> int | None:
    return to_cents_or_none(amount.amount) if amount else None


def stream_row(stream: payloads.RecurringStream, user_id: str, direction: str) -> Row:
    mapped = {"stream_id", "account_id", "description", "merchant_name", "frequency", "average_amount"}
    mapped |= {
        "last_amount",
        "first_date",
        "last_date",
        "predicted_next_date",
        "is_active",
        "status",
        "transaction_ids",
    }
    return {
        "stream_id": stream.stream_id,
        "user_id": user_id,
        "account_id": stream.account_id,
        "direction": direction,
        "description": stream.description,
        "merchant_name": stream.merchant_name,
        "frequency": stream.frequency,
        "average_amount_cents": _amount(stream.average_amount),
        "last_amount_cents": _amount(stream.last_amount),
        "first_date": stream.first_date,
        "last_date": stream.last_date,
        "predicted_next_date": stream.predicted_next_date,
        "is_active": stream.is_active,
        "status": stream.status,
        "transaction_ids": list(stream.transaction_ids),
        "details": payloads.extras(stream, mapped),
    }


def _with_paths(rows: Rows, key: str, items: list[Row], prefix: str) -> list[Row]:
    for position, row in enumerate(items):
        rows.paths.setdefault(row[key], f"{prefix}[{position}]")
    return items


def _sandbox_rows(view: SandboxView, user_id: str) -> Rows:
    liabilities = payloads.Liabilities(credit=view.credit, mortgage=view.mortgage, student=view.student)
    rows = Rows(
        accounts=[account_row(account, user_id) for account in view.accounts],
        transactions=[transaction_row(transaction, user_id) for transaction in view.transactions],
        liabilities=liability_rows(liabilities, user_id),
        paths=dict(view.paths),
    )
    for row in rows.liabilities:
        rows.paths[f"liability:{row['account_id']}"] = view.paths[row["account_id"]] + ".liability"
    return rows


def normalize(model: BaseModel, user_id: str, content_sha256: str) -> Rows:
    """The rows of one validated payload for `user_id`."""
    if isinstance(model, SandboxConfig):
        return _sandbox_rows(adapt(model, user_id, content_sha256), user_id)
    rows = Rows()
    accounts: list[payloads.Account] = getattr(model, "accounts", [])
    rows.accounts = _with_paths(rows, "account_id", [account_row(a, user_id) for a in accounts], "accounts")
    for section in ("transactions", "added", "modified"):
        found: list[payloads.Transaction] = getattr(model, section, [])
        rows.transactions += _with_paths(rows, "transaction_id", [transaction_row(t, user_id) for t in found], section)
    if isinstance(model, payloads.TransactionsSyncResponse):
        rows.removed = [removed.transaction_id for removed in model.removed]
    if isinstance(model, payloads.LiabilitiesResponse):
        rows.liabilities = liability_rows(model.liabilities, user_id)
        _liability_paths(rows, model.liabilities, "liabilities.")
    if isinstance(model, payloads.RecurringResponse):
        inflows = [stream_row(s, user_id, "inflow") for s in model.inflow_streams]
        outflows = [stream_row(s, user_id, "outflow") for s in model.outflow_streams]
        rows.streams = _with_paths(rows, "stream_id", inflows, "inflow_streams")
        rows.streams += _with_paths(rows, "stream_id", outflows, "outflow_streams")
    return rows
