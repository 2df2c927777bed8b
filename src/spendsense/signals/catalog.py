"""Every signal in one table: type, unit, the value a user without data for it gets, and what it means.

The wide signals frame, the Parquet files, `spendsense show` and the persona criteria
(which may only name signals listed here) all read this.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Signal:
    name: str
    dtype: pl.DataType
    unit: str  # cents | count | ratio | months | days | flag | frequency
    fill: bool | int | float | None
    """Value for a user with no data in the family (no fees -> 0 fees); None keeps "not applicable"."""
    description: str


def _s(name: str, dtype: pl.DataType, unit: str, fill: bool | int | float | None, description: str) -> Signal:
    return Signal(name, dtype, unit, fill, description)


INT, FLOAT, FLAG, TEXT = pl.Int64(), pl.Float64(), pl.Boolean(), pl.String()
SIGNALS = (
    _s("spending", INT, "cents", 0, "spending in the window (refunds reduce it)"),
    _s("monthly_spending", INT, "cents", 0, "spending per 30 days"),
    _s("recurring_stream_count", INT, "count", 0, "recurring streams in the lookback (any kind)"),
    _s("recurring_merchant_count", INT, "count", 0, "subscription streams: active, weekly or monthly outflows"),
    _s("monthly_recurring_spend", INT, "cents", 0, "what the subscriptions cost per month"),
    _s("subscription_spend", INT, "cents", 0, "subscription transactions in the window"),
    _s("subscription_share", FLOAT, "ratio", 0.0, "subscription spend / spending"),
    _s("income", INT, "cents", 0, "income deposits in the window"),
    _s("monthly_income", INT, "cents", 0, "income per 30 days"),
    _s("income_deposit_count", INT, "count", 0, "income deposits in the lookback"),
    _s("payroll_detected", FLAG, "flag", False, "a payroll ACH deposit in the lookback"),
    _s("income_stream_count", INT, "count", 0, "income streams (two or more deposits from one payer)"),
    _s("income_frequency", TEXT, "frequency", None, "pay frequency of the largest income stream"),
    _s("median_pay_gap_days", FLOAT, "days", None, "median days between income deposits"),
    _s("income_variability", FLOAT, "ratio", None, "coefficient of variation of deposit amounts"),
    _s("checking_balance", INT, "cents", None, "current balance of checking accounts"),
    _s("cash_flow_buffer_months", FLOAT, "months", None, "checking balance / monthly spending"),
    _s("savings_account_count", INT, "count", 0, "savings-like accounts"),
    _s("savings_balance", INT, "cents", 0, "current balance of savings-like accounts"),
    _s("savings_net_inflow", INT, "cents", 0, "money into savings-like accounts in the window, net"),
    _s("savings_net_inflow_monthly", INT, "cents", 0, "net savings inflow per 30 days"),
    _s("savings_growth_rate", FLOAT, "ratio", None, "net inflow / balance at the window start"),
    _s("emergency_fund_months", FLOAT, "months", None, "savings balance / monthly spending"),
    _s("card_count", INT, "count", 0, "credit cards"),
    _s("card_balance", INT, "cents", 0, "balance owed on cards"),
    _s("card_limit", INT, "cents", 0, "credit limits of the cards"),
    _s("max_utilization", FLOAT, "ratio", None, "highest card balance / limit"),
    _s("util_ge_30", FLAG, "flag", False, "a card at 30% utilization or more"),
    _s("util_ge_50", FLAG, "flag", False, "a card at 50% utilization or more"),
    _s("util_ge_80", FLAG, "flag", False, "a card at 80% utilization or more"),
    _s("minimum_payment_only", FLAG, "flag", False, "a card's last payment was about the minimum"),
    _s("is_overdue", FLAG, "flag", False, "a card payment is overdue"),
    _s("interest_charges", INT, "cents", 0, "interest charged in the window"),
    _s("fee_count", INT, "count", 0, "bank fees in the window (not interest)"),
    _s("fee_total", INT, "cents", 0, "bank fees in the window, total"),
    _s("overdraft_fee_count", INT, "count", 0, "overdraft fees"),
    _s("nsf_fee_count", INT, "count", 0, "insufficient-funds fees"),
    _s("late_fee_count", INT, "count", 0, "late fees"),
    _s("other_fee_count", INT, "count", 0, "other bank fees"),
    _s("has_subscriptions", FLAG, "flag", False, "behaviour: at least one recurring stream"),
    _s("has_savings", FLAG, "flag", False, "behaviour: at least one savings-like account"),
    _s("has_credit", FLAG, "flag", False, "behaviour: at least one card"),
    _s("has_income", FLAG, "flag", False, "behaviour: at least one income deposit"),
    _s("has_fees", FLAG, "flag", False, "behaviour: at least one fee"),
    _s("behaviour_count", INT, "count", 0, "areas with a behaviour (coverage needs 3)"),
)
BY_NAME = {signal.name: signal for signal in SIGNALS}
NAMES = tuple(BY_NAME)
KEYS = pl.Schema({"user_id": pl.String(), "window": pl.String(), "as_of": pl.Date()})
SCHEMA = pl.Schema({**dict(KEYS), **{signal.name: signal.dtype for signal in SIGNALS}})
