"""Computed insights kept in S3_BUCKET_INSIGHTS under the version of the data they were computed from.

The key names the user, the insight, the as-of day, the code build and a digest of the
user's stored data (`data_version`), so any change to what an insight reads gives a new
key: a hit can only ever return what a fresh computation would. Old keys are not
deleted one by one; the bucket's lifecycle rule expires them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from spendsense.aws.clients import error_code
from spendsense.models import Account, Budget, Liability, RawPayload, Transaction

BUILD_FILE = Path(__file__).with_name("BUILD")


def build_id() -> str:
    """The packaged code's digest (written by `spendsense aws package`); "dev" in a checkout."""
    try:
        return BUILD_FILE.read_text(encoding="utf-8").strip() or "dev"
    except FileNotFoundError:
        return "dev"


def _aggregates(user_id: str) -> list[ColumnElement[Any]]:
    """Figures that change whenever anything an insight reads changes.

    Ingest stores every payload as received before turning it into rows, so the raw
    payloads move with any account, transaction or liability change; the row counts and
    sums cover rows changed some other way. Budgets are saved by customers directly.
    """

    def of(model: Any, *columns: Any) -> list[ColumnElement[Any]]:
        where = model.user_id == user_id
        return [select(column).where(where).scalar_subquery() for column in columns]

    return [
        *of(RawPayload, func.count(), func.max(RawPayload.id), func.max(RawPayload.received_at)),
        *of(Account, func.count(), func.max(Account.updated_at), func.sum(Account.current_cents)),
        *of(Transaction, func.count(), func.sum(Transaction.amount_cents), func.max(Transaction.date)),
        *of(Liability, func.count()),
        *of(Budget, func.count(), func.max(Budget.updated_at), func.sum(Budget.amount_cents)),
    ]


def data_version(session: Session, user_id: str) -> str:
    """A digest of the user's stored data, read in one query."""
    row = session.execute(select(*_aggregates(user_id))).one()
    return hashlib.sha256(repr(tuple(row)).encode()).hexdigest()[:32]


def cache_key(user_id: str, kind: str, as_of: date | None, version: str, build: str) -> str:
    day = as_of.isoformat() if as_of else "latest"
    return f"insights/{quote(user_id, safe='')}/{kind}/{day}/{build}-{version}.json"


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
