"""Reads signed by the standard library: the signatures botocore makes, and real answers from moto S3."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import boto3
import pytest
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotoCredentials

from spendsense.aws.clients import error_code, http_status
from spendsense.aws.signed_s3 import Credentials, S3ReadError, SignedS3, sign
from tests.aws.conftest import REGION

MOMENT = datetime(2026, 12, 6, 22, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("token", [None, "session-token"])
@pytest.mark.parametrize(
    ("endpoint", "bucket", "key"),
    [
        (None, "bucket", "insights/user_1/net-worth/latest/dev-abc.json"),
        (None, "bucket", "insights/user%40example.com/weekly recap/ünïcode~x.json"),
        (None, "dotted.bucket", "a/b.json"),
        ("http://127.0.0.1:5000", "bucket", "insights/u%2F1/x.json"),
    ],
)
def test_the_signature_is_botocores(
    monkeypatch: pytest.MonkeyPatch, endpoint: str | None, bucket: str, key: str, token: str | None
) -> None:
    client = SignedS3(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token), REGION, endpoint)
    scheme, host, path = client._address(bucket, key)
    ours = sign("GET", host, path, client.credentials, REGION, MOMENT)
    monkeypatch.setattr("botocore.auth.get_current_datetime", lambda: MOMENT.replace(tzinfo=None))
    request = AWSRequest(method="GET", url=f"{scheme}://{host}{path}")
    S3SigV4Auth(
        BotoCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token), "s3", REGION
    ).add_auth(request)
    assert ours["authorization"] == request.headers["Authorization"]


def test_reads_from_s3(aws: str) -> None:
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="signed")
    key = "insights/user%40example.com/net-worth/latest/dev-1.json"
    put = s3.put_object(Bucket="signed", Key=key, Body=b'{"ok": true}')
    client = SignedS3.from_environment()
    assert client is not None
    found = client.get_object(Bucket="signed", Key=key)
    assert (found["Body"].read(), found["ETag"]) == (b'{"ok": true}', put["ETag"])
    assert client.head_object(Bucket="signed", Key=key)["ETag"] == put["ETag"]
    with pytest.raises(S3ReadError) as missing:
        client.get_object(Bucket="signed", Key="nothing")
    assert (error_code(missing.value), http_status(missing.value)) == ("NoSuchKey", 404)
    with pytest.raises(S3ReadError) as missing_head:
        client.head_object(Bucket="signed", Key="nothing")
    assert error_code(missing_head.value) == "404"


class KeepAlive(BaseHTTPRequestHandler):
    """An HTTP/1.1 server that keeps connections open, as S3 does (moto's closes each one)."""

    protocol_version = "HTTP/1.1"
    connections: ClassVar[list[int]] = []

    def setup(self) -> None:
        super().setup()
        KeepAlive.connections.append(self.client_address[1])

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("ETag", '"1"')
        self.send_header("Content-Length", "1")
        self.end_headers()
        self.wfile.write(b"1")

    def log_message(self, *_args: object) -> None:
        pass


def test_a_warm_client_keeps_its_connection_and_replaces_a_dropped_one() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepAlive)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = SignedS3(Credentials("a", "b"), REGION, f"http://127.0.0.1:{server.server_address[1]}")
        for _ in range(3):
            assert client.get_object(Bucket="b", Key="k")["Body"].read() == b"1"
        assert len(KeepAlive.connections) == 1
        (connection,) = client._connections.values()
        assert connection.sock is not None
        connection.sock.shutdown(socket.SHUT_RDWR)  # the connection dies while the container is idle
        assert client.get_object(Bucket="b", Key="k")["Body"].read() == b"1"
        assert len(KeepAlive.connections) == 2
        client.get_object(Bucket="b", Key="k")  # a body left unread: that connection cannot be reused
        assert client.get_object(Bucket="b", Key="k")["Body"].read() == b"1"
        assert len(KeepAlive.connections) == 3
    finally:
        server.shutdown()


def test_without_credentials_or_region_there_is_no_client() -> None:
    assert SignedS3.from_environment({"AWS_REGION": REGION}) is None
    assert SignedS3.from_environment({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"}) is None
