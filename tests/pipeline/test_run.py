from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Engine, func, select

from spendsense.consent import service as consent
from spendsense.kit.db import session_scope
from spendsense.models import PersonaAssignment, RecurringStream, UserSignals
from spendsense.pipeline import run
from spendsense.pipeline.parquet import BUCKETS
from spendsense.pipeline.run import run_pipeline
from tests.pipeline.seed import NEWEST, add_fees, seed


def stored(engine: Engine) -> dict[tuple[str, str], PersonaAssignment]:
    with session_scope(engine) as s:
        return {(row.user_id, row.window): row for row in s.scalars(select(PersonaAssignment))}


def decisions(engine: Engine) -> dict[tuple[str, str], tuple[object, ...]]:
    """Per (user, window): the primary persona, every persona matched and the decision trace."""
    return {key: (row.primary_persona, row.personas, row.trace) for key, row in stored(engine).items()}


class TestRunPipeline:
    def test_only_consenting_users_are_processed(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        summary = run_pipeline(engine, tmp_path)
        assert summary.users == 2
        assert sorted({user for user, _ in stored(engine)}) == ["u1", "u3"]

    def test_as_of_defaults_to_the_newest_transaction_and_both_windows_are_stored(
        self, engine: Engine, tmp_path: Path
    ) -> None:
        seed(engine)
        summary = run_pipeline(engine, tmp_path)
        assert summary.as_of == NEWEST  # u2's fee is the newest row in the store, consent or not
        assert summary.windows == ("30d", "180d")
        assert summary.rows["signals"] == 4

    def test_personas_and_traces_are_stored(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        rows = stored(engine)
        assert rows["u1", "30d"].primary_persona == "high_utilization"  # 3,000 of 5,000 = 60%
        assert (rows["u3", "180d"].primary_persona, rows["u3", "180d"].personas) == (None, [])
        criterion = rows["u1", "30d"].trace[0]["criteria"][0]
        assert (criterion["signal"], criterion["value"], criterion["account_ids"]) == (
            "max_utilization",
            0.6,
            ["u1-card"],
        )

    def test_rows_made_one_user_at_a_time_are_the_same_rows(
        self, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seed(engine)
        whole = run_pipeline(engine, tmp_path / "whole", as_of=NEWEST)
        before = decisions(engine)
        monkeypatch.setattr(run, "STORE_SLICE", 1)  # u1 and u3 become two slices
        sliced = run_pipeline(engine, tmp_path / "sliced", as_of=NEWEST)
        after = decisions(engine)
        tables = ("signals", "recurring_streams", "income_streams", "persona_assignments")
        assert [sliced.rows[t] for t in tables] == [whole.rows[t] for t in tables]
        assert after == before
        with session_scope(engine) as s:
            assert s.scalar(select(func.count()).select_from(RecurringStream)) == 2

    def test_a_full_run_a_user_at_a_time_stores_and_exports_what_a_whole_run_does(
        self, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seed(engine)
        whole = run_pipeline(engine, tmp_path / "whole", as_of=NEWEST)
        before = decisions(engine)
        monkeypatch.setattr(run, "RUN_SLICE", 1)  # u1, then u3: load, compute, store, recommend each
        progress: list[tuple[int, int]] = []
        sliced = run_pipeline(engine, tmp_path / "sliced", as_of=NEWEST, on_users=lambda *done: progress.append(done))
        after = decisions(engine)
        assert progress == [(1, 2), (2, 2)]
        assert after == before
        assert {k: v for k, v in sliced.rows.items() if k != "recommendations"} == {
            k: v for k, v in whole.rows.items() if k != "recommendations"
        }
        assert sliced.rows["recommendations"] == 0  # the same selections as the whole run: nothing new
        assert sliced.personas == whole.personas
        for dataset in ("signals", "recurring_streams", "persona_assignments"):
            read = [
                pl.read_parquet(root / dataset).sort("user_id", "window")
                for root in (tmp_path / "whole", tmp_path / "sliced")
            ]
            assert read[0].drop("computed_at", strict=False).equals(read[1].drop("computed_at", strict=False))

    def test_a_full_run_forgets_a_user_who_withdrew_consent(
        self, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as s:
            consent.record(s, "u1", False, source="test")
        monkeypatch.setattr(run, "RUN_SLICE", 1)
        summary = run_pipeline(engine, tmp_path)
        assert summary.users == 1
        assert sorted(stored(engine)) == [("u3", "180d"), ("u3", "30d")]
        signals = pl.read_parquet(tmp_path / "signals")
        assert signals["user_id"].unique().to_list() == ["u3"]

    def test_recommendations_made_a_user_at_a_time_are_the_ones_a_whole_run_makes(
        self, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seed(engine)
        monkeypatch.setattr(run, "RECOMMEND_SLICE", 1)
        sliced = run_pipeline(engine, tmp_path / "sliced", as_of=NEWEST)
        assert sliced.rows["recommendations"] > 0
        monkeypatch.setattr(run, "RECOMMEND_SLICE", 5_000)
        whole = run_pipeline(engine, tmp_path / "whole", as_of=NEWEST)
        assert whole.rows["recommendations"] == 0  # the same selections: nothing to create or update

    def test_a_rerun_replaces_rows_and_never_duplicates(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as s:
            assert s.scalar(select(func.count()).select_from(UserSignals)) == 4
            assert s.scalar(select(func.count()).select_from(RecurringStream)) == 2  # Netflix, in each window

    def test_one_users_recompute_leaves_the_others_alone(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        before = stored(engine)
        add_fees(engine, "u3", "u3-chk", 2)
        summary = run_pipeline(engine, tmp_path, user_ids=["u3"])
        after = stored(engine)
        assert summary.users == 1
        assert after["u3", "30d"].primary_persona == "fee_saver"
        assert after["u1", "30d"].computed_at == before["u1", "30d"].computed_at
        assert len(after) == 4

    def test_a_user_without_consent_is_skipped_even_when_asked_for(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        summary = run_pipeline(engine, tmp_path, user_ids=["u2", "nobody"])
        assert (summary.users, summary.skipped_without_consent) == (0, ("u2", "nobody"))
        assert stored(engine) == {}

    def test_a_recompute_keeps_the_last_runs_as_of_unless_the_user_has_newer_data(
        self, engine: Engine, tmp_path: Path
    ) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path, as_of=date(2026, 5, 31))
        run_pipeline(engine, tmp_path, user_ids=["u3"])  # u3 has no transactions at all
        assert stored(engine)["u3", "30d"].as_of == date(2026, 5, 31)
        add_fees(engine, "u3", "u3-chk", 1)  # dated 2026-06-30
        run_pipeline(engine, tmp_path, user_ids=["u3"])
        assert stored(engine)["u3", "30d"].as_of == NEWEST

    def test_an_explicit_as_of_date(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path, as_of=date(2026, 3, 31))
        assert stored(engine)["u1", "30d"].as_of == date(2026, 3, 31)


class TestParquet:
    def test_every_part_holds_both_windows(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        seed(sqlite_engine)
        run_pipeline(sqlite_engine, tmp_path)
        parts = sorted(path.name for path in (tmp_path / "signals").iterdir())
        assert parts == [f"part-{number:05d}.parquet" for number in range(BUCKETS)]
        frame = pl.read_parquet(tmp_path / "signals")
        assert frame.select("user_id", "window").rows() == [
            ("u1", "180d"),
            ("u1", "30d"),
            ("u3", "180d"),
            ("u3", "30d"),
        ]

    def test_a_recompute_replaces_that_users_rows_only(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        seed(sqlite_engine)
        run_pipeline(sqlite_engine, tmp_path)
        add_fees(sqlite_engine, "u3", "u3-chk", 2)
        run_pipeline(sqlite_engine, tmp_path, user_ids=["u3"])
        frame = pl.read_parquet(tmp_path / "persona_assignments").filter(pl.col("window") == "30d")
        assert frame.select("user_id", "primary_persona").rows() == [
            ("u1", "high_utilization"),
            ("u3", "fee_saver"),
        ]
