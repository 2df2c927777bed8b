from __future__ import annotations

from collections import Counter
from typing import Any

import polars as pl

from spendsense import rules
from spendsense.synthetic.population import PERSONAS


class TestPersonaLabels:
    def test_every_persona_is_some_users_primary(self, labels: dict[str, Any]) -> None:
        primaries = Counter(user["primary_persona"] for user in labels["users"].values())
        assert set(primaries) == set(PERSONAS)

    def test_personas_are_listed_in_priority_order_primary_first(self, labels: dict[str, Any]) -> None:
        for user in labels["users"].values():
            assert user["personas"][0] == user["primary_persona"]
            assert user["personas"] == sorted(user["personas"], key=PERSONAS.index)

    def test_users_overlap_with_lower_priority_personas(self, labels: dict[str, Any]) -> None:
        overlapping = [user for user in labels["users"].values() if len(user["personas"]) > 1]
        assert len(overlapping) >= 20
        assert {user["primary_persona"] for user in overlapping} >= {
            "high_utilization",
            "fee_saver",
            "subscription_heavy",
        }

    def test_every_consenting_user_shows_three_behaviours(
        self, labels: dict[str, Any], tables: dict[str, pl.DataFrame]
    ) -> None:
        """Coverage needs a persona and >= 3 of: recurring stream, savings account, card, income, fee."""
        accounts = rules.personal_accounts(tables["accounts"])
        savers = set(accounts.filter(rules.is_savings_account())["user_id"])
        card_holders = set(accounts.filter(rules.is_card_account())["user_id"])
        earners = set(
            rules.personal_posted(tables["transactions"], tables["accounts"]).filter(rules.is_income())["user_id"]
        )
        for user_id, user in labels["users"].items():
            areas = [
                bool(user["recurring_streams"]),
                user_id in savers,
                user_id in card_holders,
                user_id in earners,
                bool(user["fee_events"]),
            ]
            assert user["primary_persona"] is not None
            assert sum(areas) >= 3, (user_id, areas)
