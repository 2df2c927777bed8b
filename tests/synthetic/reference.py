"""A small, independent reading of docs/signals.md's recurring-stream rules, for checking labels.

It is deliberately plain (Python over small groups): the tests run it on a 100-user dataset and
compare what it finds with the generator's labels. Semi-monthly follows the reading the
document spells out (the same two days of month, mean gap of at least 14.5 days).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta

import polars as pl

TOLERANCE = {
    "weekly": (5, 9),
    "semi_monthly": (12, 18),
    "biweekly": (12, 16),
    "monthly": (26, 34),
    "annually": (345, 385),
}


def merchant_key(entity_id: str | None, merchant_name: str | None, name: str | None) -> str:
    if entity_id:
        return entity_id
    text = merchant_name or name or ""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z ]", " ", text.lower())).strip()


def _two_days_of_month(dates: list[date]) -> bool:
    """docs/signals.md: two occurrences in most calendar months; >= 75% of the occurrences after the
    first two within 3 days (of month) of the first or the second one; mean gap >= 14.5 days."""
    months = Counter((d.year, d.month) for d in dates)
    most_have_two = sum(1 for count in months.values() if count == 2) > len(months) / 2
    anchors = (dates[0].day, dates[1].day)
    rest = dates[2:]
    near = sum(1 for d in rest if any(abs(d.day - a) <= 3 for a in anchors))
    mean_gap = (dates[-1] - dates[0]).days / (len(dates) - 1)
    return most_have_two and near >= 0.75 * len(rest) and mean_gap >= 14.5


def frequency(dates: list[date]) -> str | None:
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    median = statistics.median(gaps)
    for name in ("weekly", "semi_monthly", "biweekly", "monthly", "annually"):
        low, high = TOLERANCE[name]
        if low <= median <= high and (name != "semi_monthly" or _two_days_of_month(dates)):
            within = sum(1 for g in gaps if low <= g <= high)
            return name if within >= 0.75 * len(gaps) else None
    return None


def stable(amounts: list[int]) -> bool:
    median = statistics.median(amounts)
    return sum(1 for a in amounts if abs(a - median) <= 0.25 * median) >= 0.75 * len(amounts)


def detect(
    transactions: pl.DataFrame, accounts: pl.DataFrame, as_of: date, lookback: int = 180
) -> dict[tuple[str, str, str], dict]:
    """(user_id, merchant key, direction) -> {frequency, transaction_ids} for every stream the rules accept."""
    personal = accounts.filter(~pl.col("is_business"))["account_id"]
    rows = transactions.filter(
        ~pl.col("pending")
        & pl.col("account_id").is_in(personal.implode())
        & (pl.col("date") > as_of - timedelta(days=lookback))
    ).sort("date")
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in rows.iter_rows(named=True):
        key = merchant_key(row["merchant_entity_id"], row["merchant_name"], row["name"])
        direction = "outflow" if row["amount_cents"] > 0 else "inflow"
        groups[(row["user_id"], key, direction)].append(row)
    found = {}
    for group, members in groups.items():
        if len(members) < 3:
            continue
        cadence = frequency([m["date"] for m in members])
        if cadence and stable([abs(m["amount_cents"]) for m in members]):
            found[group] = {"frequency": cadence, "transaction_ids": [m["transaction_id"] for m in members]}
    return found
