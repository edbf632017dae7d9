"""The article captures: verbatim copies, locked by checksum, one record each."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from macros.model import Corpus

from .conftest import PROJECT, SHARED_SOURCES

CAPTURES = PROJECT / "glossary" / "sources" / "captures"


def test_every_capture_has_one_source_record(corpus: Corpus) -> None:
    captures = sorted(p.name for p in CAPTURES.glob("*.txt"))
    assert captures == sorted(a.capture for a in corpus.articles.values())


def test_each_capture_matches_its_recorded_checksum(corpus: Corpus) -> None:
    for article in corpus.articles.values():
        data = (CAPTURES / article.capture).read_bytes()
        assert hashlib.sha256(data).hexdigest() == article.sha256, article.capture
        assert data.decode("utf-8") == article.text


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the shared captures are not beside the project")
def test_each_capture_is_byte_identical_to_the_shared_original(corpus: Corpus) -> None:
    shared = sorted(p.name for p in SHARED_SOURCES.glob("*.txt"))
    assert shared == sorted(a.capture for a in corpus.articles.values())
    for name in shared:
        assert (CAPTURES / name).read_bytes() == (SHARED_SOURCES / name).read_bytes(), name


def test_provenance_is_given_or_plainly_unknown(corpus: Corpus) -> None:
    for article in corpus.articles.values():
        for value in (article.outlet, article.author, article.published, article.url):
            assert value.strip(), article.id
        assert article.provenance_refs, f"article {article.id} cites no evidence for its provenance"


def test_the_joongang_article_keeps_its_byline_and_date(corpus: Corpus) -> None:
    article = corpus.articles["002"]
    assert article.author == "Esther Chung"
    assert article.published == "2024-02-14"
    assert "BY ESTHER CHUNG" in article.text


def test_headlines_and_furniture_point_at_real_lines(corpus: Corpus) -> None:
    article = corpus.articles["002"]
    roles = {p.id: p.role for p in article.paragraphs}
    assert roles["p1"] == "headline"
    assert [pid for pid, role in roles.items() if role == "furniture"] == [
        "p2", "p3", "p4", "p5", "p6", "p19", "p20", "p21", "p22", "p23", "p24", "p25",
    ]
    assert article.paragraph("p18").text.startswith("BY ESTHER CHUNG")  # the byline is prose
