"""End-to-end fixtures: a demo store, `spendsense serve`, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e import people
from tests.e2e.server import OPERATOR, Demo, build_store, give_passwords, run_cli, serve
from tests.e2e.ui import ConsoleWatch

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "web" / "dist" / "index.html"
CHROMIUM = os.environ.get("SPENDSENSE_CHROMIUM", "/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}

OpenPage = Callable[..., Page]


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    if not DIST.is_file():
        pytest.fail(f"the web UI is not built ({DIST} is missing): run `make web-build`")
    data_dir = tmp_path_factory.mktemp("e2e-store")
    build_store(data_dir)
    with serve(data_dir) as url:
        token = run_cli(data_dir, "token", "--operator", OPERATOR).strip()
        star, newcomer, other = people.choose(url, token)
        give_passwords(data_dir, [star, newcomer])
        people.approve_an_offer(url, token, star)  # so the star's page shows an offer beside the lessons
        # The newcomer starts without consent, so the opt-in flow is the real one.
        run_cli(data_dir, "consent", "revoke", newcomer)
        yield Demo(url=url, data_dir=data_dir, operator_token=token, star=star, newcomer=newcomer, other=other)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: `make chromium` installs Debian's package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """A fresh browser context per page (no shared session); console errors fail the test."""
    watches: list[ConsoleWatch] = []

    def _open(viewport: dict[str, int] = DESKTOP, allow: tuple[str, ...] = ()) -> Page:
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        context.set_default_timeout(15_000)
        page = context.new_page()
        watches.append(ConsoleWatch(page, allow))
        return page

    yield _open
    problems = [problem for watch in watches for problem in watch.problems]
    for watch in watches:
        watch.page.context.close()
    if problems:
        pytest.fail("browser console errors:\n" + "\n".join(problems))
