"""SQLAlchemy tables, one file per table family. Importing this registers them all."""

from spendsense.models.account import Account
from spendsense.models.base import Base
from spendsense.models.budget import Budget, NetWorthSnapshot
from spendsense.models.consent import Consent, ConsentEvent
from spendsense.models.liability import Liability
from spendsense.models.plaid_recurring import PlaidRecurringStream
from spendsense.models.raw import RawPayload
from spendsense.models.transaction import Transaction
from spendsense.models.user import User

__all__ = [
    "Account",
    "Base",
    "Budget",
    "Consent",
    "ConsentEvent",
    "Liability",
    "NetWorthSnapshot",
    "PlaidRecurringStream",
    "RawPayload",
    "Transaction",
    "User",
]
