"""Build each function's zip (its requirements + the spendsense package) and the layers they use.

A function's zip holds only the distributions config.yaml lists for it, so a missing one
shows up as an ImportError in `tests/aws/test_package.py` (which runs the unpacked zip
with nothing else on sys.path), not in AWS. boto3 is left out: the Lambda runtime has it.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import spendsense
from spendsense.aws.packaging.archive import MB, Source, ZipStats, stats_of, write_zip
from spendsense.aws.packaging.requirements import normalize, pinned
from spendsense.aws.packaging.wheels import Target, compile_tree, site_for
from spendsense.aws.stack_config import REPO_ROOT, Budget, FunctionConfig, StackConfig

BUILD_DIR = REPO_ROOT / "build" / "aws"
PACKAGE_ROOT = Path(spendsense.__file__).resolve().parent
BUILD_ENTRY = "spendsense/aws/BUILD"
SCHEMA_HEADS_ENTRY = "spendsense/aws/SCHEMA_HEADS"


@dataclass(frozen=True)
class PackageReport:
    name: str
    kind: Literal["function", "layer"]
    stats: ZipStats
    layers_unzipped: int = 0
    budget: Budget | None = None

    @property
    def total_unzipped_mb(self) -> float:
        return (self.stats.unzipped + self.layers_unzipped) / MB

    @property
    def problems(self) -> list[str]:
        if self.budget is None:
            return []
        found = []
        if self.stats.zipped_mb > self.budget.zipped:
            found.append(f"{self.name}: {self.stats.zipped_mb:.1f} MB zipped, budget {self.budget.zipped:g} MB")
        if self.total_unzipped_mb > self.budget.unzipped:
            found.append(
                f"{self.name}: {self.total_unzipped_mb:.1f} MB unzipped with layers, budget {self.budget.unzipped:g} MB"
            )
        return found


@dataclass(frozen=True)
class BuildResult:
    target: Target
    layers: dict[str, PackageReport]
    functions: dict[str, PackageReport]

    @property
    def problems(self) -> list[str]:
        return [problem for report in self.functions.values() for problem in report.problems]


POSTGRES_LAYER = "postgres"


def layers_for(function: FunctionConfig, storage: str) -> tuple[str, ...]:
    """The function's layers; with PostgreSQL storage, the driver's layer joins whatever uses SQLAlchemy without it."""
    names = {normalize(name) for name in function.requirements}
    if storage == "postgres" and "sqlalchemy" in names and "psycopg" not in names:
        return (*function.layers, POSTGRES_LAYER)
    return function.layers


def stage_source(target: Target, build_dir: Path) -> tuple[Path, str]:
    """A clean copy of the spendsense package (compiled when possible) and its digest, the build id."""
    folder = build_dir / "src" / target.label
    shutil.rmtree(folder, ignore_errors=True)
    copy = folder / "spendsense"
    shutil.copytree(PACKAGE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "BUILD"))
    digest = hashlib.sha256()
    for path in sorted(copy.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    if target.compiles_here:
        compile_tree(copy)
    return folder, digest.hexdigest()[:20]


def schema_heads() -> bytes:
    """The migration heads this code brings a store to: a store already there is not migrated on a cold start."""
    from alembic.script import ScriptDirectory

    from spendsense.kit.db import alembic_config

    heads = ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()
    return "\n".join(sorted(heads)).encode() + b"\n"


def build_layer(name: str, requirements: Sequence[str], target: Target, build_dir: Path) -> PackageReport:
    """Layers change rarely and are large: one is rebuilt only when its requirements change."""
    site = site_for(pinned(requirements), target, build_dir)
    path = build_dir / "dist" / target.label / f"layer-{name}-{site.name}.zip"
    stats = stats_of(path) if path.exists() else write_zip(path, [Source(site, "python/")])
    return PackageReport(name, "layer", stats)


def build(
    config: StackConfig,
    target: Target,
    names: Sequence[str] | None = None,
    storage: str = "snapshot",
    build_dir: Path = BUILD_DIR,
) -> BuildResult:
    chosen = {name: config.functions[name] for name in (names or config.functions)}
    layer_names = sorted({layer for function in chosen.values() for layer in layers_for(function, storage)})
    layers = {name: build_layer(name, config.layers[name].requirements, target, build_dir) for name in layer_names}
    source, build_id = stage_source(target, build_dir)
    heads = schema_heads()
    reports = {}
    # The five insight functions carry the same files: zip them once, copy the rest.
    written: dict[tuple[Path, tuple[str, ...]], ZipStats] = {}
    for name, function in chosen.items():
        site = site_for(pinned(function.requirements), target, build_dir)
        path = build_dir / "dist" / target.label / f"{name}.zip"
        same = written.get((site, function.exclude))
        if same is not None:
            shutil.copyfile(same.path, path)
            stats = replace(same, path=path)
        else:
            extra = {BUILD_ENTRY: build_id.encode(), SCHEMA_HEADS_ENTRY: heads}
            stats = write_zip(path, [Source(site), Source(source)], extra=extra, exclude=function.exclude)
            written[(site, function.exclude)] = stats
        layered = sum(layers[layer].stats.unzipped for layer in layers_for(function, storage))
        reports[name] = PackageReport(name, "function", stats, layered, function.budget)
    return BuildResult(target, layers, reports)
