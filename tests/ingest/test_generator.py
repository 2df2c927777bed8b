from __future__ import annotations

from pathlib import Path

import pytest

from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.generator import is_generator_dir, read_manifest, read_users_csv, user_files
from tests.ingest.builders import write_json, write_plaid_dir


class TestReadManifest:
    def test_reads_the_format(self, tmp_path: Path) -> None:
        write_json(tmp_path / "manifest.json", {"format": "parquet", "users": 2, "files": {"users": ["u.parquet"]}})
        manifest = read_manifest(tmp_path)
        assert (manifest.format, manifest.files) == ("parquet", {"users": ["u.parquet"]})

    def test_without_a_manifest_the_format_is_plaid(self, tmp_path: Path) -> None:
        assert read_manifest(tmp_path).format == "plaid"

    def test_an_unknown_format_is_rejected(self, tmp_path: Path) -> None:
        write_json(tmp_path / "manifest.json", {"format": "csv"})
        with pytest.raises(IngestRejected) as caught:
            read_manifest(tmp_path)
        assert caught.value.problems[0].field == "format"


class TestReadUsersCsv:
    def test_profiles_and_consent(self, tmp_path: Path) -> None:
        write_plaid_dir(tmp_path, {"u1": True, "u2": False})
        profiles = read_users_csv(tmp_path)
        assert [(p.user_id, p.consent, p.fields["region"]) for p in profiles] == [
            ("u1", True, "west"),
            ("u2", False, "west"),
        ]

    def test_a_bad_consent_value_names_the_line(self, tmp_path: Path) -> None:
        write_plaid_dir(tmp_path, {"u1": True})
        path = tmp_path / "users.csv"
        path.write_text(path.read_text().replace(",true", ",maybe"))
        with pytest.raises(IngestRejected) as caught:
            read_users_csv(tmp_path)
        assert caught.value.problems[0].field == "line 2.consent"

    def test_a_missing_column_is_rejected(self, tmp_path: Path) -> None:
        (tmp_path / "users.csv").write_text("user_id,name\nu1,Ann\n")
        with pytest.raises(IngestRejected, match="missing column"):
            read_users_csv(tmp_path)


class TestUserFiles:
    def test_the_folder_names_the_user(self, tmp_path: Path) -> None:
        write_plaid_dir(tmp_path, {"u1": True})
        assert [(user, path.name) for user, path in user_files(tmp_path)] == [
            ("u1", "accounts_get.json"),
            ("u1", "transactions_sync.json"),
        ]

    def test_is_generator_dir(self, tmp_path: Path) -> None:
        assert not is_generator_dir(tmp_path)
        write_plaid_dir(tmp_path, {"u1": True})
        assert is_generator_dir(tmp_path)
