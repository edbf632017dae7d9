"""axe-core, injected into Chromium, finds no accessibility violation, in light and dark mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..conftest import ARTICLE_IDS, PROJECT, require

AXE = PROJECT / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "articles/", *(f"articles/{a}/" for a in ARTICLE_IDS),
         "glossary/", "glossary/lazarus-group/", "claims/", "claims/bureau-121-employs-6000-hackers/",
         "compare/", "matrix/", "parallel/", "timeline/", "bibliography/", "methods/", "reading/", "corrections/"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE, "axe-core (npm ci --prefix tests/node)")
    return AXE.read_text(encoding="utf-8")


def violations(page: Any, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate(
        "axe.run(document).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))"
    )
    return list(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_an_accessibility_violation(browser: Any, base_url: str, axe_source: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        found = {}
        for path in PAGES:
            page.goto(base_url + path)
            assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
            if result := violations(page, axe_source):
                found[path or "home"] = result
        assert found == {}
    finally:
        context.close()


def test_the_accessibility_check_catches_a_violation(desktop: Any, base_url: str, axe_source: str) -> None:
    desktop.goto(base_url + "glossary/")
    desktop.evaluate("document.querySelector('article').insertAdjacentHTML('afterbegin', '<img src=\"x.png\">')")
    assert any(v.startswith("image-alt") for v in violations(desktop, axe_source))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_an_article_with_its_tools_open_has_no_violation(browser: Any, base_url: str, axe_source: str, scheme: str, width: int) -> None:
    """The notes overview, the display switches, a citation box and every note open, at both widths."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base_url + f"articles/{ARTICLE_IDS[-1]}/#p2")
        page.locator(".reader-cite-this").wait_for(state="visible")
        page.locator("details.reader-overview > summary").click()
        page.locator("details.reader-display > summary").click()
        page.check("input[data-open-all]")
        assert violations(page, axe_source) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_note_holding_focus_and_opened_furniture_keep_their_contrast(browser: Any, base_url: str, axe_source: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        for article_id in ARTICLE_IDS:
            page.goto(base_url + f"articles/{article_id}/")
            page.evaluate("document.querySelectorAll('details.reader-furniture').forEach(d => { d.open = true; })")
            cite = page.locator("details.reader-note a.reader-cite").first
            if cite.count():
                cite.evaluate("a => { a.closest('details').open = true; a.focus(); }")
            assert violations(page, axe_source) == [], article_id
    finally:
        context.close()
