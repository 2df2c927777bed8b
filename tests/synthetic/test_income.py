from __future__ import annotations

import numpy as np

from spendsense.synthetic.income import unstable_amounts
from tests.synthetic.reference import stable


class TestUnstableAmounts:
    def test_no_run_of_three_or_more_is_amount_stable(self) -> None:
        base = np.full(40, 5_000.0)
        amounts = unstable_amounts(np.random.default_rng(2), base, np.arange(40)).tolist()
        for start in range(40):
            for end in range(start + 3, 41):
                assert not stable(amounts[start:end]), (start, end)

    def test_the_mean_stays_near_the_base(self) -> None:
        base = np.full(3_000, 5_000.0)
        amounts = unstable_amounts(np.random.default_rng(2), base, np.arange(3_000))
        assert 4_800 < amounts.mean() < 5_200
