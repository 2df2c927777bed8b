"""Net worth: what the user owns minus what they owe, now and day by day over the last 180 days.

Signs, as Plaid reports balances: a depository or investment account's `current` is money
the user has (an asset); a credit card's `current` is the amount owed and a loan's is the
debt outstanding (liabilities, positive when owed). Any other account type is counted as
an asset, since Plaid's open set of types only adds kinds of holdings.

The history is rebuilt backwards from today's balances. Plaid's sign makes one rule serve
both sides: a positive amount is money out, so on an asset account it lowered the balance
(going back, add it back) and on a card or loan it raised the debt (going back, take it
off). Market moves of investments are not transactions, so their history stays flat.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from spendsense import rules
from spendsense.insights.common import report_currency
from spendsense.insights.results import AccountBalance, NetWorth, NetWorthPoint
from spendsense.insights.types import InsightData

HISTORY_DAYS = 180
LIABILITY_TYPES = ("credit", "loan")


def compute_net_worth(data: InsightData, as_of: date, history_days: int = HISTORY_DAYS) -> NetWorth:
    """Assets minus liabilities on `as_of`, with the daily history of the `history_days` days ending there.

    Personal accounts in the report currency count, with `current` as the balance (else
    `available`); an account without either is listed with a None balance and counts in no
    total, since guessing would be worse. Business accounts are left out. Balances are taken
    as of the newest data, so transactions after `as_of` are rolled back too. Only posted
    transactions move a `current` balance, so pending ones are left out.
    """
    currency = report_currency(data.accounts)
    accounts = _accounts(data.accounts, currency)
    moves = _daily_moves(data, accounts, as_of - timedelta(days=history_days - 1))
    later = moves.filter(pl.col("date") > as_of)
    balances = _balances_on(accounts, later)
    history = _history(balances, moves, as_of, history_days)
    now = history[-1]
    return NetWorth(
        user_id=data.user_id,
        as_of=as_of,
        iso_currency_code=currency,
        assets_cents=now.assets_cents,
        liabilities_cents=now.liabilities_cents,
        net_worth_cents=now.net_worth_cents,
        change_cents=now.net_worth_cents - history[0].net_worth_cents,
        accounts=balances,
        history=history,
    )


def _accounts(accounts: pl.DataFrame, currency: str) -> pl.DataFrame:
    side = pl.when(pl.col("type").is_in(list(LIABILITY_TYPES))).then(pl.lit("liability")).otherwise(pl.lit("asset"))
    return (
        rules.personal_accounts(accounts)
        .with_columns(side.alias("side"), pl.coalesce("current_cents", "available_cents").alias("balance_cents"))
        .filter(pl.col("iso_currency_code").fill_null(currency) == currency)
        .sort("side", "account_id")
    )


def _daily_moves(data: InsightData, accounts: pl.DataFrame, first_day: date) -> pl.DataFrame:
    """Per account and day after `first_day`: the sum of posted amounts (Plaid's sign)."""
    kept = accounts.filter(pl.col("balance_cents").is_not_null()).select("account_id")
    rows = data.transactions.filter(rules.is_posted(), pl.col("date") > first_day).join(kept, on="account_id")
    return rows.group_by("account_id", "date").agg(pl.col("amount_cents").sum())


def _effect(side: str, amount: int) -> int:
    """How undoing `amount` moves this account's reported balance (see the module docstring)."""
    return amount if side == "asset" else -amount


def _balances_on(accounts: pl.DataFrame, later: pl.DataFrame) -> list[AccountBalance]:
    undo = dict(later.group_by("account_id").agg(pl.col("amount_cents").sum()).iter_rows())
    return [
        AccountBalance(
            account_id=row["account_id"],
            name=row["name"],
            mask=row["mask"],
            type=row["type"],
            subtype=row["subtype"],
            side=row["side"],
            balance_cents=None
            if row["balance_cents"] is None
            else row["balance_cents"] + _effect(row["side"], undo.get(row["account_id"], 0)),
        )
        for row in accounts.iter_rows(named=True)
    ]


def _history(balances: list[AccountBalance], moves: pl.DataFrame, as_of: date, days: int) -> list[NetWorthPoint]:
    side_of = {balance.account_id: balance.side for balance in balances}
    # Per day, the change of each side's total that undoing that day's transactions makes.
    undo: dict[date, list[int]] = {}
    for account_id, day, amount in moves.iter_rows():
        change = undo.setdefault(day, [0, 0])
        change[0 if side_of[account_id] == "asset" else 1] += _effect(side_of[account_id], amount)
    assets = sum(b.balance_cents or 0 for b in balances if b.side == "asset")
    liabilities = sum(b.balance_cents or 0 for b in balances if b.side == "liability")
    points = []
    for offset in range(days):
        day = as_of - timedelta(days=offset)
        net = assets - liabilities
        points.append(NetWorthPoint(date=day, assets_cents=assets, liabilities_cents=liabilities, net_worth_cents=net))
        asset_change, liability_change = undo.get(day, (0, 0))
        assets, liabilities = assets + asset_change, liabilities + liability_change
    return points[::-1]
