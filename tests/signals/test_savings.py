from __future__ import annotations

from datetime import date

from spendsense.signals import spending
from spendsense.signals.savings import savings_signals
from spendsense.signals.window import Window, prepare
from tests.signals.builders import AS_OF, account, accounts, transactions, txn

TO_SAVINGS = {"name": "Transfer from checking", "primary": "TRANSFER_IN", "detailed": "TRANSFER_IN_ACCOUNT_TRANSFER"}


def run(*rows: dict[str, object], balance: int = 0, subtype: str = "savings", days: int = 30) -> dict[str, object]:
    window = Window(days, AS_OF)
    frame = accounts(account(), account("sav", subtype=subtype, current=balance))
    prepared = prepare(transactions(*rows), frame, AS_OF)
    spent = spending.spending_signals(prepared, window).values
    (values,) = savings_signals(prepared, frame, spent, window).values.to_dicts()
    return values


class TestSavingsSignals:
    def test_net_inflow_growth_and_emergency_fund(self) -> None:
        rows = [
            txn("in1", date(2026, 6, 1), -30000, account_id="sav", **TO_SAVINGS),
            txn("in2", date(2026, 6, 15), -30000, account_id="sav", **TO_SAVINGS),
            txn("out", date(2026, 6, 20), 10000, account_id="sav", name="Transfer to checking", primary="TRANSFER_OUT"),
            txn("rent", date(2026, 6, 1), 200000, name="Rent", primary="RENT_AND_UTILITIES"),
        ]
        values = run(*rows, balance=1050000)
        assert values["savings_net_inflow"] == 50000  # 300 + 300 - 100 dollars in
        assert values["savings_net_inflow_monthly"] == 50000  # a 30-day window is one month
        # Start balance 10,500 - 500 = 10,000: growth 500 / 10,000.
        assert values["savings_growth_rate"] == 0.05
        # 10,500 of savings over 2,000 of monthly spending.
        assert values["emergency_fund_months"] == 5.25

    def test_money_market_and_hsa_count_as_savings(self) -> None:
        for subtype in ("money market", "cash management", "hsa"):
            values = run(
                txn("in", date(2026, 6, 1), -20000, account_id="sav", **TO_SAVINGS), balance=20000, subtype=subtype
            )
            assert values["savings_net_inflow"] == 20000

    def test_growth_is_undefined_from_an_empty_start(self) -> None:
        values = run(txn("in", date(2026, 6, 1), -20000, account_id="sav", **TO_SAVINGS), balance=20000)
        assert values["savings_growth_rate"] is None  # start balance 200 - 200 = 0

    def test_a_quiet_account_has_zero_inflow_and_zero_growth(self) -> None:
        values = run(balance=500000, days=180)
        assert values["savings_net_inflow"] == 0
        assert values["savings_growth_rate"] == 0.0
        assert values["emergency_fund_months"] is None  # no spending to cover
