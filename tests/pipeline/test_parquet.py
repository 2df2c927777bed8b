from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from spendsense.pipeline.parquet import BUCKETS, bucket, part_path, write_dataset


def frame(*rows: tuple[str, str, int]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"user_id": pl.String, "window": pl.String, "value": pl.Int64}, orient="row")


class TestBucket:
    def test_the_same_id_always_lands_in_the_same_part(self) -> None:
        ids = pl.DataFrame({"user_id": ["vHHV2nT2Y85R1n5K", "u1", "user-09", "___"]})
        # With 256 parts: "n5K" in base 36 is 23 * 1296 + 5 * 36 + 20 = 30008, and 30008 - 117 * 256 = 56;
        # "u1" is 30 * 36 + 1 = 1081 -> 1081 - 4 * 256 = 57; "user-09" keeps "r09" = 27 * 1296 + 9 = 35001
        # -> 35001 - 136 * 256 = 185; no letters or digits at all -> 0.
        assert BUCKETS == 256
        assert ids.select(bucket())["user_id"].to_list() == [56, 57, 185, 0]

    def test_buckets_stay_in_range(self) -> None:
        ids = pl.DataFrame({"user_id": [f"user{i}" for i in range(500)]})
        assert set(ids.select(bucket())["user_id"].to_list()) <= set(range(BUCKETS))


class TestWriteDataset:
    def test_a_full_run_writes_every_part_with_both_windows(self, tmp_path: Path) -> None:
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 1), ("u1", "180d", 2)), None)
        assert len(list((tmp_path / "signals").glob("part-*.parquet"))) == BUCKETS
        both = pl.read_parquet(tmp_path / "signals")
        assert both.columns == ["user_id", "window", "value"]
        assert both.rows() == [("u1", "180d", 2), ("u1", "30d", 1)]  # user, then window

    def test_a_users_rewrite_touches_only_their_part_and_keeps_the_others_in_it(self, tmp_path: Path) -> None:
        # "u1" is in part 57 (see TestBucket) and so is "x0u1": its last three characters "0u1" are
        # 0 * 1296 + 30 * 36 + 1 = 1081, like "u1"; "u2" = 30 * 36 + 2 = 1082 is in part 58.
        rows = frame(("u1", "30d", 1), ("u1", "180d", 9), ("x0u1", "30d", 5), ("u2", "30d", 7))
        write_dataset(tmp_path, "signals", rows, None)
        untouched = part_path(tmp_path, "signals", 58)
        before = untouched.stat().st_mtime_ns
        written = write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ["u1"])
        assert written == [part_path(tmp_path, "signals", 57)]
        after = pl.read_parquet(tmp_path / "signals").rows()
        assert after == [("u1", "30d", 3), ("x0u1", "30d", 5), ("u2", "30d", 7)]  # part 57, then 58
        assert untouched.stat().st_mtime_ns == before

    def test_a_users_rewrite_into_fewer_parts_moves_everyone_to_the_current_layout(self, tmp_path: Path) -> None:
        # A tree written with 16 parts: "u1" (1081 % 16 = 9) and "u2" (1082 % 16 = 10).
        dataset = tmp_path / "signals"
        dataset.mkdir()
        frame(("u1", "30d", 1)).write_parquet(dataset / "part-00009.parquet")
        frame(("u2", "30d", 7)).write_parquet(dataset / "part-00010.parquet")
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ["u1"])
        assert len(list(dataset.glob("part-*.parquet"))) == BUCKETS
        assert pl.read_parquet(part_path(tmp_path, "signals", 57)).rows() == [("u1", "30d", 3)]
        assert pl.read_parquet(part_path(tmp_path, "signals", 58)).rows() == [("u2", "30d", 7)]

    def test_the_layout_with_a_directory_per_window_is_moved_over_and_removed(self, tmp_path: Path) -> None:
        dataset = tmp_path / "signals"
        for window, rows in (("30d", [("u1", "30d", 1), ("u2", "30d", 7)]), ("180d", [("u2", "180d", 8)])):
            (dataset / f"window={window}").mkdir(parents=True)
            frame(*rows).drop("window").write_parquet(dataset / f"window={window}" / "part-00003.parquet")
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 3), ("u1", "180d", 4)), ["u1"])
        assert sorted(path.name for path in dataset.iterdir()) == [f"part-{n:05d}.parquet" for n in range(BUCKETS)]
        assert pl.read_parquet(dataset).rows() == [
            ("u1", "180d", 4),
            ("u1", "30d", 3),
            ("u2", "180d", 8),
            ("u2", "30d", 7),
        ]

    def test_a_first_run_for_one_user_writes_the_whole_layout(self, tmp_path: Path) -> None:
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ["u1"])
        write_dataset(tmp_path, "signals", frame(("u2", "30d", 7)), ["u2"])
        dataset = tmp_path / "signals"
        assert len(list(dataset.glob("part-*.parquet"))) == BUCKETS
        assert pl.read_parquet(dataset).rows() == [("u1", "30d", 3), ("u2", "30d", 7)]

    def test_a_write_that_fails_leaves_every_part_as_it_was_and_nothing_beside_them(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 1), ("u2", "30d", 7)), None)
        before = {path.name: path.read_bytes() for path in (tmp_path / "signals").iterdir()}
        real, calls = pl.DataFrame.write_parquet, []

        def fails_on_the_third(self: pl.DataFrame, file: Path, **options: object) -> None:
            calls.append(file)
            if len(calls) == 3:
                raise OSError("disk full")
            real(self, file, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(pl.DataFrame, "write_parquet", fails_on_the_third)
        with pytest.raises(OSError, match="disk full"):
            write_dataset(tmp_path, "signals", frame(("u1", "30d", 2), ("u2", "30d", 8)), None)
        assert len(calls) == 3
        assert {path.name: path.read_bytes() for path in (tmp_path / "signals").iterdir()} == before
