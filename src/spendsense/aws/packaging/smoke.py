"""Answer events with a built zip, unpacked, in a fresh bare interpreter (`runner.py`): what the tests and
the benchmark use to catch a missing dependency and to time cold starts before AWS does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RUNNER = Path(__file__).with_name("runner.py")
# What the Lambda Python runtime itself puts on sys.path: boto3 and what it imports.
RUNTIME_MODULES = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six")


@dataclass(frozen=True)
class RunReport:
    process_start_ms: float  # from spawning the process to its first line of Python
    import_ms: float
    first_ms: float
    warm_ms: list[float]
    answers: list[dict[str, Any]]
    modules: list[str]
    cpu_ms: dict[str, float]  # the same steps in CPU time: start, import, first
    warm_cpu_ms: list[float]

    @property
    def cold_ms(self) -> float:
        """What a cold start costs: interpreter start, import, first event."""
        return self.process_start_ms + self.import_ms + self.first_ms

    @property
    def cold_cpu_ms(self) -> float:
        return sum(self.cpu_ms.values())


def unpack(archive: Path, folder: Path) -> Path:
    """Extract `archive` into `folder` (emptied first), as Lambda unpacks into /var/task or /opt."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    return folder


def runtime_site(folder: Path) -> Path:
    """A folder with only the runtime-provided modules (linked from this interpreter's packages)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"{name} is needed to stand in for the Lambda runtime")
        origin = Path(spec.origin)
        source = origin.parent if origin.name == "__init__.py" else origin
        link = folder / source.name
        if not link.exists():
            link.symlink_to(source)
    return folder


def run_handler(
    paths: Sequence[Path],
    handler: str,
    events: Sequence[Mapping[str, Any]],
    env: Mapping[str, str],
    repeat: int = 0,
    timeout: float = 120,
) -> RunReport:
    """Import `handler` from `paths` only, in a new `python -I -S`; answer `events`, then the last `repeat` times."""
    with tempfile.TemporaryDirectory() as folder:
        events_file = Path(folder) / "events.json"
        events_file.write_text(json.dumps(list(events)), encoding="utf-8")
        command = [sys.executable, "-I", "-S", str(RUNNER), "--handler", handler, "--events", str(events_file)]
        command += ["--repeat", str(repeat)]
        for path in paths:
            command += ["--path", str(path)]
        spawned = time.time()
        done = subprocess.run(command, capture_output=True, text=True, env=dict(env), timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{handler} failed in a bare interpreter:\n{done.stderr[-4000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return RunReport(
        process_start_ms=round((report["started_at"] - spawned) * 1000, 3),
        import_ms=report["import_ms"],
        first_ms=report["first_ms"],
        warm_ms=report["warm_ms"],
        answers=report["answers"],
        modules=report["modules"],
        cpu_ms={step: report[f"{step}_cpu_ms"] for step in ("start", "import", "first")},
        warm_cpu_ms=report["warm_cpu_ms"],
    )


def bare_environment(**values: str) -> dict[str, str]:
    """The variables a function sees: PATH and locale, plus `values` (no PYTHON*, no AWS_* of this shell)."""
    kept = {key: os.environ[key] for key in ("PATH", "LANG", "LC_ALL", "TZ") if key in os.environ}
    return {**kept, **values}
