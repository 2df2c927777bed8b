"""The token signing secret: from the settings, or (local development only) generated once and kept."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from spendsense.auth.errors import SecretMissing
from spendsense.config import Settings, is_weak_secret

KEY_FILE = "jwt_secret"


def _generated(path: Path) -> str:
    """Read the kept secret, or write a new one readable by this user only."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    # O_EXCL: two processes starting at once must not each write (and sign with) a different secret.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(value)
    return value


def signing_secret(settings: Settings) -> str:
    """JWT_SECRET when set; in development a secret generated on first run in `data_dir`; otherwise refused."""
    if settings.jwt_secret is not None:
        return settings.jwt_secret.get_secret_value()
    if settings.environment != "development":
        raise SecretMissing(f"JWT_SECRET must be set in {settings.environment}: the API will not sign with a default")
    secret = _generated(settings.data_dir / KEY_FILE)
    if is_weak_secret(secret):
        raise SecretMissing(f"{settings.data_dir / KEY_FILE} holds a weak secret; delete it to generate a new one")
    return secret
