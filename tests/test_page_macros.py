"""Hand-written pages cite references and link terms, claims, paragraphs and quotes by their ids,
checked at build time: an unknown id fails the build in one line naming the page and its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.model import Corpus

from .conftest import edit, mkdocs_build


def test_the_home_and_methods_pages_link_by_id(site: Path, corpus: Corpus) -> None:
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    cite = home.select_one("a.reader-cite")
    assert cite["href"] == "bibliography/#ref-upi-2016-07-07-nk-6000-hackers"
    assert cite["title"].startswith(corpus.references["upi-2016-07-07-nk-6000-hackers"].title)
    hrefs = {a["href"] for a in home.select("article a")}
    assert {"articles/002/#p9", "claims/bureau-121-employs-6000-hackers/", "glossary/national-intelligence-service/"} <= hrefs
    methods = BeautifulSoup((site / "methods" / "index.html").read_text(encoding="utf-8"), "html.parser")
    quote = next(a for a in methods.select("article a") if a["href"] == "../articles/000/#quote-n3")
    assert quote.get_text() == f"“{next(n for n in corpus.notes['000'] if n.id == 'n3').quote.exact}”"


@pytest.mark.parametrize(("call", "message"), [
    ('{{ term("lazarus-grop") }}', "term('lazarus-grop'): unknown term 'lazarus-grop' (did you mean 'lazarus-group'?)"),
    ('{{ cite("upi-2016-07-07-nk-6000-hacker") }}', "cite('upi-2016-07-07-nk-6000-hacker'): unknown reference"),
    ('{{ paragraph("002", "p999") }}', "paragraph('p999'): unknown paragraph of article 002 'p999'"),
    ('{{ quote("000", "n99") }}', "quote('n99'): unknown note or claim flag of article 000 'n99'"),
    ('{{ claim("no-such-claim") }}', "claim('no-such-claim'): unknown claim 'no-such-claim'"),
])
def test_an_unknown_id_fails_the_build_naming_the_page_and_line(project_copy: Path, tmp_path: Path, call: str, message: str) -> None:
    page = project_copy / "docs" / "index.md"
    line = page.read_text(encoding="utf-8").splitlines().index("## The articles") + 1
    edit(page, "## The articles", f"See {call}.\n\n## The articles")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/index.md:{line}: {message}" in result.stderr
    assert "Traceback" not in result.stderr
