"""What every insight takes (one user's frames) and the base of what each returns.

Results are frozen pydantic models: the API returns them as they are, a Lambda function
dumps them with `model_dump(mode="json")`. Money is integer cents (`*_cents` fields) in
the result's `iso_currency_code`, with Plaid's sign turned the way a person reads it:
spending and debts are positive numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import polars as pl

BUDGETS = pl.Schema({"month": pl.String, "category": pl.String, "amount_cents": pl.Int64})


def empty_budgets() -> pl.DataFrame:
    return pl.DataFrame(schema=BUDGETS)


class FramesLike(Protocol):
    """`spendsense.store.frames.Frames` or anything with the same three frames."""

    @property
    def accounts(self) -> pl.DataFrame: ...

    @property
    def transactions(self) -> pl.DataFrame: ...

    @property
    def liabilities(self) -> pl.DataFrame: ...


@dataclass(frozen=True)
class InsightData:
    """One user's data, shaped like `spendsense.tables`, plus the budgets they saved (`BUDGETS`)."""

    user_id: str
    accounts: pl.DataFrame
    transactions: pl.DataFrame
    liabilities: pl.DataFrame
    budgets: pl.DataFrame = field(default_factory=empty_budgets)

    @classmethod
    def from_frames(cls, frames: FramesLike, user_id: str, budgets: pl.DataFrame | None = None) -> InsightData:
        keep = pl.col("user_id") == user_id
        return cls(
            user_id=user_id,
            accounts=frames.accounts.filter(keep),
            transactions=frames.transactions.filter(keep),
            liabilities=frames.liabilities.filter(keep),
            budgets=empty_budgets() if budgets is None else budgets,
        )

    def newest_transaction_date(self) -> date | None:
        """The default as-of date: the newest transaction the user has (None without any)."""
        newest = self.transactions["date"].max()
        return newest if isinstance(newest, date) else None
