"""The charts in Chromium: they fit a 390 px screen, follow the colour scheme and need no script."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

PAGES = ("compare/", "timeline/")

OVERFLOW = """() => [...document.querySelectorAll('figure.reader-figure')].flatMap(f => {
  const box = f.getBoundingClientRect(), svg = f.querySelector('svg').getBoundingClientRect();
  const smallest = Math.min(...[...f.querySelectorAll('svg text')].map(t => t.getBoundingClientRect().height));
  const wrong = [];
  if (box.right > innerWidth || svg.right > innerWidth || f.scrollWidth > f.clientWidth + 1) wrong.push(f.id + ' is wider than the screen');
  if (svg.width < 200 || svg.height < 100) wrong.push(f.id + ' is not shown');
  if (smallest < 9) wrong.push(f.id + ' has text ' + smallest.toFixed(1) + ' px high');
  return wrong;
})"""


@pytest.fixture(params=["light", "dark"])
def narrow(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A 390 px wide phone page in each colour scheme."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=request.param, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_charts_fit_a_390_px_screen_and_stay_legible(narrow: Any, base_url: str, path: str) -> None:
    narrow.goto(base_url + path)
    narrow.wait_for_selector("figure.reader-figure svg")
    assert narrow.evaluate(OVERFLOW) == []


def test_the_fit_check_catches_a_chart_wider_than_the_screen(narrow: Any, base_url: str) -> None:
    narrow.goto(base_url + "timeline/")
    narrow.evaluate("Object.assign(document.querySelector('figure.reader-figure svg').style, {width: '600px', maxWidth: 'none'})")
    assert narrow.evaluate(OVERFLOW) == ["fig-timeline is wider than the screen"]


def test_the_charts_follow_the_colour_scheme(browser: Any, base_url: str) -> None:
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(base_url + "compare/")
        fills[scheme] = page.evaluate("""() => ['.reader-chart__row', '.reader-chart__mark--report path', '.reader-chart__mark--differs path']
            .map(s => getComputedStyle(document.querySelector('svg.reader-chart ' + s)).fill)""")
        context.close()
    light, dark = fills["light"], fills["dark"]
    assert all(a != b for a, b in zip(light, dark, strict=True)), fills
    assert len(set(light)) == 3, "text, agreeing and differing marks are told apart"


def test_the_charts_show_without_script(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        for path in PAGES:
            page.goto(base_url + path)
            sizes = page.evaluate("[...document.querySelectorAll('svg.reader-chart')].map(s => s.getBoundingClientRect().height)")
            assert sizes and min(sizes) > 100
            assert page.locator("svg.reader-chart a").count() > 10
    finally:
        context.close()
