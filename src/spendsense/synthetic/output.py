"""The output directory: checked before anything is written, built in a staging folder, then swapped in.

Layout (both formats): `manifest.json`, `users.csv`, `labels.json`; plus either
`users/<user_id>/{accounts_get,transactions_sync,liabilities_get}.json` (plaid) or
`tables/<table>/part-NNNNN.parquet`, one part per chunk of users (parquet).
A directory may be overwritten only if it is empty or holds a previous generator output.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import IO, Any

from spendsense.kit.errors import InvalidInput

GENERATOR = "spendsense.synthetic"
MANIFEST = "manifest.json"
OUR_ENTRIES = frozenset({MANIFEST, "users.csv", "labels.json", "users", "tables"})


class OutputDirNotEmpty(InvalidInput):
    error = "output_not_empty"


def check_out_dir(out: Path) -> None:
    """Refuse a file, or a non-empty directory that is not a previous output of this generator."""
    if out.exists() and not out.is_dir():
        raise OutputDirNotEmpty(f"{out} exists and is not a directory")
    if not out.exists() or not any(out.iterdir()):
        return
    manifest = out / MANIFEST
    try:
        ours = json.loads(manifest.read_text()).get("generator") == GENERATOR
    except (OSError, ValueError, AttributeError):
        ours = False
    strangers = sorted(entry.name for entry in out.iterdir() if entry.name not in OUR_ENTRIES)
    if not ours or strangers:
        detail = f" (unexpected: {', '.join(strangers[:3])})" if strangers else ""
        raise OutputDirNotEmpty(f"{out} is not empty and is not a previous generator output{detail}")


def staging_dir(out: Path) -> Path:
    staging = out.parent / f".{out.name}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def swap_in(staging: Path, out: Path) -> None:
    """Replace `out` (empty, absent, or a previous output) with the finished staging folder."""
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)


def write_json(path: Path, body: Any) -> None:
    path.write_text(json.dumps(body, indent=2, sort_keys=True) + "\n")


class LabelsFile:
    """labels.json written as it is produced: one line per user, so 100k users never sit in memory."""

    def __init__(self, path: Path, header: dict[str, Any]) -> None:
        self._file: IO[str] = path.open("w")
        self._first = True
        prefix = json.dumps(header, separators=(",", ":"))[:-1]
        self._file.write(prefix + ',"users":{\n')

    def add(self, lines: list[str]) -> None:
        for line in lines:
            self._file.write(("" if self._first else ",\n") + line)
            self._first = False

    def __enter__(self) -> LabelsFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:  # a failed run leaves a truncated file that is removed with the staging folder
            self._file.write("\n}}\n")
        self._file.close()
