"""How ingest reports progress without knowing who draws it (the CLI draws Rich bars; tests draw nothing)."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def start(self, task: str, total: int | None) -> None:
        """A new step begins; `total` units (rows, files) when known."""

    def advance(self, task: str, amount: int) -> None:
        """`amount` more units of `task` are done."""


class NoProgress:
    def start(self, task: str, total: int | None) -> None:
        return None

    def advance(self, task: str, amount: int) -> None:
        return None
