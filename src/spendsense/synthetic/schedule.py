"""Regular series (fixed cadence) as specs, expanded into events for all users at once.

A spec row is one series: who, which account and merchant, cadence and anchor, amount. Amounts
either stay within ±10% of the base (a stable stream; a one-off price rise allowed) or, for
`swing` rows such as electricity, cycle through `events.UNSTABLE` (a seasonal low / mid / high)
so that they never pass the recurring rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import calendar as cal
from spendsense.synthetic.catalog import BIWEEKLY, MONTHLY, SEMI_MONTHLY, WEEKLY
from spendsense.synthetic.events import UNSTABLE, Events

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
PER_MONTH = {WEEKLY: 52 / 12, BIWEEKLY: 26 / 12, SEMI_MONTHLY: 2.0, MONTHLY: 1.0}


@dataclass(frozen=True)
class Spec:
    user: IntArray
    series: IntArray  # series id, or -1 for a schedule nobody should detect (swing)
    account: IntArray
    merchant: IntArray
    cadence: IntArray
    anchor: IntArray  # phase in days (weekly, biweekly) or day of month (monthly)
    lo: IntArray  # first day the series may occur
    amount: IntArray  # cents per occurrence, positive
    sign: IntArray  # +1 money out of `account`, -1 money in
    jitter: FloatArray  # relative spread, at most 0.1
    swing: npt.NDArray[np.bool_]
    rise_day: IntArray  # from this day on the amount is `rise_amount` (-1: never)
    rise_amount: IntArray
    mirror_series: IntArray  # the other leg of an own-account move (-1: none)
    mirror_account: IntArray
    mirror_merchant: IntArray

    def __len__(self) -> int:
        return int(self.user.shape[0])


def spec(user: IntArray, **columns: object) -> Spec:
    """A spec with defaults for every column not given (scalars broadcast)."""
    n = user.shape[0]
    defaults: dict[str, object] = {
        "series": -1, "lo": 0, "sign": 1, "jitter": 0.0, "swing": False, "rise_day": -1, "rise_amount": 0,
        "mirror_series": -1, "mirror_account": -1, "mirror_merchant": -1, "anchor": 1,
    }  # fmt: skip
    values = defaults | columns | {"user": user}
    out: dict[str, npt.NDArray[np.generic]] = {}
    for f in fields(Spec):
        dtype = np.float64 if f.name == "jitter" else bool if f.name == "swing" else np.int64
        out[f.name] = np.broadcast_to(np.asarray(values[f.name], dtype=dtype), (n,)).copy()
    return Spec(**out)  # type: ignore[arg-type]


def concat(parts: Sequence[Spec]) -> Spec:
    return Spec(*(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Spec)))


def _days(specs: Spec, history: cal.History) -> tuple[IntArray, IntArray]:
    rows, days = [], []
    for cadence in (WEEKLY, BIWEEKLY, SEMI_MONTHLY, MONTHLY):
        sel = np.flatnonzero(specs.cadence == cadence)
        lo, anchor = specs.lo[sel], specs.anchor[sel]
        if cadence == WEEKLY:
            r, d = cal.every(history, 7, anchor, lo)
        elif cadence == BIWEEKLY:
            r, d = cal.every(history, 14, anchor, lo)
        elif cadence == SEMI_MONTHLY:
            r, d = cal.semi_monthly(history, lo)
        else:
            r, d = cal.monthly(history, anchor, lo)
        rows.append(sel[r])
        days.append(d)
    row, day = np.concatenate(rows), np.concatenate(days)
    order = np.lexsort((day, row))
    return row[order], day[order]


def occurrence_rank(group: IntArray) -> IntArray:
    """0, 1, 2... within each run of equal values of an already sorted `group`."""
    n = group.shape[0]
    starts = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]])) if n else np.zeros(0, np.int64)
    run_start = np.repeat(starts, np.diff(np.concatenate([starts, [n]])))
    return np.arange(n, dtype=np.int64) - run_start


def expand(specs: Spec, history: cal.History, rng: np.random.Generator) -> Events:
    row, day = _days(specs, history)
    noise = np.clip(rng.standard_normal(row.shape[0]), -1.0, 1.0) * specs.jitter[row]
    amount = specs.amount[row] * (1.0 + noise)
    swing = specs.swing[row]
    amount = np.where(swing, amount * UNSTABLE[(occurrence_rank(row) + row) % 3], amount)
    rise = (specs.rise_day[row] >= 0) & (day >= specs.rise_day[row])
    cents = np.where(rise, specs.rise_amount[row], np.rint(amount).astype(np.int64))
    events = Events.make(specs.account[row], day, specs.sign[row] * cents, specs.merchant[row], specs.series[row])
    mirrored = np.flatnonzero(specs.mirror_series[row] >= 0)
    other = events.take(mirrored).mirrored(
        specs.mirror_account[row[mirrored]], specs.mirror_merchant[row[mirrored]], specs.mirror_series[row[mirrored]]
    )
    return Events.concat([events, other])


def monthly_outflow(specs: Spec, n_users: int) -> FloatArray:
    """Expected cents per month each user pays out through these series (mirror legs aside)."""
    factor = np.array([PER_MONTH[int(c)] for c in range(4)])[specs.cadence]
    out = (specs.sign > 0) * specs.amount * factor
    return np.bincount(specs.user, weights=out, minlength=n_users).astype(np.float64)
