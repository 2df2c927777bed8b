"""Which Plaid body a file holds, from its top-level keys (Plaid responses carry no type tag)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from spendsense.ingest import payloads
from spendsense.ingest.sandbox_payloads import SandboxConfig


class Kind(Enum):
    """A payload kind: its `source` label in raw_payloads, its model, and its place in a user's load order."""

    SANDBOX = ("sandbox:override_accounts", SandboxConfig, 0)
    ACCOUNTS = ("plaid:/accounts/get", payloads.AccountsResponse, 0)
    LIABILITIES = ("plaid:/liabilities/get", payloads.LiabilitiesResponse, 1)
    TRANSACTIONS_GET = ("plaid:/transactions/get", payloads.TransactionsGetResponse, 2)
    TRANSACTIONS_SYNC = ("plaid:/transactions/sync", payloads.TransactionsSyncResponse, 2)
    RECURRING = ("plaid:/transactions/recurring/get", payloads.RecurringResponse, 3)

    def __init__(self, source: str, model: type[BaseModel], rank: int) -> None:
        self.source = source
        self.model = model
        self.rank = rank


# First match wins, so the most specific shapes come first. `/accounts/get` and
# `/accounts/balance/get` share one schema and cannot be told apart; both are ACCOUNTS.
_SIGNATURES: tuple[tuple[Kind, frozenset[str]], ...] = (
    (Kind.SANDBOX, frozenset({"override_accounts"})),
    (Kind.TRANSACTIONS_SYNC, frozenset({"added"})),
    (Kind.TRANSACTIONS_SYNC, frozenset({"modified"})),
    (Kind.TRANSACTIONS_SYNC, frozenset({"removed"})),
    (Kind.TRANSACTIONS_SYNC, frozenset({"next_cursor"})),
    (Kind.RECURRING, frozenset({"inflow_streams"})),
    (Kind.RECURRING, frozenset({"outflow_streams"})),
    (Kind.LIABILITIES, frozenset({"liabilities"})),
    (Kind.TRANSACTIONS_GET, frozenset({"transactions"})),
    (Kind.ACCOUNTS, frozenset({"accounts"})),
)


def detect_kind(body: Mapping[str, Any]) -> Kind | None:
    """The kind of a Plaid body, or None when its keys match no known response."""
    keys = set(body)
    for kind, required in _SIGNATURES:
        if required <= keys:
            return kind
    return None
