"""AWS clients, created once per container, on first use, and only by the code paths that need AWS.

They are botocore clients from one botocore session, not boto3's: importing boto3 (and
the s3transfer it pulls in) costs a cold start about 50 ms and adds nothing the handlers
call; the one boto3 feature used, managed S3 transfers, is `transfer()`. botocore itself
honours AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>), which is how the tests and
`--endpoint-url` point everything at an emulator.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# API Gateway gives up after about 30 s; an AWS call that hangs must fail well before that.
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 20


@lru_cache(maxsize=1)
def session() -> Any:
    """The container's botocore session: its loaders and endpoint data are read once, for every client."""
    import botocore.session

    return botocore.session.get_session()


@lru_cache(maxsize=32)
def client(service: str, endpoint_url: str | None = None, region: str | None = None) -> Any:
    from botocore.config import Config

    config = Config(
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=READ_TIMEOUT,
        retries={"max_attempts": 3, "mode": "standard"},
    )
    return session().create_client(service, endpoint_url=endpoint_url, region_name=region, config=config)


class LazyClient:
    """`client(service, endpoint_url)`, created on the first call made through it.

    For clients that only some events use (invoking the batch function on a cache miss,
    pushing to WebSocket clients after a write): a cold start does not pay for them.
    """

    def __init__(self, service: str, endpoint_url: str | None = None) -> None:
        self.service, self.endpoint_url = service, endpoint_url

    def __getattr__(self, name: str) -> Any:
        return getattr(client(self.service, self.endpoint_url), name)


def transfer(s3: Any) -> Any:
    """boto3's managed transfers (multipart, parallel parts) over an S3 client: `upload_file`, `download_file`."""
    from boto3.s3.transfer import S3Transfer

    return S3Transfer(s3)


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
