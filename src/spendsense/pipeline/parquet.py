"""Parquet copies of the pipeline's output: `<data_dir>/<dataset>/window=30d/part-00007.parquet`.

Hive-style window partitions, so the tree can be copied to S3 as is and read back with
`pl.read_parquet(data_dir / "signals", hive_partitioning=True)`. Within a window, each user
always lands in the same of `BUCKETS` part files, so one user's recompute rewrites one small
file per dataset and window instead of all of them. A file is written beside its final name
and renamed over it, so a reader never sees half a file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import polars as pl

BUCKETS = 16


def bucket() -> pl.Expr:
    """The part file of a user: from the last characters of the id read in base 36.

    Stable across library versions and machines (a library hash is not), and even over the
    random alphanumeric ids the generator and Plaid use.
    """
    tail = pl.col("user_id").str.replace_all(r"[^0-9A-Za-z]", "").str.slice(-3)
    return (tail.str.to_integer(base=36, strict=False).fill_null(0) % BUCKETS).cast(pl.Int64)


def part_path(root: Path, dataset: str, window: str, number: int) -> Path:
    return root / dataset / f"window={window}" / f"part-{number:05d}.parquet"


def _write_atomically(target: Path, frame: pl.DataFrame) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    # lz4: a recompute rewrites eight small files, and zstd's slower writes showed in its time.
    frame.write_parquet(temporary, compression="lz4", statistics=True)
    os.replace(temporary, target)
    return target


def _buckets_of(user_ids: Sequence[str]) -> list[int]:
    ids = pl.DataFrame({"user_id": list(user_ids)}, schema={"user_id": pl.String})
    return sorted(set(ids.select(bucket())["user_id"].to_list()))


def write_dataset(
    root: Path, dataset: str, frame: pl.DataFrame, windows: Sequence[str], user_ids: Sequence[str] | None
) -> list[Path]:
    """Replace each window's parts; with `user_ids`, only those users' rows in their parts (the rest are kept)."""
    numbers = range(BUCKETS) if user_ids is None else _buckets_of(user_ids)
    written = []
    for window in windows:
        rows = frame.filter(pl.col("window") == window).drop("window").with_columns(bucket().alias("bucket"))
        for number in numbers:
            part = rows.filter(pl.col("bucket") == number).drop("bucket")
            target = part_path(root, dataset, window, number)
            if user_ids is not None and target.exists():
                kept = pl.read_parquet(target).filter(~pl.col("user_id").is_in(list(user_ids)))
                part = pl.concat([kept, part])
            written.append(_write_atomically(target, part.sort("user_id")))
    return written
