"""Popovers for terms and citations, in Chromium: a tap shows a term's definition or a reference's
entry in place and leaves the address as it was; Escape and the close button return focus to the
link; every term and citation takes taps over at least 24 × 24 px; Material's tooltip never shows
beside a popover. Each check is also run on a copy of the site with the popovers' script, its
Escape key or its stylesheet taken out, and fails there."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.model import Corpus

from ..conftest import require, serve
from .test_accessibility import AXE

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
NARROW_WINDOW = {"viewport": {"width": 600, "height": 900}}  # a mouse, but too narrow for Material's tooltips alone
POPOVER = ".reader-popover[role='dialog']"
ARTICLE = "articles/002/"
TARGET_PAGES = ["articles/000/", "articles/001/", "articles/002/", "articles/003/", "articles/004/", "", "timeline/", "compare/"]

# Every visible term and citation, each scrolled to the middle of the screen, must be what the
# browser finds at the corners and edge midpoints of a 24 × 24 px square centred on it (on its
# widest line, for a term that wraps). Answers the links that fail, with what is hit instead.
SMALL_TARGETS = """() => {
  const half = 11.9, small = [];
  for (const link of document.querySelectorAll('a.reader-term, a.reader-cite')) {
    if (!link.checkVisibility()) continue;
    link.scrollIntoView({block: 'center', inline: 'center'});
    const box = [...link.getClientRects()].reduce((a, b) => (b.width > a.width ? b : a));
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    for (const [dx, dy] of [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]]) {
      const hit = document.elementFromPoint(x + dx * half, y + dy * half);
      if (!hit || hit.closest('a') !== link) {
        small.push(`${link.className} ${link.textContent.trim()} at (${dx}, ${dy}): ${hit ? hit.tagName + '.' + hit.className : 'nothing'}`);
        break;
      }
    }
  }
  return small;
}"""


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Makes fresh pages, each in its own context, that record console errors; closes them after the test."""
    contexts: list[Any] = []

    def make(options: dict[str, Any], scheme: str = "light") -> Any:
        contexts.append(context := browser.new_context(**options, color_scheme=scheme))
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def at_390(new_page: Callable[..., Any]) -> Any:
    """A fresh 390 px wide touch page, as the reading issue measures a phone."""
    return new_page(PHONE)


@pytest.fixture
def wide(new_page: Callable[..., Any]) -> Any:
    """A fresh 1280 px wide page with a mouse."""
    return new_page(DESKTOP)


def term_id(href: str) -> str:
    return href.rstrip("/").split("/")[-1]


def emptied(path: str) -> Callable[[Path], None]:
    """A break that empties one file of the site."""
    def empty(root: Path) -> None:
        (root / path).write_text("", encoding="utf-8")
    return empty


def deaf_to_escape(root: Path) -> None:
    """A break that leaves the popovers deaf to the Escape key."""
    script = root / "assets" / "javascripts" / "popovers.js"
    text = script.read_text(encoding="utf-8")
    assert 'event.key === "Escape"' in text
    script.write_text(text.replace('event.key === "Escape"', 'event.key === "none"'), encoding="utf-8")


# Ways to break a copy of the site, by name.
BREAKS = {
    "script": emptied("assets/javascripts/popovers.js"),
    "stylesheet": emptied("assets/stylesheets/popovers.css"),
    "escape": deaf_to_escape,
}


@pytest.fixture(scope="module")
def broken(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """The address of a served copy of the site broken in one of the BREAKS, made on first use."""
    with contextlib.ExitStack() as servers:
        urls: dict[str, str] = {}

        def url(name: str) -> str:
            if name not in urls:
                root = shutil.copytree(site, tmp_path_factory.mktemp(name) / "site")
                BREAKS[name](root)
                urls[name] = servers.enter_context(serve(root))
            return urls[name]

        yield url


def open_notes(page: Any) -> None:
    """Unfold every note and box, so that the citations in them can be seen and tapped."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def activate(page: Any, link: Any, how: str) -> dict[str, Any]:
    """Tap, click or press Enter on a link; once a popover shows or the page has moved, say what is seen."""
    before = page.evaluate("[location.href, history.length]")
    if how == "Enter":
        link.focus()
        page.keyboard.press("Enter")
    else:
        getattr(link, how)()
    page.wait_for_function(
        "([url, length]) => location.href !== url || history.length !== length || !!document.querySelector('.reader-popover')",
        arg=before,
    )
    popover = page.locator(POPOVER)
    shown = popover.count() == 1 and popover.is_visible()
    return {
        "moved": page.evaluate("[location.href, history.length]") != before,
        "title": popover.locator(".reader-popover__title").inner_text() if shown else None,
        "body": popover.locator(".reader-popover__body").inner_text() if shown else None,
        "onward": popover.locator("a.reader-popover__onward").get_attribute("href") if shown else None,
        "focus inside": shown and page.evaluate("!!document.activeElement.closest('.reader-popover')"),
    }


def term_problems(page: Any, corpus: Corpus) -> list[str]:
    """Tap the page's first term: its definition must show in place, the address unchanged."""
    term = page.locator("a.reader-term").first
    href = term.get_attribute("href")
    expected = {"moved": False, "title": term.inner_text().strip(), "body": corpus.terms[term_id(href)].definition,
                "onward": href, "focus inside": True}
    seen = activate(page, term, "tap")
    return [f"{key}: {seen[key]!r}, expected {value!r}" for key, value in expected.items() if seen[key] != value]


def cite_problems(page: Any, how: str) -> list[str]:
    """Tap or click a citation in a note: its reference's entry must show in place, the address unchanged."""
    open_notes(page)
    cite = page.locator("details.reader-note a.reader-cite").first
    href = cite.get_attribute("href")
    entry = page.locator(f"li[id='{href[1:]}']").inner_text().strip()
    expected = {"moved": False, "title": f"Reference {cite.inner_text().strip()}", "body": entry,
                "onward": href, "focus inside": True}
    seen = activate(page, cite, how)
    return [f"{key}: {seen[key]!r}, expected {value!r}" for key, value in expected.items() if seen[key] != value]


def closing_problems(page: Any, link: Any, how: str) -> list[str]:
    """Open a link's popover from the keyboard, close it (Escape or its button): focus must be back on the link."""
    seen = activate(page, link, "Enter")
    problems = [] if seen["focus inside"] and not seen["moved"] else [f"Enter on the link: {seen}"]
    if how == "Escape":
        page.keyboard.press("Escape")
    elif page.locator(POPOVER).count():
        page.locator(".reader-popover__close").click()
    if page.locator(POPOVER).count():
        problems.append("the popover is still open")
    if not link.evaluate("l => l === document.activeElement"):
        problems.append("focus is not back on the link")
    if link.get_attribute("aria-expanded") != "false":
        problems.append(f"aria-expanded is {link.get_attribute('aria-expanded')!r}")
    return problems


def small_targets(page: Any, base_url: str, paths: list[str]) -> list[str]:
    """Terms and citations whose area for taps is smaller than 24 × 24 px, on these pages."""
    found = []
    for path in paths:
        page.goto(base_url + path)
        open_notes(page)
        found += [f"{path or 'home'}: {problem}" for problem in page.evaluate(SMALL_TARGETS)]
    return found


def doubled_tooltip(page: Any, base_url: str, corpus: Corpus) -> bool:
    """In a narrow window with a mouse, hover a term (Material's tooltip shows), then click it: is that
    tooltip still to be seen beside the popover?"""
    page.goto(base_url + ARTICLE)
    term = page.locator("a.reader-term").first
    definition = corpus.terms[term_id(term.get_attribute("href"))].definition
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert activate(page, term, "click")["body"] == definition
    return tooltip.is_visible()


def test_a_tap_on_a_term_at_390_px_shows_its_definition_and_leaves_the_address(at_390: Any, base_url: str, corpus: Corpus) -> None:
    at_390.goto(base_url + ARTICLE)
    term = at_390.locator("a.reader-term").first
    assert term.get_attribute("aria-haspopup") == "dialog"
    assert term_problems(at_390, corpus) == []
    assert term.get_attribute("aria-expanded") == "true"
    assert at_390.locator(POPOVER).get_attribute("id") == term.get_attribute("aria-controls")
    # Material's tooltip would show the same definition on the same tap: the term no longer has a title.
    assert term.get_attribute("title") is None
    assert at_390.errors == []


def test_a_tap_on_a_citation_shows_its_reference_entry(at_390: Any, base_url: str) -> None:
    at_390.goto(base_url + ARTICLE)
    assert cite_problems(at_390, "tap") == []
    assert at_390.locator(".reader-popover__body [id]").count() == 0  # the copied entry brings no duplicate id
    assert at_390.errors == []


def test_a_click_on_a_citation_shows_its_entry_and_a_second_click_follows_it(wide: Any, base_url: str) -> None:
    wide.goto(base_url + ARTICLE)
    assert cite_problems(wide, "click") == []
    cite = wide.locator("details.reader-note a.reader-cite").first
    assert cite.get_attribute("title") is None  # no tooltip of Material's beside the popover
    href = cite.get_attribute("href")
    cite.click()
    wide.wait_for_url(lambda url: url.endswith(ARTICLE + href))
    assert wide.locator(POPOVER).count() == 0


@pytest.mark.parametrize("kind", ["term", "cite"])
def test_the_link_in_the_popover_goes_on(at_390: Any, base_url: str, kind: str) -> None:
    at_390.goto(base_url + ARTICLE)
    open_notes(at_390)
    link = at_390.locator(f"a.reader-{kind}:visible").first
    activate(at_390, link, "tap")
    target = at_390.locator("a.reader-popover__onward").evaluate("a => a.href")
    at_390.locator("a.reader-popover__onward").tap()
    at_390.wait_for_url(target)
    assert at_390.locator(POPOVER).count() == 0


def test_a_tap_elsewhere_closes_the_popover_and_another_link_opens_its_own(at_390: Any, base_url: str) -> None:
    at_390.goto(base_url + ARTICLE)
    terms = at_390.locator("a.reader-term")
    activate(at_390, terms.nth(0), "tap")
    at_390.locator("h1").first.tap()
    at_390.locator(POPOVER).wait_for(state="detached")
    activate(at_390, terms.nth(1), "tap")
    assert at_390.locator(POPOVER).count() == 1
    assert at_390.locator(".reader-popover__title").inner_text() == terms.nth(1).inner_text().strip()
    assert terms.nth(0).get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("how", ["Escape", "close button"])
@pytest.mark.parametrize("kind", ["term", "cite"])
def test_closing_the_popover_returns_focus_to_its_link(at_390: Any, base_url: str, kind: str, how: str) -> None:
    at_390.goto(base_url + ARTICLE)
    open_notes(at_390)
    link = at_390.locator(f"a.reader-{kind}:visible").first
    assert closing_problems(at_390, link, how) == []


def test_the_keyboard_goes_from_the_link_into_the_popover_and_on(at_390: Any, base_url: str) -> None:
    at_390.goto(base_url + ARTICLE)
    term = at_390.locator("a.reader-term").first
    activate(at_390, term, "Enter")
    focused = []
    for _ in range(2):
        at_390.keyboard.press("Tab")
        focused.append(at_390.evaluate("document.activeElement.classList[0]"))
    assert focused == ["reader-popover__close", "reader-popover__onward"]
    at_390.keyboard.press("Tab")  # out of the popover, on into the text: it closes
    at_390.locator(POPOVER).wait_for(state="detached")


def test_every_term_and_citation_takes_taps_over_24_px(at_390: Any, base_url: str) -> None:
    assert small_targets(at_390, base_url, TARGET_PAGES) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_popover_has_no_accessibility_violation(new_page: Callable[..., Any], base_url: str, scheme: str) -> None:
    """axe-core on the open popover (the whole page is test_accessibility's; the link's attributes are checked above)."""
    require(AXE, "axe-core (npm ci --prefix tests/node)")
    page = new_page(PHONE, scheme)
    page.goto(base_url + ARTICLE)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    page.evaluate("document.querySelector('details.reader-note a.reader-cite').closest('details').open = true")
    found = {}
    for kind in ("term", "cite"):
        # From the keyboard: a tap would leave the link in its hover colour, Material's, not ours.
        activate(page, page.locator(f"a.reader-{kind}:visible").first, "Enter")
        page.wait_for_function("document.querySelector('.reader-popover').getAnimations().length === 0")
        found[kind] = page.evaluate(
            "axe.run({include: [['.reader-popover']]})"
            ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
        )
    assert found == {"term": [], "cite": []}


def test_in_a_narrow_window_the_popover_hides_materials_tooltip(new_page: Callable[..., Any], base_url: str, corpus: Corpus) -> None:
    assert doubled_tooltip(new_page(NARROW_WINDOW), base_url, corpus) is False


def test_with_a_mouse_on_a_wide_screen_a_term_still_goes_to_its_entry(wide: Any, base_url: str) -> None:
    wide.goto(base_url + ARTICLE)
    term = wide.locator("a.reader-term").first
    assert term.get_attribute("title") and term.get_attribute("aria-haspopup") is None
    href = term.get_attribute("href").removeprefix("../..")
    term.click()
    wide.wait_for_url(lambda url: url.endswith(href))


def test_the_tap_checks_fail_without_the_script(at_390: Any, broken: Callable[[str], str], corpus: Corpus) -> None:
    url = broken("script") + ARTICLE
    at_390.goto(url)
    assert "moved: True, expected False" in term_problems(at_390, corpus)
    at_390.goto(url)
    assert "moved: True, expected False" in cite_problems(at_390, "tap")
    at_390.goto(url)
    open_notes(at_390)
    assert closing_problems(at_390, at_390.locator("a.reader-cite:visible").first, "Escape")[0].startswith("Enter on the link")


def test_the_closing_check_fails_when_escape_does_nothing(at_390: Any, broken: Callable[[str], str]) -> None:
    at_390.goto(broken("escape") + ARTICLE)
    problems = closing_problems(at_390, at_390.locator("a.reader-term").first, "Escape")
    assert "the popover is still open" in problems and "focus is not back on the link" in problems


def test_the_target_and_tooltip_checks_fail_without_the_stylesheet(new_page: Callable[..., Any], broken: Callable[[str], str], corpus: Corpus) -> None:
    assert small_targets(new_page(PHONE), broken("stylesheet"), [ARTICLE]) != []
    assert doubled_tooltip(new_page(NARROW_WINDOW), broken("stylesheet"), corpus) is True
