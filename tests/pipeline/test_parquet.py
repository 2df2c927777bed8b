from __future__ import annotations

from pathlib import Path

import polars as pl

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
    def test_a_full_run_writes_every_part_of_every_window(self, tmp_path: Path) -> None:
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 1), ("u1", "180d", 2)), ("30d", "180d"), None)
        assert len(list((tmp_path / "signals" / "window=30d").glob("part-*.parquet"))) == BUCKETS
        both = pl.read_parquet(tmp_path / "signals", hive_partitioning=True)
        assert sorted(both.select("window", "value").rows()) == [("180d", 2), ("30d", 1)]

    def test_a_users_rewrite_touches_only_their_part_and_keeps_the_others_in_it(self, tmp_path: Path) -> None:
        # "u1" is in part 57 (see TestBucket) and so is "x0u1": its last three characters "0u1" are
        # 0 * 1296 + 30 * 36 + 1 = 1081, like "u1"; "u2" = 30 * 36 + 2 = 1082 is in part 58.
        rows = frame(("u1", "30d", 1), ("x0u1", "30d", 5), ("u2", "30d", 7))
        write_dataset(tmp_path, "signals", rows, ("30d",), None)
        untouched = part_path(tmp_path, "signals", "30d", 58)
        before = untouched.stat().st_mtime_ns
        written = write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ("30d",), ["u1"])
        assert written == [part_path(tmp_path, "signals", "30d", 57)]
        after = pl.read_parquet(tmp_path / "signals" / "window=30d").sort("user_id").rows()
        assert after == [("u1", 3), ("u2", 7), ("x0u1", 5)]
        assert untouched.stat().st_mtime_ns == before

    def test_a_users_rewrite_into_an_older_layout_moves_everyone_to_the_current_one(self, tmp_path: Path) -> None:
        # A tree written with 16 parts: "u1" (1081 % 16 = 9) and "u2" (1082 % 16 = 10).
        window = tmp_path / "signals" / "window=30d"
        window.mkdir(parents=True)
        frame(("u1", "30d", 1)).drop("window").write_parquet(window / "part-00009.parquet")
        frame(("u2", "30d", 7)).drop("window").write_parquet(window / "part-00010.parquet")
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ("30d",), ["u1"])
        assert len(list(window.glob("part-*.parquet"))) == BUCKETS
        assert pl.read_parquet(part_path(tmp_path, "signals", "30d", 57)).rows() == [("u1", 3)]
        assert pl.read_parquet(part_path(tmp_path, "signals", "30d", 58)).rows() == [("u2", 7)]
        assert pl.read_parquet(window).sort("user_id").rows() == [("u1", 3), ("u2", 7)]

    def test_a_first_run_for_one_user_writes_the_whole_layout(self, tmp_path: Path) -> None:
        write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ("30d",), ["u1"])
        write_dataset(tmp_path, "signals", frame(("u2", "30d", 7)), ("30d",), ["u2"])
        window = tmp_path / "signals" / "window=30d"
        assert len(list(window.glob("part-*.parquet"))) == BUCKETS
        assert pl.read_parquet(window).sort("user_id").rows() == [("u1", 3), ("u2", 7)]
