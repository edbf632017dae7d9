"""The Parallel page in Chromium: choosing two articles leads to their pair's page, served and from
file://; a pair that shares nothing says so; on a phone every cell says which article it is from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.compare import sharing_pairs
from macros.model import Corpus

from ..conftest import require, serve
from .test_accessibility import AXE, violations
from .test_csp import documented_policy


def no_shared_pair(corpus: Corpus) -> tuple[str, str]:
    shared = {(p.left, p.right) for p in sharing_pairs(corpus)}
    ids = list(corpus.articles)
    return next((a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if (a, b) not in shared)


def choose(page: Any, first: str, second: str) -> None:
    page.select_option("form[data-parallel-chooser] select[name=left]", first)
    page.select_option("form[data-parallel-chooser] select[name=right]", second)
    page.click("form[data-parallel-chooser] button[type=submit]")


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    """A fresh 1280 px page that records script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def test_choosing_two_articles_in_either_order_opens_their_pair_s_page(wide: Any, base_url: str) -> None:
    wide.goto(base_url + "parallel/")
    wide.locator("form[data-parallel-chooser]").wait_for(state="visible")
    choose(wide, "002", "001")
    wide.wait_for_url(base_url + "parallel/001-002/")
    assert wide.locator("h1").inner_text().startswith("Articles 001 and 002 in parallel")
    row = wide.locator(".reader-parallel__point", has=wide.locator("a[href$='claims/gambling-site-price/']"))
    assert row.locator(".reader-parallel__stance").all_inner_texts() == ["001 asserts ¶6", "002 contradicts ¶9"]
    assert wide.errors == []


def test_a_pair_that_shares_nothing_says_so_and_keeps_the_choice_in_the_address(wide: Any, base_url: str, corpus: Corpus) -> None:
    first, second = no_shared_pair(corpus)
    wide.goto(base_url + "parallel/")
    choose(wide, first, second)
    message = wide.locator("[data-parallel-none]")
    message.wait_for(state="visible")
    assert f"Articles {first} and {second} share no reviewed claim or figure" in message.inner_text()
    assert wide.url == base_url + f"parallel/?left={first}&right={second}"
    wide.locator(f"[data-parallel-open='right']").click()
    wide.wait_for_url(base_url + f"articles/{second}/")
    wide.goto(base_url + f"parallel/?left={first}&right={second}")  # the shared address shows the same
    wide.locator("[data-parallel-none]").wait_for(state="visible")
    assert wide.locator("select[name=left]").input_value() == first
    choose(wide, first, first)
    wide.locator("[data-parallel-same]").wait_for(state="visible")
    assert not wide.locator("[data-parallel-none]").is_visible()
    assert wide.errors == []


def test_the_chooser_works_under_the_documented_content_security_policy(browser: Any, site: Path, corpus: Corpus) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    first, second = no_shared_pair(corpus)
    with serve(site, {"Content-Security-Policy": documented_policy()}) as url:
        page.goto(url + "parallel/")
        choose(page, first, second)
        page.locator("[data-parallel-none]").wait_for(state="visible")
        choose(page, "001", "002")
        page.wait_for_url(url + "parallel/001-002/")
    context.close()
    assert errors == []


def test_an_address_naming_a_sharing_pair_leads_to_its_page(wide: Any, base_url: str) -> None:
    wide.goto(base_url + "parallel/?left=002&right=001")
    wide.wait_for_url(base_url + "parallel/001-002/")


def test_without_script_the_page_lists_every_pair_as_a_link(browser: Any, base_url: str, corpus: Corpus) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "parallel/")
    assert not page.locator("form[data-parallel-chooser]").is_visible()
    page.click("a[data-parallel-pair='001-002'] >> nth=0")
    page.wait_for_url(base_url + "parallel/001-002/")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_every_cell_says_which_article_it_is_from(browser: Any, base_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + "parallel/001-002/")
    for column, article in (("left", "001"), ("right", "002")):
        cells = page.locator(f".reader-parallel__cell--{column}")
        assert cells.count() > 3
        for i in range(cells.count()):
            label = cells.nth(i).locator(".reader-parallel__label")
            assert label.inner_text() == f"Article {article}"
            label.scroll_into_view_if_needed()
            # On screen, not clipped or covered, and above the cell's first paragraph, not over it.
            assert label.evaluate("e => { const r = e.getBoundingClientRect(); const p = e.parentElement"
                                  ".querySelector('.reader-parallel__text').getBoundingClientRect();"
                                  " return r.width > 40 && r.bottom <= p.top"
                                  " && e.contains(document.elementFromPoint(r.left + 10, r.top + r.height / 2)); }")
    heads = page.locator(".reader-parallel__head")
    assert all(heads.nth(i).is_visible() for i in range(heads.count()))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_on_a_wide_screen_the_columns_sit_side_by_side_under_their_headings(wide: Any, base_url: str) -> None:
    wide.goto(base_url + "parallel/001-002/")
    row = wide.locator(".reader-parallel__row--level").first
    left = row.locator(".reader-parallel__cell--left").bounding_box()
    right = row.locator(".reader-parallel__cell--right").bounding_box()
    assert left["x"] + left["width"] <= right["x"] and abs(left["y"] - right["y"]) < 2
    assert row.locator(".reader-parallel__label").first.bounding_box()["width"] <= 1  # for screen readers only
    heads = wide.locator(".reader-parallel__head")
    assert heads.nth(0).bounding_box()["x"] < heads.nth(1).bounding_box()["x"]


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)])
def test_axe_finds_no_violation_on_a_pair_page_or_the_chooser_s_message(browser: Any, base_url: str, corpus: Corpus,
                                                                        scheme: str, width: int) -> None:
    require(AXE, "axe-core (npm ci --prefix tests/node)")
    source = AXE.read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    first, second = no_shared_pair(corpus)
    found = {}
    for path in ("parallel/001-002/", "parallel/003-004/", f"parallel/?left={first}&right={second}"):
        page.goto(base_url + path)
        if path.startswith("parallel/?"):
            page.locator("[data-parallel-none]").wait_for(state="visible")
        if result := violations(page, source):
            found[path] = result
    context.close()
    assert found == {}


def test_the_chooser_works_from_disk_in_the_offline_build(browser: Any, offline_site: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    foreign: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: r.url.startswith("file://") or foreign.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    root = offline_site.resolve().as_uri() + "/"
    page.goto(root + "parallel.html")
    page.locator("form[data-parallel-chooser]").wait_for(state="visible")
    choose(page, "004", "003")
    page.wait_for_url(root + "parallel/003-004.html")
    assert page.locator(".reader-parallel__level").count() > 0
    page.click(".reader-parallel__summary a")
    page.wait_for_url(root + "parallel.html")
    assert foreign == [] and errors == []
    context.close()
