"""Category names people read, and which spending is a need or a want (the 50/30/20 view).

Categories are Plaid's `personal_finance_category.primary`, an open set: an unknown
category gets a readable label and counts as a want (the cautious side for a budget).

Needs (the "50"): housing and utilities, loan payments, medical care, transportation,
essential services (insurance, childcare, phone and internet providers: GENERAL_SERVICES),
government and non-profit (taxes, fees), bank fees, and groceries (the one food detail
that is a need: `FOOD_AND_DRINK_GROCERIES`). Wants (the "30"): everything else, such as
restaurants and coffee, entertainment, general merchandise, personal care, travel, home
improvement. Savings (the "20") is what income leaves after needs and wants.
"""

from __future__ import annotations

import re

import polars as pl

from spendsense.insights.results import Bucket

UNCATEGORIZED = "OTHER"
NEEDS_PRIMARY = (
    "RENT_AND_UTILITIES",
    "LOAN_PAYMENTS",
    "MEDICAL",
    "TRANSPORTATION",
    "GENERAL_SERVICES",
    "GOVERNMENT_AND_NON_PROFIT",
    "BANK_FEES",
)
NEEDS_DETAILED = ("FOOD_AND_DRINK_GROCERIES",)
CATEGORY_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")

_LABELS = {
    "RENT_AND_UTILITIES": "Rent and utilities",
    "FOOD_AND_DRINK": "Food and drink",
    "GENERAL_MERCHANDISE": "Shopping",
    "GENERAL_SERVICES": "Services",
    "GOVERNMENT_AND_NON_PROFIT": "Government and non-profit",
    "OTHER": "Other",
}


def category_label(category: str) -> str:
    """`FOOD_AND_DRINK` -> `Food and drink`; unknown categories read the same way."""
    return _LABELS.get(category) or category.replace("_", " ").capitalize()


def is_valid_category(category: str) -> bool:
    """The format of a Plaid primary category (upper case words joined by underscores)."""
    return bool(CATEGORY_PATTERN.match(category))


def category_expr() -> pl.Expr:
    """A transaction's category, with uncategorized rows under OTHER."""
    return pl.col("pfc_primary").fill_null(UNCATEGORIZED).alias("category")


def bucket_expr() -> pl.Expr:
    """Each spending row's 50/30/20 bucket (reads `category` and `pfc_detailed`)."""
    is_need = pl.col("category").is_in(list(NEEDS_PRIMARY)) | pl.col("pfc_detailed").is_in(list(NEEDS_DETAILED))
    return pl.when(is_need).then(pl.lit("needs")).otherwise(pl.lit("wants")).alias("bucket")


def category_bucket(category: str) -> Bucket:
    """A whole primary category's bucket (groceries make FOOD_AND_DRINK mixed: it is listed as a want)."""
    return "needs" if category in NEEDS_PRIMARY else "wants"
