"""One hand-made user run through the real engine: a card at 68%, three subscriptions, two overdraft fees, payroll."""

from __future__ import annotations

from datetime import date, timedelta

from spendsense.pipeline.run import compute_outcome
from spendsense.recommend.profiles import EngineOutput
from tests.signals import builders as b

AS_OF = b.AS_OF
HULU = {"name": "HULU", "merchant": "Hulu", "primary": "ENTERTAINMENT", "detailed": "ENTERTAINMENT_TV_AND_MOVIES"}
GYM = {
    "name": "CITY GYM",
    "merchant": "City Gym",
    "primary": "PERSONAL_CARE",
    "detailed": "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
}
FEE = {"name": "Overdraft fee", "primary": "BANK_FEES", "detailed": "BANK_FEES_OVERDRAFT_FEES"}


def _month_starts(count: int) -> list[date]:
    return [AS_OF - timedelta(days=30 * i + 5) for i in range(count)]


def output() -> EngineOutput:
    accounts = b.accounts(
        b.account("chk", current=80_000),
        {
            **b.account("card", type="credit", subtype="credit card", current=340_000, limit=500_000),
            "name": "Visa",
            "mask": "4523",
        },
        {**b.account("sav", subtype="savings", current=250_000), "name": "Rainy Day", "mask": "7788"},
    )
    rows = [
        *[b.txn(f"nf{i}", d, 1_599, account_id="card", **b.NETFLIX) for i, d in enumerate(_month_starts(6))],
        *[
            b.txn(f"hu{i}", d - timedelta(days=2), 1_799, account_id="card", **HULU)
            for i, d in enumerate(_month_starts(6))
        ],
        *[
            b.txn(f"gy{i}", d - timedelta(days=4), 4_500, account_id="card", **GYM)
            for i, d in enumerate(_month_starts(6))
        ],
        *[b.txn(f"pay{i}", AS_OF - timedelta(days=14 * i + 1), -210_000, **b.PAYROLL) for i in range(13)],
        b.txn("fee1", AS_OF - timedelta(days=3), 3_500, **FEE),
        b.txn("fee2", AS_OF - timedelta(days=10), 3_500, **FEE),
        b.txn("groc", AS_OF - timedelta(days=6), 12_000, primary="FOOD_AND_DRINK", detailed="FOOD_AND_DRINK_GROCERIES"),
    ]
    transactions = b.transactions(*rows)
    liabilities = b.liabilities(b.liability("card", minimum=3_500, last=20_000))
    outcome = compute_outcome(["u1"], transactions, accounts, liabilities, AS_OF)
    return EngineOutput(
        signals=outcome.signals.signals,
        cards=outcome.signals.cards,
        recurring_streams=outcome.signals.recurring_streams,
        assignments=outcome.assignments,
        criteria=outcome.trace,
        accounts=accounts,
        transactions=transactions,
    )
