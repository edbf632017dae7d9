"""With the repository configured under ``extra``, every note, claim and term links to where a reader
can propose a fix, naming the item and its line in the data; without it, no such link appears."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from macros.model import Corpus

from .conftest import edit, mkdocs_build

REPOSITORY = "https://git.example.org/owner/reader"


def suggest_links(html: BeautifulSoup) -> list[dict[str, list[str]]]:
    return [parse_qs(urlsplit(a["href"]).query) for a in html.find_all("a", string="suggest a correction")
            + html.find_all("a", string="Suggest a correction")]


def test_every_note_claim_and_term_can_be_corrected(project_copy: Path, tmp_path: Path, corpus: Corpus) -> None:
    edit(project_copy / "mkdocs.yml", "extra:\n", f"extra:\n  repository: {REPOSITORY}\n")
    out = tmp_path / "site"
    result = mkdocs_build(project_copy, out)
    assert result.returncode == 0, result.stderr

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup((out / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    for article_id in corpus.articles:
        html = page(f"articles/{article_id}")
        for note in html.select("details.reader-note"):
            [query] = suggest_links(note)
            assert query["title"][0].startswith("Correction: ") and "line" in query["body"][0], note["id"]
    claim = next(iter(corpus.claims))
    [query] = suggest_links(page(f"claims/{claim}"))
    assert query["title"] == [f"Correction: claim/{claim}"] and "glossary/claims.yaml, line" in query["body"][0]
    term = next(iter(corpus.terms))
    [query] = suggest_links(page(f"glossary/{term}"))
    assert query["title"] == [f"Correction: term/{term}"] and "glossary/terms.yaml, line" in query["body"][0]


def test_without_a_repository_there_is_no_suggest_link(site: Path, corpus: Corpus) -> None:
    for path in [*(f"articles/{a}" for a in corpus.articles), f"claims/{next(iter(corpus.claims))}"]:
        html = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert suggest_links(html) == [], path
