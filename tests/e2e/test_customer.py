"""A customer: opting in, the overview, insights, recommendations with their reasons, feedback."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import OpenPage
from tests.e2e.server import Demo, run_cli
from tests.e2e.ui import screenshot, sign_in

pytestmark = pytest.mark.e2e

DISCLOSURE = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance."
PHONE = {"width": 390, "height": 844}


def _open_insight(page: Page, tab: str) -> None:
    page.get_by_role("navigation", name="Insights").get_by_role("link", name=tab).click()


def _open_section(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Your money").get_by_role("link", name=name).click()


class TestOptIn:
    def test_a_new_customer_opts_in_sees_reasons_and_gives_feedback(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, demo.newcomer)

        # Without consent every page leads to the prompt, and nothing about their money shows.
        expect(page.get_by_role("heading", name="You have not opted in")).to_be_visible()
        expect(page).to_have_url(re.compile(r"/consent$"))
        opt_in = page.get_by_role("button", name="Opt in")
        expect(opt_in).to_be_disabled()
        page.get_by_role("checkbox").check()
        opt_in.click()
        expect(page.get_by_role("heading", name="Your money at a glance")).to_be_visible()

        # Processing after an opt-in is the pipeline's job; run it for this customer.
        run_cli(demo.data_dir, "pipeline", "--user", demo.newcomer)
        _open_section(page, "For you")
        cards = page.get_by_role("article")
        expect(cards.first).to_be_visible()
        first = cards.first
        expect(first.get_by_text("Because:")).to_be_visible()
        expect(first.locator(".because")).to_contain_text(re.compile(r"\d"))  # cites the customer's own numbers
        expect(first.get_by_text(DISCLOSURE)).to_be_visible()
        expect(page.get_by_text(DISCLOSURE)).to_have_count(cards.count())

        first.get_by_role("button", name="Helpful", exact=True).click()
        expect(first.get_by_role("status")).to_have_text("Thanks, noted.")
        expect(first.get_by_role("button", name="Helpful", exact=True)).to_have_attribute("aria-pressed", "true")

        _open_section(page, "Privacy & consent")
        expect(page.get_by_role("heading", name="You have opted in")).to_be_visible()
        expect(page.get_by_role("cell", name="Opted in", exact=True).first).to_be_visible()
        expect(page.get_by_role("cell", name="Revoked", exact=True)).to_be_visible()


class TestPages:
    def test_overview_explains_the_persona_and_the_accounts(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, demo.star)
        expect(page.get_by_text("Your focus right now")).to_be_visible()
        expect(page.get_by_text("Why:")).to_be_visible()
        expect(page.get_by_role("cell", name=re.compile(r"•••• \d{4}")).first).to_be_visible()
        expect(page.get_by_role("heading", name="What we noticed: last 30 days")).to_be_visible()
        screenshot(page, "customer-overview")

    def test_every_insight_renders_its_numbers_and_charts(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, demo.star)
        _open_section(page, "Insights")
        expect(page.locator(".summary")).to_contain_text("$")
        expect(page.get_by_role("img", name=re.compile("Spending per day"))).to_be_visible()
        screenshot(page, "customer-weekly-recap")

        _open_insight(page, "Spending")
        expect(page.get_by_role("img", name=re.compile("Income and spending"))).to_be_visible()
        expect(page.get_by_role("heading", name="By category")).to_be_visible()
        screenshot(page, "customer-spending")

        _open_insight(page, "Net worth")
        expect(page.get_by_role("img", name=re.compile("Net worth from"))).to_be_visible()
        screenshot(page, "customer-net-worth")

        _open_insight(page, "Subscriptions")
        expect(page.get_by_role("heading", name="Subscriptions", level=3)).to_be_visible()
        expect(page.get_by_role("columnheader", name="Next charge").first).to_be_visible()
        screenshot(page, "customer-subscriptions")

    def test_a_customer_sets_a_budget_and_sees_progress(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, demo.star)
        page.goto(f"{demo.url}/customers/{demo.star}/insights/budget")
        # The form starts from the suggested budget (the customer's own typical month); save it.
        page.get_by_role("button", name="Set up a budget").click()
        expect(page.get_by_role("textbox").first).not_to_have_value("")
        page.get_by_role("button", name="Save budgets").click()
        bars = page.get_by_role("progressbar")
        expect(bars.first).to_be_visible()
        expect(bars.first).to_have_attribute("aria-valuetext", re.compile(r"\d+% of budget used"))
        screenshot(page, "customer-budget")

    def test_recommendations_and_transactions(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, demo.star)
        _open_section(page, "For you")
        expect(page.get_by_role("article").first.get_by_text("Because:")).to_be_visible()
        expect(page.get_by_role("heading", name="Offers from our partners")).to_be_visible()
        screenshot(page, "customer-recommendations")

        _open_section(page, "Transactions")
        pager = page.get_by_role("navigation", name="transactions pages")
        expect(pager).to_contain_text(re.compile(r"1–25 of \d+ transactions"))
        screenshot(page, "customer-transactions")
        page.get_by_role("button", name="Next").click()
        expect(pager).to_contain_text("26–50 of")
        merchant = page.get_by_role("row").nth(1).get_by_role("cell").nth(1).inner_text().split("\n")[0]
        page.get_by_label("Search by name or merchant").fill(merchant)
        expect(pager).to_contain_text(re.compile(r"^1–\d+ of \d+ transactions"))
        # Every row left is that merchant's: only the header row lacks the name.
        expect(page.get_by_role("row").filter(has_not_text=merchant)).to_have_count(1)

    def test_the_overview_fits_a_phone(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page(viewport=PHONE)
        sign_in(page, demo.url, demo.star)
        expect(page.get_by_text("Your focus right now")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than a phone"
        screenshot(page, "customer-phone")
