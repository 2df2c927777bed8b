"""Which accounts each user holds, with ids, masks and names; balances are filled in later.

Rows are ordered by user, then by kind, so the accounts table reads naturally. Per-user
lookup arrays (`checking[u]`, `card[u]`, ...) give the row of each kind, or -1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense.synthetic import merchants
from spendsense.synthetic import population as p

IntArray = npt.NDArray[np.int64]

CHECKING, SAVINGS, CARD, CARD2, STUDENT, MORTGAGE, BUSINESS = range(7)
# kind -> (type, subtype, name, official name)
KIND_INFO = (
    ("depository", "checking", "Everyday Checking", "Platypus Bank Everyday Checking"),
    ("depository", "savings", "High-Yield Savings", "Platypus Bank High-Yield Savings"),
    ("credit", "credit card", "", ""),  # named after the issuer
    ("credit", "credit card", "", ""),
    ("loan", "student", "Student Loan", "Direct Subsidized Consolidation Loan"),
    ("loan", "mortgage", "Home Mortgage", "30-Year Fixed Rate Mortgage"),
    ("depository", "checking", "Business Checking", "Platypus Bank Business Advantage Checking"),
)
SAVINGS_SUBTYPES = (("savings", 0.8), ("money market", 0.15), ("cash management", 0.05))
SAVINGS_NAMES = {
    "savings": ("High-Yield Savings", "Platypus Bank High-Yield Savings"),
    "money market": ("Money Market", "Platypus Bank Premier Money Market"),
    "cash management": ("Cash Management", "Platypus Invest Cash Management Account"),
}
# 64 symbols so that 6 random bits pick one: the 62 letters and digits, two of them twice.
ID_ALPHABET = np.frombuffer(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzPq", dtype=np.uint8)


def random_ids(rng: np.random.Generator, n: int, length: int = 24) -> pl.Series:
    """Opaque ids like Plaid's, from the seeded stream: vectorized, deterministic, unique in practice."""
    words = rng.bit_generator.random_raw(-(-n * length // 8)).astype("<u8", copy=False)  # the same bytes on any CPU
    raw = words.view(np.uint8)[: n * length]
    chars = ID_ALPHABET[raw & 63]
    return pl.Series(chars.view(f"S{length}")).cast(pl.String)


@dataclass
class AccountPlan:
    user: IntArray  # local user row of each account
    kind: IntArray
    issuer: IntArray  # card issuer (catalog ISSUERS), -1 for other kinds
    subtype: list[str]
    ids: pl.Series
    masks: pl.Series
    by_kind: dict[int, IntArray]  # kind -> per-user account row (or -1)
    current: IntArray  # balances in cents, filled by `balances`
    available: IntArray
    limit: IntArray

    def __len__(self) -> int:
        return int(self.user.shape[0])

    def of(self, kind: int) -> IntArray:
        return self.by_kind[kind]


def _holders(pop: p.Population) -> dict[int, npt.NDArray[np.bool_]]:
    n = len(pop)
    return {
        CHECKING: np.ones(n, dtype=bool),
        SAVINGS: pop.saving != p.SAVE_NONE,
        CARD: pop.card != p.CARD_NONE,
        CARD2: pop.second_card,
        STUDENT: pop.student,
        MORTGAGE: pop.mortgage,
        BUSINESS: pop.business,
    }


def plan_accounts(rng: np.random.Generator, pop: p.Population) -> AccountPlan:
    holders = _holders(pop)
    user = np.concatenate([np.flatnonzero(holders[k]) for k in range(len(KIND_INFO))]).astype(np.int64)
    kind = np.concatenate([np.full(int(holders[k].sum()), k) for k in range(len(KIND_INFO))]).astype(np.int64)
    order = np.lexsort((kind, user))
    user, kind = user[order], kind[order]
    first_issuer = rng.integers(0, len(merchants.ISSUERS), size=len(pop))
    second_issuer = (first_issuer + rng.integers(1, len(merchants.ISSUERS), size=len(pop))) % len(merchants.ISSUERS)
    issuer = np.where(kind == CARD, first_issuer[user], np.where(kind == CARD2, second_issuer[user], -1))
    savings_subtype = rng.choice(
        [s for s, _ in SAVINGS_SUBTYPES], size=user.shape[0], p=[w for _, w in SAVINGS_SUBTYPES]
    )
    subtype = [str(savings_subtype[i]) if k == SAVINGS else KIND_INFO[k][1] for i, k in enumerate(kind)]
    by_kind = {}
    for k in range(len(KIND_INFO)):
        rows = np.full(len(pop), -1, dtype=np.int64)
        rows[user[kind == k]] = np.flatnonzero(kind == k)
        by_kind[k] = rows
    masks = pl.Series(rng.integers(0, 10_000, size=user.shape[0])).cast(pl.String).str.zfill(4)
    zeros = np.zeros(user.shape[0], dtype=np.int64)
    return AccountPlan(
        user=user,
        kind=kind,
        issuer=issuer.astype(np.int64),
        subtype=subtype,
        ids=random_ids(rng, user.shape[0]),
        masks=masks,
        by_kind=by_kind,
        current=zeros.copy(),
        available=zeros.copy(),
        limit=zeros.copy(),
    )


def names(plan: AccountPlan) -> tuple[list[str], list[str]]:
    """Display and official names: cards are named after their issuer."""
    display, official = [], []
    for k, issuer, subtype in zip(plan.kind.tolist(), plan.issuer.tolist(), plan.subtype, strict=True):
        if issuer >= 0:
            pair = merchants.ISSUERS[issuer][:2]
        elif k == SAVINGS:
            pair = SAVINGS_NAMES[subtype]
        else:
            pair = KIND_INFO[k][2:]
        display.append(pair[0])
        official.append(pair[1])
    return display, official
