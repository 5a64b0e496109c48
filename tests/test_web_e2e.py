"""The web explorer end to end: a real uvicorn server and Debian's headless Chromium.

One server (uvicorn on a free loopback port, in a thread) and one browser are
shared by the module. Every page is loaded, the forms are used as a person
would, screenshots are saved under ``test-artifacts/screenshots/``, and the
browser console must show no error and no Content-Security-Policy violation.

Chromium comes from ``make sysdeps`` (the Debian package, /usr/bin/chromium).
Without it these tests fail and say so, unless ``KORELECT_SKIP_BROWSER=1``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from korelect.web.app import create_app
from korelect.web.server import config

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    # under the limits `korelect serve` runs with (korelect.web.server)
    srv = uvicorn.Server(config(create_app(), "127.0.0.1", port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("KORELECT_SKIP_BROWSER") == "1":
            pytest.skip("KORELECT_SKIP_BROWSER=1: browser tests skipped")
        pytest.fail(
            f"{CHROMIUM} is missing: run `make sysdeps` to install Debian's chromium "
            "(or set KORELECT_SKIP_BROWSER=1 to skip the browser tests)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


class Console:
    """Console errors and page errors (CSP violations are console errors)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def attach(self, page: Any) -> None:
        page.on(
            "console",
            lambda m: (
                self.messages.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Console]]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    console = Console()
    console.attach(tab)
    yield tab, console
    context.close()


def _shot(tab: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _clean(console: Console) -> None:
    assert console.messages == [], console.messages


def test_index_shows_every_election(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    response = tab.goto(server + "/")
    assert response.status == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert tab.locator("li.card").count() == 22
    assert tab.locator("li.card svg").count() >= 22
    assert "Yujeonghoe: 77 appointed" in tab.locator("li.card").nth(9).inner_text()
    # The stylesheet applied: the cards are laid out as a grid.
    assert tab.locator("ul.cards").evaluate("e => getComputedStyle(e).display") == "grid"
    _shot(tab, "index")
    _clean(console)


def test_election_page_search_and_district(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    tab.goto(server + "/elections/2020")
    assert tab.locator("#assembly svg").count() >= 2
    assert tab.locator("table.national tbody tr").count() >= 5
    assert tab.locator("#provinces table").count() >= 3
    assert "Step 1. Qualifying parties" in tab.locator("#explanation").inner_text()
    _shot(tab, "election-2020")
    tab.fill("#q", "종로")
    tab.click("#districts button[type=submit]")
    tab.wait_for_url("**q=*")
    assert "1 of 253 districts" in tab.locator("#district-count").inner_text()
    tab.click("table.districts a")
    tab.wait_for_url("**/districts/**")
    assert "이낙연" in tab.locator("table.candidates").inner_text()
    _shot(tab, "district-2020-jongno")
    _clean(console)


def test_search_text_is_shown_not_run(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    tab.goto(server + "/elections/2004")
    tab.fill("#q", "<img src=x onerror=alert(1)>")
    tab.click("#districts button[type=submit]")
    tab.wait_for_url("**q=*")
    assert "<img src=x" in tab.locator("#district-count").inner_text()
    assert tab.locator("#district-count img").count() == 0
    _clean(console)


def test_whatif_form_changes_the_seats(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    tab.goto(server + "/elections/2020/whatif")
    before = tab.locator("table.national tbody").inner_text()
    assert tab.locator("#outcome svg").count() >= 1
    tab.fill("#threshold", "10%")
    tab.click("#recompute")
    tab.wait_for_url("**threshold=10*")
    after = tab.locator("table.national tbody").inner_text()
    assert after != before
    changes = tab.locator("table.national tbody td:last-child").all_inner_texts()
    assert any(c.startswith("-") for c in changes)
    assert any(c.startswith("+") for c in changes)
    _shot(tab, "whatif-2020-threshold")
    # A party's votes: give the Justice Party eight million list votes.
    tab.goto(server + "/elections/2020/whatif")
    justice = tab.locator("input[name='v.justice']")
    justice.fill("8000000")
    tab.click("#recompute")
    tab.wait_for_url("**v.justice=8000000*")
    row = tab.locator("table.national tbody tr", has_text="Justice Party").inner_text()
    assert "+" in row
    _shot(tab, "whatif-2020-votes")
    _clean(console)


def test_whatif_updates_live_as_the_form_changes(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    tab.goto(server + "/elections/2016/whatif")
    before = tab.locator("table.national tbody").inner_text()
    tab.select_option("#method", "dhondt")
    tab.wait_for_function("() => location.search.includes('method=dhondt')")
    tab.wait_for_function(
        "before => document.querySelector('table.national tbody').innerText !== before", arg=before
    )
    assert "dhondt" in tab.locator("#explanation").inner_text()
    # An unreadable threshold: the message appears in place, the form stays.
    tab.fill("#threshold", "3 parsecs")
    tab.wait_for_selector("#live #error-message")
    assert "threshold" in tab.locator("#error-message").inner_text()
    assert tab.locator("#whatif").count() == 1
    _shot(tab, "whatif-2016-live")
    # The browser reports the 400 the page fetched; nothing else may appear.
    assert all("status of 400" in m for m in console.messages), console.messages


def test_whatif_error_is_an_html_page(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    response = tab.goto(server + "/elections/2004/whatif?threshold=3%20parsecs")
    assert response.status == 400
    assert "threshold" in tab.locator("#error-message").inner_text()
    _shot(tab, "error-400")
    # The browser reports the 400 itself as a failed resource; nothing else may appear.
    assert all("status of 400" in m for m in console.messages), console.messages


def test_simulation_runs_and_plots(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    tab.goto(server + "/elections/2016/simulate")
    assert tab.locator("#result").count() == 0
    tab.fill("#n", "200")
    tab.fill("#seed", "4")
    tab.click("#run")
    tab.wait_for_selector("#result")
    assert "200 simulated elections, seed 4" in tab.locator("#result h2").inner_text()
    assert tab.locator("#result svg").count() >= 2
    assert tab.locator("table.projections tbody tr").count() >= 3
    _shot(tab, "simulate-2016")
    _clean(console)


def test_api_docs_page(server: str, page: tuple[Any, Console]) -> None:
    tab, console = page
    tab.goto(server + "/docs")
    assert tab.locator("section.endpoint").count() >= 8
    body = tab.goto(server + "/api/elections/2004")
    assert body.status == 200
    assert body.json()["total_seats"] == 299
    _clean(console)
