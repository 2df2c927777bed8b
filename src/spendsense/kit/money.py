"""Money is integer cents with a currency code; Plaid's sign (positive = money out) is kept.

The conversion from Plaid's float dollars happens here and nowhere else.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

DEFAULT_CURRENCY = "USD"


def to_cents(amount: float | int | str | Decimal) -> int:
    """Dollars as Plaid sends them (a JSON number) -> integer cents, without float drift."""
    return int((Decimal(str(amount)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def to_cents_or_none(amount: float | int | str | Decimal | None) -> int | None:
    return None if amount is None else to_cents(amount)


def from_cents(cents: int) -> float:
    return cents / 100


def format_usd(cents: int) -> str:
    """`$1,234.56`, `-$12.00`; whole dollars drop the cents (`$3,400`)."""
    sign = "-" if cents < 0 else ""
    dollars, rem = divmod(abs(cents), 100)
    return f"{sign}${dollars:,}" if rem == 0 else f"{sign}${dollars:,}.{rem:02d}"
