"""The merchant data of `merchants.py` compiled once into index arrays and one Polars frame.

Events carry a merchant index; the transaction frame gathers every text column (statement
name, merchant, entity id, category, channel) from `Catalog.frame` in one step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense import rules
from spendsense.kit.ids import stable_id
from spendsense.synthetic import merchants as m

IntArray = npt.NDArray[np.int64]

PFC_PRIMARIES = (
    "INCOME", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS", "BANK_FEES", "ENTERTAINMENT", "FOOD_AND_DRINK",
    "GENERAL_MERCHANDISE", "HOME_IMPROVEMENT", "MEDICAL", "PERSONAL_CARE", "GENERAL_SERVICES",
    "GOVERNMENT_AND_NON_PROFIT", "TRANSPORTATION", "TRAVEL", "RENT_AND_UTILITIES",
)  # fmt: skip
TEXT_COLUMNS = ("name", "merchant_name", "merchant_entity_id", "payment_channel", "pfc_primary", "pfc_detailed")
WEEKLY, BIWEEKLY, SEMI_MONTHLY, MONTHLY = 0, 1, 2, 3
CADENCE_NAMES = ("weekly", "biweekly", "semi_monthly", "monthly")


def primary_of(detailed: str) -> str:
    """Plaid's detailed category always starts with its primary."""
    return next(p for p in PFC_PRIMARIES if detailed.startswith(p + "_"))


@dataclass(frozen=True)
class Services:
    index: IntArray
    cadence: IntArray
    low: IntArray
    high: IntArray
    netflix: int


@dataclass(frozen=True)
class Discretionary:
    rate: npt.NDArray[np.float64]  # events per month
    share: npt.NDArray[np.float64]  # share of the discretionary budget
    first: IntArray  # first merchant index of each category
    count: IntArray  # merchants per category


@dataclass(frozen=True)
class MerchantRules:
    """`spendsense.rules` evaluated once per merchant: a transaction's category is its merchant's,
    so these masks (indexed by merchant, read with the amount's sign) are exact per transaction."""

    spending: npt.NDArray[np.bool_]
    fee: npt.NDArray[np.bool_]  # when the amount is positive
    fee_kind: npt.NDArray[np.str_]
    interest: npt.NDArray[np.bool_]
    income: npt.NDArray[np.bool_]  # when the amount is negative

    @classmethod
    def of(cls, frame: pl.DataFrame) -> MerchantRules:
        out, back = frame.with_columns(amount_cents=pl.lit(1)), frame.with_columns(amount_cents=pl.lit(-1))
        return cls(
            spending=out.select(rules.is_spending())[:, 0].to_numpy(),
            fee=out.select(rules.is_fee())[:, 0].to_numpy(),
            fee_kind=out.select(rules.fee_kind())[:, 0].to_numpy().astype(str),
            interest=out.select(rules.is_interest_charge())[:, 0].to_numpy(),
            income=back.select(rules.is_income())[:, 0].to_numpy(),
        )


@dataclass(frozen=True)
class Catalog:
    frame: pl.DataFrame  # one row per merchant index, columns of the transactions table
    groups: dict[str, IntArray]
    services: Services
    discretionary: Discretionary
    pendable: npt.NDArray[np.bool_]  # card-style purchases, which show as pending before they post
    rules: MerchantRules

    def one(self, group: str) -> int:
        return int(self.groups[group][0])


class _Builder:
    def __init__(self) -> None:
        self.rows: list[m.Row] = []
        self.groups: dict[str, list[int]] = {}

    def add(self, group: str, *rows: m.Row) -> list[int]:
        start = len(self.rows)
        self.rows.extend(rows)
        indices = list(range(start, len(self.rows)))
        self.groups.setdefault(group, []).extend(indices)
        return indices

    def frame(self) -> pl.DataFrame:
        names, merchant_names, details, channels = (list(col) for col in zip(*self.rows, strict=True))
        entity = [None if name is None else stable_id("merchant", name) for name in merchant_names]
        return pl.DataFrame(
            {
                "name": names,
                "merchant_name": merchant_names,
                "merchant_entity_id": entity,
                "payment_channel": channels,
                "pfc_primary": [primary_of(d) for d in details],
                "pfc_detailed": details,
            },
            schema=dict.fromkeys(TEXT_COLUMNS, pl.String),
        )


def _add_services(builder: _Builder) -> Services:
    index = builder.add("services", *(row for row, *_ in m.SERVICES))
    cadence = [WEEKLY if cad == "weekly" else MONTHLY for _, cad, _, _ in m.SERVICES]
    return Services(
        index=np.array(index, dtype=np.int64),
        cadence=np.array(cadence, dtype=np.int64),
        low=np.array([low for *_, low, _ in m.SERVICES], dtype=np.int64),
        high=np.array([high for *_, high in m.SERVICES], dtype=np.int64),
        netflix=index[0],
    )


def _add_discretionary(builder: _Builder) -> Discretionary:
    first = [builder.add(f"spend:{key}", *m.SPENDING_MERCHANTS[key])[0] for key in m.SPENDING]
    return Discretionary(
        rate=np.array([rate for rate, _ in m.SPENDING.values()]),
        share=np.array([share for _, share in m.SPENDING.values()]),
        first=np.array(first, dtype=np.int64),
        count=np.array([len(m.SPENDING_MERCHANTS[key]) for key in m.SPENDING], dtype=np.int64),
    )


def _add_rest(builder: _Builder) -> None:
    for group, rows in (
        ("rent", m.RENT),
        ("mortgage", m.MORTGAGE),
        ("student", m.STUDENT_LOAN),
        ("car", m.CAR_LOAN),
        ("utility", m.UTILITIES),
        ("gig", m.GIG),
        ("freelance", m.FREELANCE),
        ("business_out", m.BUSINESS_OUT),
    ):
        builder.add(group, *rows)
    builder.add("payroll", *((f"{e.upper()} PAYROLL", e, "INCOME_WAGES", "other") for e in m.EMPLOYERS))
    for _, _, on_checking, on_card in m.ISSUERS:
        builder.add("card_payment_out", (on_checking, None, "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "other"))
        builder.add("card_payment_in", (on_card, None, "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "other"))
    for group, row in (
        ("atm", m.ATM_WITHDRAWAL),
        ("to_savings", m.TO_SAVINGS),
        ("from_checking", m.FROM_CHECKING),
        ("to_checking", m.TO_CHECKING),
        ("from_savings", m.FROM_SAVINGS),
        ("interest", m.INTEREST),
        ("overdraft", m.OVERDRAFT),
        ("nsf", m.NSF),
        ("late", m.LATE),
        ("service_fee", m.SERVICE_FEE),
        ("atm_fee", m.ATM_FEE),
        ("tax", m.ESTIMATED_TAX),
        ("business_in", m.BUSINESS_IN),
    ):
        builder.add(group, row)


@cache
def catalog() -> Catalog:
    builder = _Builder()
    services = _add_services(builder)
    discretionary = _add_discretionary(builder)
    _add_rest(builder)
    groups = {name: np.array(idx, dtype=np.int64) for name, idx in builder.groups.items()}
    pendable = np.zeros(len(builder.rows), dtype=bool)
    pendable[np.concatenate([idx for name, idx in groups.items() if name.startswith("spend:")])] = True
    frame = builder.frame()
    return Catalog(
        frame=frame,
        groups=groups,
        services=services,
        discretionary=discretionary,
        pendable=pendable,
        rules=MerchantRules.of(frame),
    )
