import pytest
from pydantic import ValidationError

from spendsense.recommend.facts import Facts, Money, Percent, Text
from spendsense.recommend.rationale import RationaleTemplate, first_rationale, render

UTILIZATION = RationaleTemplate(
    id="card_utilization",
    cites=("max_utilization",),
    text="We noticed your {card_name} ending in {card_mask} is at {card_utilization} utilization "
    "({card_balance} of a {card_limit} limit).",
)
INTEREST = RationaleTemplate(
    id="interest", cites=("interest_charges",), text="You paid {interest_charges} in interest."
)
CARD = Facts.of(
    card_name=Text("Visa"),
    card_mask=Text("4523"),
    card_utilization=Percent(0.68),
    card_balance=Money(340_000),
    card_limit=Money(500_000),
)


class TestRender:
    def test_renders_the_example_of_the_requirements(self) -> None:
        rationale = render(UTILIZATION, CARD)
        assert rationale is not None
        assert rationale.text == "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of a $5,000 limit)."
        assert rationale.cites == ("max_utilization",)
        assert rationale.facts["card_balance"] == 340_000

    def test_missing_fact_means_no_rationale(self) -> None:
        assert render(UTILIZATION, Facts.of(card_name=Text("Visa"))) is None

    def test_zero_amount_means_no_rationale(self) -> None:
        assert render(INTEREST, Facts.of(interest_charges=Money(0))) is None

    def test_braces_in_data_never_leave_a_placeholder(self) -> None:
        facts = Facts.of(interest_charges=Money(500))
        template = RationaleTemplate(id="t", cites=("interest_charges",), text="Paid {interest_charges}.")
        assert render(template, facts) is not None
        odd = CARD.merged(Facts.of(card_name=Text("{card_name}")))
        assert render(UTILIZATION, odd) is None


class TestTemplateValidation:
    def test_unknown_signal_is_rejected(self) -> None:
        with pytest.raises(ValidationError, match="unknown signal names"):
            RationaleTemplate(id="t", cites=("mood",), text="{a}")

    def test_format_spec_is_rejected(self) -> None:
        with pytest.raises(ValidationError, match="bare fact name"):
            RationaleTemplate(id="t", cites=("fee_total",), text="{fee_total:.2f}")

    def test_template_without_a_fact_is_rejected(self) -> None:
        with pytest.raises(ValidationError, match="at least one fact"):
            RationaleTemplate(id="t", cites=("fee_total",), text="Fees are common.")


class TestFirstRationale:
    def test_first_usable_template_wins(self) -> None:
        facts = CARD.merged(Facts.of(interest_charges=Money(8_734)))
        rationale = first_rationale([INTEREST, UTILIZATION], facts)
        assert rationale is not None
        assert rationale.template_id == "interest"

    def test_skips_templates_without_data(self) -> None:
        rationale = first_rationale([INTEREST, UTILIZATION], CARD)
        assert rationale is not None
        assert rationale.template_id == "card_utilization"

    def test_prefers_a_template_not_used_yet(self) -> None:
        facts = CARD.merged(Facts.of(interest_charges=Money(8_734)))
        rationale = first_rationale([INTEREST, UTILIZATION], facts, frozenset({"interest"}))
        assert rationale is not None
        assert rationale.template_id == "card_utilization"

    def test_prefers_a_template_citing_a_detected_signal(self) -> None:
        facts = CARD.merged(Facts.of(interest_charges=Money(8_734)))
        rationale = first_rationale([INTEREST, UTILIZATION], facts, detected=frozenset({"max_utilization"}))
        assert rationale is not None
        assert rationale.template_id == "card_utilization"

    def test_an_unused_template_beats_a_used_one_citing_a_detected_signal(self) -> None:
        facts = CARD.merged(Facts.of(interest_charges=Money(8_734)))
        rationale = first_rationale(
            [UTILIZATION, INTEREST], facts, frozenset({"card_utilization"}), detected=frozenset({"max_utilization"})
        )
        assert rationale is not None
        assert rationale.template_id == "interest"

    def test_reuses_a_template_rather_than_nothing(self) -> None:
        rationale = first_rationale([UTILIZATION], CARD, frozenset({"card_utilization"}))
        assert rationale is not None
        assert rationale.template_id == "card_utilization"

    def test_none_when_no_template_has_data(self) -> None:
        assert first_rationale([INTEREST, UTILIZATION], Facts.of()) is None
