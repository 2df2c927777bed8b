from __future__ import annotations

from datetime import date

import polars as pl

from spendsense.signals.fees import fee_signals
from spendsense.signals.window import Window, prepare
from tests.signals.builders import AS_OF, account, accounts, transactions, txn


def fee(transaction_id: str, day: date, amount: int, detailed: str) -> dict[str, object]:
    return txn(transaction_id, day, amount, name="Fee", primary="BANK_FEES", detailed=detailed)


class TestFeeSignals:
    def test_counts_totals_and_kinds_leave_out_interest(self) -> None:
        rows = [
            fee("od", date(2026, 6, 2), 3500, "BANK_FEES_OVERDRAFT_FEES"),
            fee("nsf", date(2026, 6, 3), 3400, "BANK_FEES_INSUFFICIENT_FUNDS"),
            fee("late", date(2026, 6, 9), 2900, "BANK_FEES_LATE_FEES"),
            fee("atm", date(2026, 6, 10), 300, "BANK_FEES_ATM_FEES"),
            fee("int", date(2026, 6, 11), 4100, "BANK_FEES_INTEREST_CHARGE"),
            fee("old", date(2026, 5, 1), 3500, "BANK_FEES_OVERDRAFT_FEES"),  # before the window
        ]
        family = fee_signals(prepare(transactions(*rows), accounts(account()), AS_OF), Window(30, AS_OF))
        (values,) = family.values.to_dicts()
        assert values["fee_count"] == 4
        assert values["fee_total"] == 3500 + 3400 + 2900 + 300
        assert (values["overdraft_fee_count"], values["nsf_fee_count"]) == (1, 1)
        assert (values["late_fee_count"], values["other_fee_count"]) == (1, 1)
        evidence = family.evidence.filter(pl.col("signals").list.contains("nsf_fee_count")).collect()
        assert evidence["transaction_ids"].to_list() == [["nsf"]]

    def test_a_fee_refund_is_not_a_fee(self) -> None:
        rows = [
            fee("od", date(2026, 6, 2), 3500, "BANK_FEES_OVERDRAFT_FEES"),
            fee("back", date(2026, 6, 5), -3500, "BANK_FEES_OVERDRAFT_FEES"),
        ]
        (values,) = fee_signals(
            prepare(transactions(*rows), accounts(account()), AS_OF), Window(30, AS_OF)
        ).values.to_dicts()
        assert values["fee_count"] == 1
