"""boto3 clients, created once per container and imported only by the code paths that need AWS.

boto3 itself honours AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>), which is how the
tests and `--endpoint-url` point everything at an emulator.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# API Gateway gives up after about 30 s; an AWS call that hangs must fail well before that.
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 20


@lru_cache(maxsize=32)
def client(service: str, endpoint_url: str | None = None, region: str | None = None) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=READ_TIMEOUT,
        retries={"max_attempts": 3, "mode": "standard"},
    )
    return boto3.client(service, endpoint_url=endpoint_url, region_name=region, config=config)


def error_code(exc: BaseException) -> str | None:
    """The AWS error code of a botocore ClientError (e.g. "PreconditionFailed"), None for anything else."""
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return None
    code = response.get("Error", {}).get("Code")
    return str(code) if code is not None else None


def http_status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return None
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return int(status) if status is not None else None
