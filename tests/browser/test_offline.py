"""The offline build opened from file:// in Chromium: everything works, nothing is fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from macros.model import Corpus

from ..conftest import PROJECT
from .conftest import search_for


@pytest.fixture
def offline_page(browser: Any, offline_site: Path) -> Any:
    """A page that records every request made to anything but file://."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.foreign = []
    page.errors = []
    page.on("request", lambda r: r.url.startswith("file://") or page.foreign.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.root = offline_site.resolve().as_uri() + "/"
    yield page
    context.close()


def test_every_page_opens_from_disk_without_any_other_request(offline_page: Any, offline_site: Path) -> None:
    pages = sorted(p.relative_to(offline_site).as_posix() for p in offline_site.rglob("*.html"))
    # Pages as *.html; only an index.md (the home page, the articles' index) becomes an index.html.
    assert "articles/002.html" in pages and set(p for p in pages if p.endswith("index.html")) <= {"index.html", "articles/index.html"}
    for path in pages:
        offline_page.goto(offline_page.root + path)
        offline_page.wait_for_load_state("load")
    assert offline_page.foreign == []
    assert offline_page.errors == []


def test_navigation_links_work_from_disk(offline_page: Any) -> None:
    offline_page.goto(offline_page.root + "index.html")
    offline_page.click("article table a >> nth=2")
    assert offline_page.url.endswith("articles/002.html")
    offline_page.click("a.reader-term >> nth=0")
    assert "/glossary/" in offline_page.url and offline_page.url.endswith(".html")


@pytest.mark.parametrize("alias", ["Gyeongheung", "INS", "Kim Jong-un"])
def test_search_finds_a_term_by_any_alias(offline_page: Any, corpus: Corpus, alias: str) -> None:
    term = next(t for t in corpus.terms.values() if alias in t.aliases)
    offline_page.goto(offline_page.root + "index.html")
    search_for(offline_page, alias)
    result = offline_page.locator(f".md-search-result__link[href*='glossary/{term.id}.html']").first
    result.wait_for(state="attached")  # may be folded under its page's first hit
    offline_page.goto(result.get_attribute("href"))
    assert f"/glossary/{term.id}.html?h=" in offline_page.url
    assert offline_page.locator(f"#term-{term.id}").is_visible()
    assert offline_page.foreign == []


def test_notes_tooltips_toggles_and_tables_work_from_disk(offline_page: Any) -> None:
    offline_page.goto(offline_page.root + "articles/001.html")
    marker = offline_page.locator("a.reader-marker").first
    key = marker.get_attribute("id").removeprefix("mark-")
    marker.click()
    assert offline_page.evaluate(f"document.getElementById('note-{key}').open")
    offline_page.locator("a.reader-term").first.hover()
    offline_page.locator(".md-tooltip2--active").wait_for(state="visible")
    offline_page.locator("details.reader-display > summary").click()
    offline_page.uncheck("input[data-layer='disputed']")
    assert not offline_page.locator("details.reader-note[data-verdict]").first.is_visible()
    offline_page.goto(offline_page.root + "compare.html")
    assert offline_page.locator("table").count() >= 6
    assert offline_page.foreign == []


def test_the_vendored_shim_is_the_published_one() -> None:
    vendored = PROJECT / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"
    published = PROJECT / "tests" / "node" / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not published.exists():
        pytest.skip("tests/node is not installed")
    assert vendored.read_bytes() == published.read_bytes()
