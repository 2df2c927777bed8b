from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from spendsense.synthetic import calendar as cal
from tests.synthetic.reference import TOLERANCE

HISTORY = cal.History.build(date(2025, 6, 30), 6)


def dates(days: np.ndarray) -> list[date]:
    return [HISTORY.date_of(int(d)) for d in days]


class TestHistory:
    def test_six_months_back_from_the_as_of_date(self) -> None:
        # (2024-12-30, 2025-06-30]: 182 days, of which the last 180 are the longest window.
        assert (HISTORY.start, HISTORY.days, HISTORY.lookback_start) == (date(2024, 12, 31), 182, 2)
        assert HISTORY.date_of(HISTORY.friday) == date(2025, 1, 3)

    def test_add_months_clamps_to_the_month_end(self) -> None:
        assert cal.add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)

    def test_recent_days_of_month_fall_in_the_last_four_weeks(self) -> None:
        for day in HISTORY.recent_days_of_month(np.random.default_rng(3), 200).tolist():
            latest = max(d for d in dates(np.arange(HISTORY.days)) if d.day == day)
            assert 1 <= day <= 28
            assert HISTORY.as_of - latest <= timedelta(days=27)


class TestSchedules:
    def test_monthly_on_a_day_of_month_from_lo(self) -> None:
        row, day = cal.monthly(HISTORY, np.array([15]), np.array([40]))
        assert row.tolist() == [0] * 5
        assert dates(day) == [date(2025, m, 15) for m in range(2, 7)]

    def test_semi_monthly_on_the_15th_and_the_last_day(self) -> None:
        _, day = cal.semi_monthly(HISTORY, np.array([150]))
        assert sorted(dates(day)) == [date(2025, 5, 31), date(2025, 6, 15), date(2025, 6, 30)]

    def test_every_other_friday(self) -> None:
        _, day = cal.every(HISTORY, 14, np.array([HISTORY.friday]), np.array([0]))
        assert {d.weekday() for d in dates(day)} == {4}
        assert dates(day)[:2] == [date(2025, 1, 3), date(2025, 1, 17)]

    def test_alternating_gaps_never_fit_a_cadence(self) -> None:
        gaps = cal.alternating_gaps(np.random.default_rng(5), 50, 12, short=(19, 23), long=(38, 43))
        for low, high in TOLERANCE.values():
            within = (gaps >= low) & (gaps <= high)
            assert not within.any()
