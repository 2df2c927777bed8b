from __future__ import annotations

from spendsense.ingest.errors import IngestRejected, Problem, json_path, rejected


class TestJsonPath:
    def test_indexes_and_fields(self) -> None:
        assert json_path(("added", 3, "amount")) == "added[3].amount"

    def test_nested(self) -> None:
        assert (
            json_path(("liabilities", "credit", 0, "aprs", 1, "apr_percentage"))
            == "liabilities.credit[0].aprs[1].apr_percentage"
        )

    def test_the_root(self) -> None:
        assert json_path(()) == "$"


class TestIngestRejected:
    def test_detail_names_file_field_and_reason(self) -> None:
        error = rejected("a.json", "added[0].amount", "Input should be a valid number")
        assert "a.json: added[0].amount: Input should be a valid number" in error.detail

    def test_status_is_unprocessable(self) -> None:
        assert IngestRejected([Problem("a.json", None, "not JSON")]).status_code == 422

    def test_context_lists_every_problem(self) -> None:
        error = IngestRejected([Problem("a.json", None, "x"), Problem("b.json", "f", "y")])
        assert [p["file"] for p in error.to_dict()["context"]["problems"]] == ["a.json", "b.json"]
