from pathlib import Path

from sqlalchemy import Engine

from spendsense.guardrails.disclosure import DISCLOSURE
from spendsense.kit.db import session_scope
from spendsense.operator.views import add_recommendations
from spendsense.pipeline.run import run_pipeline
from spendsense.pipeline.view import user_view
from tests.pipeline.seed import seed


class TestAddRecommendations:
    def test_each_window_lists_status_rationale_disclosure_and_cited_signals(
        self, engine: Engine, tmp_path: Path
    ) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as session:
            view = add_recommendations(session, user_view(session, "u1"))
        for window in ("30d", "180d"):
            items = view["windows"][window]["recommendations"]
            assert items
            assert all(item["window"] == window for item in items)
            assert all(item["disclosure"] == DISCLOSURE and item["cited_signals"] for item in items)
            assert {"status", "rationale", "trace"} <= set(items[0])

    def test_user_without_consent_has_none(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as session:
            view = add_recommendations(session, user_view(session, "u2"))
        assert all(window["recommendations"] == [] for window in view["windows"].values())
