"""Ingest errors: a rejected input names the file, the JSON path of the bad field and the reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spendsense.kit.errors import InvalidInput


@dataclass(frozen=True)
class Problem:
    """One reason to reject a file: `field` is a JSON path such as `added[3].amount` (None: the whole file)."""

    file: str
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.reason}"


class IngestRejected(InvalidInput):
    """Nothing was written: every problem found while validating (or while writing, before the rollback)."""

    error = "ingest_rejected"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(
            f"{len(self.problems)} problem(s); nothing was stored:\n{lines}",
            problems=[{"file": p.file, "field": p.field, "reason": p.reason} for p in self.problems],
        )


def rejected(file: str, field: str | None, reason: str) -> IngestRejected:
    return IngestRejected([Problem(file, field, reason)])


def json_path(loc: Sequence[int | str]) -> str:
    """Pydantic's error location as a JSON path: ('added', 3, 'amount') -> 'added[3].amount'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"
