"""Reading a generator output directory: `manifest.json`, `users.csv`, and per-user Plaid bodies.

Layout (written by `spendsense generate`): `users.csv` holds profiles and consent,
`labels.json` the ground truth (not ingested), and either `users/<user_id>/*.json` (plaid
format; the folder names the user) or Parquet tables listed in the manifest (parquet format).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from spendsense.ingest.errors import IngestRejected, Problem, json_path, rejected

MANIFEST = "manifest.json"
USERS_CSV = "users.csv"
PROFILE_COLUMNS = ("name", "email", "age_band", "gender", "income_tier", "region")
CONSENT_VALUES = {"true": True, "false": False}


class Manifest(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    format: Literal["plaid", "parquet"]
    users: int | None = None
    seed: int | None = None
    as_of: str | None = None
    months: int | None = None
    files: dict[str, list[str]] = Field(default_factory=dict)


@dataclass(frozen=True)
class Profile:
    user_id: str
    fields: dict[str, Any]
    consent: bool


def is_generator_dir(path: Path) -> bool:
    return path.is_dir() and ((path / MANIFEST).is_file() or (path / USERS_CSV).is_file())


def read_manifest(directory: Path) -> Manifest:
    """The manifest, or a plaid-format one when an older directory has only users.csv."""
    path = directory / MANIFEST
    if not path.is_file():
        return Manifest(format="plaid")
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        problems = [Problem(str(path), json_path(e["loc"]), e["msg"]) for e in exc.errors(include_url=False)]
        raise IngestRejected(problems) from exc


def _profile(row: dict[str, str], line: int, origin: str) -> Profile:
    consent = CONSENT_VALUES.get(row["consent"].strip().lower())
    if consent is None:
        raise rejected(origin, f"line {line}.consent", f"expected true or false, found {row['consent']!r}")
    if not row["user_id"].strip():
        raise rejected(origin, f"line {line}.user_id", "must not be empty")
    fields = {name: (row[name] or None) for name in PROFILE_COLUMNS}
    fields["name"] = fields["name"] or f"Customer {row['user_id']}"
    return Profile(row["user_id"].strip(), fields, consent)


def read_users_csv(directory: Path) -> list[Profile]:
    path = directory / USERS_CSV
    if not path.is_file():
        return []
    origin = str(path)
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    missing = [name for name in ("user_id", *PROFILE_COLUMNS, "consent") if name not in (reader.fieldnames or [])]
    if missing:
        raise rejected(origin, "header", f"missing column(s): {', '.join(missing)}")
    return [_profile(row, line, origin) for line, row in enumerate(reader, start=2)]


def user_files(directory: Path) -> list[tuple[str, Path]]:
    """(user_id, file) for every JSON body under `users/<user_id>/`, in a stable order."""
    root = directory / "users"
    if not root.is_dir():
        return []
    return [
        (folder.name, file)
        for folder in sorted(root.iterdir())
        if folder.is_dir()
        for file in sorted(folder.glob("*.json"))
    ]
