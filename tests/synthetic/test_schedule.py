from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from spendsense.synthetic.calendar import History
from spendsense.synthetic.catalog import MONTHLY
from spendsense.synthetic.schedule import expand, monthly_outflow, spec
from tests.synthetic.reference import stable

HISTORY = History.build(date(2025, 6, 30), 6)
ONE = np.array([0])


class TestExpand:
    def test_a_price_rise_applies_from_its_day(self) -> None:
        netflix = spec(
            ONE, series=3, account=0, merchant=9, cadence=MONTHLY, anchor=5, amount=1549, rise_day=90, rise_amount=1799
        )
        events = expand(netflix, HISTORY, np.random.default_rng(1))
        assert events.series.tolist() == [3] * 6
        assert [(int(d) >= 90, int(a)) for d, a in zip(events.day, events.amount, strict=True)] == [
            (False, 1549)
        ] * 3 + [(True, 1799)] * 3
        assert stable(events.amount.tolist())  # +16%: still one stream

    def test_a_seasonal_swing_is_never_amount_stable(self) -> None:
        power = spec(ONE, account=0, merchant=9, cadence=MONTHLY, anchor=20, amount=10_000, jitter=0.05, swing=True)
        amounts = expand(power, HISTORY, np.random.default_rng(1)).amount.tolist()
        assert all(not stable(amounts[i:j]) for i in range(6) for j in range(i + 3, 7))

    def test_a_mirrored_series_moves_the_money_between_two_accounts(self) -> None:
        transfer = spec(
            ONE, series=0, account=0, merchant=1, cadence=MONTHLY, anchor=2, amount=30_000,
            mirror_series=1, mirror_account=4, mirror_merchant=2,
        )  # fmt: skip
        events = expand(transfer, HISTORY, np.random.default_rng(1))
        out, back = events.take(events.account == 0), events.take(events.account == 4)
        assert out.day.tolist() == back.day.tolist()
        assert (out.amount == -back.amount).all()
        assert (out.amount == 30_000).all()
        assert set(back.series.tolist()) == {1}
        assert set(back.merchant.tolist()) == {2}

    def test_monthly_outflow_counts_money_out_only(self) -> None:
        both = spec(
            np.array([0, 0, 1]),
            account=0,
            merchant=0,
            cadence=np.array([MONTHLY, 0, MONTHLY]),
            amount=np.array([100, 10, 500]),
            sign=np.array([1, 1, -1]),
        )
        assert monthly_outflow(both, 2).tolist() == pytest.approx([100 + 10 * 52 / 12, 0.0])
