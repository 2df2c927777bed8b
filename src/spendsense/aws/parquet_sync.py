"""The pipeline's Parquet tree mirrored in S3_BUCKET_PARQUET, file for file (`signals/window=30d/part-00000.parquet`).

A run for some users only rewrites their rows inside partitions it reads first, so the
tree is pulled from S3 before such a run and pushed after it; files whose MD5 already
matches the object's ETag are skipped both ways.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from spendsense.aws.clients import transfer

PREFIX = "parquet/"


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _remote(s3: Any, bucket: str) -> dict[str, str]:
    """Key -> ETag (without quotes) of every object under the prefix."""
    found: dict[str, str] = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=PREFIX):
        found.update({item["Key"]: item["ETag"].strip('"') for item in page.get("Contents", [])})
    return found


def push(s3: Any, bucket: str, root: Path) -> list[str]:
    """Upload new and changed files; the keys written."""
    remote = _remote(s3, bucket)
    written = []
    with transfer(s3) as files:
        for path in sorted(root.rglob("*.parquet")):
            key = PREFIX + path.relative_to(root).as_posix()
            if remote.get(key) != _md5(path):
                files.upload_file(str(path), bucket, key)
                written.append(key)
    return written


def pull(s3: Any, bucket: str, root: Path) -> list[Path]:
    """Download what is missing or different locally; the files written."""
    written = []
    with transfer(s3) as files:
        for key, etag in sorted(_remote(s3, bucket).items()):
            path = root / key.removeprefix(PREFIX)
            if path.exists() and _md5(path) == etag:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            files.download_file(bucket, key, str(path))
            written.append(path)
    return written
