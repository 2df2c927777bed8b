"""Computed insights kept in S3_BUCKET_INSIGHTS under the version of the data they were computed from.

Keys and versions are `aws.insight_keys`'s. Old keys are not deleted one by one; the
bucket's lifecycle rule expires them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from spendsense.aws.clients import error_code
from spendsense.aws.insight_keys import VERSION_SQL, build_id, cache_key, version_of

__all__ = ["InsightCache", "build_id", "cache_key", "data_version"]


def data_version(session: Session, user_id: str) -> str:
    """A digest of the user's stored data, read in one query."""
    return version_of(session.execute(text(VERSION_SQL), {"user_id": user_id}).one())


@dataclass(frozen=True)
class InsightCache:
    s3: Any
    bucket: str

    def get(self, key: str) -> bytes | None:
        try:
            answer = self.s3.get_object(Bucket=self.bucket, Key=key)
        except Exception as exc:
            if error_code(exc) in {"NoSuchKey", "404"}:
                return None
            raise
        body: bytes = answer["Body"].read()
        return body

    def put(self, key: str, body: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType="application/json")
