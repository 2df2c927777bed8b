"""What POST /api/users/{user_id}/plaid takes (a Plaid response body, as is) and returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

# A Plaid /accounts/get response, cut to one account: the route takes any supported Plaid body unchanged.
ACCOUNTS_EXAMPLE: JsonDict = {
    "accounts": [
        {
            "account_id": "blgvvBlXw3cq5GMPwqB6s6q4dLKB9WcVqGDGo",
            "balances": {"available": 100, "current": 110, "iso_currency_code": "USD", "limit": None},
            "holder_category": "personal",
            "mask": "0000",
            "name": "Plaid Checking",
            "official_name": "Plaid Gold Standard 0% Interest Checking",
            "subtype": "checking",
            "type": "depository",
        }
    ],
    "item": {"item_id": "DWVAAPWq4RHGlEaNyGKRTAnPLaEmo8Cvq7na6", "institution_id": "ins_117650"},
    "request_id": "bkVE1BHWMAZ9Rnr",
}

REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "description": (
        "One Plaid response body exactly as Plaid sent it: /accounts/get, /accounts/balance/get, "
        "/transactions/get, /transactions/sync, /transactions/recurring/get, /liabilities/get, "
        "or a Sandbox custom-user configuration. It is kept byte for byte."
    ),
    "content": {"application/json": {"schema": {"type": "object"}, "example": ACCOUNTS_EXAMPLE}},
}


class PlaidIngestResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "payloads_stored": 1,
                    "payloads_skipped": 0,
                    "rows": {"accounts": 1},
                    "personas": {"30d": "savings_builder", "180d": "savings_builder"},
                }
            ]
        }
    )

    user_id: str
    payloads_stored: int
    payloads_skipped: int = Field(description="1 when these exact bytes were ingested for this user before.")
    rows: dict[str, int] = Field(description="Rows written (or removed) per table.")
    personas: dict[str, str | None] = Field(description="The recomputed primary persona per window.")
