"""Rules on settings that code without pydantic applies too (the insight functions' express lane).

`spendsense.config.Settings` validates with these; `aws.express` reads the few variables
it needs and applies the same rules, so both refuse the same secrets and split the same
origins. A test holds the two readings equal.
"""

from __future__ import annotations

ENVIRONMENTS = ("development", "test", "production")
DEFAULT_CORS_ORIGINS = ("http://localhost:5173", "http://127.0.0.1:8000")
MIN_SECRET_LENGTH = 32
PLACEHOLDER_SECRETS = frozenset({"changethis", "change-me", "changeme", "secret", "development", "test"})


def is_weak_secret(secret: str) -> bool:
    return len(secret) < MIN_SECRET_LENGTH or secret.strip().lower() in PLACEHOLDER_SECRETS


def split_origins(value: str) -> list[str]:
    """CORS_ORIGINS as comma-separated origins."""
    return [origin.strip() for origin in value.split(",") if origin.strip()]
