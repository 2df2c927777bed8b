"""The batch function: the pipeline on a schedule (or on demand), and insight computations for the insight functions.

Events:
- `{"task": "pipeline", "as_of": "YYYY-MM-DD"?, "user_ids": [...]?, "warm_insights": true?}`, or
  the scheduler's event: signals and personas into the store and Parquet (pushed to
  S3_BUCKET_PARQUET), then optionally every consenting user's insights into the cache.
- `{"task": "insight", "user_id", "kind", "as_of"?}`: one insight, computed and cached
  (`spendsense.aws.insight_compute.compute_answer`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spendsense.aws import parquet_sync
from spendsense.aws.clients import client
from spendsense.aws.database import LambdaDatabase, open_database
from spendsense.aws.handlers import imported
from spendsense.aws.insight_cache import InsightCache
from spendsense.aws.insight_compute import LocalComputer, compute_answer
from spendsense.aws.runtime import ColdStart, Event, LambdaContext, Response, configure_lambda_logging, observe
from spendsense.aws.settings import get_lambda_settings
from spendsense.config import Settings, get_settings
from spendsense.consent.service import consented_user_ids
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError

_cold_start = ColdStart()
WARMED_KINDS = ("weekly-recap", "spending-analysis", "suggested-budget", "budget-tracking", "net-worth")


@dataclass(frozen=True)
class BatchRuntime:
    settings: Settings
    database: LambdaDatabase
    computer: LocalComputer
    parquet_root: Path

    def pipeline(self, event: Event) -> dict[str, Any]:
        from spendsense.pipeline.run import run_pipeline

        as_of = date.fromisoformat(event["as_of"]) if event.get("as_of") else None
        user_ids = event.get("user_ids") or None
        bucket = self.settings.s3_bucket_parquet
        if bucket and user_ids:
            parquet_sync.pull(client("s3"), bucket, self.parquet_root)
        summary = self.database.run(lambda: run_pipeline(self.database.engine, self.parquet_root, as_of, user_ids))
        pushed = parquet_sync.push(client("s3"), bucket, self.parquet_root) if bucket else []
        warmed = self.warm_insights() if event.get("warm_insights", True) and self.computer.cache else 0
        return {**summary.to_dict(), "parquet_uploaded": len(pushed), "insights_warmed": warmed}

    def warm_insights(self) -> int:
        """Compute every consenting user's insights into the cache, so the insight functions mostly hit."""
        with session_scope(self.database.engine) as session:
            users = consented_user_ids(session)
        warmed = 0
        for user_id in users:
            for kind in WARMED_KINDS:
                try:
                    self.computer.compute(user_id, kind, None)
                    warmed += 1
                except SpendSenseError:  # consent revoked meanwhile, or a user without data: nothing to warm
                    continue
        return warmed


@lru_cache(maxsize=1)
def runtime() -> BatchRuntime:
    settings, lambda_settings = get_settings(), get_lambda_settings()
    configure_lambda_logging(settings.log_level)
    database = open_database(settings, lambda_settings, lambda: client("s3"))
    database.migrate()
    cache = InsightCache(client("s3"), settings.s3_bucket_insights) if settings.s3_bucket_insights else None
    return BatchRuntime(settings, database, LocalComputer(database.engine, cache), settings.data_dir / "parquet")


def handler(event: Event, context: LambdaContext) -> Response:
    with observe(context, _cold_start) as call:
        call.route = str(event.get("task") or "pipeline")
        if call.route == "insight":
            answer = runtime().database.run(lambda: compute_answer(runtime().computer, event))
            call.status = int(answer["status"])
            return answer
        result = runtime().pipeline(event)
        call.status = 200
        return result


imported()  # last: the garbage collector resumes (see `spendsense.aws.handlers`)
