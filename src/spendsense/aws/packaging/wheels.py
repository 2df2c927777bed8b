"""Installing manylinux wheels for a Lambda runtime and architecture into a folder, through a local wheel cache.

pip resolves for the target (`--platform ... --python-version ... --implementation cp
--only-binary=:all:`), never for this machine. Wheels are kept under build/, so a second
build (and CI after its first) installs offline from the cache; only a cache miss downloads.
Each requirement set is installed once per target and kept, with its .pyc files compiled.
"""

from __future__ import annotations

import compileall
import hashlib
import py_compile
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spendsense.aws.stack_config import Architecture, Runtime

# Python 3.11 functions run on Amazon Linux 2 (glibc 2.26); 3.12 and later on Amazon Linux 2023 (glibc 2.34).
# pip takes each --platform literally, so every manylinux tag the system can run is listed.
NEWEST_GLIBC = {"python3.11": "manylinux2014", "python3.12": "manylinux_2_28", "python3.13": "manylinux_2_28"}
MACHINE = {"x86_64": "x86_64", "arm64": "aarch64"}
COMPLETE = ".complete"


class WheelInstallFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Target:
    runtime: Runtime
    architecture: Architecture

    @property
    def platforms(self) -> list[str]:
        machine = MACHINE[self.architecture]
        tags = ["manylinux_2_28"] if NEWEST_GLIBC[self.runtime] == "manylinux_2_28" else []
        tags += ["manylinux2014", "manylinux_2_17"]
        if machine == "x86_64":  # older manylinux generations exist for x86_64 only
            tags += ["manylinux2010", "manylinux1"]
        return [f"{tag}_{machine}" for tag in tags]

    @property
    def python_version(self) -> str:
        return self.runtime.removeprefix("python")

    @property
    def label(self) -> str:
        return f"{self.runtime}-{self.architecture}"

    @property
    def compiles_here(self) -> bool:
        """.pyc files are only valid for the interpreter version that wrote them."""
        return self.python_version == f"{sys.version_info.major}.{sys.version_info.minor}"

    def pip_flags(self) -> list[str]:
        platforms = [flag for platform in self.platforms for flag in ("--platform", platform)]
        return [
            *platforms,
            "--python-version",
            self.python_version,
            "--implementation",
            "cp",
            "--only-binary=:all:",
        ]


def _pip(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _install(requirements: Sequence[str], target: Target, folder: Path, wheels: Path) -> str | None:
    """Install from the wheel cache only; pip's error text when something is missing from it."""
    offline = ["--no-index", "--find-links", str(wheels)]
    flags = ["--quiet", "--no-compile", "--target", str(folder), *offline, *target.pip_flags()]
    done = _pip("install", *flags, *requirements)
    return None if done.returncode == 0 else done.stderr


def _download(requirements: Sequence[str], target: Target, wheels: Path) -> None:
    done = _pip("download", "--quiet", "--dest", str(wheels), *target.pip_flags(), *requirements)
    if done.returncode != 0:
        raise WheelInstallFailed(f"pip could not download wheels for {target.label}:\n{done.stderr.strip()}")


def compile_tree(root: Path) -> None:
    """Unchecked-hash .pyc files: Lambda's /var/task is read-only, so whatever is not compiled here
    is compiled again on every cold start; unchecked, because unzipping does not keep source mtimes."""
    compileall.compile_dir(
        str(root), quiet=2, workers=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
    )


def site_for(requirements: Sequence[str], target: Target, build_dir: Path) -> Path:
    """A folder holding `requirements` installed for `target` (built once, then reused)."""
    digest = hashlib.sha256("\n".join([*target.pip_flags(), *sorted(requirements)]).encode()).hexdigest()[:16]
    folder = build_dir / "site" / target.label / digest
    if (folder / COMPLETE).exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    wheels = build_dir / "wheels" / target.label
    wheels.mkdir(parents=True, exist_ok=True)
    if _install(requirements, target, folder, wheels) is not None:
        shutil.rmtree(folder, ignore_errors=True)
        _download(requirements, target, wheels)
        error = _install(requirements, target, folder, wheels)
        if error is not None:
            raise WheelInstallFailed(f"pip could not install for {target.label}:\n{error.strip()}")
    if target.compiles_here:
        compile_tree(folder)
    (folder / COMPLETE).write_text("\n".join(requirements) + "\n", encoding="utf-8")
    return folder
