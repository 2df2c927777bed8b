"""Who the users are: identity, demographics, the persona archetype and the traits that realise it.

Everything that must be present at 100 users (every persona, every demographic group, every
edge case, ~10% without consent) is drawn by quota, not by chance, and then shuffled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense.kit.ids import stable_id
from spendsense.synthetic import merchants
from spendsense.synthetic.calendar import History

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

PERSONAS = ("high_utilization", "variable_income", "fee_saver", "subscription_heavy", "savings_builder")
HU, VI, FS, SH, SB = range(5)
ARCHETYPE_WEIGHTS = (0.24, 0.13, 0.15, 0.20, 0.28)

AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
GENDERS = ("female", "male", "nonbinary", "undisclosed")
INCOME_TIERS = ("low", "lower_middle", "middle", "upper_middle", "high")
REGIONS = ("northeast", "midwest", "south", "west")
DEMOGRAPHICS = {
    "age_band": (AGE_BANDS, (0.12, 0.24, 0.22, 0.18, 0.14, 0.10)),
    "gender": (GENDERS, (0.47, 0.45, 0.04, 0.04)),
    "income_tier": (INCOME_TIERS, (0.20, 0.22, 0.26, 0.20, 0.12)),
    "region": (REGIONS, (0.17, 0.21, 0.38, 0.24)),
}
MONTHLY_INCOME_CENTS = (
    (180_000, 260_000),
    (260_000, 380_000),
    (380_000, 550_000),
    (550_000, 800_000),
    (800_000, 1_300_000),
)

CARD_NONE, CARD_FULL, CARD_REVOLVE, CARD_REVOLVE_LOW, CARD_MIN, CARD_OVERDUE = range(6)
SAVE_NONE, SAVE_STATIC, SAVE_WITHDRAW, SAVE_BUILD = range(4)
FEE_NONE, FEE_ONE, FEE_OVERDRAFT, FEE_SERVICE = range(4)
PAY_VARIABLE = 4  # pay cadences 0-3 are catalog.WEEKLY .. catalog.MONTHLY


def quota(rng: np.random.Generator, n: int, weights: tuple[float, ...]) -> IntArray:
    """Exactly round(w * n) of each value (largest remainder), in random order."""
    exact = np.asarray(weights) / sum(weights) * n
    counts = np.floor(exact).astype(np.int64)
    counts[np.argsort(-(exact - counts), kind="stable")[: n - counts.sum()]] += 1
    return rng.permutation(np.repeat(np.arange(len(weights), dtype=np.int64), counts))


def pick(rng: np.random.Generator, eligible: BoolArray, fraction: float) -> BoolArray:
    """Exactly round(fraction * eligible) of the eligible users, chosen at random."""
    index = np.flatnonzero(eligible)
    chosen = rng.permutation(index)[: int(fraction * index.shape[0] + 0.5)]
    mask = np.zeros(eligible.shape[0], dtype=bool)
    mask[chosen] = True
    return mask


def chance(rng: np.random.Generator, where: BoolArray, p: float) -> BoolArray:
    return where & (rng.random(where.shape[0]) < p)


@dataclass(frozen=True)
class Population:
    index: IntArray  # global user number, 0..N-1
    user_ids: list[str]
    names: list[str]
    emails: list[str]
    demographics: dict[str, IntArray]  # codes into the value tuples above
    consent: BoolArray
    archetype: IntArray  # the intended primary persona
    income: IntArray  # monthly net income, cents
    start: IntArray  # first day of this user's history (thin files start late)
    card: IntArray  # CARD_* mode of the first card
    second_card: BoolArray
    saving: IntArray
    fee: IntArray
    pay: IntArray
    side_gig: BoolArray
    heavy_subs: BoolArray
    mortgage: BoolArray
    student: BoolArray
    car: BoolArray
    thin: BoolArray
    business: BoolArray

    def __len__(self) -> int:
        return int(self.index.shape[0])


def _identity(rng: np.random.Generator, seed: int, index: IntArray) -> tuple[list[str], list[str], list[str]]:
    firsts = rng.choice(np.array(merchants.FIRST_NAMES), size=index.shape[0])
    lasts = rng.choice(np.array(merchants.LAST_NAMES), size=index.shape[0])
    ids = [stable_id("user", seed, int(i), length=16) for i in index]
    names = [f"{f} {s}" for f, s in zip(firsts, lasts, strict=True)]
    emails = [f"{f}.{s}.{int(i)}@example.com".lower() for f, s, i in zip(firsts, lasts, index, strict=True)]
    return ids, names, emails


def _card_modes(rng: np.random.Generator, archetype: IntArray, thin: BoolArray) -> IntArray:
    n = archetype.shape[0]
    high = rng.choice([CARD_REVOLVE, CARD_MIN, CARD_REVOLVE_LOW, CARD_OVERDUE], size=n, p=[0.4, 0.25, 0.15, 0.2])
    card = np.where(archetype == HU, np.where(thin, CARD_REVOLVE, high), CARD_FULL)
    no_card = pick(rng, (archetype != HU) & ~thin, 0.14)
    return np.where(no_card, CARD_NONE, card).astype(np.int64)


def _saving(rng: np.random.Generator, archetype: IntArray, card: IntArray, thin: BoolArray) -> IntArray:
    builder = (
        (archetype == SB)
        | (card == CARD_REVOLVE_LOW)
        | chance(rng, archetype == SH, 0.35)
        | chance(rng, archetype == FS, 0.2)
    )
    no_savings = pick(rng, ~builder & (card != CARD_NONE) & ~thin, 0.14)
    # A variable earner's savings stay put: a withdrawal would lift the checking buffer past a month.
    other = np.where((rng.random(card.shape[0]) < 0.6) | (archetype == VI), SAVE_STATIC, SAVE_WITHDRAW)
    return np.where(builder, SAVE_BUILD, np.where(no_savings, SAVE_NONE, other)).astype(np.int64)


def _fees(rng: np.random.Generator, archetype: IntArray, card: IntArray, saving: IntArray) -> IntArray:
    n = archetype.shape[0]
    extra = chance(rng, archetype == HU, 0.25) | chance(rng, archetype == VI, 0.3)
    fee_saver_mode = np.where((rng.random(n) < 0.4) | (saving == SAVE_BUILD), FEE_SERVICE, FEE_OVERDRAFT)
    one = chance(rng, card != CARD_OVERDUE, 0.25)  # one small fee: a behaviour, never a persona
    fee = np.where(archetype == FS, fee_saver_mode, np.where(extra, FEE_OVERDRAFT, np.where(one, FEE_ONE, FEE_NONE)))
    return fee.astype(np.int64)


def _pay(rng: np.random.Generator, archetype: IntArray, thin: BoolArray) -> IntArray:
    drawn = rng.choice(4, size=archetype.shape[0], p=[0.2, 0.4, 0.25, 0.15])
    cadence = np.where(thin, drawn % 2, drawn)  # thin files need a payday within their few weeks
    return np.where(archetype == VI, PAY_VARIABLE, cadence).astype(np.int64)


def draw_population(rng: np.random.Generator, seed: int, first_index: int, n: int, history: History) -> Population:
    index = np.arange(first_index, first_index + n, dtype=np.int64)
    ids, names, emails = _identity(rng, seed, index)
    demographics = {key: quota(rng, n, weights) for key, (_, weights) in DEMOGRAPHICS.items()}
    archetype = quota(rng, n, ARCHETYPE_WEIGHTS)
    thin = pick(rng, (archetype == HU) | (archetype == SB), 0.05)
    card = _card_modes(rng, archetype, thin)
    saving = _saving(rng, archetype, card, thin)
    tier = demographics["income_tier"]
    bounds = np.array(MONTHLY_INCOME_CENTS)[tier]
    young = demographics["age_band"] <= 2
    return Population(
        index=index,
        user_ids=ids,
        names=names,
        emails=emails,
        demographics=demographics,
        consent=~pick(rng, np.ones(n, dtype=bool), 0.10),
        archetype=archetype,
        income=rng.integers(bounds[:, 0], bounds[:, 1]),
        start=np.where(thin, history.days - rng.integers(14, 29, size=n), 0),
        card=card,
        second_card=chance(rng, (card != CARD_NONE) & (card != CARD_MIN) & ~thin, 0.25),
        saving=saving,
        fee=_fees(rng, archetype, card, saving),
        pay=_pay(rng, archetype, thin),
        side_gig=chance(rng, (archetype != VI) & ~thin, 0.15),
        heavy_subs=(archetype == SH) | chance(rng, np.isin(archetype, (HU, VI, FS)) & ~thin, 0.3),
        mortgage=rng.random(n) < np.array([0.03, 0.08, 0.2, 0.35, 0.45])[tier],
        student=rng.random(n) < np.where(young, 0.3, 0.08),
        car=rng.random(n) < 0.25,
        thin=thin,
        business=pick(rng, ~thin, 0.03),
    )


def edge_cases(pop: Population) -> pl.Series:
    """Per user, the edge cases they stand for (a list, possibly empty)."""
    flags = pl.DataFrame(
        {
            "no_credit_card": pop.card == CARD_NONE,
            "no_savings": pop.saving == SAVE_NONE,
            "thin_file": pop.thin,
            "business_account": pop.business,
            "no_consent": ~pop.consent,
        }
    )
    listed = pl.concat_list([pl.when(name).then(pl.lit(name)) for name in flags.columns]).list.drop_nulls()
    return flags.select(listed.alias("edge_cases")).to_series()
