from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from spendsense.kit.errors import InvalidInput
from spendsense.synthetic.output import OutputDirNotEmpty
from spendsense.synthetic.run import Request, generate
from tests.synthetic.conftest import AS_OF, SEED, make


def digests(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


class TestDeterminism:
    def test_plaid_twice_gives_identical_bytes(self, plaid_dir: Path, tmp_path: Path) -> None:
        assert digests(make(tmp_path / "again", "plaid")) == digests(plaid_dir)

    def test_parquet_twice_gives_identical_bytes(self, parquet_dir: Path, tmp_path: Path) -> None:
        assert digests(make(tmp_path / "again", "parquet")) == digests(parquet_dir)

    def test_another_seed_gives_other_data(self, parquet_dir: Path, tmp_path: Path) -> None:
        other = digests(make(tmp_path / "other", "parquet", seed=SEED + 1))
        mine = digests(parquet_dir)
        assert other.keys() == mine.keys()
        assert all(other[name] != mine[name] for name in mine if name != "manifest.json")


class TestWorkers:
    def test_the_bytes_do_not_depend_on_the_number_of_processes(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("spendsense.synthetic.run.chunk_users", lambda months: 30)  # 70 users: three chunks
        request = {"users": 70, "seed": 3, "as_of": AS_OF, "months": 6, "format": "parquet"}
        one = generate(Request(out=tmp_path / "one", **request), workers=1)  # type: ignore[arg-type]
        two = generate(Request(out=tmp_path / "two", **request), workers=2)  # type: ignore[arg-type]
        assert one.chunks == two.chunks == 3
        assert digests(tmp_path / "one") == digests(tmp_path / "two")
        assert len(json.loads((tmp_path / "two" / "manifest.json").read_text())["files"]["transactions"]) == 3


class TestLayout:
    def test_plaid_layout_is_listed_in_the_manifest(self, plaid_dir: Path) -> None:
        manifest = json.loads((plaid_dir / "manifest.json").read_text())
        assert (manifest["format"], manifest["users"], manifest["seed"], manifest["as_of"]) == (
            "plaid",
            100,
            SEED,
            "2025-06-30",
        )
        assert len(manifest["files"]["accounts_get"]) == 100
        assert len(manifest["files"]["transactions_sync"]) == 100
        listed = {path for paths in manifest["files"].values() for path in paths}
        on_disk = {name for name in digests(plaid_dir) if name != "manifest.json"}
        assert listed == on_disk

    def test_parquet_layout_is_one_part_per_table(self, parquet_dir: Path) -> None:
        files = json.loads((parquet_dir / "manifest.json").read_text())["files"]
        assert files["transactions"] == ["tables/transactions/part-00000.parquet"]
        assert set(files) == {"users_csv", "labels", "users", "consent", "accounts", "transactions", "liabilities"}


class TestValidation:
    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [("users", 0, "--users"), ("months", 0, "--months"), ("seed", -1, "--seed"), ("format", "csv", "--format")],
    )
    def test_bad_arguments_write_nothing(self, tmp_path: Path, field: str, value: object, message: str) -> None:
        arguments = {"users": 3, "seed": 1, "as_of": AS_OF, "months": 6, "out": tmp_path / "out", "format": "plaid"}
        with pytest.raises(InvalidInput, match=message):
            generate(Request(**{**arguments, field: value}))  # type: ignore[arg-type]
        assert list(tmp_path.iterdir()) == []

    def test_a_foreign_non_empty_directory_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "notes.txt").write_text("mine")
        with pytest.raises(OutputDirNotEmpty, match="not a previous generator output"):
            generate(Request(users=3, seed=1, as_of=AS_OF, months=6, out=tmp_path))
        assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]

    def test_a_previous_output_is_replaced(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        generate(Request(users=3, seed=1, as_of=AS_OF, months=6, out=out, format="plaid"))
        generate(Request(users=2, seed=1, as_of=AS_OF, months=6, out=out, format="parquet"))
        assert json.loads((out / "manifest.json").read_text())["format"] == "parquet"
        assert not (out / "users").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


class TestFailure:
    def test_a_failed_run_leaves_the_previous_output_untouched(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = tmp_path / "out"
        generate(Request(users=2, seed=1, as_of=AS_OF, months=6, out=out))
        before = digests(out)

        def broken(*_: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr("spendsense.synthetic.workers.build_chunk", broken)
        with pytest.raises(RuntimeError, match="disk full"):
            generate(Request(users=2, seed=2, as_of=AS_OF, months=6, out=out))
        assert digests(out) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
