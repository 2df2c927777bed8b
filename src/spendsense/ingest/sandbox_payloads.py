"""Plaid Sandbox custom-user configurations (`override_accounts`) as pydantic models.

A configuration is not an API response: it describes accounts for Plaid to simulate. Every
field is optional in Plaid's schema (the blank template sets them all to null), so the
models are permissive about absence and strict about types. Sign convention, checked on the
shared fixtures: amounts use Plaid's API sign (paychecks, benefits and refunds are negative,
purchases and fees positive), so they are stored as given.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from spendsense.ingest.payloads import Flag, Number, Open


class SandboxTransaction(Open):
    date_transacted: dt.date | None = None
    date_posted: dt.date | None = None
    amount: Number | None = None
    description: str | None = None
    currency: str | None = None

    def is_placeholder(self) -> bool:
        """The blank template's all-null row: nothing to import, not an error."""
        return self.date_posted is None and self.date_transacted is None and self.amount is None


class SandboxMeta(Open):
    name: str | None = None
    official_name: str | None = None
    limit: Number | None = None


class SandboxNumbers(Open):
    account: str | None = None


class SandboxLiability(Open):
    type: str | None = None
    purchase_apr: Number | None = None
    cash_apr: Number | None = None
    balance_transfer_apr: Number | None = None
    special_apr: Number | None = None
    last_payment_amount: Number | None = None
    minimum_payment_amount: Number | None = None
    is_overdue: Flag | None = None
    nominal_apr: Number | None = None
    principal: Number | None = None


class InflowModel(Open):
    type: str | None = None
    income_amount: Number | None = None
    # Plaid allows a number 1-28 or the word "last".
    payment_day_of_month: Number | str | None = None
    transaction_name: str | None = None


class SandboxAccount(Open):
    type: str | None = None
    subtype: str | None = None
    holder_category: str | None = None
    starting_balance: Number | None = None
    force_available_balance: Number | None = None
    currency: str | None = None
    meta: SandboxMeta | None = None
    numbers: SandboxNumbers | None = None
    transactions: list[SandboxTransaction] = Field(default_factory=list)
    liability: SandboxLiability | None = None
    inflow_model: InflowModel | None = None


class SandboxConfig(Open):
    override_accounts: list[SandboxAccount]
