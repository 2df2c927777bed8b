"""Events as columns of numpy arrays, and the book of labelled series they may belong to.

An event is one posted transaction before it has an id or text: account row, posted day,
authorization lag, amount in cents (Plaid sign: positive = money out), merchant index and the
series it belongs to (-1 for one-off spending). Every generator returns `Events`; the chunk
concatenates them once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

# Series kinds (labels.json `kind`) and frequencies (labels.json `frequency`).
KINDS = ("subscription", "bill", "rent", "loan", "card_payment", "transfer", "payroll", "interest", "fee", "income")
FREQUENCIES = ("weekly", "biweekly", "semi_monthly", "monthly", "irregular")
IRREGULAR = 4
# Amount multipliers cycled in date order for series that must never look recurring: in any run
# of three or more, over a quarter of the amounts sit more than 25% away from the run's median.
UNSTABLE = np.array([0.45, 1.0, 2.2])


def _column(value: IntArray | int, size: int) -> IntArray:
    return np.broadcast_to(np.asarray(value, dtype=np.int64), (size,)).copy()


@dataclass(frozen=True)
class Events:
    account: IntArray
    day: IntArray
    lag: IntArray
    amount: IntArray
    merchant: IntArray
    series: IntArray

    @classmethod
    def make(
        cls,
        account: IntArray | int,
        day: IntArray,
        amount: IntArray | int,
        merchant: IntArray | int,
        series: IntArray | int = -1,
        lag: IntArray | int = 0,
    ) -> Events:
        size = day.shape[0]
        return cls(*(_column(v, size) for v in (account, day, lag, amount, merchant, series)))

    @classmethod
    def concat(cls, parts: Sequence[Events]) -> Events:
        return cls(*(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)))

    @classmethod
    def concat_where(cls, parts: Sequence[Events], keep: Callable[[Events], npt.NDArray[np.bool_]]) -> Events:
        """The rows `keep` selects from every part, without concatenating all the parts first."""
        return cls.concat([part.take(keep(part)) for part in parts])

    def take(self, index: IntArray | npt.NDArray[np.bool_]) -> Events:
        return Events(*(getattr(self, f.name)[index] for f in fields(self)))

    def mirrored(self, account: IntArray, merchant: IntArray, series: IntArray | int = -1) -> Events:
        """The other leg of an own-account move: same day and size, opposite sign."""
        return Events.make(account, self.day, -self.amount, merchant, series)

    def __len__(self) -> int:
        return int(self.day.shape[0])


@dataclass(frozen=True)
class SeriesTable:
    user: IntArray
    account: IntArray
    merchant: IntArray
    kind: IntArray
    frequency: IntArray


class SeriesBook:
    """Hands out series ids: every regular stream and every irregular income source gets one."""

    def __init__(self) -> None:
        self._parts: list[tuple[IntArray, ...]] = []
        self._size = 0

    def add(
        self,
        user: IntArray,
        account: IntArray,
        merchant: IntArray | int,
        kind: str | IntArray,
        frequency: IntArray | int,
    ) -> IntArray:
        size = user.shape[0]
        ids = np.arange(self._size, self._size + size, dtype=np.int64)
        columns = (user, account, merchant, KINDS.index(kind) if isinstance(kind, str) else kind, frequency)
        self._parts.append(tuple(_column(v, size) for v in columns))
        self._size += size
        return ids

    def table(self) -> SeriesTable:
        if not self._parts:
            empty = np.zeros(0, dtype=np.int64)
            return SeriesTable(empty, empty, empty, empty, empty)
        return SeriesTable(*(np.concatenate(col) for col in zip(*self._parts, strict=True)))
