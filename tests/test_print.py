"""The print edition: every article with its notes as footnotes, the glossary, the claims; a PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.model import Corpus

from .conftest import PROJECT


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


def test_the_pdf_is_made_and_renders_to_pages(tmp_path: Path) -> None:
    if not Path(shutil.which("chromium") or "/usr/bin/chromium").exists() or not shutil.which("pdftoppm"):
        if os.environ.get("CI"):
            pytest.fail("Chromium and pdftoppm are needed; .ci/run installs them")
        pytest.skip("Chromium or pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "reader.pdf"
    result = subprocess.run([sys.executable, str(PROJECT / "tools" / "print_pdf.py"), "--out", str(pdf)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "3", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3 and all(p.stat().st_size > 1000 for p in pages)
