"""The site's print page: every article with its notes as footnotes, the glossary, the claims.

The typeset PDF is tested in ``tests/test_pdf.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.model import Corpus


@pytest.fixture
def print_page(site: Path) -> BeautifulSoup:
    """The print page, parsed afresh for each test (tests may take parts of it away)."""
    return BeautifulSoup((site / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_article_paragraph_is_printed_verbatim(print_page: BeautifulSoup, corpus: Corpus) -> None:
    for article in corpus.articles.values():
        for paragraph in article.paragraphs:
            element = print_page.find(id=f"a{article.id}-{paragraph.id}")
            for extra in element.select(".reader-print-number, sup"):
                extra.decompose()
            assert element.get_text().strip() == paragraph.text


def test_every_note_is_a_numbered_footnote_linked_both_ways(print_page: BeautifulSoup, corpus: Corpus) -> None:
    for article_id, notes in corpus.notes.items():
        for note in notes:
            marker = print_page.find(id=f"a{article_id}-mark-{note.id}")
            footnote = print_page.find(id=f"a{article_id}-note-{note.id}")
            assert marker["href"] == f"#a{article_id}-note-{note.id}"
            assert footnote.name == "li" and footnote["value"] == marker["data-n"]
            assert footnote.select_one(f'a[href="#a{article_id}-mark-{note.id}"]')


def test_the_glossary_and_the_claims_are_printed(print_page: BeautifulSoup, corpus: Corpus) -> None:
    glossary = " ".join(print_page.find(id="print-glossary").find_parent("section").get_text().split())
    claims = " ".join(print_page.find(id="print-claims").find_parent("section").get_text().split())
    assert all(term.definition in glossary for term in corpus.terms.values())
    assert all(corpus.verdicts[c.verdict].label in claims for c in corpus.claims.values())
