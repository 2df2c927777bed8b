"""The insights on Plaid's own files (../shared/fixtures/plaid), loaded by the ingest as a customer's would be.

Every expected figure is worked out from the raw JSON in the comment beside it. The sandbox
files' dates are relative to when they were fetched, so the as-of date is the newest
transaction date in the file (the default), never today.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine

from spendsense.consent.service import record
from spendsense.ingest.service import ingest_paths
from spendsense.insights import NetWorth, WeeklyRecap, compute_net_worth
from spendsense.insights.repository import load_insight_data
from spendsense.insights.service import compute_insight
from spendsense.insights.types import InsightData
from spendsense.kit.db import session_scope
from tests.conftest import PLAID_FIXTURES

SANDBOX = PLAID_FIXTURES / "sandbox-custom-users"
EXAMPLES = PLAID_FIXTURES / "openapi-examples"
AS_OF = date(2026, 7, 15)  # for files without transactions, whose balances are not tied to a date


def _ingested(engine: Engine, path: Path, user_id: str = "fixture-user") -> InsightData:
    ingest_paths(engine, [path], user_id=user_id)
    with session_scope(engine) as session:
        record(session, user_id, True, source="cli")
        return load_insight_data(session, user_id)


def _insight(engine: Engine, kind: str, user_id: str = "fixture-user") -> object:
    with session_scope(engine) as session:
        return compute_insight(session, user_id, kind)


class TestCheckingAndSavingsCustomUser:
    PATH = SANDBOX / "transactions" / "transactions_checking+savings_custom_user.json"

    def test_accounts_without_balances_are_listed_and_count_in_no_total(self, engine: Engine) -> None:
        _ingested(engine, self.PATH)
        worth = _insight(engine, "net-worth")
        assert isinstance(worth, NetWorth)
        # The file gives a checking and a savings account (both assets) and no `starting_balance`
        # for either: there is no balance to add up, so net worth is 0 from 0 known balances.
        assert sorted((a.subtype, a.side, a.balance_cents) for a in worth.accounts) == [
            ("checking", "asset", None),
            ("savings", "asset", None),
        ]
        assert (worth.assets_cents, worth.liabilities_cents, worth.net_worth_cents, worth.change_cents) == (0, 0, 0, 0)

    def test_card_autopays_are_not_spending(self, engine: Engine) -> None:
        _ingested(engine, self.PATH)
        recap = _insight(engine, "weekly-recap")
        assert isinstance(recap, WeeklyRecap)
        # Newest date: Aug 22 (posted), when checking paid 398.34 and savings 896.65 to "DEBIT CRD AUTOPAY":
        # card payments, so the week's spending is 0.
        assert (recap.as_of, recap.total_spend_cents, recap.by_category) == (date(2026, 8, 22), 0, [])


class TestCreditCardCustomUser:
    PATH = SANDBOX / "liabilities" / "credit_card_custom_user.json"

    def test_the_balance_owed_is_a_liability(self, engine: Engine) -> None:
        data = _ingested(engine, self.PATH)
        worth = compute_net_worth(data, date(2026, 7, 21))
        # One credit card, starting_balance 1245.67 owed (limit 10000): net worth -1245.67
        assert (worth.assets_cents, worth.liabilities_cents, worth.net_worth_cents) == (0, 124567, -124567)

    def test_history_takes_the_purchases_off_the_debt(self, engine: Engine) -> None:
        worth = compute_net_worth(_ingested(engine, self.PATH), date(2026, 7, 21))
        before_first = next(p for p in worth.history if p.date == date(2026, 7, 12))
        # Purchases posted Jul 13-21: 23.50 + 1200 + 45 + 156.89 + 87.43 = 1512.82; before them the card
        # owed 1245.67 - 1512.82 = -267.15 (a credit balance in the user's favour)
        assert before_first.liabilities_cents == -26715
        assert worth.change_cents == -124567 - 26715

    def test_weekly_recap(self, engine: Engine) -> None:
        _ingested(engine, self.PATH)
        recap = _insight(engine, "weekly-recap")
        assert isinstance(recap, WeeklyRecap)
        # Jul 15-21: rent 1200 + Shell 45 + Whole Foods 156.89 + Amazon 87.43 = 1489.32; Jul 8-14: Starbucks 23.50
        assert (recap.as_of, recap.total_spend_cents, recap.previous_total_spend_cents) == (
            date(2026, 7, 21),
            148932,
            2350,
        )
        assert recap.by_category[0].category == "RENT_AND_UTILITIES"


class TestSocialSecurityUser:
    PATH = SANDBOX / "income" / "SSAuser.json"

    def test_refund_outweighs_the_week_and_card_payment_and_interest_are_not_spending(self, engine: Engine) -> None:
        _ingested(engine, self.PATH)
        recap = _insight(engine, "weekly-recap")
        assert isinstance(recap, WeeklyRecap)
        # Aug 16-22: SparkFun 89.40 + McDonalds 12 + Starbucks 4.33 + Uber 5.40 + Touchstone 78.50 = 189.63, and the
        # United Airlines refund -500: -310.37. The card payment (25) and interest (-4.22) are not spending.
        assert (recap.as_of, recap.total_spend_cents, recap.previous_total_spend_cents) == (
            date(2026, 8, 22),
            -31037,
            0,
        )
        assert recap.summary.startswith("Refunds outweighed spending from Aug 16 to Aug 22, by $310.37.")

    def test_net_worth_rebuilt_back_to_july(self, engine: Engine) -> None:
        worth = compute_net_worth(_ingested(engine, self.PATH), date(2026, 8, 22))
        # starting_balance 50000 on checking is the balance now
        assert worth.net_worth_cents == 5000000
        # every amount posted Aug 1-22, added back: 2078.50 + 3 x 500 + 6.33 + 500 + 89.40 - 4.22 + 12 + 4.33
        # - 500 + 5.40 + 78.50 + 25 = 3795.24, so 53795.24 at the end of Jul 31
        july_31 = next(p for p in worth.history if p.date == date(2026, 7, 31))
        assert july_31.net_worth_cents == 5379524
        assert worth.history[0].date == date(2026, 8, 22) - timedelta(days=179)


class TestBusinessAccountUser:
    def test_a_business_account_is_left_out(self, engine: Engine) -> None:
        _ingested(engine, SANDBOX / "transactions" / "business_account.json")
        worth, recap = _insight(engine, "net-worth"), _insight(engine, "weekly-recap")
        assert isinstance(worth, NetWorth)
        assert isinstance(recap, WeeklyRecap)
        # The file's only account is a business checking account (152854.23): nothing personal to count
        assert (worth.accounts, worth.net_worth_cents) == ([], 0)
        assert (recap.total_spend_cents, recap.top_merchants) == (0, [])


class TestOpenApiExamples:
    def test_accounts_get_with_investment_and_student_loan(self, engine: Engine) -> None:
        worth = compute_net_worth(_ingested(engine, EXAMPLES / "accounts_get_example-1.json"), AS_OF)
        # checking current 110 + 401k current 23631.9805 (2363198 cents) are assets; the student loan's
        # current 65262 is debt: 11000 + 2363198 - 6526200 = -4152002
        assert (worth.assets_cents, worth.liabilities_cents, worth.net_worth_cents) == (2374198, 6526200, -4152002)

    def test_balance_get_with_a_credit_card(self, engine: Engine) -> None:
        worth = compute_net_worth(_ingested(engine, EXAMPLES / "accounts_balance_get_example-1.json"), AS_OF)
        # checking 110 is an asset; the card's current 410 (limit 2000) and the student loan's 65262 are owed
        assert (worth.assets_cents, worth.liabilities_cents, worth.net_worth_cents) == (11000, 6567200, -6556200)
        assert {(a.type, a.side) for a in worth.accounts} == {
            ("depository", "asset"),
            ("credit", "liability"),
            ("loan", "liability"),
        }
