"""Paragraph ids: one per non-blank line, unique, and stable while the text is."""

from __future__ import annotations

import hashlib
import json

from macros.model import Corpus
from macros.text import split_paragraphs

from .conftest import PROJECT

SNAPSHOT = PROJECT / "tests" / "data" / "paragraphs.json"


def test_blank_and_whitespace_only_lines_are_not_paragraphs() -> None:
    text = "First line.\n\n\u00a0 \nSecond  line. \n"
    paragraphs = split_paragraphs(text)
    assert [p.id for p in paragraphs] == ["p1", "p2"]
    assert [p.text for p in paragraphs] == ["First line.", "Second  line."]


def test_offsets_point_back_into_the_capture() -> None:
    text = "  indented line\r\n\nlast"
    for paragraph in split_paragraphs(text):
        assert text[paragraph.offset : paragraph.offset + len(paragraph.text)] == paragraph.text


def test_paragraph_ids_are_unique(corpus: Corpus) -> None:
    for article in corpus.articles.values():
        ids = [p.id for p in article.paragraphs]
        assert len(ids) == len(set(ids)), article.id


def test_paragraph_ids_are_stable() -> None:
    """Each id still names the same words as when the snapshot was taken.

    If this fails after a change to the splitter, every citation and deep link
    made with the old ids would now point at other words: fix the splitter,
    do not update the snapshot.
    """
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for name, ids in expected.items():
        text = (PROJECT / "glossary" / "sources" / "captures" / name).read_text(encoding="utf-8")
        actual = {p.id: hashlib.sha256(p.text.encode()).hexdigest()[:16] for p in split_paragraphs(text)}
        assert actual == ids, name
