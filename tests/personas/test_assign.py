from __future__ import annotations

from spendsense.personas.assign import ASSIGNMENTS, assign_personas
from tests.personas.signals import signals_frame

HIGH_UTILIZATION = {"max_utilization": 0.68, "card_count": 1}
VARIABLE_INCOME = {"median_pay_gap_days": 61.0, "cash_flow_buffer_months": 0.4}
FEES = {"fee_count": 2, "fee_total": 6900}
SUBSCRIPTIONS = {"recurring_merchant_count": 3, "monthly_recurring_spend": 5200, "subscription_share": 0.04}
SAVER = {"savings_growth_rate": 0.031, "savings_net_inflow_monthly": 12000}


class TestAssignPersonas:
    def test_each_persona_alone(self) -> None:
        frame = assign_personas(signals_frame(HIGH_UTILIZATION, VARIABLE_INCOME, FEES, SUBSCRIPTIONS, SAVER))
        assert frame.schema == ASSIGNMENTS
        assert frame["primary_persona"].to_list() == [
            "high_utilization",
            "variable_income",
            "fee_saver",
            "subscription_heavy",
            "savings_builder",  # no card: "every card under 30%" holds
        ]

    def test_several_matches_keep_priority_order_and_the_first_is_primary(self) -> None:
        (row,) = assign_personas(signals_frame({**SAVER, **FEES, **SUBSCRIPTIONS})).to_dicts()
        assert row["personas"] == ["fee_saver", "subscription_heavy", "savings_builder"]
        assert row["primary_persona"] == "fee_saver"

    def test_a_card_at_30_percent_blocks_savings_builder(self) -> None:
        (row,) = assign_personas(signals_frame({**SAVER, "max_utilization": 0.30})).to_dicts()
        assert row["personas"] == []

    def test_interest_alone_is_high_utilization(self) -> None:
        (row,) = assign_personas(signals_frame({"interest_charges": 1, "max_utilization": 0.05})).to_dicts()
        assert row["primary_persona"] == "high_utilization"

    def test_variable_income_needs_both_a_long_gap_and_a_thin_buffer(self) -> None:
        frame = assign_personas(
            signals_frame(
                {"median_pay_gap_days": 61.0, "cash_flow_buffer_months": 2.0},
                {"median_pay_gap_days": 45.0, "cash_flow_buffer_months": 0.2},  # > 45 is strict
                {"median_pay_gap_days": 61.0, "cash_flow_buffer_months": None},  # no checking account
            )
        )
        assert frame["primary_persona"].to_list() == [None, None, None]

    def test_a_user_matching_nothing_has_no_primary_and_an_empty_list(self) -> None:
        (row,) = assign_personas(signals_frame({})).to_dicts()
        assert (row["primary_persona"], row["personas"]) == (None, [])
