import json
from pathlib import Path

import pytest

from spendsense.eval.labels import LabelsInvalid, load_labels, parse_labels

BODY = {
    "primary_persona": "fee_saver",
    "personas": ["fee_saver"],
    "recurring_streams": [{"transaction_ids": ["a", "b"]}],
}


class TestParseLabels:
    def test_users_object(self) -> None:
        labels = parse_labels({"as_of": "2026-06-30", "users": {"u1": BODY}})
        assert labels["u1"].primary_persona == "fee_saver"
        assert labels["u1"].recurring_streams == (frozenset({"a", "b"}),)

    def test_bare_map_skips_non_user_keys(self) -> None:
        assert set(parse_labels({"u1": BODY, "seed": 42})) == {"u1"}

    def test_list_of_users(self) -> None:
        assert parse_labels([{"user_id": "u1", **BODY}])["u1"].personas == ("fee_saver",)

    def test_no_persona_is_none(self) -> None:
        labels = parse_labels({"u1": {"primary_persona": None, "personas": []}})
        assert (labels["u1"].primary_persona, labels["u1"].personas) == (None, ())

    def test_nothing_usable_is_refused(self) -> None:
        with pytest.raises(LabelsInvalid):
            parse_labels("labels")


class TestLoadLabels:
    def test_reads_a_file(self, tmp_path: Path) -> None:
        path = tmp_path / "labels.json"
        path.write_text(json.dumps({"users": {"u1": BODY}}))
        assert "u1" in load_labels(path)

    def test_broken_file_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "labels.json"
        path.write_text("{")
        with pytest.raises(LabelsInvalid):
            load_labels(path)
