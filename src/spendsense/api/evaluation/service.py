"""The latest evaluation: `spendsense eval` computes and writes it; the API only reads it back.

Scoring runs the whole engine over every customer, far too heavy for a GET, and a GET never writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from spendsense.api.evaluation.schemas import EvaluationView
from spendsense.kit.errors import NotFound, SpendSenseError

METRICS_FILE = Path("eval") / "metrics.json"


class EvaluationUnreadable(SpendSenseError):
    status_code = 500
    error = "evaluation_unreadable"


def latest_evaluation(data_dir: Path) -> EvaluationView:
    path = data_dir / METRICS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFound("no evaluation has been run yet: run `spendsense eval`") from None
    try:
        return EvaluationView.model_validate(json.loads(text))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise EvaluationUnreadable(f"{path} is not an evaluation report: {exc}") from exc
