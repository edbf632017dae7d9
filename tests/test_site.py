"""The built site: strict build, articles verbatim with ids and permalinks, provenance shown."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.model import Corpus

from .conftest import ARTICLE_IDS, edit, mkdocs_build


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_every_paragraph_is_shown_verbatim_with_its_id_and_permalink(site: Path, corpus: Corpus, article_id: str) -> None:
    html = page(site, f"articles/{article_id}")
    for paragraph in corpus.articles[article_id].paragraphs:
        element = html.find(id=paragraph.id)
        assert element is not None, paragraph.id
        # Exactly the capture's line: markers, pilcrows and labels add no text to the paragraph.
        assert element.get_text() == paragraph.text, paragraph.id
        assert element.select_one(f'a[href="#{paragraph.id}"]'), f"{paragraph.id} has no permalink"


def test_furniture_is_folded_and_labelled_not_shown_as_prose(site: Path, corpus: Corpus) -> None:
    html = page(site, "articles/002")
    for paragraph in corpus.articles["002"].paragraphs:
        folded = html.find(id=paragraph.id).find_parent("details", class_="reader-furniture")
        assert (folded is not None) == (paragraph.role == "furniture"), paragraph.id
    labels = [s.get_text() for s in html.select("details.reader-furniture > summary")]
    assert labels == [
        "Page furniture captured with the text: breadcrumb; print and dictionary buttons; "
        "headline repeated; photo caption, captured twice",
        "Page furniture captured with the text: social login and comment box",
    ]


def test_headline_and_subheadings_are_headings(site: Path) -> None:
    assert page(site, "articles/002").select_one("h1#p1")
    assert [h["id"] for h in page(site, "articles/001").select("h2.reader-subheading")] == ["p2", "p7"]


def test_provenance_box(site: Path, corpus: Corpus) -> None:
    for article in corpus.articles.values():
        box = page(site, f"articles/{article.id}").select_one(".admonition.abstract")
        text = box.get_text(" ")
        assert article.sha256 in text and article.capture in text
        assert article.outlet in text and article.author in text and article.published in text
        if article.url != "unknown":
            assert box.select_one(f'a[href="{article.url}"]')
        # Beside the checksum, a link to the capture's exact bytes, so anyone can check it.
        capture = box.select_one("a.reader-capture")["href"]
        assert capture.endswith(f"/{article.capture}")
        served = (site / "articles" / article.id / capture).resolve()
        assert hashlib.sha256(served.read_bytes()).hexdigest() == article.sha256


def test_home_lists_every_article_with_provenance(site: Path, corpus: Corpus) -> None:
    html = page(site, ".")
    links = {a["href"] for a in html.select("article table a")}
    assert links == {f"articles/{a}/" for a in corpus.articles}


def test_no_macro_or_traceback_leaks_into_pages(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{\{|\{%|Traceback|Macro Rendering Error", text), path


def test_bad_data_fails_the_build_with_its_message_and_no_page(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy / "glossary" / "sources" / "000.yaml", "upi-2016-07-07-nk-6000-hackers]", "upi-2016-07-07-nk-600-hackers]")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(
        r"glossary/sources/000\.yaml:\d+, entry '000', field 'provenance_refs': unknown reference "
        r"'upi-2016-07-07-nk-600-hackers'; did you mean 'upi-2016-07-07-nk-6000-hackers'\?", result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "articles").exists()


def test_a_broken_macro_call_fails_the_build_and_names_the_page(project_copy: Path, tmp_path: Path) -> None:
    # A hand-written page takes the place of the generated one, with a typing error in its macro call.
    (project_copy / "docs" / "articles" / "003.md").write_text('{{ article("030") }}\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert (
        "docs/articles/003.md: article('030'): unknown article '030' (did you mean '00"
    ) in result.stderr and "known: 000, 001, 002, 003, 004" in result.stderr
    for noise in ("Traceback", "Macro Rendering Error", "does not contain an anchor", "is broken"):
        assert noise not in result.stderr, noise
