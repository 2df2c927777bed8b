"""What only the Lambda functions read; the shared `spendsense.config.Settings` holds everything else."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class LambdaSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SPENDSENSE_", extra="ignore")

    # The data bucket holding the SQLite snapshot at DB_S3_KEY (snapshot storage only).
    db_s3_bucket: str | None = None
    # How often a warm container asks S3 whether another container changed the snapshot.
    snapshot_check_seconds: float = Field(default=15.0, ge=0)
    # Conditional writes that lost the race are re-applied on a fresh copy at most this often.
    snapshot_write_attempts: int = Field(default=8, ge=1)
    # The function that computes an insight on a cache miss (empty: compute in this process).
    insights_compute_function: str | None = None
    # DynamoDB table of WebSocket connections, and the endpoint pushes are posted to.
    connections_table: str | None = None
    websocket_endpoint: str | None = None
    # A custom domain's base path mapping (e.g. "/spendsense"), stripped before routing.
    api_base_path: str = "/"


@lru_cache(maxsize=1)
def get_lambda_settings() -> LambdaSettings:
    return LambdaSettings()
