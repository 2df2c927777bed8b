"""What a customer may not see, and where an ended session leads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import OpenPage
from tests.e2e.server import Demo
from tests.e2e.ui import sign_in

pytestmark = pytest.mark.e2e

REFUSED = "the server responded with a status of 403"


class TestAccess:
    def test_a_customer_cannot_open_another_customers_page(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page(allow=(REFUSED, "status of 404"))
        sign_in(page, demo.url, demo.star)
        page.goto(f"{demo.url}/customers/{demo.other}/insights")
        expect(page.get_by_role("heading", name="This page is not available to you")).to_be_visible()
        expect(page.get_by_text("$")).to_have_count(0)
        # The server refuses it too, whatever the UI shows.
        status = page.evaluate(
            """async (other) => {
                const { token } = JSON.parse(sessionStorage.getItem("spendsense.session"));
                const r = await fetch(`/api/profile/${other}`, { headers: { Authorization: `Bearer ${token}` } });
                return r.status;
            }""",
            demo.other,
        )
        assert status in {403, 404}

    def test_a_customer_cannot_open_the_operator_console(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page()
        sign_in(page, demo.url, demo.star)
        page.goto(f"{demo.url}/operator/review")
        expect(page.get_by_role("heading", name="This page is not available to you")).to_be_visible()
        expect(page.get_by_role("article")).to_have_count(0)

    def test_an_ended_session_leads_to_the_login_page(self, demo: Demo, open_page: OpenPage) -> None:
        page = open_page(allow=("status of 401", "WebSocket connection"))
        sign_in(page, demo.url, demo.star)
        page.evaluate(
            """() => {
                const session = JSON.parse(sessionStorage.getItem("spendsense.session"));
                sessionStorage.setItem("spendsense.session", JSON.stringify({ ...session, token: "expired" }));
            }"""
        )
        page.goto(f"{demo.url}/customers/{demo.star}/transactions")
        expect(page).to_have_url(re.compile(r"/login$"))
        expect(page.get_by_text("Your session ended")).to_be_visible()
