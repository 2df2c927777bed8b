"""S3 reads (GET and HEAD of one object) signed with Signature Version 4 by the standard library.

botocore builds a client from its service model and endpoint rules, which costs a cold
start 187 CPU ms before the first request (402 on the slower 2026-12-06, `bench_lambda`'s
floor); the insight functions' express lane
(`aws.express`) needs two calls, so it signs them itself. Answers and errors have
botocore's shapes (`{"Body": ..., "ETag": ...}`, an exception whose `response` carries the
error code), so `S3Snapshot` and `clients.error_code` work with either client. Anything
beyond reads goes through botocore (`aws.clients`). Credentials come from the variables
Lambda sets (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); the endpoint
from AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL when set (path-style, as for an emulator),
else S3's regional endpoint. A test holds the signatures equal to botocore's.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

from spendsense.aws.clients import CONNECT_TIMEOUT, READ_TIMEOUT

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
ERROR_CODE = re.compile(rb"<Code>([^<]+)</Code>")


class S3ReadError(Exception):
    """A failed read, shaped like botocore's ClientError for `clients.error_code` and `clients.http_status`."""

    def __init__(self, status: int, code: str) -> None:
        super().__init__(f"S3 answered {status} {code}")
        self.response: dict[str, Any] = {"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": status}}


@dataclass(frozen=True)
class Credentials:
    access_key: str
    secret_key: str
    token: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Credentials | None:
        access, secret = environ.get("AWS_ACCESS_KEY_ID"), environ.get("AWS_SECRET_ACCESS_KEY")
        return cls(access, secret, environ.get("AWS_SESSION_TOKEN") or None) if access and secret else None


def _now() -> datetime:
    return datetime.now(UTC)


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def sign(method: str, host: str, path: str, credentials: Credentials, region: str, now: datetime) -> dict[str, str]:
    """The headers of a signed S3 request without a body (`path` already URI-encoded)."""
    stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    headers = {"host": host, "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": stamp}
    if credentials.token:
        headers["x-amz-security-token"] = credentials.token
    names = sorted(headers)
    canonical = "\n".join(
        [method, path, "", *(f"{name}:{headers[name]}" for name in names), "", ";".join(names), EMPTY_SHA256]
    )
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = f"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    key = _hmac(_hmac(_hmac(_hmac(f"AWS4{credentials.secret_key}".encode(), day), region), "s3"), "aws4_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={credentials.access_key}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={signature}"
    )
    return headers


@dataclass
class SignedS3:
    credentials: Credentials
    region: str
    endpoint_url: str | None = None
    _connections: dict[tuple[str, str], http.client.HTTPConnection] = field(default_factory=dict, repr=False)
    _responses: dict[tuple[str, str], http.client.HTTPResponse] = field(default_factory=dict, repr=False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> SignedS3 | None:
        """A client from Lambda's variables; None when credentials or the region are missing."""
        credentials = Credentials.from_environment(environ)
        region = environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION")
        if credentials is None or not region:
            return None
        endpoint = environ.get("AWS_ENDPOINT_URL_S3") or environ.get("AWS_ENDPOINT_URL") or None
        return cls(credentials, region, endpoint)

    def _address(self, bucket: str, key: str) -> tuple[str, str, str]:
        """(scheme, host, path): path-style on an explicit endpoint or a dotted bucket, else virtual-hosted."""
        encoded = quote(key, safe="/~")
        if self.endpoint_url:
            parts = urlsplit(self.endpoint_url)
            return parts.scheme, parts.netloc, f"{parts.path.rstrip('/')}/{bucket}/{encoded}"
        if "." in bucket:
            return "https", f"s3.{self.region}.amazonaws.com", f"/{bucket}/{encoded}"
        return "https", f"{bucket}.s3.{self.region}.amazonaws.com", f"/{encoded}"

    def _connection(self, scheme: str, host: str) -> http.client.HTTPConnection:
        key = (scheme, host)
        found, last = self._connections.get(key), self._responses.get(key)
        if found is not None and last is not None and not last.isclosed():
            found.close()  # the last body was not read to its end: the connection cannot carry another request
            found = None
        if found is None:
            kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            found = self._connections[key] = kind(host, timeout=CONNECT_TIMEOUT)
        return found

    def _send(self, method: str, scheme: str, host: str, path: str) -> http.client.HTTPResponse:
        """One request on the kept connection; a connection the server closed meanwhile is replaced once."""
        for attempt in range(2):
            connection = self._connection(scheme, host)
            try:
                headers = sign(method, host, path, self.credentials, self.region, _now())
                connection.request(method, path, headers=headers)
                if connection.sock is not None:
                    connection.sock.settimeout(READ_TIMEOUT)
                answer = self._responses[scheme, host] = connection.getresponse()
            except (http.client.HTTPException, ConnectionError):
                self._drop(scheme, host)
                if attempt:  # one more try is for a connection that died while the container was idle
                    raise
                continue
            except OSError:  # a timeout, a TLS error: not worth a second wait
                self._drop(scheme, host)
                raise
            return answer
        raise AssertionError("unreachable")

    def _drop(self, scheme: str, host: str) -> None:
        found = self._connections.pop((scheme, host), None)
        if found is not None:
            found.close()

    def _request(self, method: str, bucket: str, key: str) -> http.client.HTTPResponse:
        scheme, host, path = self._address(bucket, key)
        answer = self._send(method, scheme, host, path)
        if answer.status >= 300:
            found = ERROR_CODE.search(answer.read())
            raise S3ReadError(answer.status, found[1].decode() if found else str(answer.status))
        return answer

    def get_object(self, Bucket: str, Key: str) -> dict[str, Any]:  # noqa: N803 (botocore's argument names)
        """The object, its body unread: `Body.read(n)` streams it (read it all before the next request)."""
        answer = self._request("GET", Bucket, Key)
        return {"Body": answer, "ETag": answer.getheader("ETag"), "ContentLength": answer.length}

    def head_object(self, Bucket: str, Key: str) -> dict[str, Any]:  # noqa: N803
        answer = self._request("HEAD", Bucket, Key)
        answer.read()
        return {"ETag": answer.getheader("ETag"), "ContentLength": int(answer.getheader("Content-Length") or 0)}
