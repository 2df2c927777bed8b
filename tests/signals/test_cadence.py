from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from spendsense.signals import cadence

KEYS = ("stream_key",)


def frequency_of(days: list[date], frequencies: tuple[cadence.Frequency, ...] = cadence.ALL_FREQUENCIES) -> str | None:
    occurrences = pl.DataFrame({"stream_key": "s", "date": days, "transaction_id": [f"t{i}" for i in range(len(days))]})
    rows = cadence.with_fits(cadence.with_gaps(occurrences, KEYS), frequencies)
    stats = rows.group_by("stream").agg(cadence.gap_aggregations(frequencies))
    result: str | None = cadence.with_frequency(stats, rows, frequencies)["frequency"][0]
    return result


def every(first: date, step: int, count: int) -> list[date]:
    return [first + timedelta(days=step * i) for i in range(count)]


class TestFrequency:
    def test_weekly(self) -> None:
        assert frequency_of(every(date(2026, 1, 2), 7, 8)) == "weekly"

    def test_biweekly_fridays_over_six_months(self) -> None:
        assert frequency_of(every(date(2026, 1, 2), 14, 13)) == "biweekly"

    def test_biweekly_through_february_is_not_semi_monthly(self) -> None:
        # Jan 2, 16, 30, Feb 13, 27, Mar 13, 27: February is short, so 4 of the 5 later dates fall within
        # 3 days of "the 2nd or the 16th" (Feb 27 vs Mar 2, ...) and the calendar test alone would pass.
        # The mean gap is (Mar 27 - Jan 2) / 6 = 84 / 6 = 14.0 < 14.5: biweekly.
        assert frequency_of(every(date(2026, 1, 2), 14, 7)) == "biweekly"

    def test_biweekly_drifts_off_the_calendar_over_six_months(self) -> None:
        # From Mar 6: Mar 6, 20, Apr 3, 17, May 1, 15, 29, Jun 12, 26: by May the dates are 5+ days
        # off "the 6th or the 20th", so the calendar test fails whatever the mean gap says.
        assert frequency_of(every(date(2026, 3, 6), 14, 9)) == "biweekly"

    def test_semi_monthly_on_the_first_and_fifteenth(self) -> None:
        days = [date(2026, month, day) for month in range(1, 7) for day in (1, 15)]
        # Gaps 14, 17 (Jan 15 -> Feb 1), 14, 14 (Feb 15 -> Mar 1), 14, 17, ...: median 14 fits biweekly
        # too, but every date is on the 1st or the 15th, which is what semi-monthly means.
        assert frequency_of(days) == "semi_monthly"

    def test_semi_monthly_keeps_when_a_payday_moves_to_the_friday_before(self) -> None:
        days = [date(2026, month, day) for month in range(1, 7) for day in (1, 15)]
        days[5] = date(2026, 3, 13)  # Sunday March 15 paid on Friday the 13th: two days off, within ± 3
        assert frequency_of(days) == "semi_monthly"

    def test_monthly_on_calendar_dates(self) -> None:
        days = [date(2026, month, 31 if month in (1, 3, 5) else 28) for month in range(1, 7)]
        # Gaps 28, 31, 30 (Mar 31 -> Apr 28 is 28), ...: all within 30 ± 4.
        assert frequency_of(days) == "monthly"

    def test_annually(self) -> None:
        assert frequency_of([date(2023, 3, 1), date(2024, 3, 3), date(2025, 2, 27)]) == "annually"

    def test_two_occurrences_are_not_enough(self) -> None:
        assert frequency_of([date(2026, 1, 5), date(2026, 2, 5)]) is None

    def test_irregular_gaps_fit_nothing(self) -> None:
        days = [date(2026, 1, 1), date(2026, 1, 4), date(2026, 1, 20), date(2026, 2, 27), date(2026, 3, 3)]
        # Gaps 3, 16, 38, 4: median 10 is no frequency's period.
        assert frequency_of(days) is None

    def test_three_in_four_gaps_must_fit(self) -> None:
        regular = [date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5), date(2026, 4, 5), date(2026, 5, 20)]
        # Gaps 31, 28, 31, 45: 3 of 4 (75%) within 30 ± 4, median 31: still monthly.
        assert frequency_of(regular) == "monthly"
        broken = [*regular[:3], date(2026, 4, 20), date(2026, 5, 30)]
        # Gaps 31, 28, 46, 40: 2 of 4 fit: not monthly.
        assert frequency_of(broken) is None

    def test_pay_frequencies_leave_out_annually(self) -> None:
        days = [date(2023, 3, 1), date(2024, 3, 3), date(2025, 2, 27)]
        assert frequency_of(days, cadence.PAY_FREQUENCIES) is None


class TestNextDate:
    def test_the_period_in_days_after_the_last_date(self) -> None:
        frame = pl.DataFrame({"last": [date(2026, 1, 31), date(2026, 1, 31)], "frequency": ["monthly", "weekly"]})
        nexts = frame.select(cadence.next_date(pl.col("last"), pl.col("frequency")).alias("next"))["next"]
        assert nexts.to_list() == [date(2026, 3, 2), date(2026, 2, 7)]  # Jan 31 + 30 days, + 7 days
