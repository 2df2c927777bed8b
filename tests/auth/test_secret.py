"""The signing secret: set, generated and kept in development, refused elsewhere; weak ones refused."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from spendsense.auth.errors import SecretMissing
from spendsense.auth.secret import KEY_FILE, signing_secret
from spendsense.config import Settings

STRONG = "s" * 48


class TestSigningSecret:
    def test_the_configured_secret_wins(self, tmp_path: Path) -> None:
        settings = Settings(environment="production", jwt_secret=STRONG, data_dir=tmp_path)
        assert signing_secret(settings) == STRONG

    def test_development_generates_one_and_keeps_it_private(self, tmp_path: Path) -> None:
        settings = Settings(environment="development", data_dir=tmp_path)
        first, second = signing_secret(settings), signing_secret(settings)
        assert first == second
        assert len(first) >= 32
        assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600

    @pytest.mark.parametrize("environment", ["test", "production"])
    def test_outside_development_a_missing_secret_is_refused(self, tmp_path: Path, environment: str) -> None:
        with pytest.raises(SecretMissing):
            signing_secret(Settings(environment=environment, data_dir=tmp_path))
        assert not (tmp_path / KEY_FILE).exists()

    def test_a_weak_kept_secret_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / KEY_FILE).write_text("short")
        with pytest.raises(SecretMissing):
            signing_secret(Settings(environment="development", data_dir=tmp_path))


class TestSettings:
    @pytest.mark.parametrize("secret", ["changethis", "too-short"])
    def test_a_placeholder_or_short_secret_is_refused_in_production(self, secret: str) -> None:
        with pytest.raises(ValidationError, match="JWT_SECRET"):
            Settings(environment="production", jwt_secret=secret)

    def test_development_accepts_any_secret(self) -> None:
        assert Settings(environment="development", jwt_secret="dev").jwt_secret is not None

    def test_the_secret_is_read_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("JWT_SECRET", STRONG)
        monkeypatch.setenv("ENVIRONMENT", "production")
        settings = Settings()
        assert settings.jwt_secret is not None
        assert settings.jwt_secret.get_secret_value() == STRONG
