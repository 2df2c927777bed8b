from datetime import date

import pytest

from spendsense.recommend.facts import (
    Count,
    Day,
    Facts,
    Money,
    Months,
    Percent,
    Text,
    dump_facts,
    join_names,
    load_facts,
)


class TestRender:
    @pytest.mark.parametrize(
        ("fact", "text"),
        [
            (Money(340_000), "$3,400"),
            (Money(8_734), "$87.34"),
            (Percent(0.684), "68%"),
            (Count(1, "fee"), "1 fee"),
            (Count(3, "fee"), "3 fees"),
            (Count(4), "4"),
            (Months(1.0), "1 month"),
            (Months(0.42), "0.4 months"),
            (Months(12.6), "13 months"),
            (Text("Visa"), "Visa"),
            (Day(date(2026, 3, 4)), "March 4, 2026"),
        ],
    )
    def test_plain_language(self, fact, text: str) -> None:
        assert fact.render() == text


class TestFactsOf:
    def test_nonsense_values_are_dropped(self) -> None:
        facts = Facts.of(a=Money(0), b=Money(42), c=Percent(0.001), d=Count(0), e=Months(0.01), f=Text(" "), g=None)
        assert dict(facts) == {}

    def test_meaningful_values_are_kept(self) -> None:
        facts = Facts.of(fees=Money(3_500), share=Percent(0.12))
        assert set(facts) == {"fees", "share"}

    def test_merged_prefers_the_other(self) -> None:
        merged = Facts.of(a=Money(100)).merged(Facts.of(a=Money(200)))
        assert merged["a"] == Money(200)


class TestDumpAndLoad:
    def test_round_trip_keeps_types(self) -> None:
        facts = Facts.of(
            fees=Money(3_500),
            share=Percent(0.12),
            n=Count(2, "fee"),
            buf=Months(0.5),
            name=Text("Visa"),
            on=Day(date(2026, 1, 2)),
        )
        assert dict(load_facts(dump_facts(facts))) == dict(facts)


class TestJoinNames:
    @pytest.mark.parametrize(
        ("names", "text"),
        [
            ([], ""),
            (["Netflix"], "Netflix"),
            (["Netflix", "Hulu"], "Netflix and Hulu"),
            (["A", "B", "C"], "A, B and C"),
        ],
    )
    def test_joins_in_plain_english(self, names: list[str], text: str) -> None:
        assert join_names(names) == text
