from __future__ import annotations

from pathlib import Path

import polars as pl

from spendsense.pipeline.parquet import BUCKETS, bucket, part_path, write_dataset


def frame(*rows: tuple[str, str, int]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"user_id": pl.String, "window": pl.String, "value": pl.Int64}, orient="row")


class TestBucket:
    def test_the_same_id_always_lands_in_the_same_part(self) -> None:
        ids = pl.DataFrame({"user_id": ["vHHV2nT2Y85R1n5K", "u1", "user-09", "___"]})
        # "n5K" in base 36 is 23 * 1296 + 5 * 36 + 20 = 30008, and 30008 % 16 = 8; "u1" is 30 * 36 + 1 = 1081 -> 9;
        # "user-09" keeps "r09" = 27 * 1296 + 9 = 35001 -> 9; no letters or digits at all -> 0.
        assert ids.select(bucket())["user_id"].to_list() == [8, 9, 9, 0]

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
        # "u1" and "user-09" share part 9 (see TestBucket); "u2" = 30 * 36 + 2 = 1082 is in part 10.
        rows = frame(("u1", "30d", 1), ("user-09", "30d", 5), ("u2", "30d", 7))
        write_dataset(tmp_path, "signals", rows, ("30d",), None)
        untouched = part_path(tmp_path, "signals", "30d", 10)
        before = untouched.stat().st_mtime_ns
        written = write_dataset(tmp_path, "signals", frame(("u1", "30d", 3)), ("30d",), ["u1"])
        assert written == [part_path(tmp_path, "signals", "30d", 9)]
        after = pl.read_parquet(tmp_path / "signals" / "window=30d").sort("user_id").rows()
        assert after == [("u1", 3), ("u2", 7), ("user-09", 5)]
        assert untouched.stat().st_mtime_ns == before
