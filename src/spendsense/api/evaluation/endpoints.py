"""GET /api/evaluation/metrics (operator): coverage, explainability, relevance, fairness..."""

from __future__ import annotations

from fastapi import APIRouter

from spendsense.api.deps import OperatorUser, StateDep
from spendsense.api.errors import error_responses
from spendsense.api.evaluation.schemas import EvaluationView
from spendsense.api.evaluation.service import latest_evaluation

router = APIRouter(tags=["operator"])


@router.get(
    "/evaluation/metrics",
    response_model=EvaluationView,
    responses=error_responses(401, 403, 404),
    summary="The latest evaluation (operator)",
)
def evaluation_metrics(state: StateDep, _operator: OperatorUser) -> EvaluationView:
    """What the last `spendsense eval` found (404 until one has run)."""
    return latest_evaluation(state.settings.data_dir)
