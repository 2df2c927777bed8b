"""`generate()`: validate the request, build and write the chunks, swap the output in.

Chunks bound memory (one chunk's frames per worker: about 30,000 user-months, some 0.8 GB) and
keep the output independent of the machine: the same request gives the same bytes everywhere.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spendsense.kit.errors import InvalidInput
from spendsense.synthetic import output
from spendsense.synthetic.workers import Job, Produced, default_workers, produce_all

CHUNK_USER_MONTHS = 30_000
FORMATS = ("plaid", "parquet")
MAX_USERS = 10_000_000
MAX_MONTHS = 36
OnChunk = Callable[[int, int], None]


@dataclass(frozen=True)
class Request:
    users: int
    seed: int
    as_of: date
    months: int
    out: Path
    format: str = "plaid"


@dataclass
class Summary:
    users: int = 0
    transactions: int = 0
    accounts: int = 0
    chunks: int = 0
    persona_mismatches: int = 0
    files: dict[str, list[str]] = field(default_factory=dict)

    @property
    def file_count(self) -> int:
        return sum(len(paths) for paths in self.files.values())

    def add(self, produced: Produced) -> None:
        for group, paths in produced.files.items():
            self.files.setdefault(group, []).extend(paths)
        self.users += produced.users
        self.transactions += produced.transactions
        self.accounts += produced.accounts
        self.persona_mismatches += produced.mismatches
        self.chunks += 1


def validate(request: Request) -> None:
    """Every check that can fail, before anything touches the disk."""
    if not 1 <= request.users <= MAX_USERS:
        raise InvalidInput(f"--users must be between 1 and {MAX_USERS:,} (got {request.users})")
    if not 1 <= request.months <= MAX_MONTHS:
        raise InvalidInput(f"--months must be between 1 and {MAX_MONTHS} (got {request.months})")
    if request.seed < 0:
        raise InvalidInput(f"--seed must be zero or positive (got {request.seed})")
    if request.format not in FORMATS:
        raise InvalidInput(f"--format must be one of {', '.join(FORMATS)} (got {request.format!r})")
    output.check_out_dir(request.out)


def chunk_users(months: int) -> int:
    """Users per chunk: fewer for long histories, so a chunk's memory stays about the same."""
    return max(500, min(10_000, CHUNK_USER_MONTHS // months))


def chunk_bounds(users: int, months: int) -> list[tuple[int, int]]:
    size = chunk_users(months)
    return [(first, min(size, users - first)) for first in range(0, users, size)]


def _header(request: Request) -> dict[str, Any]:
    return {"seed": request.seed, "as_of": request.as_of.isoformat(), "months": request.months}


def _jobs(request: Request, root: Path) -> list[Job]:
    return [
        Job(request.seed, number, first, size, request.as_of, request.months, request.format, root)
        for number, (first, size) in enumerate(chunk_bounds(request.users, request.months))
    ]


def _write_chunks(request: Request, staging: Path, on_chunk: OnChunk | None, workers: int | None) -> Summary:
    jobs = _jobs(request, staging)
    summary = Summary()
    with (
        output.LabelsFile(staging / "labels.json", _header(request)) as labels,
        (staging / "users.csv").open("w") as users_csv,
    ):
        for produced in produce_all(jobs, workers or default_workers(len(jobs))):
            labels.add(produced.label_lines)
            users_csv.write(produced.users_csv)
            summary.add(produced)
            if on_chunk is not None:
                on_chunk(summary.users, request.users)
    summary.files = {"users_csv": ["users.csv"], "labels": ["labels.json"], **summary.files}
    return summary


def generate(request: Request, on_chunk: OnChunk | None = None, workers: int | None = None) -> Summary:
    """Write the dataset; `on_chunk(done_users, total_users)` after every chunk.

    Chunks are built by `workers` processes (default: one per CPU, at most three, never more
    than there are chunks; a single chunk is built in this process); the bytes written do not
    depend on it. Worker processes are spawned: a script that calls this with more than one
    chunk needs the usual `if __name__ == "__main__":` guard. Everything goes to a staging
    folder next to `request.out`, which replaces it only once complete: a failed run leaves
    the previous output (or nothing) behind.
    """
    validate(request)
    staging = output.staging_dir(request.out)
    try:
        summary = _write_chunks(request, staging, on_chunk, workers)
        manifest = {
            "generator": output.GENERATOR,
            "format": request.format,
            **_header(request),
            "users": request.users,
            "chunk_users": chunk_users(request.months),
            "transactions": summary.transactions,
            "files": summary.files,
        }
        output.write_json(staging / output.MANIFEST, manifest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    output.swap_in(staging, request.out)
    return summary
