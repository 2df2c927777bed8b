"""The history as day indices, and cadences expanded into days for many series at once.

Day 0 is the first day of the history and `days - 1` is the as-of date. Every schedule
function takes one row per series and returns `(series_row, day)` pairs: numpy broadcasting
over (series x periods), never a Python loop per event.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
EPOCH = date(1970, 1, 1)
LOOKBACK_DAYS = 180  # the longest window of docs/signals.md: labels describe what it sees


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class History:
    as_of: date
    months: int
    start: date
    days: int
    month_firsts: IntArray  # day index of the 1st of every month touching the history (may be < 0)
    month_lasts: IntArray

    @classmethod
    def build(cls, as_of: date, months: int) -> History:
        start = add_months(as_of, -months) + timedelta(days=1)
        first = date(start.year, start.month, 1)
        firsts, lasts = [], []
        while first <= as_of:
            last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
            firsts.append((first - start).days)
            lasts.append((last - start).days)
            first = last + timedelta(days=1)
        return cls(
            as_of=as_of,
            months=months,
            start=start,
            days=(as_of - start).days + 1,
            month_firsts=np.array(firsts, dtype=np.int64),
            month_lasts=np.array(lasts, dtype=np.int64),
        )

    @property
    def epoch_offset(self) -> int:
        """Days from 1970-01-01 to day 0: a day index plus this is a Polars Date."""
        return (self.start - EPOCH).days

    @property
    def lookback_start(self) -> int:
        """First day index inside `(as_of - 180 days, as_of]`."""
        return self.days - LOOKBACK_DAYS

    @property
    def friday(self) -> int:
        """First day index that is a Friday (payday for weekly and biweekly payroll)."""
        return (4 - self.start.weekday()) % 7

    def date_of(self, day: int) -> date:
        return self.start + timedelta(days=day)

    def recent_days_of_month(self, rng: np.random.Generator, n: int) -> IntArray:
        """Days of month (1-28) whose latest occurrence is at most 27 days before the as-of date.

        A monthly series then has an occurrence in every 30-day window and three in the 90-day
        lookback of the 30-day window, so what it shows does not depend on the day of month.
        """
        back = rng.integers(0, 28, n)
        days = np.array([(self.as_of - timedelta(days=k)).day for k in range(28)], dtype=np.int64)
        return np.minimum(days[back], 28)


def _pairs(days: IntArray, lo: IntArray, hi: int) -> tuple[IntArray, IntArray]:
    """Flatten a (series x k) matrix of days, keeping those in [lo[series], hi)."""
    keep = (days >= lo[:, None]) & (days < hi)
    rows = np.broadcast_to(np.arange(days.shape[0])[:, None], days.shape)
    return rows[keep].astype(np.int64), days[keep].astype(np.int64)


def every(history: History, period: int, phase: IntArray, lo: IntArray) -> tuple[IntArray, IntArray]:
    """Weekly / biweekly: days `phase + k * period`."""
    steps = np.arange(history.days // period + 2, dtype=np.int64)
    return _pairs(phase[:, None] + steps[None, :] * period, lo, history.days)


def monthly(history: History, day_of_month: IntArray, lo: IntArray) -> tuple[IntArray, IntArray]:
    """Monthly on a day of month between 1 and 28 (so every month has it)."""
    return _pairs(history.month_firsts[None, :] + day_of_month[:, None] - 1, lo, history.days)


def semi_monthly(history: History, lo: IntArray) -> tuple[IntArray, IntArray]:
    """The 15th and the last day of every month, the usual semi-monthly payroll."""
    both = np.concatenate([history.month_firsts + 14, history.month_lasts])
    return _pairs(np.broadcast_to(both, (lo.shape[0], both.shape[0])), lo, history.days)


def walk(first: IntArray, gaps: IntArray, lo: IntArray, hi: int) -> tuple[IntArray, IntArray]:
    """Irregular dates: `first`, then each row of `gaps` added in turn (columns are steps)."""
    days = first[:, None] + np.concatenate([np.zeros((first.shape[0], 1), np.int64), np.cumsum(gaps, axis=1)], axis=1)
    return _pairs(days, lo, hi)


def alternating_gaps(
    rng: np.random.Generator, n: int, steps: int, short: tuple[int, int], long: tuple[int, int]
) -> IntArray:
    """Gaps that alternate short and long, so no 75% of them ever share one cadence's tolerance."""
    shorts = rng.integers(short[0], short[1] + 1, size=(n, steps))
    longs = rng.integers(long[0], long[1] + 1, size=(n, steps))
    start_long = rng.random(n) < 0.5
    odd = (np.arange(steps) % 2).astype(bool)[None, :]
    return np.where(odd ^ start_long[:, None], longs, shorts).astype(np.int64)
