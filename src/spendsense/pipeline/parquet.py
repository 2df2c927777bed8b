"""Parquet copies of the pipeline's output: `<data_dir>/<dataset>/part-00007.parquet`, both windows in each.

Each user always lands in the same of `BUCKETS` part files, and a part holds the user's rows
of both windows (a `window` column), so one user's recompute rewrites one small file per
dataset. Read a dataset back with `pl.read_parquet(data_dir / "signals")`. A file is written
beside its final name and renamed over it, so a reader never sees half a file.

A dataset's layout is complete when its last part exists: every full write writes all
parts, empty ones too. A user's rewrite into an incomplete layout (an older, smaller
`BUCKETS`, only earlier one-user runs, or the earlier layout with a directory per window,
`window=30d/part-00007.parquet`) first redistributes every row it finds there, so no user is
ever left in two parts. Parts are only ever added or replaced, never deleted, except the
earlier layout's window directories, which go once the parts that replace them are in
place (`aws.parquet_sync.push` then removes their keys from S3).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

import polars as pl

BUCKETS = 256
"""About 400 users a part at 100,000 users: a one-user rewrite reads and writes tens of kilobytes.

Sixteen parts made it read and rewrite a sixteenth of every dataset, which grows with the
population (60 ms at 10,000 users, ten times that at 100,000)."""

LEGACY = "window="
"""The earlier layout's directories: one a window, each with its own parts."""


def bucket() -> pl.Expr:
    """The part file of a user: from the last characters of the id read in base 36.

    Stable across library versions and machines (a library hash is not), and even over the
    random alphanumeric ids the generator and Plaid use.
    """
    tail = pl.col("user_id").str.replace_all(r"[^0-9A-Za-z]", "").str.slice(-3)
    return (tail.str.to_integer(base=36, strict=False).fill_null(0) % BUCKETS).cast(pl.Int64)


def part_path(root: Path, dataset: str, number: int) -> Path:
    return root / dataset / f"part-{number:05d}.parquet"


Staged = list[tuple[Path, Path]]
"""(file written, the part it replaces once published)."""


def _stage(target: Path, frame: pl.DataFrame) -> tuple[Path, Path]:
    """Write a part's new content beside it, under a name no other writer (thread or process) uses."""
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:  # lz4: a recompute rewrites four small files, and zstd's slower writes showed in its time.
        frame.sort("user_id", "window", maintain_order=True).write_parquet(
            temporary, compression="lz4", statistics=True
        )
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary, target


def _legacy(directory: Path) -> list[Path]:
    return sorted(path for path in directory.glob(f"{LEGACY}*") if path.is_dir())


def _stored(directory: Path) -> pl.DataFrame | None:
    """Every row a dataset holds, in either layout (the earlier one's rows get their `window`); None without a file."""
    frames = [pl.read_parquet(path) for path in sorted(directory.glob("part-*.parquet"))]
    for legacy in _legacy(directory):
        window = pl.lit(legacy.name.removeprefix(LEGACY)).alias("window")
        frames += [pl.read_parquet(path).with_columns(window) for path in sorted(legacy.glob("part-*.parquet"))]
    return pl.concat(frames, how="diagonal") if frames else None


def _without(rows: pl.DataFrame | None, user_ids: Sequence[str]) -> pl.DataFrame | None:
    return None if rows is None else rows.filter(~pl.col("user_id").is_in(list(user_ids)))


def _with(kept: pl.DataFrame | None, rows: pl.DataFrame) -> pl.DataFrame:
    """`rows` after the `kept` ones, in `rows`' columns (a column `kept` lacks is null there)."""
    return rows if kept is None else pl.concat([kept, rows], how="diagonal_relaxed").select(rows.columns)


def _every_part(root: Path, dataset: str, rows: pl.DataFrame, into: Staged) -> None:
    """Stage all parts of a dataset (empty ones too) from `rows`, its complete content."""
    parts = rows.with_columns(bucket().alias("bucket")).partition_by("bucket", as_dict=True, include_key=False)
    empty = rows.clear()
    for number in range(BUCKETS):
        into.append(_stage(part_path(root, dataset, number), parts.get((number,), empty)))


def _users_parts(root: Path, dataset: str, rows: pl.DataFrame, user_ids: Sequence[str], into: Staged) -> None:
    """Stage the parts of `user_ids` with their rows replaced and everyone else's kept."""
    ids = pl.DataFrame({"user_id": list(user_ids)}, schema={"user_id": pl.String})
    numbers = sorted(set(ids.select(bucket())["user_id"].to_list()))
    for number in numbers:
        target = part_path(root, dataset, number)
        theirs = rows if len(numbers) == 1 else rows.filter(bucket() == number)
        into.append(_stage(target, _with(_without(pl.read_parquet(target), user_ids), theirs)))


def _publish(staged: Staged) -> list[Path]:
    """Put staged files in place: each rename is atomic, so a reader sees the old part or the new one."""
    for temporary, target in staged:
        os.replace(temporary, target)
    return [target for _, target in staged]


def _discard(staged: Staged) -> None:
    for temporary, _ in staged:
        temporary.unlink(missing_ok=True)


def write_dataset(root: Path, dataset: str, frame: pl.DataFrame, user_ids: Sequence[str] | None) -> list[Path]:
    """Replace every part with `frame`'s rows; with `user_ids`, only those users' rows (everyone else's are kept).

    `frame` carries a `window` column. If writing fails, every part is left as it was.
    """
    directory = root / dataset
    directory.mkdir(parents=True, exist_ok=True)
    legacy = _legacy(directory)
    complete = part_path(root, dataset, BUCKETS - 1).exists()
    staged: Staged = []
    try:
        if user_ids is None:
            _every_part(root, dataset, frame, staged)
        elif complete:  # any earlier layout left beside it was redistributed already
            _users_parts(root, dataset, frame, user_ids, staged)
        else:
            _every_part(root, dataset, _with(_without(_stored(directory), user_ids), frame), staged)
    except BaseException:
        _discard(staged)
        raise
    written = _publish(staged)
    for directory in legacy:
        shutil.rmtree(directory)
    return written
