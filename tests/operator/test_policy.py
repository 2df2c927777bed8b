from pathlib import Path

import pytest

from spendsense.operator.policy import PolicyInvalid, ReviewPolicy, default_policy, load_policy


class TestDefaultPolicy:
    def test_education_goes_straight_out_and_offers_wait(self) -> None:
        policy = default_policy()
        assert policy.status_for("education") == "approved"
        assert policy.status_for("offer") == "pending"


class TestLoadPolicy:
    def test_file_overrides_the_default(self, tmp_path: Path) -> None:
        path = tmp_path / "policy.json"
        path.write_text('{"initial_status": {"education": "pending", "offer": "pending"}}')
        assert load_policy(path).status_for("education") == "pending"

    def test_kind_left_out_waits_for_a_person(self) -> None:
        assert ReviewPolicy(initial_status={"education": "approved"}).status_for("offer") == "pending"

    @pytest.mark.parametrize(
        "body", ['{"initial_status": {"offer": "blocked"}}', '{"initial_status": {"loan": "approved"}}', "{oops"]
    )
    def test_invalid_file_is_rejected(self, tmp_path: Path, body: str) -> None:
        path = tmp_path / "policy.json"
        path.write_text(body)
        with pytest.raises(PolicyInvalid):
            load_policy(path)

    def test_missing_file_is_rejected(self, tmp_path: Path) -> None:
        with pytest.raises(PolicyInvalid):
            load_policy(tmp_path / "absent.json")
