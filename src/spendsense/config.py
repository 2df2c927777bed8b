"""One typed settings object for every entry point (CLI, API, Lambda).

Names follow the seed's Lambda plan where it defines them (DB_PATH, ENVIRONMENT,
CORS_ORIGINS, S3_BUCKET_PARQUET, S3_BUCKET_INSIGHTS, DB_S3_KEY); everything else is read
with the SPENDSENSE_ prefix.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from spendsense.kit.env_rules import DEFAULT_CORS_ORIGINS, MIN_SECRET_LENGTH, is_weak_secret, split_origins

__all__ = ["MIN_SECRET_LENGTH", "Environment", "Settings", "get_settings", "is_weak_secret", "normalize_database_url"]

Environment = Literal["development", "test", "production"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SPENDSENSE_", extra="ignore")

    environment: Environment = Field(
        default="development", validation_alias=AliasChoices("ENVIRONMENT", "SPENDSENSE_ENVIRONMENT")
    )
    data_dir: Path = Field(default=Path("data"))
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "SPENDSENSE_DATABASE_URL")
    )
    db_path: Path | None = Field(default=None, validation_alias=AliasChoices("DB_PATH", "SPENDSENSE_DB_PATH"))
    db_s3_key: str | None = Field(default=None, validation_alias=AliasChoices("DB_S3_KEY", "SPENDSENSE_DB_S3_KEY"))
    s3_bucket_parquet: str | None = Field(
        default=None, validation_alias=AliasChoices("S3_BUCKET_PARQUET", "SPENDSENSE_S3_BUCKET_PARQUET")
    )
    s3_bucket_insights: str | None = Field(
        default=None, validation_alias=AliasChoices("S3_BUCKET_INSIGHTS", "SPENDSENSE_S3_BUCKET_INSIGHTS")
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_CORS_ORIGINS),
        validation_alias=AliasChoices("CORS_ORIGINS", "SPENDSENSE_CORS_ORIGINS"),
    )
    log_level: str = "INFO"
    log_json: bool = False
    # Signs the API's access tokens. Outside development it must be set (and not a placeholder);
    # development generates one on first run and keeps it in data_dir (see spendsense.auth.secret).
    jwt_secret: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("JWT_SECRET", "SPENDSENSE_JWT_SECRET")
    )
    jwt_ttl_minutes: int = Field(default=60, ge=1, le=24 * 60)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        return split_origins(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _refuse_weak_secret(self) -> Settings:
        # A missing secret is refused where it is needed (the API), so batch commands run without one.
        secret = self.jwt_secret.get_secret_value() if self.jwt_secret else None
        if self.environment != "development" and secret is not None and is_weak_secret(secret):
            raise ValueError(
                f"JWT_SECRET is a placeholder or shorter than {MIN_SECRET_LENGTH} characters; "
                f"set a random one in {self.environment}"
            )
        return self

    @property
    def sqlalchemy_url(self) -> str:
        """The store: DATABASE_URL wins, then DB_PATH (a SQLite file), then data/spendsense.db."""
        if self.database_url:
            return normalize_database_url(self.database_url)
        path = self.db_path or self.data_dir / "spendsense.db"
        return f"sqlite:///{path}"


def normalize_database_url(url: str) -> str:
    """Accept the plain `postgresql://` form that RDS and most tools print."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
