"""The evaluation end to end on a small store: every file is written, and the store is left exactly as it was."""

import json
from pathlib import Path

from sqlalchemy import Engine, select

from spendsense.eval.service import evaluate
from spendsense.models import Base
from spendsense.pipeline.run import run_pipeline
from tests.pipeline.seed import seed


def _snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {
            t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in Base.metadata.sorted_tables
        }


def _labels(tmp_path: Path) -> Path:
    path = tmp_path / "labels.json"
    users = {
        "u1": {"primary_persona": "high_utilization", "personas": ["high_utilization"], "recurring_streams": []},
        "u3": {"primary_persona": None, "personas": [], "recurring_streams": []},
    }
    path.write_text(json.dumps({"users": users}))
    return path


class TestEvaluate:
    def test_writes_metrics_report_charts_and_traces(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        seed(sqlite_engine)
        result = evaluate(sqlite_engine, tmp_path / "out", _labels(tmp_path))
        out = tmp_path / "out"
        for name in (
            "metrics.json",
            "metrics.csv",
            "report.md",
            "persona_distribution.png",
            "fairness.png",
            "latency.png",
        ):
            assert (out / name).is_file(), name
        assert sorted(p.name for p in (out / "traces").iterdir()) == ["u1.json", "u3.json"]
        metrics = json.loads((out / "metrics.json").read_text())["metrics"]
        assert metrics["explainability"]["value"] == 1.0
        assert metrics["persona_accuracy"]["value"] == 1.0
        assert {m.name for m in result.metrics} >= {"coverage_180d", "relevance", "latency_p95_ms", "recurring_recall"}
        report = (out / "report.md").read_text()
        assert "## Fairness (four-fifths rule)" in report
        assert "![latency](latency.png)" in report

    def test_writes_nothing_to_the_store(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path / "data")
        before = _snapshot(engine)
        evaluate(engine, tmp_path / "out", _labels(tmp_path))
        assert _snapshot(engine) == before

    def test_empty_store_gives_an_empty_evaluation(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        result = evaluate(sqlite_engine, tmp_path / "out")
        assert (result.metrics, result.files) == ([], [])
