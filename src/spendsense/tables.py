"""The normalized tables as Polars schemas: the contract between every stage.

The generator's Parquet output, the bulk loader, the store loader (`store.load_frames`)
and the signal engine all use these column names and types. Money is integer cents with
Plaid's sign (positive = money out); dates are `pl.Date`.
"""

from __future__ import annotations

import polars as pl

USERS = pl.Schema(
    {
        "user_id": pl.String,
        "name": pl.String,
        "email": pl.String,
        "age_band": pl.String,  # 18-24 | 25-34 | 35-44 | 45-54 | 55-64 | 65+
        "gender": pl.String,  # female | male | nonbinary | undisclosed
        "income_tier": pl.String,  # low | lower_middle | middle | upper_middle | high
        "region": pl.String,  # northeast | midwest | south | west
    }
)

CONSENT = pl.Schema({"user_id": pl.String, "granted": pl.Boolean, "source": pl.String})

ACCOUNTS = pl.Schema(
    {
        "account_id": pl.String,
        "user_id": pl.String,
        "name": pl.String,
        "official_name": pl.String,
        "mask": pl.String,
        "type": pl.String,  # depository | credit | loan | investment | other (open set)
        # checking | savings | money market | cash management | hsa | credit card | mortgage | student ...
        "subtype": pl.String,
        "holder_category": pl.String,  # personal | business | unrecognized (open set)
        "is_business": pl.Boolean,
        "iso_currency_code": pl.String,
        "available_cents": pl.Int64,
        "current_cents": pl.Int64,
        "limit_cents": pl.Int64,
    }
)

TRANSACTIONS = pl.Schema(
    {
        "transaction_id": pl.String,
        "account_id": pl.String,
        "user_id": pl.String,
        "date": pl.Date,
        "authorized_date": pl.Date,
        "amount_cents": pl.Int64,  # Plaid sign: positive = money out of the account
        "iso_currency_code": pl.String,
        "name": pl.String,
        "merchant_name": pl.String,
        "merchant_entity_id": pl.String,
        "payment_channel": pl.String,  # online | in store | other
        "pfc_primary": pl.String,  # personal_finance_category.primary
        "pfc_detailed": pl.String,
        "pending": pl.Boolean,
        "pending_transaction_id": pl.String,
    }
)

LIABILITIES = pl.Schema(
    {
        "account_id": pl.String,
        "user_id": pl.String,
        "kind": pl.String,  # credit | mortgage | student
        # JSON list of {apr_type, apr_percentage, balance_subject_to_apr, interest_charge_amount}
        "aprs_json": pl.String,
        "interest_rate_pct": pl.Float64,
        "minimum_payment_cents": pl.Int64,
        "last_payment_cents": pl.Int64,
        "last_payment_date": pl.Date,
        "last_statement_balance_cents": pl.Int64,
        "is_overdue": pl.Boolean,
        "next_payment_due_date": pl.Date,
    }
)

ALL = {
    "users": USERS,
    "consent": CONSENT,
    "accounts": ACCOUNTS,
    "transactions": TRANSACTIONS,
    "liabilities": LIABILITIES,
}

SAVINGS_SUBTYPES = ("savings", "money market", "cash management", "hsa")
