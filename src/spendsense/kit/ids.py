"""Deterministic identifiers: derived from content, never from uuid4 or the clock."""

from __future__ import annotations

import hashlib

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnpqrstvwxyz"


def stable_id(*parts: object, length: int = 24) -> str:
    """A short id that is the same for the same parts on every machine."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=24).digest()
    number = int.from_bytes(digest, "big")
    chars: list[str] = []
    while len(chars) < length:
        number, rem = divmod(number, len(_ALPHABET))
        chars.append(_ALPHABET[rem])
    return "".join(chars)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
