"""SQLAlchemy tables, one file per table family. Importing this registers them all."""

from spendsense.models import revocation as _revocation  # noqa: F401  (revoking consent hides what was shown)
from spendsense.models.account import Account
from spendsense.models.auth import CustomerCredential, Operator
from spendsense.models.base import Base
from spendsense.models.budget import Budget, NetWorthSnapshot
from spendsense.models.consent import Consent, ConsentEvent
from spendsense.models.liability import Liability
from spendsense.models.operator_action import AuditLogImmutable, OperatorAction
from spendsense.models.plaid_recurring import PlaidRecurringStream
from spendsense.models.raw import RawPayload
from spendsense.models.recommendation import Feedback, Recommendation, RecommendationRun
from spendsense.models.signals import IncomeStream, PersonaAssignment, RecurringStream, UserSignals
from spendsense.models.transaction import Transaction
from spendsense.models.user import User

__all__ = [
    "Account",
    "AuditLogImmutable",
    "Base",
    "Budget",
    "Consent",
    "ConsentEvent",
    "CustomerCredential",
    "Feedback",
    "IncomeStream",
    "Liability",
    "NetWorthSnapshot",
    "Operator",
    "OperatorAction",
    "PersonaAssignment",
    "PlaidRecurringStream",
    "RawPayload",
    "Recommendation",
    "RecommendationRun",
    "RecurringStream",
    "Transaction",
    "User",
    "UserSignals",
]
