"""argon2 hashing: right and wrong passwords, bounds, malformed hashes."""

from __future__ import annotations

import pytest

from spendsense.auth.passwords import MAX_LENGTH, hash_password, verify_password
from spendsense.kit.errors import InvalidInput


class TestHashPassword:
    def test_hash_is_argon2id_and_never_the_password(self) -> None:
        hashed = hash_password("a long passphrase")
        assert hashed.startswith("$argon2id$")
        assert "a long passphrase" not in hashed

    @pytest.mark.parametrize("password", ["short", "x" * (MAX_LENGTH + 1)])
    def test_out_of_bounds_passwords_are_refused(self, password: str) -> None:
        with pytest.raises(InvalidInput):
            hash_password(password)


class TestVerifyPassword:
    def test_right_and_wrong_passwords(self) -> None:
        hashed = hash_password("a long passphrase")
        assert verify_password(hashed, "a long passphrase") is True
        assert verify_password(hashed, "a long passphrasE") is False

    def test_no_hash_never_verifies(self) -> None:
        assert verify_password(None, "spendsense-no-such-login") is False

    def test_a_malformed_hash_does_not_verify(self) -> None:
        assert verify_password("not-a-hash", "a long passphrase") is False

    def test_an_overlong_password_is_refused_without_hashing(self) -> None:
        assert verify_password(hash_password("a long passphrase"), "x" * (MAX_LENGTH + 1)) is False
