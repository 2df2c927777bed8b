"""The user data a rationale cites, read from the engine's frames in a few vectorized passes.

Each function returns one row per user (or per user and window) with plain columns, so the
profile builder only looks values up; nothing here loops over users in Python.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from spendsense import rules
from spendsense.signals.income import deposits
from spendsense.signals.window import Window, prepare

# Plaid account type/subtype -> the product names eligibility rules speak of.
PRODUCTS = {
    ("depository", "checking"): "checking",
    ("depository", "savings"): "savings",
    ("depository", "money market"): "money_market",
    ("depository", "cash management"): "cash_management",
    ("depository", "hsa"): "hsa",
    ("depository", "cd"): "cd",
    ("credit", "credit card"): "credit_card",
    ("loan", "mortgage"): "mortgage",
    ("loan", "student"): "student_loan",
    ("loan", "auto"): "auto_loan",
    ("loan", "personal"): "personal_loan",
    ("investment", "brokerage"): "brokerage",
}
RETIREMENT_SUBTYPES = ("401k", "403b", "ira", "roth", "roth 401k", "sep ira", "simple ira", "457b", "retirement")
FEE_NAMES = {"overdraft": "an overdraft fee", "nsf": "an insufficient-funds fee", "late": "a late fee"}


def _first(frame: pl.DataFrame, keys: list[str], order: list[pl.Expr], columns: dict[str, str]) -> pl.DataFrame:
    """The first row per key in `order`, columns renamed to fact names."""
    picked = frame.sort(order, descending=True, nulls_last=True).group_by(keys, maintain_order=True).first()
    return picked.select(*keys, *(pl.col(src).alias(dst) for src, dst in columns.items()))


def card_facts(cards: pl.DataFrame) -> pl.DataFrame:
    """Per user: the most-used card, a minimum-payment-only card, an overdue card."""
    top = _first(
        cards,
        ["user_id"],
        [pl.col("utilization"), pl.col("balance_cents")],
        {
            "name": "card_name",
            "mask": "card_mask",
            "utilization": "card_utilization",
            "balance_cents": "card_balance",
            "limit_cents": "card_limit",
        },
    )
    minimum = _first(
        cards.filter(pl.col("minimum_payment_only")),
        ["user_id"],
        [pl.col("balance_cents")],
        {
            "name": "min_card_name",
            "mask": "min_card_mask",
            "last_payment_cents": "min_card_last_payment",
            "minimum_payment_cents": "min_card_minimum",
        },
    )
    overdue = _first(
        cards.filter(pl.col("is_overdue")),
        ["user_id"],
        [pl.col("balance_cents")],
        {"name": "overdue_card_name", "mask": "overdue_card_mask", "minimum_payment_cents": "overdue_minimum"},
    )
    return top.join(minimum, on="user_id", how="full", coalesce=True).join(
        overdue, on="user_id", how="full", coalesce=True
    )


def account_facts(accounts: pl.DataFrame) -> pl.DataFrame:
    """Per user: the main checking and savings accounts, how many accounts, which products."""
    personal = rules.personal_accounts(accounts)
    checking = _first(
        personal.filter(rules.is_checking_account()),
        ["user_id"],
        [pl.col("current_cents")],
        {"name": "checking_name", "mask": "checking_mask"},
    )
    savings = _first(
        personal.filter(rules.is_savings_account()),
        ["user_id"],
        [pl.col("current_cents")],
        {"name": "savings_name", "mask": "savings_mask"},
    )
    subtype = pl.col("subtype").fill_null("").str.to_lowercase()
    product = pl.concat_str([pl.col("type"), subtype], separator="|").replace_strict(
        {f"{t}|{s}": p for (t, s), p in PRODUCTS.items()}, default=None
    )
    retirement = pl.when((pl.col("type") == "investment") & subtype.is_in(RETIREMENT_SUBTYPES)).then(
        pl.lit("retirement")
    )
    held = (
        personal.with_columns(pl.coalesce(retirement, product).alias("product"))
        .group_by("user_id")
        .agg(pl.len().alias("account_count"), pl.col("product").drop_nulls().unique().sort().alias("products"))
    )
    return held.join(checking, on="user_id", how="left").join(savings, on="user_id", how="left")


def subscription_facts(streams: pl.DataFrame) -> pl.DataFrame:
    """Per user and window: subscription merchants, largest first."""
    name = pl.coalesce(pl.col("merchant_name"), pl.col("merchant_key"))
    return (
        streams.filter(pl.col("is_subscription"))
        .sort("average_amount_cents", name, descending=[True, False])
        .group_by("user_id", "window", maintain_order=True)
        .agg(
            name.head(3).alias("subscription_names"),
            name.first().alias("top_subscription"),
            pl.col("average_amount_cents").first().alias("top_subscription_amount"),
        )
    )


def window_facts(transactions: pl.DataFrame, accounts: pl.DataFrame, as_of: date, days: int) -> pl.DataFrame:
    """Per user for one window: the latest fee, the deposit range, the latest deposit, the top category."""
    prepared = prepare(transactions, accounts, as_of)
    window = Window(days, as_of)
    inside = prepared.filter(window.contains())
    fee_kind = rules.fee_kind().replace_strict(FEE_NAMES, default="a bank fee")
    fees = _first(
        inside.filter(rules.is_fee()).with_columns(fee_kind.alias("fee_name")),
        ["user_id"],
        [pl.col("date"), pl.col("transaction_id")],
        {"fee_name": "last_fee", "amount_cents": "last_fee_amount", "date": "last_fee_date"},
    )
    income = deposits(prepared).filter(window.in_lookback())
    deposit_range = income.group_by("user_id").agg(
        pl.col("amount").min().alias("smallest_deposit"), pl.col("amount").max().alias("largest_deposit")
    )
    last_deposit = _first(
        income,
        ["user_id"],
        [pl.col("date"), pl.col("amount")],
        {"amount": "last_income_amount", "date": "last_income_date"},
    )
    spending = inside.filter(rules.is_spending() & pl.col("account_type").is_in(rules.SPENDING_ACCOUNT_TYPES))
    by_category = spending.group_by("user_id", "pfc_primary").agg(pl.col("amount_cents").sum().alias("spend"))
    category = _first(
        by_category.filter(pl.col("pfc_primary").is_not_null()),
        ["user_id"],
        [pl.col("spend")],
        {"pfc_primary": "top_category", "spend": "top_category_spend"},
    ).with_columns(pl.col("top_category").str.replace_all("_", " ").str.to_lowercase())
    frames = [fees, deposit_range, last_deposit, category]
    users = pl.concat([f.select("user_id") for f in frames]).unique()
    joined = users
    for frame in frames:
        joined = joined.join(frame, on="user_id", how="left")
    return joined.with_columns(pl.lit(window.label).alias("window"))
