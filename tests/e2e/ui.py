"""What the tests do in the browser: sign in, watch the console, take the README's screenshots."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, expect

from tests.e2e.server import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
# `make screenshots` refreshes the README's images; an ordinary test run writes under build/,
# so `make test` leaves the tracked tree clean.
SCREENSHOTS = ROOT / ("docs" if os.environ.get("SPENDSENSE_SCREENSHOTS") == "1" else "build") / "screenshots"
MAX_HEIGHT = 1700  # px: a long page is cut here, so a README shows it at a readable scale


class ConsoleWatch:
    """Collects console errors and uncaught exceptions, except the ones a test expects (`allow`)."""

    def __init__(self, page: Page, allow: tuple[str, ...]) -> None:
        self.page = page
        self.allow = allow
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not any(expected in message.text for expected in self.allow):
            self.problems.append(f"{self.page.url}: {message.text}")


def sign_in(page: Page, url: str, username: str, role: str = "customer") -> None:
    page.goto(f"{url}/login")
    if role == "operator":
        page.get_by_label("An operator").check()
        page.get_by_label("Operator name").fill(username)
    else:
        page.get_by_label("Customer ID").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def settle(page: Page) -> None:
    """Wait until nothing is loading: no spinner, no request in flight."""
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)


def screenshot(page: Page, name: str) -> Path:
    settle(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    width, height = page.evaluate("[document.documentElement.clientWidth, document.documentElement.scrollHeight]")
    clip = {"x": 0, "y": 0, "width": width, "height": min(height, MAX_HEIGHT)}
    page.screenshot(path=path, full_page=True, clip=clip, animations="disabled")  # type: ignore[arg-type]
    return path
