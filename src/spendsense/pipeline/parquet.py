"""Parquet copies of the pipeline's output: `<data_dir>/<dataset>/window=30d/part-00007.parquet`.

Hive-style window partitions, so the tree can be copied to S3 as is and read back with
`pl.read_parquet(data_dir / "signals", hive_partitioning=True)`. Within a window, each user
always lands in the same of `BUCKETS` part files, so one user's recompute rewrites one small
file per dataset and window instead of all of them. A file is written beside its final name
and renamed over it, so a reader never sees half a file.

A window's layout is complete when its last part exists: every full write writes all parts,
empty ones too. A user's rewrite into an incomplete layout (an older, smaller `BUCKETS`, or
only earlier one-user runs) first redistributes every row it finds there, so no user is
ever left in two parts. Parts are only ever added or replaced, never deleted, which keeps
the S3 mirror (`aws.parquet_sync`, upload-only) consistent too.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import polars as pl

BUCKETS = 256
"""About 400 users a part at 100,000 users: a one-user rewrite reads and writes tens of kilobytes.

Sixteen parts made it read and rewrite a sixteenth of every dataset, which grows with the
population (60 ms at 10,000 users, ten times that at 100,000)."""


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


def _others(path: Path, user_ids: Sequence[str]) -> pl.DataFrame | None:
    """The rows of a part (or of every part of a directory) that belong to other users; None without any file."""
    files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path] if path.exists() else []
    if not files:
        return None
    return pl.read_parquet(files).filter(~pl.col("user_id").is_in(list(user_ids)))


def _with(kept: pl.DataFrame | None, rows: pl.DataFrame) -> pl.DataFrame:
    return rows if kept is None else pl.concat([kept, rows])


def _every_part(root: Path, dataset: str, window: str, rows: pl.DataFrame) -> list[Path]:
    """Write all parts of a window (empty ones too) from `rows`, its complete content."""
    parts = rows.with_columns(bucket().alias("bucket")).partition_by("bucket", as_dict=True, include_key=False)
    empty = rows.clear()
    return [
        _write_atomically(part_path(root, dataset, window, number), parts.get((number,), empty).sort("user_id"))
        for number in range(BUCKETS)
    ]


def _users_parts(
    root: Path, dataset: str, window: str, rows: pl.DataFrame, user_ids: Sequence[str], numbers: list[int]
) -> list[Path]:
    """Replace the rows of `user_ids` (whose parts are `numbers`) in their parts, keeping everyone else's."""
    written = []
    for number in numbers:
        target = part_path(root, dataset, window, number)
        theirs = rows if len(numbers) == 1 else rows.filter(bucket() == number)
        written.append(_write_atomically(target, _with(_others(target, user_ids), theirs).sort("user_id")))
    return written


def write_dataset(
    root: Path, dataset: str, frame: pl.DataFrame, windows: Sequence[str], user_ids: Sequence[str] | None
) -> list[Path]:
    """Replace each window's parts; with `user_ids`, only those users' rows in their parts (the rest are kept)."""
    by_window = frame.partition_by("window", as_dict=True, include_key=False)
    empty = frame.drop("window").clear()
    numbers = _buckets_of(user_ids) if user_ids is not None else []
    written: list[Path] = []
    for window in windows:
        rows = by_window.get((window,), empty)
        if user_ids is None:
            written += _every_part(root, dataset, window, rows)
        elif part_path(root, dataset, window, BUCKETS - 1).exists():
            written += _users_parts(root, dataset, window, rows, user_ids, numbers)
        else:
            kept = _others(part_path(root, dataset, window, 0).parent, user_ids)
            written += _every_part(root, dataset, window, _with(kept, rows))
    return written
