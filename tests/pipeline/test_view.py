from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from spendsense.kit.db import session_scope
from spendsense.kit.errors import NotFound
from spendsense.pipeline.run import run_pipeline
from spendsense.pipeline.view import user_view
from tests.pipeline.seed import seed


class TestUserView:
    def test_accounts_signals_streams_personas_and_traces_per_window(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as s:
            view = user_view(s, "u1")
        json.dumps(view, default=str)  # the --json output is this dict
        assert view["consent"] is True
        assert [account["mask"] for account in view["accounts"]] == ["4523"]
        thirty = view["windows"]["30d"]
        assert thirty["signals"]["max_utilization"] == 0.6
        assert thirty["cards"][0]["utilization"] == 0.6
        assert [stream["merchant_name"] for stream in thirty["recurring_streams"]] == ["Netflix"]
        assert thirty["primary_persona"] == "high_utilization"
        assert thirty["trace"][0]["persona_id"] == "high_utilization"

    def test_one_window_only(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as s:
            assert list(user_view(s, "u1", ("180d",))["windows"]) == ["180d"]

    def test_a_user_without_consent_shows_no_signals(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as s:
            view = user_view(s, "u2")
        assert view["consent"] is False
        assert view["windows"]["30d"]["signals"] == {}
        assert view["windows"]["30d"]["primary_persona"] is None

    def test_an_unknown_user_is_not_found(self, engine: Engine) -> None:
        with session_scope(engine) as s, pytest.raises(NotFound):
            user_view(s, "nobody")
