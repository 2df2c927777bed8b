"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106's second recommendation)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from spendsense.kit.errors import InvalidInput

MIN_LENGTH = 10
# argon2 hashes whatever it is given; a cap keeps one request from costing seconds of CPU.
MAX_LENGTH = 128

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when a login names nobody, so an unknown name costs as much as a wrong password.

    Made on the first login rather than at import: every process that imports this module
    (each Lambda cold start among them) would otherwise pay a full argon2 hash up front.
    """
    return _hasher.hash("spendsense-no-such-login")


def check_strength(password: str) -> None:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise InvalidInput(f"a password needs {MIN_LENGTH} to {MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    check_strength(password)
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; False for a wrong one, a malformed hash, or no hash at all."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
