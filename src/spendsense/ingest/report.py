"""What one ingest call did, for the CLI's summary, the API's answer and the benchmarks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class IngestReport:
    """What one ingest call did. `rows` counts rows written (upserted) or deleted, per table or action."""

    files: int = 0
    payloads_stored: int = 0
    payloads_skipped: int = 0
    users_created: int = 0
    consent_recorded: int = 0
    rows: Counter[str] = field(default_factory=Counter)

    @property
    def rows_written(self) -> int:
        return sum(count for name, count in self.rows.items() if name not in {"removed", "pending_replaced"})
