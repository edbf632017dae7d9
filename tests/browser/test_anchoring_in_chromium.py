"""Apache Annotator, the W3C selectors' reference code, anchors every exported annotation on its page.

The npm packages locked in ``tests/node/`` are bundled for the browser once per test session with
esbuild (Apache Annotator imports Node-style runtime helpers), then each article page is opened in
Chromium and every selector of ``annotations.jsonld`` that names it as ``source`` (the quote's
paragraph refined by its TextQuoteSelector) is matched over the whole ``document.body``, as an
annotation client would.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from ..conftest import PROJECT, require

NODE_DIR = PROJECT / "tests" / "node"
ENTRY = (
    "export { createCssSelectorMatcher, createTextQuoteSelectorMatcher } from '@apache-annotator/dom';"
    " export { makeRefinable } from '@apache-annotator/selector';"
)
BUNDLE_SCRIPT = """
require('esbuild').buildSync({
  stdin: { contents: process.argv[1], resolveDir: process.cwd() },
  bundle: true, format: 'iife', globalName: 'ApacheAnnotator', platform: 'browser',
  outfile: process.argv[2], logLevel: 'error',
});
"""
# How many times each selector matches in the page's body; a selector is [id, selector].
COUNT_MATCHES = """async (selectors) => {
  const A = ApacheAnnotator;
  const matcherOf = A.makeRefinable((s) => s.type === "CssSelector" ? A.createCssSelectorMatcher(s) : A.createTextQuoteSelectorMatcher(s));
  const counts = {};
  for (const [id, selector] of selectors) {
    let n = 0;
    for await (const _ of matcherOf(selector)(document.body)) n += 1;
    counts[id] = n;
  }
  return counts;
}"""


@pytest.fixture(scope="session")
def annotator(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Apache Annotator bundled for the browser, as a script."""
    require(NODE_DIR / "node_modules" / "esbuild" / "package.json", "esbuild (npm ci --prefix tests/node)")
    require(NODE_DIR / "node_modules" / "@apache-annotator" / "dom" / "package.json", "Apache Annotator (npm ci --prefix tests/node)")
    out = tmp_path_factory.mktemp("annotator") / "annotator.js"
    subprocess.run(["node", "-e", BUNDLE_SCRIPT, ENTRY, str(out)], cwd=NODE_DIR, check=True, capture_output=True, text=True)
    return out.read_text(encoding="utf-8")


@pytest.fixture
def matches(browser: Any, base_url: str, annotator: str) -> Iterator[Any]:
    """A function: annotation items of one page → how often Apache Annotator finds each there."""
    context = browser.new_context()
    page = context.new_page()

    def count(source: str, items: list[dict[str, Any]]) -> dict[str, int]:
        page.goto(urljoin(base_url, source))
        page.add_script_tag(content=annotator)
        return page.evaluate(COUNT_MATCHES, [[i["id"], i["target"]["selector"]] for i in items])

    yield count
    context.close()


def by_page(site: Path) -> dict[str, list[dict[str, Any]]]:
    """The exported annotations grouped by the page they name as source."""
    pages: dict[str, list[dict[str, Any]]] = {}
    for item in json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]:
        pages.setdefault(item["target"]["source"], []).append(item)
    return pages


def test_apache_annotator_finds_every_annotation_exactly_once_on_its_page(matches: Any, site: Path) -> None:
    counts: dict[str, int] = {}
    for source, items in by_page(site).items():
        counts.update(matches(source, items))
    wrong = {item_id: n for item_id, n in counts.items() if n != 1}
    assert len(counts) > 100
    assert wrong == {}, f"{len(wrong)} of {len(counts)} annotations are not found exactly once: {wrong}"


def test_apache_annotator_reports_a_quote_that_is_not_there_or_is_there_twice(matches: Any, site: Path) -> None:
    source, items = next(iter(by_page(site).items()))
    item = items[0]
    selector = item["target"]["selector"]
    quote = selector["refinedBy"]
    missing = {"id": "missing", "target": {"selector": {**selector, "refinedBy": {**quote, "exact": quote["exact"] + " not in the text"}}}}
    # Two bare words every article page shows twice: in the site's header and in the page's title.
    bare = {"id": "bare", "target": {"selector": {"type": "TextQuoteSelector", "exact": "The annotated reader"}}}
    found = matches(source, [missing, bare])
    assert found["missing"] == 0
    assert found["bare"] > 1
