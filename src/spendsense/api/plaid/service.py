"""Ingest one Plaid body for a customer, then recompute that customer: the API's use case over two domains.

The ingest is one unit of work, all-or-nothing like the CLI's; the recompute reads what it
committed, so it runs after, as the pipeline's own unit of work.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from spendsense.api.plaid.schemas import PlaidIngestResult
from spendsense.kit.db import session_scope
from spendsense.models import PersonaAssignment


def ingest_and_recompute(engine: Engine, data_dir: Path, user_id: str, body: bytes) -> PlaidIngestResult:
    # Imported here: the ingest and the pipeline (Polars, the signal engine) would add ~50 ms to
    # every cold start of the API function, for one route.
    from spendsense.ingest.service import ingest_payload
    from spendsense.pipeline.run import run_pipeline

    with session_scope(engine) as session:
        report = ingest_payload(session, user_id, body, origin="api")
    run_pipeline(engine, data_dir, user_ids=[user_id])
    with session_scope(engine) as session:
        rows = session.execute(
            select(PersonaAssignment.window, PersonaAssignment.primary_persona).where(
                PersonaAssignment.user_id == user_id
            )
        ).all()
    return PlaidIngestResult(
        user_id=user_id,
        payloads_stored=report.payloads_stored,
        payloads_skipped=report.payloads_skipped,
        rows=dict(report.rows),
        personas={window: persona for window, persona in rows},
    )
