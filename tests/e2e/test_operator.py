"""An operator: the review queue (decisions with reasons, live updates), traces, audit log, evaluation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import OpenPage
from tests.e2e.server import OPERATOR, Demo
from tests.e2e.ui import screenshot, settle, sign_in

pytestmark = pytest.mark.e2e


def _waiting(page: Page) -> int:
    text = page.get_by_text(re.compile(r"^\d+ items waiting\.$")).inner_text()
    return int(text.split()[0])


def _title_and_id(item: Locator) -> tuple[str, str]:
    heading = item.get_by_role("heading", level=3)
    return heading.inner_text(), heading.get_attribute("id") or ""


class TestReviewQueue:
    def test_an_operator_approves_and_flags_with_reasons_and_sees_the_audit_log(
        self, demo: Demo, open_page: OpenPage
    ) -> None:
        page = open_page()
        sign_in(page, demo.url, OPERATOR, role="operator")
        expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
        items = page.get_by_role("article")
        expect(items.first).to_be_visible()
        expect(items.first.get_by_text("Because:")).to_be_visible()

        items.first.get_by_text("Why this item?").click()
        expect(items.first.get_by_role("list", name="Guardrail checks")).to_be_visible()
        screenshot(page, "operator-review-queue")

        approved, approved_id = _title_and_id(items.first)
        items.first.get_by_role("button", name="Approve").click()
        expect(page.get_by_role("status").filter(has_text="Approved")).to_contain_text(approved)
        expect(page.locator(f"[id='{approved_id}']")).to_have_count(0)  # approved items leave the queue

        flagged, flagged_id = _title_and_id(items.first)
        to_flag = page.locator(f"article[aria-labelledby='{flagged_id}']")
        to_flag.get_by_role("button", name="Flag").click()
        expect(to_flag.get_by_role("alert")).to_contain_text("Write a reason")
        to_flag.get_by_label("Reason").fill("check the income floor for this offer")
        to_flag.get_by_role("button", name="Flag").click()
        expect(page.get_by_role("status").filter(has_text="Flagged")).to_contain_text(flagged)
        expect(to_flag.get_by_text("flagged", exact=True)).to_be_visible()  # flagged items stay, marked

        page.get_by_role("link", name="Audit log").click()
        log = page.get_by_role("table")
        expect(log.get_by_role("row").filter(has_text="Approve").first).to_be_visible()
        expect(log.get_by_role("row").filter(has_text="check the income floor for this offer")).to_contain_text("Flag")
        screenshot(page, "operator-audit-log")

    def test_the_queue_updates_live_when_another_operator_decides(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, OPERATOR, role="operator")
        expect(page.get_by_text("Live", exact=True)).to_be_visible()
        settle(page)
        before = _waiting(page)
        with demo.api() as api:
            pending = api.get("/api/operator/review", params={"status": "pending", "limit": 1}).json()["items"][0]
            decided = api.post(f"/api/operator/recommendations/{pending['id']}/reject", json={"reason": "duplicate"})
            assert decided.status_code == 200, decided.text
        expect(page.get_by_text(f"{before - 1} items waiting.")).to_be_visible()


class TestConsole:
    def test_customers_signals_personas_and_traces(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, OPERATOR, role="operator")
        page.get_by_role("link", name="Customers").click()
        page.get_by_label("Persona", exact=True).select_option("high_utilization")
        rows = page.get_by_role("row")
        expect(rows.nth(1)).to_contain_text("High Utilization")
        screenshot(page, "operator-customers")

        page.get_by_label("Customer ID").fill(demo.star)
        page.get_by_role("button", name="Open").click()
        expect(page.get_by_role("heading", name=f"Customer {demo.star}")).to_be_visible()
        expect(page.get_by_role("heading", name="Persona decision trace")).to_be_visible()
        expect(page.get_by_role("cell", name="Highest card utilization").first).to_be_visible()
        recommendation = page.get_by_role("article").first
        recommendation.get_by_text("Decision trace").click()
        expect(recommendation.get_by_role("list", name="Guardrail checks")).to_be_visible()
        screenshot(page, "operator-customer-detail")

    def test_evaluation(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, OPERATOR, role="operator")
        page.get_by_role("link", name="Evaluation").click()
        expect(page.get_by_role("heading", name="Personas")).to_be_visible()
        metrics = page.get_by_role("table").filter(has_text="Explainability")
        expect(metrics.get_by_role("row").filter(has_text="Explainability")).to_contain_text("100%")
        fairness = page.get_by_role("table").filter(has_text="Lowest group")
        expect(fairness.get_by_role("row").nth(1)).to_contain_text(re.compile(r"\d\.\d\d"))
        screenshot(page, "operator-evaluation")
