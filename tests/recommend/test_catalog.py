import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from spendsense.recommend.catalog import MIN_EDUCATION, MIN_OFFERS, CatalogInvalid, default_catalog, load_catalog
from spendsense.recommend.vocabulary import PERSONAS

PACKAGED = Path(str(resources.files("spendsense.recommend").joinpath("data")))


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(PACKAGED, folder)
    return folder


def _edit(folder: Path, name: str, change: Any) -> None:
    path = folder / name
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


class TestPackagedCatalog:
    def test_has_enough_items(self) -> None:
        catalog = default_catalog()
        assert len(catalog.education) >= MIN_EDUCATION
        assert len(catalog.offers) >= MIN_OFFERS

    @pytest.mark.parametrize("persona", PERSONAS)
    def test_every_persona_has_education_and_offers(self, persona: str) -> None:
        catalog = default_catalog()
        assert sum(persona in item.personas for item in catalog.education) >= 5
        assert sum(persona in item.personas for item in catalog.offers) >= 2

    def test_general_topics_exist(self) -> None:
        assert sum(item.is_general for item in default_catalog().education) >= 3

    def test_one_general_offer_is_the_fallback(self) -> None:
        general = [offer for offer in default_catalog().offers if offer.is_general]
        assert [offer.id for offer in general] == ["offer_budget_coaching"]
        assert general[0].eligibility.model_dump(exclude_defaults=True) == {}

    def test_items_have_a_few_paragraphs_and_a_reading_time(self) -> None:
        for item in default_catalog().education:
            assert 2 <= len(item.body) <= 6
            assert 1 <= item.reading_minutes <= 30


class TestLoadCatalog:
    def test_copy_of_the_packaged_catalog_loads(self, tmp_path: Path) -> None:
        assert load_catalog(_copy(tmp_path)) == default_catalog()

    def test_payday_loan_offer_is_rejected_at_load(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)

        def add_payday(data: dict[str, Any]) -> None:
            payday = dict(
                data["offers"][0], id="offer_payday", category="payday_loan", title="Fast cash", apr_max_pct=None
            )
            data["offers"].append(payday)

        _edit(folder, "offers.json", add_payday)
        with pytest.raises(CatalogInvalid, match="predatory offer 'offer_payday'"):
            load_catalog(folder)

    def test_predatory_wording_under_an_innocent_category_is_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "offers.json", lambda d: d["offers"][0].update(title="Title loan in minutes"))
        with pytest.raises(CatalogInvalid, match="predatory"):
            load_catalog(folder)

    def test_high_apr_offer_is_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "offers.json", lambda d: d["offers"][0].update(apr_max_pct=89.0))
        with pytest.raises(CatalogInvalid, match="above the 36% cap"):
            load_catalog(folder)

    def test_unknown_persona_is_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "education.json", lambda d: d["items"][0].update(personas=["big_spender"]))
        with pytest.raises(CatalogInvalid):
            load_catalog(folder)

    def test_unknown_signal_is_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "education.json", lambda d: d["items"][0].update(signals=["vibes"]))
        with pytest.raises(CatalogInvalid, match="unknown signal names"):
            load_catalog(folder)

    def test_missing_rationale_template_is_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "education.json", lambda d: d["items"][0].update(rationales=["nope"]))
        with pytest.raises(CatalogInvalid, match="unknown rationale templates"):
            load_catalog(folder)

    def test_duplicate_ids_are_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "education.json", lambda d: d["items"].append(d["items"][0]))
        with pytest.raises(CatalogInvalid, match="duplicate item ids"):
            load_catalog(folder)

    def test_too_few_offers_are_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        _edit(folder, "offers.json", lambda d: d.update(offers=d["offers"][:3]))
        with pytest.raises(CatalogInvalid):
            load_catalog(folder)

    def test_unreadable_file_is_rejected(self, tmp_path: Path) -> None:
        folder = _copy(tmp_path)
        (folder / "offers.json").write_text("{not json")
        with pytest.raises(CatalogInvalid, match=r"cannot read catalog file offers\.json"):
            load_catalog(folder)


class TestCatalogLookup:
    def test_item_by_id(self) -> None:
        assert default_catalog().item("offer_cd").title.startswith("12-month certificate")

    def test_unknown_id_raises(self) -> None:
        with pytest.raises(KeyError):
            default_catalog().item("offer_payday")
