"""Which pinned distributions a package carries: names from config.yaml, versions from pyproject.toml.

pyproject.toml stays the one place versions are pinned; config.yaml only says which of them
each function needs, so a Lambda zip never drifts from what the tests ran against.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from spendsense.aws.stack_config import REPO_ROOT

PYPROJECT = REPO_ROOT / "pyproject.toml"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


class UnknownRequirement(LookupError):
    pass


def normalize(name: str) -> str:
    """PEP 503: `Pydantic_Settings` and `pydantic-settings` are one distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Normalized name -> requirement (`psycopg[binary]==3.3.9`) of every dependency and optional dependency."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    found: dict[str, str] = {}
    for spec in specs:
        requirement = spec.split(";", 1)[0].strip()
        match = _NAME.match(requirement)
        if match and "==" in requirement:
            found.setdefault(normalize(match.group(1)), requirement)
    return found


def pinned(names: Iterable[str], pyproject: Path = PYPROJECT) -> list[str]:
    """The pinned requirements for `names`, sorted; every name must be pinned in pyproject.toml."""
    known = pins(pyproject)
    missing = sorted({normalize(name) for name in names} - set(known))
    if missing:
        raise UnknownRequirement(f"not pinned in {pyproject.name}: {', '.join(missing)}")
    return sorted({known[normalize(name)] for name in names})
