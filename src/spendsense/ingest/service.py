"""Ingest use cases: files and directories from the CLI, one body from the API.

Two phases: every input is read, validated and normalized first (phase one writes nothing),
then everything is written in one transaction, raw payload before rows. Any failure rolls
the whole call back, so the store is either fully updated or untouched.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from spendsense.consent import service as consent
from spendsense.ingest import generator
from spendsense.ingest.errors import IngestRejected, Problem
from spendsense.ingest.load import apply_rows, ensure_user, store_raw
from spendsense.ingest.parse import Payload, parse_payload, read_payload
from spendsense.ingest.progress import NoProgress, Progress
from spendsense.ingest.report import IngestReport
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import Consent

CONSENT_SOURCE = "generator"
VALIDATE = "read and validate"


@dataclass
class _Plan:
    profiles: list[generator.Profile] = field(default_factory=list)
    payloads: list[Payload] = field(default_factory=list)
    bulk: list[Path] = field(default_factory=list)
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    progress: Progress = field(default_factory=NoProgress)


def _add_file(plan: _Plan, path: Path, user_id: str | None) -> None:
    plan.files += 1
    plan.progress.advance(VALIDATE, 1)
    if user_id is None:
        plan.problems.append(
            Problem(str(path), None, "a plain Plaid file needs --user USER_ID to say whose data it is")
        )
        return
    try:
        plan.payloads.append(read_payload(path, user_id))
    except IngestRejected as exc:
        plan.problems += exc.problems


def _add_generator_dir(plan: _Plan, directory: Path) -> None:
    try:
        manifest = generator.read_manifest(directory)
        if manifest.format == "parquet":
            plan.bulk.append(directory)
            return
        plan.profiles += generator.read_users_csv(directory)
    except IngestRejected as exc:
        plan.problems += exc.problems
        return
    for user_id, path in generator.user_files(directory):
        _add_file(plan, path, user_id)


def _plan(paths: Sequence[Path], user_id: str | None, progress: Progress) -> _Plan:
    plan = _Plan(progress=progress)
    progress.start(VALIDATE, None)
    for path in paths:
        if generator.is_generator_dir(path):
            _add_generator_dir(plan, path)
        elif path.is_dir():
            for file in sorted(path.rglob("*.json")):
                _add_file(plan, file, user_id)
        elif path.exists():
            _add_file(plan, path, user_id)
        else:
            plan.problems.append(Problem(str(path), None, "no such file or directory"))
    if plan.bulk and (len(plan.bulk) > 1 or plan.payloads or plan.profiles):
        reason = "a parquet generator directory is bulk-loaded in its own transaction: ingest it alone"
        plan.problems.append(Problem(str(plan.bulk[0]), None, reason))
    # Accounts before the transactions and liabilities that name them; sync pages keep their order.
    plan.payloads.sort(key=lambda payload: (payload.user_id, payload.kind.rank))
    return plan


def _write_profiles(
    session: Session, profiles: Sequence[generator.Profile], now: datetime, report: IngestReport
) -> None:
    for profile in profiles:
        report.users_created += ensure_user(session, profile.user_id, now, profile.fields)
        # The generator seeds consent once; later choices (the customer's, the back office's) win.
        if session.get(Consent, profile.user_id) is None:
            consent.record(session, profile.user_id, profile.consent, CONSENT_SOURCE, actor="ingest")
            report.consent_recorded += 1


def _write_payload(session: Session, payload: Payload, now: datetime, report: IngestReport) -> None:
    report.users_created += ensure_user(session, payload.user_id, now)
    if not store_raw(session, payload.user_id, payload.kind.source, payload.origin, payload.sha256, payload.text, now):
        report.payloads_skipped += 1  # these exact bytes were ingested for this user before
        return
    report.payloads_stored += 1
    report.rows += apply_rows(session, payload.user_id, payload.rows, payload.origin, now)


def write_plan(
    session: Session, profiles: Sequence[generator.Profile], payloads: Sequence[Payload], progress: Progress
) -> IngestReport:
    """Phase two, inside the caller's transaction: profiles and consent, then every payload in order."""
    report, now = IngestReport(), utcnow()
    _write_profiles(session, profiles, now, report)
    progress.start("store payloads", len(payloads))
    for payload in payloads:
        _write_payload(session, payload, now, report)
        progress.advance("store payloads", 1)
    return report


def ingest_paths(
    engine: Engine, paths: Sequence[Path], user_id: str | None = None, progress: Progress | None = None
) -> IngestReport:
    """Ingest files and directories all-or-nothing; raises IngestRejected (nothing stored) on any bad input."""
    progress = progress or NoProgress()
    plan = _plan([Path(path) for path in paths], user_id, progress)
    if plan.problems:
        raise IngestRejected(plan.problems)
    if plan.bulk:
        from spendsense.ingest.bulk import bulk_ingest

        return bulk_ingest(engine, plan.bulk[0], progress)
    with session_scope(engine) as session:
        report = write_plan(session, plan.profiles, plan.payloads, progress)
    report.files = plan.files
    return report


def ingest_payload(
    session: Session, user_id: str, body: bytes | str | Mapping[str, Any], origin: str = "api"
) -> IngestReport:
    """Ingest one Plaid body for `user_id` in the caller's transaction (the API's `POST /api/users/{id}/plaid`).

    Pass the request's bytes when you have them: they are kept exactly; a dict is kept as its JSON text.
    """
    raw = body if isinstance(body, bytes) else (body if isinstance(body, str) else json.dumps(body)).encode()
    payload = parse_payload(raw, origin, user_id)
    return write_plan(session, [], [payload], NoProgress())
