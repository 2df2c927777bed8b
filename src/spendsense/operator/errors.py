"""Errors of the operator domain, each with its HTTP status."""

from __future__ import annotations

from spendsense.kit.errors import SpendSenseError


class InvalidTransition(SpendSenseError):
    status_code = 409
    error = "invalid_transition"


class ReasonRequired(SpendSenseError):
    status_code = 422
    error = "reason_required"


class OverrideBlocked(SpendSenseError):
    """The replacement an operator chose did not pass the guardrails: operators cannot bypass them."""

    status_code = 422
    error = "override_blocked"


class NotVisible(SpendSenseError):
    status_code = 404
    error = "recommendation_not_visible"
