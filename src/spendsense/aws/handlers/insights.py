"""The five insight functions. Each answers GET /api/insights/{user_id}/<kind> and nothing else.

A cache hit is answered by the express lane (`spendsense.aws.express`, standard library
only); everything else (a miss, a refusal, an error, PostgreSQL) by the full handler built
here on first need, whose answers are the API's. No FastAPI and no Polars are imported
either way (a test holds it so): a miss is computed by the batch function, whose layer
carries Polars (see `spendsense.aws.insight_compute`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spendsense.aws import express
from spendsense.aws.handlers import imported
from spendsense.aws.invocation import ColdStart, Event, Handler, LambdaContext, Response

if TYPE_CHECKING:
    from spendsense.aws.insight_endpoint import InsightEndpoint

_cold_start = ColdStart()


@lru_cache(maxsize=1)
def endpoint() -> InsightEndpoint:
    """The full handler: built on the first event the express lane declines, kept while warm."""
    from spendsense.auth.secret import signing_secret
    from spendsense.aws.clients import LazyClient, client
    from spendsense.aws.database import open_database
    from spendsense.aws.insight_cache import InsightCache
    from spendsense.aws.insight_compute import InsightComputer, InvokeComputer, LocalComputer
    from spendsense.aws.insight_endpoint import InsightEndpoint
    from spendsense.aws.runtime import configure_lambda_logging
    from spendsense.aws.settings import get_lambda_settings
    from spendsense.config import get_settings

    settings, lambda_settings = get_settings(), get_lambda_settings()
    configure_lambda_logging(settings.log_level)
    database = open_database(settings, lambda_settings, lambda: client("s3"), express.shared_snapshot())
    cache = InsightCache(client("s3"), settings.s3_bucket_insights) if settings.s3_bucket_insights else None
    computer: InsightComputer = (
        InvokeComputer(LazyClient("lambda"), lambda_settings.insights_compute_function)
        if lambda_settings.insights_compute_function
        else LocalComputer(database.engine, cache)
    )
    secret = signing_secret(settings)
    return InsightEndpoint(secret, database, cache, computer, settings.cors_origins, lambda_settings.api_base_path)


def _full(kind: str, event: Event, context: LambdaContext, declined: str) -> Response:
    from spendsense.aws.handlers.common import answer_http
    from spendsense.aws.runtime import observe

    with observe(context, _cold_start) as call:
        call.extra["express"] = declined
        return answer_http(event, call, lambda: endpoint().handle(kind, event, call))


def _handler(kind: str) -> Handler:
    def handle(event: Event, context: LambdaContext) -> Response:
        answered = express.answer(kind, event, context, _cold_start)
        return _full(kind, event, context, answered) if isinstance(answered, str) else answered

    handle.__name__ = kind.replace("-", "_")
    return handle


weekly_recap = _handler("weekly-recap")
spending_analysis = _handler("spending-analysis")
suggested_budget = _handler("suggested-budget")
budget_tracking = _handler("budget-tracking")
net_worth = _handler("net-worth")


imported()  # last: the garbage collector resumes (see `spendsense.aws.handlers`)
