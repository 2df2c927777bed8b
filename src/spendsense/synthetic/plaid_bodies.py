"""Plaid response bodies built from `spendsense.tables` rows, shaped like Plaid's OpenAPI examples.

Amounts are JSON numbers in dollars with Plaid's sign; fields Plaid has but the tables do not
(locations, payment meta, loan details) are filled with nulls or with values derived from the
account id, so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from typing import Any

from spendsense.kit.ids import stable_id

INSTITUTION = {"institution_id": "ins_109508", "institution_name": "First Platypus Bank"}
NULL_LOCATION = dict.fromkeys(("address", "city", "region", "postal_code", "country", "lat", "lon", "store_number"))
NULL_PAYMENT_META = dict.fromkeys(
    ("by_order_of", "payee", "payer", "payment_method", "payment_processor", "ppd_id", "reason", "reference_number")
)
CHANNEL_TYPE = {"in store": "place", "online": "digital", "other": "special"}
DUE_AFTER_STATEMENT = 25  # as in synthetic.liabilities


def dollars(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _number(account_id: str, salt: str, low: int, high: int) -> int:
    """A value in [low, high) that only depends on the account and the salt."""
    digest = hashlib.blake2b(f"{account_id}\x1f{salt}".encode(), digest_size=8).digest()
    return low + int.from_bytes(digest, "big") % (high - low)


def request_id(user_id: str, endpoint: str) -> str:
    return stable_id("request", user_id, endpoint, length=15)


def item(user_id: str) -> dict[str, Any]:
    return {
        "auth_method": "INSTANT_AUTH",
        "available_products": ["balance", "identity", "investments"],
        "billed_products": ["liabilities", "transactions"],
        "consent_expiration_time": None,
        "error": None,
        **INSTITUTION,
        "item_id": stable_id("item", user_id, length=37),
        "update_type": "background",
        "webhook": None,
    }


def account(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "account_id": row["account_id"],
        "balances": {
            "available": dollars(row["available_cents"]),
            "current": dollars(row["current_cents"]),
            "iso_currency_code": row["iso_currency_code"],
            "limit": dollars(row["limit_cents"]),
            "unofficial_currency_code": None,
        },
        "holder_category": row["holder_category"],
        "mask": row["mask"],
        "name": row["name"],
        "official_name": row["official_name"],
        "subtype": row["subtype"],
        "type": row["type"],
    }


def _counterparties(row: dict[str, Any]) -> list[dict[str, Any]]:
    if row["merchant_name"] is None:
        return []
    kind = "income_source" if row["pfc_primary"] == "INCOME" else "merchant"
    return [
        {
            "confidence_level": "VERY_HIGH",
            "entity_id": row["merchant_entity_id"],
            "logo_url": None,
            "name": row["merchant_name"],
            "type": kind,
            "website": None,
        }
    ]


def transaction(row: dict[str, Any]) -> dict[str, Any]:
    primary = row["pfc_primary"]
    return {
        "account_id": row["account_id"],
        "account_owner": None,
        "amount": dollars(row["amount_cents"]),
        "authorized_date": _iso(row["authorized_date"]),
        "authorized_datetime": None,
        "check_number": None,
        "counterparties": _counterparties(row),
        "date": _iso(row["date"]),
        "datetime": None,
        "iso_currency_code": row["iso_currency_code"],
        "location": NULL_LOCATION,
        "logo_url": None,
        "merchant_entity_id": row["merchant_entity_id"],
        "merchant_name": row["merchant_name"],
        "name": row["name"],
        "payment_channel": row["payment_channel"],
        "payment_meta": NULL_PAYMENT_META,
        "pending": row["pending"],
        "pending_transaction_id": row["pending_transaction_id"],
        "personal_finance_category": {
            "confidence_level": "VERY_HIGH",
            "detailed": row["pfc_detailed"],
            "primary": primary,
        },
        "personal_finance_category_icon_url": f"https://plaid-category-icons.plaid.com/PFC_{primary}.png",
        "transaction_code": None,
        "transaction_id": row["transaction_id"],
        "transaction_type": CHANNEL_TYPE.get(row["payment_channel"], "unresolved"),
        "unofficial_currency_code": None,
        "website": None,
    }


def credit(row: dict[str, Any]) -> dict[str, Any]:
    due = row["next_payment_due_date"]
    return {
        "account_id": row["account_id"],
        "aprs": json.loads(row["aprs_json"]),
        "is_overdue": row["is_overdue"],
        "last_payment_amount": dollars(row["last_payment_cents"]),
        "last_payment_date": _iso(row["last_payment_date"]),
        "last_statement_balance": dollars(row["last_statement_balance_cents"]),
        "last_statement_issue_date": _iso(None if due is None else due - timedelta(days=DUE_AFTER_STATEMENT)),
        "minimum_payment_amount": dollars(row["minimum_payment_cents"]),
        "next_payment_due_date": _iso(due),
    }


def _address(account_id: str) -> dict[str, Any]:
    streets = ("Cameron Road", "Maple Avenue", "Harbor Lane", "Oak Street", "Summit Drive")
    return {
        "city": "Springfield",
        "country": "US",
        "postal_code": f"{_number(account_id, 'zip', 10000, 99999):05d}",
        "region": "IL",
        "street": f"{_number(account_id, 'no', 100, 9999)} {streets[_number(account_id, 'street', 0, 5)]}",
    }


def student(row: dict[str, Any], as_of: date) -> dict[str, Any]:
    account_id = row["account_id"]
    start = as_of.replace(year=as_of.year - _number(account_id, "age", 2, 9), day=1)
    principal = _number(account_id, "principal", 10_000, 80_000)
    statement = {key: value for key, value in credit(row).items() if key != "aprs"}
    return {
        **statement,
        "account_number": f"{_number(account_id, 'number', 10**9, 10**10)}",
        "disbursement_dates": [_iso(start)],
        "expected_payoff_date": _iso(start.replace(year=start.year + 10)),
        "guarantor": "DEPT OF ED",
        "interest_rate_percentage": row["interest_rate_pct"],
        "loan_name": "Consolidation",
        "loan_status": {"end_date": _iso(start.replace(year=start.year + 10)), "type": "repayment"},
        "origination_date": _iso(start),
        "origination_principal_amount": float(principal),
        "outstanding_interest_amount": round(principal * 0.01, 2),
        "payment_reference_number": f"{_number(account_id, 'number', 10**9, 10**10)}",
        "pslf_status": {"estimated_eligibility_date": None, "payments_made": None, "payments_remaining": None},
        "repayment_plan": {"description": "Standard Repayment", "type": "standard"},
        "sequence_number": "1",
        "servicer_address": _address(account_id + "servicer"),
        "ytd_interest_paid": round(principal * 0.02, 2),
        "ytd_principal_paid": round(principal * 0.03, 2),
    }


def mortgage(row: dict[str, Any], as_of: date) -> dict[str, Any]:
    account_id = row["account_id"]
    start = as_of.replace(year=as_of.year - _number(account_id, "age", 1, 15), day=1)
    principal = _number(account_id, "principal", 150_000, 600_000)
    return {
        "account_id": account_id,
        "account_number": f"{_number(account_id, 'number', 10**9, 10**10)}",
        "current_late_fee": 0.0,
        "escrow_balance": float(_number(account_id, "escrow", 1_000, 6_000)),
        "has_pmi": _number(account_id, "pmi", 0, 2) == 1,
        "has_prepayment_penalty": False,
        "interest_rate": {"percentage": row["interest_rate_pct"], "type": "fixed"},
        "last_payment_amount": dollars(row["last_payment_cents"]),
        "last_payment_date": _iso(row["last_payment_date"]),
        "loan_term": "30 year",
        "loan_type_description": "conventional",
        "maturity_date": _iso(start.replace(year=start.year + 30)),
        "next_monthly_payment": dollars(row["minimum_payment_cents"]),
        "next_payment_due_date": _iso(row["next_payment_due_date"]),
        "origination_date": _iso(start),
        "origination_principal_amount": float(principal),
        "past_due_amount": 0.0,
        "property_address": _address(account_id),
        "ytd_interest_paid": round(principal * 0.02, 2),
        "ytd_principal_paid": round(principal * 0.01, 2),
    }
