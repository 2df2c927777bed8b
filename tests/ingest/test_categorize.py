from __future__ import annotations

import pytest

from spendsense.ingest import category_rules
from spendsense.ingest.categorize import categorize, clean_merchant_name, describe, payment_channel, primary_of


class TestCategorize:
    @pytest.mark.parametrize(
        ("description", "cents", "detailed"),
        [
            ("Discover credit card payment", 174_532, "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"),
            ("CREDIT CARD 3333 PAYMENT *//", 2_500, "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"),
            ("Plaid Direct Dep", -550_000, "INCOME_WAGES"),
            ("Direct Deposit - Excelsior Welding Company", -416_666, "INCOME_WAGES"),
            ("Social Security Administration", -250_000, "INCOME_RETIREMENT_PENSION"),
            ("Unemployment Benefits", -75_000, "INCOME_UNEMPLOYMENT"),
            ("Online Banking transfer to SAV XXXX Confirmation# XXXXXXXXXX", 30_000, "TRANSFER_OUT_SAVINGS"),
            ("Online Banking transfer from SAV XXXX Confirmation# XXXXXXXXXX", -20_000, "TRANSFER_IN_SAVINGS"),
            ("Overdraft fee", 500, "BANK_FEES_OVERDRAFT_FEES"),
            ("NSF fee", 1_200, "BANK_FEES_INSUFFICIENT_FUNDS"),
            ("LATE FEE FOR PAYMENT DUE", 3_900, "BANK_FEES_LATE_FEES"),
            ("INTEREST CHARGE ON PURCHASES", 25_336, "BANK_FEES_INTEREST_CHARGE"),
            ("Student Loan Repayment", 26_700, "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT"),
            ("Mortgage Payment", 274_500, "LOAN_PAYMENTS_MORTGAGE_PAYMENT"),
            ("Monthly Rent Payment", 120_000, "RENT_AND_UTILITIES_RENT"),
            ("Whole Foods Market", 15_689, "FOOD_AND_DRINK_GROCERIES"),
            ("KFC", 50_000, "FOOD_AND_DRINK_FAST_FOOD"),
            ("Shell Gas Station", 4_500, "TRANSPORTATION_GAS"),
            ("Uber 072515 SF**POOL**", 633, "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"),
            ("Uber Payout", -100_000, "INCOME_OTHER_INCOME"),
        ],
    )
    def test_known_descriptions(self, description: str, cents: int, detailed: str) -> None:
        assert categorize(description, cents) == (primary_of(detailed), detailed)

    def test_a_merchant_refund_is_negative_spending_in_its_category(self) -> None:
        assert categorize("United Airlines **** REFUND ****", -50_000) == ("TRAVEL", "TRAVEL_FLIGHTS")

    def test_an_unknown_refund_is_not_a_deposit(self) -> None:
        assert categorize("Tectra Inc REFUND", -2_000)[1] == category_rules.UNKNOWN_OUTFLOW

    def test_unknown_outflow(self) -> None:
        assert categorize("Tectra Inc", 50_000)[1] == "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"

    def test_unknown_inflow(self) -> None:
        assert categorize("GMSTEK LLC XJIK", -234_763)[1] == "TRANSFER_IN_DEPOSIT"

    def test_a_fee_naming_a_merchant_is_a_fee(self) -> None:
        description = "OVERDRAFT FEE FOR A TRANSACTION POSTED ON XX/XX RECURRING PAYMENT HLU*Hulu"
        assert categorize(description, 3_500)[1] == "BANK_FEES_OVERDRAFT_FEES"


class TestPrimaryOf:
    def test_every_rule_names_a_known_category(self) -> None:
        for _, _, detailed, _ in category_rules.RULES:
            assert detailed.startswith(primary_of(detailed) + "_")

    def test_the_longest_primary_wins(self) -> None:
        assert primary_of("TRANSFER_IN_DEPOSIT") == "TRANSFER_IN"

    def test_unknown_category_is_an_error(self) -> None:
        with pytest.raises(ValueError, match="no known primary"):
            primary_of("SOMETHING_ELSE")


class TestCleanMerchantName:
    @pytest.mark.parametrize(
        ("description", "name"),
        [
            ("McDonalds #3322", "McDonalds"),
            (
                "PURCHASE AUTHORIZED ON XX/XX COUNTRYSIDE DONUT KIRKLAND WA SXXXXXXXX CARD XXXX",
                "Countryside Donut Kirkland Wa",
            ),
            ("TWILIO INC. Merchant name: Twilio", "Twilio"),
            ("Pos Debit- XXXX XXXX Sprint Wireless XXX-XXX-XXXX KS", "Sprint Wireless"),
            ("Discover credit card payment", "Discover credit card payment"),
        ],
    )
    def test_noise_is_removed(self, description: str, name: str) -> None:
        assert clean_merchant_name(description) == name

    def test_nothing_left_is_none(self) -> None:
        assert clean_merchant_name("XXXX 1234 #99") is None


class TestDescribe:
    def test_a_known_merchant_gets_its_canonical_name(self) -> None:
        assert describe("Starbucks Coffee", 2_350).merchant_name == "Starbucks"

    def test_money_movements_have_no_shopping_channel(self) -> None:
        assert payment_channel("AMAZON.COM SVCS DIRECT DEP", "INCOME") == "other"

    def test_online_purchase(self) -> None:
        assert describe("Amazon.com Purchase", 8_743).payment_channel == "online"
