"""Phase one of ingest: bytes -> a validated, normalized payload, or the reasons it is rejected.

Nothing here writes: every file of an ingest call is parsed first, so one bad file leaves
the store untouched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from spendsense.ingest.detect import Kind, detect_kind
from spendsense.ingest.errors import IngestRejected, Problem, json_path, rejected
from spendsense.ingest.normalize import Rows, normalize
from spendsense.kit.ids import sha256_hex

MAX_PROBLEMS_PER_FILE = 20


@dataclass(frozen=True)
class Payload:
    """One validated body for one user, with its raw text kept exactly as received."""

    user_id: str
    kind: Kind
    origin: str
    sha256: str
    text: str
    rows: Rows


def _problems(origin: str, error: ValidationError) -> list[Problem]:
    errors = error.errors(include_url=False)
    problems = [Problem(origin, json_path(e["loc"]), e["msg"]) for e in errors[:MAX_PROBLEMS_PER_FILE]]
    if len(errors) > MAX_PROBLEMS_PER_FILE:
        problems.append(Problem(origin, None, f"{len(errors) - MAX_PROBLEMS_PER_FILE} more problems not shown"))
    return problems


def _decode(raw: bytes, origin: str) -> tuple[str, dict[str, object]]:
    try:
        text = raw.decode("utf-8")
        body = json.loads(text)
    except UnicodeDecodeError as exc:
        raise rejected(origin, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise rejected(origin, None, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(body, dict):
        raise rejected(origin, None, f"expected a JSON object, found a {type(body).__name__}")
    return text, body


def _validate(kind: Kind, body: dict[str, object], origin: str) -> BaseModel:
    try:
        return kind.model.model_validate(body)
    except ValidationError as exc:
        raise IngestRejected(_problems(origin, exc)) from exc


def parse_payload(raw: bytes, origin: str, user_id: str) -> Payload:
    """Decode, detect, validate and normalize one body; raises IngestRejected naming the field and the reason."""
    text, body = _decode(raw, origin)
    kind = detect_kind(body)
    if kind is None:
        keys = ", ".join(sorted(body)[:8]) or "none"
        raise rejected(origin, None, f"not a Plaid response or sandbox configuration (top-level keys: {keys})")
    model = _validate(kind, body, origin)
    sha256 = sha256_hex(raw)
    try:
        rows = normalize(model, user_id, sha256)
    except IngestRejected as exc:  # the sandbox adapter knows paths, not files
        raise IngestRejected([replace(p, file=p.file or origin) for p in exc.problems]) from exc
    return Payload(user_id, kind, origin, sha256, text, rows)


def read_payload(path: Path, user_id: str) -> Payload:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise rejected(str(path), None, f"cannot be read: {exc.strerror}") from exc
    return parse_payload(raw, str(path), user_id)
