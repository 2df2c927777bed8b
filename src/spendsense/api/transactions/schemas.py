"""Transactions as the API returns them: Plaid's sign (positive = money out), integer cents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True)
class TransactionFilters:
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    category: str | None = None
    account_id: str | None = None
    search: str | None = None


class TransactionView(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "transaction_id": "txn_8f2c",
                    "account_id": "acc_checking_1",
                    "date": "2025-01-30",
                    "authorized_date": "2025-01-29",
                    "amount_cents": 1599,
                    "iso_currency_code": "USD",
                    "name": "NETFLIX.COM",
                    "merchant_name": "Netflix",
                    "payment_channel": "online",
                    "category": "ENTERTAINMENT",
                    "category_detailed": "ENTERTAINMENT_TV_AND_MOVIES",
                    "pending": False,
                }
            ]
        },
    )

    transaction_id: str
    account_id: str
    date: dt.date
    authorized_date: dt.date | None
    amount_cents: int = Field(description="Plaid's sign: positive is money out of the account.")
    iso_currency_code: str
    name: str
    merchant_name: str | None
    payment_channel: str | None
    category: str | None = Field(description="personal_finance_category.primary")
    category_detailed: str | None = Field(description="personal_finance_category.detailed")
    pending: bool
