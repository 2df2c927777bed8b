"""Events become transaction rows: ids, text from the catalog, dates, and pending -> posted pairs.

A purchase authorized in the last `PENDING_DAYS` days shows as a pending row (dated the day it
was authorized); once it posts, its posted twin carries `pending_transaction_id` pointing at
it. A purchase that has not posted by the as-of date is only the pending row. Older purchases
posted long ago and their pending rows are gone, as in Plaid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense import tables
from spendsense.synthetic.accounts import AccountPlan, random_ids
from spendsense.synthetic.calendar import History
from spendsense.synthetic.catalog import Catalog
from spendsense.synthetic.events import Events

IntArray = npt.NDArray[np.int64]
PENDING_DAYS = 4


@dataclass(frozen=True)
class Ledger:
    transactions: pl.DataFrame  # tables.TRANSACTIONS, sorted by user and date
    series: IntArray  # per transaction row: its series id, -1 for none (pending rows: always -1)
    account: IntArray  # per transaction row: its account row in the plan
    merchant: IntArray  # per transaction row: its catalog merchant
    posted: Events  # what the balances are made of
    pending_only: Events  # authorized but not posted by the as-of date


def _split(events: Events, history: History, cat: Catalog) -> tuple[Events, Events, IntArray]:
    """(posted rows, pending rows, for each posted row the index of its pending twin or -1)."""
    authorized = events.day - events.lag
    has_pending = cat.pendable[events.merchant] & (events.amount > 0) & (authorized >= history.days - PENDING_DAYS)
    is_posted = events.day < history.days
    twin = np.full(len(events), -1, dtype=np.int64)
    twin[has_pending] = np.arange(int(has_pending.sum()))
    pending = events.take(has_pending)
    pending = Events.make(pending.account, pending.day - pending.lag, pending.amount, pending.merchant, -1, 0)
    return events.take(is_posted), pending, twin[is_posted]


def _twin_ids(pending_ids: pl.Series, twin: IntArray, n_pending: int) -> pl.Series:
    gathered = (
        pending_ids.gather(np.maximum(twin, 0)) if pending_ids.len() else pl.repeat("", twin.shape[0], eager=True)
    )
    posted = pl.select(pl.when(pl.Series(twin >= 0)).then(gathered)).to_series()
    return pl.concat([posted, pl.repeat(None, n_pending, dtype=pl.String, eager=True)])


def build_ledger(
    rng: np.random.Generator, events: Events, plan: AccountPlan, user_ids: pl.Series, history: History, cat: Catalog
) -> Ledger:
    posted, pending, twin = _split(events, history, cat)
    rows = Events.concat([posted, pending])
    ids = random_ids(rng, len(rows))
    twin_ids = _twin_ids(ids.slice(len(posted)), twin, len(pending))
    authorized = np.concatenate([posted.day - posted.lag, pending.day])
    user = plan.user[rows.account]
    order = np.argsort((user << 21) | rows.day, kind="stable")
    frame = pl.DataFrame(
        {
            "transaction_id": ids.gather(order),
            "account_id": plan.ids.gather(rows.account[order]),
            "user_id": user_ids.gather(user[order]),
            "date": pl.Series(rows.day[order] + history.epoch_offset, dtype=pl.Int32).cast(pl.Date),
            "authorized_date": pl.Series(authorized[order] + history.epoch_offset, dtype=pl.Int32).cast(pl.Date),
            "amount_cents": rows.amount[order],
            "iso_currency_code": pl.repeat("USD", len(rows), eager=True),
            "pending": np.arange(len(rows))[order] >= len(posted),
            "pending_transaction_id": twin_ids.gather(order),
        }
    )
    text = cat.frame[rows.merchant[order]]
    transactions = pl.concat([frame, text], how="horizontal").select(tables.TRANSACTIONS.names())
    return Ledger(
        transactions=transactions.cast(tables.TRANSACTIONS),
        series=rows.series[order],
        account=rows.account[order],
        merchant=rows.merchant[order],
        posted=posted,
        pending_only=events.take(events.day >= history.days),
    )
