"""The tables of the registers and comparisons fit the page in Chromium: at 1280 px no table scrolls
sideways, is cut off or breaks a word; at 390 px every row is a card whose key cell (the claim, the
article, the figure, the name) is on screen, and the page does not scroll sideways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.compare import DENSE_MATRIX_ARTICLES

from ..conftest import PROJECT, serve
from ..scenario import Scenario, claim

# The tables of the overviews, comparisons, matrix, charts and term pages.
TABLES = "table.reader-cards, table.reader-names, table.reader-figure__table"

# Every such table on the page (folded ones opened): how wide its box is against what it holds, whether it
# reaches past the content column, any word it breaks over two lines, and rows whose key cell is off screen.
MEASURE = """() => {
  document.querySelectorAll('.md-typeset details').forEach(d => { d.open = true; });
  const words = /[\\p{Script=Latin}\\p{N}]+/gu;
  return [...document.querySelectorAll('.md-typeset :is(%s)')].filter(t => t.getClientRects().length).map(table => {
    const box = table.parentElement, content = document.querySelector('.md-content').getBoundingClientRect();
    const broken = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(words)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    const rows = [...table.querySelectorAll('tbody tr')].map(tr => {
      const key = tr.cells[0].getBoundingClientRect();
      return key.width > 0 && key.height > 0 && key.left >= 0 && key.right <= innerWidth + 0.5;
    });
    return {
      table: table.className || 'table', scrolls: box.scrollWidth - box.clientWidth,
      cut: Math.max(0, Math.round(table.getBoundingClientRect().right - content.right)),
      broken: [...new Set(broken)], keyHidden: rows.filter(shown => !shown).length,
    };
  });
}""" % TABLES


def table_pages(site: Path) -> list[str]:
    """One page for each kind of such table the built site has (kind: the table's classes), outside the print edition."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        if page.startswith("print"):
            continue
        html = path.read_text(encoding="utf-8")
        if "<table" in html:
            for table in BeautifulSoup(html, "html.parser").select(f"article :is({TABLES})"):
                found.setdefault(" ".join(table.get("class", [])), "" if page == "." else page + "/")
    return sorted(set(found.values()))


def problems(page: Any, url: str, wide: bool, style: str = "") -> list[str]:
    """What is wrong with the tables of one page at the page's width (with extra CSS, to break it)."""
    page.goto(url)
    page.wait_for_selector(".md-content")
    if style:
        page.add_style_tag(content=style)
    found = []
    for t in page.evaluate(MEASURE):
        if t["scrolls"] > 1:
            found.append(f"{t['table']} scrolls sideways by {t['scrolls']} px")
        if t["cut"] > 1:
            found.append(f"{t['table']} is cut off by {t['cut']} px")
        if t["broken"]:
            found.append(f"{t['table']} breaks the words {t['broken'][:5]}")
        if not wide and t["keyHidden"]:
            found.append(f"{t['table']} hides the key cell of {t['keyHidden']} rows")
    if not wide and page.evaluate("document.scrollingElement.scrollWidth > innerWidth"):
        found.append("the page scrolls sideways")
    return found


@pytest.fixture(params=[(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")], ids=lambda p: f"{p[0]}px-{p[1]}")
def sized(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[Any, bool]]:
    """A page at 1280 px (wide) or at 390 px (a phone), in each colour scheme."""
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  is_mobile=width < 600, has_touch=width < 600)
    yield context.new_page(), width > 600
    context.close()


def test_every_kind_of_table_fits_at_1280_and_390_px(sized: tuple[Any, bool], site: Path, base_url: str) -> None:
    page, wide = sized
    pages = table_pages(site)
    assert "compare/" in pages and "matrix/" in pages
    assert {path: found for path in pages if (found := problems(page, base_url + path, wide))} == {}


def widest_matrix(root: Path, articles: int) -> Path:
    """A scenario site whose matrix is as wide as it gets: every claim of every verdict contradicted and
    qualified by every article (the longest stances), with the longest verdict labels beside them."""
    scenario = Scenario(root / "project")
    verdicts = [v["id"] for v in yaml.safe_load((PROJECT / "glossary" / "verdicts.yaml").read_text(encoding="utf-8"))["verdicts"]]
    for n in range(articles):
        scenario.articles[f"{n:03d}"] = f"Article {n}\n" + "".join(f"Claim {k} is made. Claim {k} is doubted.\n" for k in range(len(verdicts)))
    scenario.claims = [
        claim(f"claim-{k}", f"A statement of some length, which needs room to be read, number {k}.", verdict,
              [(f"{n:03d}", stance, f"Claim {k} is {words}") for n in range(articles)
               for stance, words in (("contradicts", "made"), ("qualifies", "doubted"))])
        for k, verdict in enumerate(verdicts)
    ]
    result = scenario.build(root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module", params=[DENSE_MATRIX_ARTICLES, DENSE_MATRIX_ARTICLES + 1], ids=["a-column-each", "listed"])
def widest(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The widest matrix with as many articles as get a column each, and with one more."""
    return widest_matrix(tmp_path_factory.mktemp("widest"), request.param), request.param


def test_the_widest_matrix_fits_as_columns_up_to_its_limit_and_as_lists_beyond(
        sized: tuple[Any, bool], widest: tuple[Path, int]) -> None:
    page, wide = sized
    site, articles = widest
    columns = BeautifulSoup((site / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser").select(".reader-matrix thead th")
    assert len(columns) == (1 + articles if articles <= DENSE_MATRIX_ARTICLES else 2)
    with serve(site) as url:
        assert problems(page, url + "compare/", wide) == []


@pytest.mark.parametrize(("width", "style", "expected"), [
    (1280, ".md-typeset .reader-matrix table { min-width: 1400px }", "reader-cards scrolls sideways by"),
    (1280, ".md-typeset .reader-matrix table { margin-right: -3rem }", "reader-cards is cut off by"),
    # Material's rule for links, which split the stances letter by letter before the reader's tables undid it.
    (1280, ".md-typeset table[class] a { word-break: break-word }", "reader-cards breaks the words"),
    (390, ".md-typeset table.reader-cards tr > :first-child { margin-left: 400px }", "hides the key cell of"),
    (390, ".md-typeset .reader-matrix { overflow: visible } .md-typeset .reader-matrix table { display: table; width: 500px }",
     "the page scrolls sideways"),
], ids=["scrolls", "cut-off", "broken-words", "key-off-screen", "page-scrolls"])
def test_the_check_sees_a_table_that_does_not_fit(browser: Any, base_url: str, width: int, style: str, expected: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        found = problems(context.new_page(), base_url + "matrix/", width > 600, style)
        assert any(expected in problem for problem in found), found
    finally:
        context.close()
