"""Deterministic zips: the same files give the same bytes, so an unchanged function is never re-uploaded.

Entries are sorted and carry a fixed timestamp and mode; Lambda's CodeSha256 of the
deployed code can then be compared with the local zip's digest.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import os
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

EPOCH = (1980, 1, 1, 0, 0, 0)
MB = 1024 * 1024  # Lambda's "50 MB" and "250 MB" limits are 2^20-byte megabytes
SKIPPED_FILES = frozenset({".complete", ".DS_Store"})


@dataclass(frozen=True)
class Source:
    """Files under `root`, stored in the zip under `prefix`; `keep_pycache` keeps compiled files."""

    root: Path
    prefix: str = ""
    keep_pycache: bool = True


@dataclass(frozen=True)
class ZipStats:
    path: Path
    zipped: int
    unzipped: int
    sha256: str  # base64, as Lambda reports CodeSha256

    @property
    def zipped_mb(self) -> float:
        return self.zipped / MB

    @property
    def unzipped_mb(self) -> float:
        return self.unzipped / MB


def _files(source: Source) -> Iterator[tuple[str, Path]]:
    for directory, dirs, files in os.walk(source.root):
        here = Path(directory)
        relative = here.relative_to(source.root)
        # pip's console scripts (bin/) are of no use in a function.
        top_level = relative == Path(".")
        dirs[:] = [d for d in dirs if not (top_level and d == "bin") and (d != "__pycache__" or source.keep_pycache)]
        for name in files:
            if name in SKIPPED_FILES or (name.endswith(".pyc") and here.name != "__pycache__"):
                continue
            yield source.prefix + (relative / name).as_posix(), here / name


def write_zip(
    target: Path, sources: Iterable[Source], extra: dict[str, bytes] | None = None, exclude: Iterable[str] = ()
) -> ZipStats:
    """Zip `sources` (and `extra` name -> bytes), leaving out entries matching any `exclude` glob."""
    patterns = tuple(exclude)
    entries = {
        name: path
        for source in sources
        for name, path in _files(source)
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    unzipped = 0
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted({*entries, *(extra or {})}):
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            if extra and name in extra:
                info.external_attr = 0o100644 << 16
                archive.writestr(info, extra[name])
                unzipped += len(extra[name])
                continue
            path = entries[name]
            info.external_attr = (0o100755 if os.access(path, os.X_OK) else 0o100644) << 16
            with path.open("rb") as source, archive.open(info, "w") as sink:
                shutil.copyfileobj(source, sink, 1024 * 1024)
            unzipped += path.stat().st_size
    os.replace(partial, target)
    return ZipStats(target, target.stat().st_size, unzipped, sha256_b64(target))


def sha256_b64(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return base64.b64encode(digest.digest()).decode()


def stats_of(path: Path) -> ZipStats:
    with zipfile.ZipFile(path) as archive:
        unzipped = sum(info.file_size for info in archive.infolist())
    return ZipStats(path, path.stat().st_size, unzipped, sha256_b64(path))
