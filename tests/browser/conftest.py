"""A real Chromium (Debian's, driven by Playwright) against the built site served on 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import require, serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def search_for(page: object, query: str) -> None:
    """Type ``query`` into the theme's search field key by key, as a reader types.

    The theme reads the field when a key is released, on focus, or when its index is ready; ``fill()``
    sets the text with none of these after it, so the query could be read while still empty.
    """
    page.locator("input.md-search__input").press_sequentially(query)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served for the whole session."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, or else the one ``playwright install chromium`` put in Playwright's cache.

    The tests are skipped without either, except in CI where they must run. Nothing here downloads.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = Path(CHROMIUM) if Path(CHROMIUM).exists() else Path(playwright.chromium.executable_path)
        require(executable, "Chromium (apt-get install chromium, or .venv/bin/python -m playwright install chromium)")
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def desktop(browser: object) -> Iterator[object]:
    """A fresh wide page (no stored preferences), light scheme."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A fresh 360 px wide touch page."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()
