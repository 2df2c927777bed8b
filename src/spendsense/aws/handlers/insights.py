"""The five insight functions. Each answers GET /api/insights/{user_id}/<kind> and nothing else.

No FastAPI and no Polars are imported here (a test holds it so): a miss is computed by
the batch function, whose layer carries Polars (see `spendsense.aws.insight_compute`).
"""

from __future__ import annotations

from functools import lru_cache

from spendsense.auth.secret import signing_secret
from spendsense.aws.clients import LazyClient, client
from spendsense.aws.database import open_database
from spendsense.aws.handlers import imported
from spendsense.aws.handlers.common import answer_http
from spendsense.aws.insight_cache import InsightCache
from spendsense.aws.insight_compute import InsightComputer, InvokeComputer, LocalComputer
from spendsense.aws.insight_endpoint import InsightEndpoint
from spendsense.aws.runtime import ColdStart, Event, Handler, LambdaContext, Response, configure_lambda_logging, observe
from spendsense.aws.settings import get_lambda_settings
from spendsense.config import get_settings

_cold_start = ColdStart()


@lru_cache(maxsize=1)
def endpoint() -> InsightEndpoint:
    """Built on the container's first event and kept while it is warm."""
    settings, lambda_settings = get_settings(), get_lambda_settings()
    configure_lambda_logging(settings.log_level)
    database = open_database(settings, lambda_settings, lambda: client("s3"))
    cache = InsightCache(client("s3"), settings.s3_bucket_insights) if settings.s3_bucket_insights else None
    computer: InsightComputer = (
        InvokeComputer(LazyClient("lambda"), lambda_settings.insights_compute_function)
        if lambda_settings.insights_compute_function
        else LocalComputer(database.engine, cache)
    )
    secret = signing_secret(settings)
    return InsightEndpoint(secret, database, cache, computer, settings.cors_origins, lambda_settings.api_base_path)


def _handler(kind: str) -> Handler:
    def handle(event: Event, context: LambdaContext) -> Response:
        with observe(context, _cold_start) as call:
            return answer_http(event, call, lambda: endpoint().handle(kind, event, call))

    handle.__name__ = kind.replace("-", "_")
    return handle


weekly_recap = _handler("weekly-recap")
spending_analysis = _handler("spending-analysis")
suggested_budget = _handler("suggested-budget")
budget_tracking = _handler("budget-tracking")
net_worth = _handler("net-worth")


imported()  # last: the garbage collector resumes (see `spendsense.aws.handlers`)
