from __future__ import annotations

import polars as pl

from spendsense.insights.categories import bucket_expr, category_bucket, category_label, is_valid_category


class TestCategoryLabel:
    def test_known_and_unknown_categories_read_plainly(self) -> None:
        assert category_label("FOOD_AND_DRINK") == "Food and drink"
        assert category_label("GENERAL_MERCHANDISE") == "Shopping"
        assert category_label("PET_CARE") == "Pet care"  # open set: a new category still reads well


class TestIsValidCategory:
    def test_the_format_of_a_primary_category(self) -> None:
        assert [is_valid_category(c) for c in ("TRAVEL", "PET_CARE", "travel", "FOOD AND DRINK", "", "_X")] == [
            True,
            True,
            False,
            False,
            False,
            False,
        ]


class TestBuckets:
    def test_needs_wants_and_groceries(self) -> None:
        rows = pl.DataFrame(
            {
                "category": ["RENT_AND_UTILITIES", "FOOD_AND_DRINK", "FOOD_AND_DRINK", "TRAVEL", "PET_CARE"],
                "pfc_detailed": [None, "FOOD_AND_DRINK_GROCERIES", "FOOD_AND_DRINK_RESTAURANT", None, None],
            }
        )
        assert rows.select(bucket_expr())["bucket"].to_list() == ["needs", "needs", "wants", "wants", "wants"]
        assert (category_bucket("MEDICAL"), category_bucket("ENTERTAINMENT")) == ("needs", "wants")
