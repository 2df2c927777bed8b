"""Plaid API response bodies as pydantic models: what we read is typed, everything else is kept.

Enums are open (plain `str`): Plaid documents every enum as open, so an unknown value is
stored, never rejected. `extra="allow"` keeps unknown fields; they stay in the raw payload.
Numbers are strict (a string amount is an error, not a silent coercion).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, Strict

Number = Annotated[float, Strict()]
Flag = Annotated[bool, Strict()]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


class Balances(Open):
    available: Number | None = None
    current: Number | None = None
    limit: Number | None = None
    iso_currency_code: str | None = None
    unofficial_currency_code: str | None = None


class Account(Open):
    account_id: str
    balances: Balances
    name: str
    official_name: str | None = None
    mask: str | None = None
    type: str
    subtype: str | None = None
    holder_category: str | None = None


class Category(Open):
    primary: str
    detailed: str
    confidence_level: str | None = None


class Transaction(Open):
    transaction_id: str
    account_id: str
    amount: Number
    date: dt.date
    authorized_date: dt.date | None = None
    iso_currency_code: str | None = None
    unofficial_currency_code: str | None = None
    name: str | None = None
    merchant_name: str | None = None
    merchant_entity_id: str | None = None
    payment_channel: str | None = None
    personal_finance_category: Category | None = None
    pending: Flag = False
    pending_transaction_id: str | None = None


class RemovedTransaction(Open):
    transaction_id: str
    account_id: str | None = None


class AccountsResponse(Open):
    """`/accounts/get` and `/accounts/balance/get` (the same schema)."""

    accounts: list[Account]


class TransactionsGetResponse(Open):
    accounts: list[Account] = Field(default_factory=list)
    transactions: list[Transaction]


class TransactionsSyncResponse(Open):
    accounts: list[Account] = Field(default_factory=list)
    added: list[Transaction] = Field(default_factory=list)
    modified: list[Transaction] = Field(default_factory=list)
    removed: list[RemovedTransaction] = Field(default_factory=list)
    next_cursor: str | None = None
    has_more: Flag = False


class Apr(Open):
    apr_percentage: Number | None = None
    apr_type: str | None = None
    balance_subject_to_apr: Number | None = None
    interest_charge_amount: Number | None = None


class CreditLiability(Open):
    account_id: str
    aprs: list[Apr] = Field(default_factory=list)
    is_overdue: Flag | None = None
    last_payment_amount: Number | None = None
    last_payment_date: dt.date | None = None
    last_statement_balance: Number | None = None
    minimum_payment_amount: Number | None = None
    next_payment_due_date: dt.date | None = None


class InterestRate(Open):
    percentage: Number | None = None
    type: str | None = None


class MortgageLiability(Open):
    account_id: str
    interest_rate: InterestRate | None = None
    last_payment_amount: Number | None = None
    last_payment_date: dt.date | None = None
    next_monthly_payment: Number | None = None
    next_payment_due_date: dt.date | None = None


class StudentLiability(Open):
    account_id: str
    interest_rate_percentage: Number | None = None
    is_overdue: Flag | None = None
    last_payment_amount: Number | None = None
    last_payment_date: dt.date | None = None
    last_statement_balance: Number | None = None
    minimum_payment_amount: Number | None = None
    next_payment_due_date: dt.date | None = None


class Liabilities(Open):
    credit: list[CreditLiability] | None = None
    mortgage: list[MortgageLiability] | None = None
    student: list[StudentLiability] | None = None


class LiabilitiesResponse(Open):
    accounts: list[Account] = Field(default_factory=list)
    liabilities: Liabilities


class StreamAmount(Open):
    amount: Number | None = None
    iso_currency_code: str | None = None


class RecurringStream(Open):
    stream_id: str
    account_id: str | None = None
    description: str | None = None
    merchant_name: str | None = None
    personal_finance_category: Category | None = None
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    predicted_next_date: dt.date | None = None
    frequency: str | None = None
    transaction_ids: list[str] = Field(default_factory=list)
    average_amount: StreamAmount | None = None
    last_amount: StreamAmount | None = None
    is_active: Flag | None = None
    status: str | None = None


class RecurringResponse(Open):
    inflow_streams: list[RecurringStream] = Field(default_factory=list)
    outflow_streams: list[RecurringStream] = Field(default_factory=list)


def extras(model: BaseModel, mapped: set[str]) -> dict[str, Any]:
    """Every field received in `model` (declared or unknown) but not mapped to a column, as JSON data."""
    data = model.model_dump(mode="json", exclude_unset=True)
    return {key: value for key, value in data.items() if key not in mapped}
