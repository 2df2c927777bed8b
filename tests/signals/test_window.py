from __future__ import annotations

from datetime import date, timedelta
from unittest.mock import patch

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from spendsense.signals import window
from spendsense.signals.window import Window, merchant_key, prepare
from tests.signals.builders import account, accounts, transactions, txn


class TestWindow:
    def test_thirty_days_end_on_the_as_of_date_and_exclude_the_day_thirty_days_before(self) -> None:
        window = Window(30, date(2026, 6, 30))
        days = pl.DataFrame({"date": [date(2026, 5, 31), date(2026, 6, 1), date(2026, 6, 30), date(2026, 7, 1)]})
        # (2026-05-31, 2026-06-30]: May 31 is exactly 30 days before, so it is out; July 1 is after.
        assert days.filter(window.contains())["date"].to_list() == [date(2026, 6, 1), date(2026, 6, 30)]

    def test_short_windows_look_back_ninety_days_for_cadence(self) -> None:
        assert Window(30, date(2026, 6, 30)).lookback_days == 90
        assert Window(180, date(2026, 6, 30)).lookback_days == 180
        assert Window(30, date(2026, 6, 30)).lookback_start == date(2026, 4, 1)  # June 30 - 90 days

    def test_a_180_day_window_is_six_months(self) -> None:
        assert Window(180, date(2026, 6, 30)).months == 6
        assert Window(180, date(2026, 6, 30)).label == "180d"


class TestMerchantKey:
    def test_entity_id_wins_then_merchant_name_then_description(self) -> None:
        frame = pl.DataFrame(
            {
                "merchant_entity_id": ["ent_1", None, None, ""],
                "merchant_name": ["Netflix", "Spotify USA", None, None],
                "name": ["x", "y", "Uber 072515 SF**POOL**", "Planet Fitness #42"],
            }
        )
        keys = frame.select(merchant_key().alias("key"))["key"].to_list()
        # Digits and punctuation go, spaces collapse: two Uber rides with different reference numbers share a key.
        assert keys == ["ent_1", "spotify usa", "uber sfpool", "planet fitness"]

    def test_a_description_of_only_digits_has_no_key(self) -> None:
        frame = pl.DataFrame({"merchant_entity_id": [None], "merchant_name": ["***"], "name": ["12345"]})
        assert frame.select(merchant_key().alias("key"))["key"].to_list() == [None]


class TestPrepare:
    def test_leaves_out_business_accounts_pending_and_future_transactions(self) -> None:
        frame = prepare(
            transactions(
                txn("kept", date(2026, 6, 1), 100),
                txn("pending", date(2026, 6, 1), 100, pending=True),
                txn("future", date(2026, 7, 1), 100),
                txn("business", date(2026, 6, 1), 100, account_id="biz"),
            ),
            accounts(account(), account("biz", business=True)),
            date(2026, 6, 30),
        )
        assert frame["transaction_id"].to_list() == ["kept"]
        assert frame["account_type"].to_list() == ["depository"]


NAMES = st.sampled_from(["Uber 072515 SF**POOL**", "uber sf pool", "", "***", "12345", "Netflix", "NETFLIX.COM"])


@st.composite
def store_rows(draw: st.DrawFn) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Transactions on personal, business, unknown and twice-listed accounts, with awkward names."""
    held = accounts(
        account("chk"),
        account("sav", subtype="savings"),
        account("biz", business=True),
        account("chk", subtype="money market"),
    )
    rows = [
        {
            **txn(
                f"t{i}",
                date(2026, 6, 1) + timedelta(days=draw(st.integers(-200, 60))),
                draw(st.integers(-50000, 50000)),
                name=draw(NAMES),
                account_id=draw(st.sampled_from(["chk", "sav", "biz", "gone"])),
                merchant=draw(st.none() | NAMES),
                pending=draw(st.booleans()),
            ),
            "merchant_entity_id": draw(st.sampled_from([None, "", "ent_1"])),
        }
        for i in range(draw(st.integers(0, 30)))
    ]
    return transactions(*rows), held


class TestPrepareWays:
    @settings(max_examples=60, deadline=None)
    @given(store_rows())
    def test_the_one_query_way_gives_what_the_large_input_way_gives(
        self, frames: tuple[pl.DataFrame, pl.DataFrame]
    ) -> None:
        rows, held = frames
        one_query = prepare(rows, held, date(2026, 6, 30))
        with patch.object(window, "SMALL_INPUT_ROWS", -1):
            at_scale = prepare(rows, held, date(2026, 6, 30))
        assert one_query.equals(at_scale)
