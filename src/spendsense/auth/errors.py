"""Errors of authentication and authorization, each with its HTTP status."""

from __future__ import annotations

from spendsense.kit.errors import SpendSenseError


class NotAuthenticated(SpendSenseError):
    status_code = 401
    error = "not_authenticated"


class InvalidCredentials(SpendSenseError):
    status_code = 401
    error = "invalid_credentials"


class Forbidden(SpendSenseError):
    status_code = 403
    error = "forbidden"


class SecretMissing(SpendSenseError):
    """The API cannot sign tokens: a configuration error, refused at start-up rather than per request."""

    status_code = 500
    error = "configuration_error"


class RefusedOutsideDevelopment(SpendSenseError):
    status_code = 403
    error = "development_only"
