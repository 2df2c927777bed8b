"""What a transaction *is*, as Polars expressions: the one home of the rules in docs/signals.md.

Signals and insights both filter with these, so "a card payment is not spending" or "a
refund reduces spending" is decided here and nowhere else. Expressions read the columns of
`spendsense.tables.TRANSACTIONS` (and `is_business` after a join with accounts).
"""

from __future__ import annotations

import functools

import polars as pl

NOT_SPENDING_PRIMARY = ("TRANSFER_IN", "TRANSFER_OUT", "INCOME")
CARD_PAYMENT_DETAILED = "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"
INTEREST_DETAILED = "BANK_FEES_INTEREST_CHARGE"
RENT_DETAILED = "RENT_AND_UTILITIES_RENT"
FEE_KINDS = {
    "BANK_FEES_OVERDRAFT_FEES": "overdraft",
    "BANK_FEES_INSUFFICIENT_FUNDS": "nsf",
    "BANK_FEES_LATE_FEES": "late",
}
# "DIRECT DEP" also covers "Direct Deposit": the wording is matched as a word start, not a whole word.
PAYROLL_PATTERN = r"(?i)\b(PAYROLL|DIRECT DEP|DIR DEP|SALARY|PAYCHECK)"
SAVINGS_SUBTYPES = ("savings", "money market", "cash management", "hsa")
SPENDING_ACCOUNT_TYPES = ("depository", "credit")

# Every rule without arguments is built once (`functools.cache`): an expression is immutable, and
# building them again on every one-user recompute cost a few milliseconds.
_primary = pl.col("pfc_primary").fill_null("")
_detailed = pl.col("pfc_detailed").fill_null("")


@functools.cache
def is_posted() -> pl.Expr:
    return ~pl.col("pending").fill_null(False)


@functools.cache
def is_card_payment() -> pl.Expr:
    return _detailed == CARD_PAYMENT_DETAILED


@functools.cache
def is_transfer() -> pl.Expr:
    return _primary.is_in(["TRANSFER_IN", "TRANSFER_OUT"])


@functools.cache
def is_spending() -> pl.Expr:
    """Counts toward spending (refunds included, as negative amounts)."""
    return ~_primary.is_in(list(NOT_SPENDING_PRIMARY)) & ~is_card_payment()


@functools.cache
def is_subscription_category() -> pl.Expr:
    """A recurring outflow in this category can be a subscription.

    Rent, loan and card payments and transfers cannot; nor can bank fees and interest: a
    card's monthly interest charge recurs, but calling it a subscription would tell the
    customer to "cancel" a cost that only paying down the balance removes.
    """
    loan = _primary.str.starts_with("LOAN_PAYMENTS") | _detailed.str.starts_with("LOAN_PAYMENTS")
    return (_detailed != RENT_DETAILED) & ~loan & ~is_transfer() & (_primary != "BANK_FEES")


@functools.cache
def is_interest_charge() -> pl.Expr:
    return _detailed == INTEREST_DETAILED


@functools.cache
def is_fee() -> pl.Expr:
    return (_primary == "BANK_FEES") & ~is_interest_charge() & (pl.col("amount_cents") > 0)


@functools.cache
def fee_kind() -> pl.Expr:
    return _detailed.replace_strict(FEE_KINDS, default="other", return_dtype=pl.String)


@functools.cache
def is_payroll() -> pl.Expr:
    """Payroll ACH: wages by category, or payroll wording in the description."""
    by_words = pl.col("name").fill_null("").str.contains(PAYROLL_PATTERN)
    return (pl.col("amount_cents") < 0) & ((_detailed == "INCOME_WAGES") | by_words)


@functools.cache
def is_income() -> pl.Expr:
    return (pl.col("amount_cents") < 0) & ((_primary == "INCOME") | is_payroll())


@functools.cache
def is_savings_account() -> pl.Expr:
    """On an accounts frame: savings-like depository accounts."""
    return (pl.col("type") == "depository") & pl.col("subtype").fill_null("").is_in(list(SAVINGS_SUBTYPES))


@functools.cache
def is_checking_account() -> pl.Expr:
    return (pl.col("type") == "depository") & ~is_savings_account()


@functools.cache
def is_card_account() -> pl.Expr:
    return pl.col("type") == "credit"


@functools.cache
def is_personal_account() -> pl.Expr:
    """Business accounts are excluded from every personal analysis."""
    return ~pl.col("is_business").fill_null(False)


def personal_accounts(accounts: pl.DataFrame) -> pl.DataFrame:
    return accounts.filter(is_personal_account())


def personal_posted(transactions: pl.DataFrame, accounts: pl.DataFrame) -> pl.DataFrame:
    """Posted transactions on personal accounts, with the account's type (`account_type`) and subtype.

    The account fields are mapped on rather than joined: at millions of rows a lookup in a few
    hundred thousand account ids costs a fraction of a join, and the row order is kept.
    """
    kept = personal_accounts(accounts).unique("account_id", keep="first")
    ids = kept["account_id"]
    account = pl.col("account_id")
    return transactions.filter(is_posted() & account.is_in(ids.implode())).with_columns(
        account.replace_strict(ids, kept["type"], default=None, return_dtype=pl.String).alias("account_type"),
        account.replace_strict(ids, kept["subtype"], default=None, return_dtype=pl.String).alias("subtype"),
    )
