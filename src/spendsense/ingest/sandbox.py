"""Turn a Plaid Sandbox custom-user configuration into the accounts, transactions and liabilities Plaid would return.

Choices (also in the package docstring): ids are derived from the user, the file's content hash and the
position, so the same file gives the same ids for the same user and never collides across
users; `date` is the posted date and `authorized_date` the transacted one (a posted date
before the transacted date is a typo in the file and gives way to the transacted date);
balances come from `starting_balance`, `force_available_balance` and `meta.limit`;
categories, merchant names and channels come from `categorize`, since a configuration has
none. A `monthly-income` inflow model becomes one deposit a month within the dates the file
covers; other inflow models describe Plaid's own interest simulation and are kept raw only.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spendsense.ingest import payloads
from spendsense.ingest.business import holder_category
from spendsense.ingest.categorize import describe
from spendsense.ingest.errors import IngestRejected, Problem
from spendsense.ingest.sandbox_payloads import SandboxAccount, SandboxConfig, SandboxLiability, SandboxTransaction
from spendsense.kit.ids import sha256_hex, stable_id
from spendsense.kit.money import to_cents

DEFAULT_CURRENCY = "USD"


@dataclass
class SandboxView:
    """What Plaid's API would return for the configured accounts; `paths` maps ids to the config's JSON paths."""

    accounts: list[payloads.Account] = field(default_factory=list)
    transactions: list[payloads.Transaction] = field(default_factory=list)
    credit: list[payloads.CreditLiability] = field(default_factory=list)
    mortgage: list[payloads.MortgageLiability] = field(default_factory=list)
    student: list[payloads.StudentLiability] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Ids:
    user_id: str
    content_sha256: str

    def make(self, *parts: object) -> str:
        return stable_id("sandbox", self.user_id, self.content_sha256, *parts, length=32)


def _mask(ids: _Ids, index: int, account: SandboxAccount) -> str:
    if account.numbers and account.numbers.account:
        return account.numbers.account[-4:]
    return f"{int(sha256_hex(ids.make('mask', index).encode())[:8], 16) % 10000:04d}"


def _balances(account: SandboxAccount) -> payloads.Balances:
    limit = account.meta.limit if account.meta else None
    current = account.starting_balance
    available = account.force_available_balance
    if available is None and current is not None:
        if account.type == "depository":
            available = current
        elif account.type == "credit" and limit is not None:
            available = limit - current
    return payloads.Balances(
        available=available, current=current, limit=limit, iso_currency_code=account.currency or DEFAULT_CURRENCY
    )


def _account(ids: _Ids, index: int, account: SandboxAccount) -> payloads.Account:
    kind = account.type or "other"  # Plaid's "non-specified account type"
    meta = account.meta
    return payloads.Account(
        account_id=ids.make("account", index),
        balances=_balances(account),
        name=(meta.name if meta and meta.name else None) or (account.subtype or kind).title(),
        official_name=meta.official_name if meta else None,
        mask=_mask(ids, index, account),
        type=kind,
        subtype=account.subtype,
        holder_category=holder_category(account),
    )


def _plaid_transaction(
    transaction_id: str,
    account_id: str,
    posted: dt.date,
    authorized: dt.date | None,
    amount: float,
    name: str,
    currency: str,
) -> payloads.Transaction:
    described = describe(name, to_cents(amount))
    return payloads.Transaction(
        transaction_id=transaction_id,
        account_id=account_id,
        amount=amount,
        date=posted,
        authorized_date=authorized,
        iso_currency_code=currency,
        name=name,
        merchant_name=described.merchant_name,
        payment_channel=described.payment_channel,
        personal_finance_category=payloads.Category(primary=described.pfc_primary, detailed=described.pfc_detailed),
    )


def _missing(path: str, row: SandboxTransaction) -> list[Problem]:
    problems = []
    if row.date_posted is None and row.date_transacted is None:
        problems.append(Problem("", f"{path}.date_posted", "a transaction needs date_posted or date_transacted"))
    if row.amount is None:
        problems.append(Problem("", f"{path}.amount", "Field required"))
    if not row.description:
        problems.append(Problem("", f"{path}.description", "Field required"))
    return problems


def _transactions(ids: _Ids, index: int, account: SandboxAccount, view: SandboxView) -> list[Problem]:
    account_id = view.accounts[index].account_id
    currency = account.currency or DEFAULT_CURRENCY
    problems: list[Problem] = []
    for position, row in enumerate(account.transactions):
        path = f"override_accounts[{index}].transactions[{position}]"
        if row.is_placeholder():
            continue
        found = _missing(path, row)
        if found or row.amount is None or row.description is None:
            problems += found
            continue
        dates = [day for day in (row.date_posted, row.date_transacted) if day is not None]
        transaction_id = ids.make("transaction", index, position)
        view.transactions.append(
            _plaid_transaction(
                transaction_id,
                account_id,
                max(dates),
                row.date_transacted,
                row.amount,
                row.description,
                row.currency or currency,
            )
        )
        view.paths[transaction_id] = path
    return problems


def _payment_days(first: dt.date, last: dt.date, day_of_month: float | str) -> list[dt.date]:
    days, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        last_day = calendar.monthrange(year, month)[1]
        day = last_day if day_of_month == "last" else min(int(day_of_month), last_day)
        if first <= dt.date(year, month, day) <= last:
            days.append(dt.date(year, month, day))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def _inflows(ids: _Ids, index: int, account: SandboxAccount, view: SandboxView, span: tuple[dt.date, dt.date]) -> None:
    model = account.inflow_model
    if model is None or model.type != "monthly-income" or model.income_amount is None:
        return  # other inflow models are Plaid's own interest simulation: kept in the raw payload only
    day_of_month = model.payment_day_of_month or 1
    name = model.transaction_name or "INCOME"
    for day in _payment_days(*span, day_of_month):
        transaction_id = ids.make("inflow", index, day.isoformat())
        view.transactions.append(
            _plaid_transaction(
                transaction_id,
                view.accounts[index].account_id,
                day,
                day,
                -abs(model.income_amount),
                name,
                account.currency or DEFAULT_CURRENCY,
            )
        )
        view.paths[transaction_id] = f"override_accounts[{index}].inflow_model"


def _aprs(liability: SandboxLiability) -> list[payloads.Apr]:
    kinds = ("purchase_apr", "cash_apr", "balance_transfer_apr", "special_apr")
    values = {kind: getattr(liability, kind) for kind in kinds}
    return [payloads.Apr(apr_type=kind, apr_percentage=value) for kind, value in values.items() if value is not None]


def _liability(account_id: str, liability: SandboxLiability, view: SandboxView) -> None:
    # Every configured field travels along: the mapped ones become columns, the rest `details`.
    apr_kinds = {"purchase_apr", "cash_apr", "balance_transfer_apr", "special_apr"}
    fields: dict[str, Any] = {
        "account_id": account_id,
        **liability.model_dump(mode="json", exclude_unset=True, exclude={"type", *apr_kinds}),
    }
    if liability.type == "credit":
        view.credit.append(payloads.CreditLiability.model_validate({**fields, "aprs": _aprs(liability)}))
    elif liability.type == "student":
        fields["interest_rate_percentage"] = liability.nominal_apr
        view.student.append(payloads.StudentLiability.model_validate(fields))
    elif liability.type == "mortgage":
        fields["interest_rate"] = payloads.InterestRate(percentage=liability.nominal_apr)
        view.mortgage.append(payloads.MortgageLiability.model_validate(fields))


def _inflow_problems(index: int, account: SandboxAccount) -> list[Problem]:
    model = account.inflow_model
    if model is None or model.type != "monthly-income":
        return []
    path = f"override_accounts[{index}].inflow_model"
    problems = []
    if model.income_amount is None:
        problems.append(Problem("", f"{path}.income_amount", "required for a monthly-income model"))
    day = model.payment_day_of_month
    if day is not None and day != "last" and (isinstance(day, str) or not 1 <= day <= 31):
        problems.append(Problem("", f"{path}.payment_day_of_month", "expected a day 1-31 or 'last'"))
    return problems


def adapt(config: SandboxConfig, user_id: str, content_sha256: str) -> SandboxView:
    """The Plaid-shaped view of a configuration; every missing required field is reported at once."""
    ids, view, problems = _Ids(user_id, content_sha256), SandboxView(), []
    for index, account in enumerate(config.override_accounts):
        view.accounts.append(_account(ids, index, account))
        view.paths[view.accounts[index].account_id] = f"override_accounts[{index}]"
        problems += _transactions(ids, index, account, view) + _inflow_problems(index, account)
    if problems:
        raise IngestRejected(problems)
    dates = [transaction.date for transaction in view.transactions]
    for index, account in enumerate(config.override_accounts):
        if dates:
            _inflows(ids, index, account, view, (min(dates), max(dates)))
        if account.liability is not None:
            _liability(view.accounts[index].account_id, account.liability, view)
    return view
