"""The pipeline's Parquet tree mirrored in S3_BUCKET_PARQUET, file for file (`signals/part-00000.parquet`).

A run for some users only rewrites their rows inside partitions it reads first, so the
tree is pulled from S3 before such a run and pushed after it; files whose MD5 already
matches the object's ETag are skipped both ways. Nothing else is deleted from S3, except the
earlier layout's window directories (`signals/window=30d/...`) once the local tree has none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spendsense.aws.clients import transfer

PREFIX = "parquet/"
LEGACY = "/window="
"""A key of the layout with a directory per window (`spendsense.pipeline.parquet.LEGACY`)."""


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
    """Upload new and changed files; the keys written.

    Then the earlier layout's keys of each dataset the local tree holds in the current layout
    only are deleted: the pipeline moved their rows into the current parts, uploaded by then.
    A dataset missing locally keeps its keys.
    """
    remote = _remote(s3, bucket)
    keys = {PREFIX + path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*.parquet"))}
    written = []
    with transfer(s3) as files:
        for key, path in keys.items():
            if remote.get(key) != _md5(path):
                files.upload_file(str(path), bucket, key)
                written.append(key)
    stale = [key for key in remote if LEGACY in key and _moved_over(_dataset(key), keys)]
    for start in range(0, len(stale), DELETE_BATCH):
        batch = [{"Key": key} for key in stale[start : start + DELETE_BATCH]]
        s3.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
    return written


def _dataset(key: str) -> str:
    return key.removeprefix(PREFIX).split("/", 1)[0]


def _moved_over(dataset: str, local: Iterable[str]) -> bool:
    """Whether the local tree holds `dataset` in the current layout only (parts, and no window directory)."""
    mine = [key for key in local if _dataset(key) == dataset]
    return bool(mine) and not any(LEGACY in key for key in mine)


DELETE_BATCH = 1_000
"""S3's limit of keys a DeleteObjects request."""


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
