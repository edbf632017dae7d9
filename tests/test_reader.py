"""The reader on the built site: anchored quotes, two-way links, term links, backlinks, flags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.model import Corpus
from macros.plan import appearance_key

from .conftest import ARTICLE_IDS

ARTICLES = ARTICLE_IDS


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def covering(mark: Tag) -> list[str]:
    """The flags a highlight covers: those its ``data-quotes`` names, or else the one whose words start
    there, which its id names."""
    return str(mark["data-quotes"]).split() if mark.has_attr("data-quotes") else [str(mark["id"]).removeprefix("quote-")]


def quoted_text(html: BeautifulSoup, key: str) -> str:
    """The words highlighted for one note or flag (its pieces may be split by other highlights)."""
    return "".join(
        "".join(s for s in mark.find_all(string=True) if not s.find_parent("sup"))
        for mark in html.select("mark.reader-hl")
        if key in covering(mark)
    )


def flags_of(corpus: Corpus, article_id: str) -> list[tuple[str, str, str]]:
    """(key, exact words, paragraph) of every note and claim appearance on an article."""
    found = [(n.id, n.quote.exact, n.anchor.paragraph) for n in corpus.notes.get(article_id, ())]
    for claim in corpus.claims.values():
        for a in claim.appearances:
            if a.article == article_id:
                found.append((appearance_key(claim, a), a.quote.exact, a.anchor.paragraph))
    return found


@pytest.mark.parametrize("article_id", ARTICLES)
def test_each_quote_is_highlighted_in_its_paragraph_exactly(site: Path, corpus: Corpus, article_id: str) -> None:
    html = page(site, f"articles/{article_id}")
    for key, exact, paragraph in flags_of(corpus, article_id):
        first = html.find(id=f"quote-{key}")
        assert first is not None, key
        assert first.find_parent(id=paragraph) is not None, f"{key} is not in {paragraph}"
        assert quoted_text(html, key) == exact, key


@pytest.mark.parametrize("article_id", ARTICLES)
def test_marker_and_note_link_both_ways(site: Path, corpus: Corpus, article_id: str) -> None:
    html = page(site, f"articles/{article_id}")
    numbers = []
    for key, _, paragraph in flags_of(corpus, article_id):
        marker = html.find(id=f"mark-{key}")
        note = html.find(id=f"note-{key}")
        assert marker is not None and note is not None, key
        assert marker["href"] == f"#note-{key}"
        assert note.select_one(f'a[href="#mark-{key}"]'), f"note {key} has no link back"
        row = note.find_parent("div", class_="reader-row")
        assert row.find(id=paragraph) is not None, f"note {key} is not beside {paragraph}"
        assert marker.get_text() == "" and marker["aria-label"].startswith(f"Note {marker['data-n']}:")
        numbers.append(int(marker["data-n"]))
    assert sorted(numbers) == list(range(1, len(numbers) + 1)), "notes are numbered 1..n on each page"


def test_every_claim_appearance_shows_its_verdict(site: Path, corpus: Corpus) -> None:
    for claim in corpus.claims.values():
        label = corpus.verdicts[claim.verdict].label
        for a in claim.appearances:
            note = page(site, f"articles/{a.article}").find(id=f"note-{appearance_key(claim, a)}")
            assert label in note.get_text(), claim.id
            assert note.select_one(f'a[href$="claims/{claim.id}/"]'), claim.id


def test_claims_register_lists_every_claim_with_its_appearances(site: Path, corpus: Corpus) -> None:
    html = page(site, "claims")
    for claim in corpus.claims.values():
        entry = html.find(id=f"claim-{claim.id}")
        assert entry["data-verdict"] == claim.verdict
        assert entry.select_one(".reader-index__name")["href"] == f"{claim.id}/"
        assert set(entry["data-article"].split()) == {a.article for a in claim.appearances}
        links = {a["href"] for a in entry.select("a")}
        for a in claim.appearances:
            assert f"../articles/{a.article}/#quote-{appearance_key(claim, a)}" in links


def test_each_claim_page_lists_every_appearance_with_its_stance(site: Path, corpus: Corpus) -> None:
    for claim in corpus.claims.values():
        html = page(site, f"claims/{claim.id}")
        assert html.h1.get_text() == claim.statement
        assert corpus.verdicts[claim.verdict].label in html.select_one(".reader-verdict-tag").get_text()
        shown = [(li.select_one(".reader-stance").get_text(), li.select_one("a")["href"], li.q.get_text())
                 for li in html.select(".reader-appearance")]
        assert shown == [(a.stance, f"../../articles/{a.article}/#quote-{appearance_key(claim, a)}", a.quote.exact)
                         for a in claim.appearances]


def test_every_term_link_points_at_a_glossary_entry_with_its_definition(site: Path, corpus: Corpus) -> None:
    seen = 0
    for article_id in ARTICLES:
        for link in page(site, f"articles/{article_id}").select("a.reader-term"):
            term_id = link["href"].split("/")[-2]
            assert link["href"] == f"../../glossary/{term_id}/"
            assert page(site, f"glossary/{term_id}").h1.get_text() == corpus.terms[term_id].name
            assert link["title"] == corpus.terms[term_id].definition
            seen += 1
    assert seen >= len(corpus.terms) // 2


def test_each_term_is_linked_at_its_first_mention_in_an_article_only(site: Path, corpus: Corpus) -> None:
    for article_id in ARTICLES:
        linked = [a["href"] for a in page(site, f"articles/{article_id}").select("a.reader-term")]
        assert len(linked) == len(set(linked)), article_id


def mentions_by_search(corpus: Corpus, term_id: str) -> set[tuple[str, str]]:
    """Paragraphs naming a term, found by brute force, independently of the term linker.

    Every spelling of every term is searched as a whole word; a match inside a
    longer spelling of another term at the same place (“crypto” in “crypto
    fraud”) names that other term instead.
    """
    found = set()
    for article in corpus.articles.values():
        for p in article.paragraphs:
            if p.role == "furniture":
                continue
            matches = [
                (t.id, m.start(), m.end())
                for t in corpus.terms.values()
                for spelling in t.spellings
                for m in re.finditer(rf"(?<!\w){re.escape(spelling)}(?!\w)", p.text)
            ]
            for tid, start, end in matches:
                shadowed = any(
                    o != tid and os <= start and end <= oe and oe - os > end - start for o, os, oe in matches
                )
                if tid == term_id and not shadowed:
                    found.add((article.id, p.id))
    return found


def test_glossary_backlinks_list_every_paragraph_that_mentions_a_term(site: Path, corpus: Corpus) -> None:
    for term in corpus.terms.values():
        mentioned = page(site, f"glossary/{term.id}").find(id="mentions").find_next_sibling()
        listed = {
            (m.group(1), m.group(2))
            for a in mentioned.select("a")
            if (m := re.search(r"articles/(\d{3,})/#(p\d+)$", a["href"]))
        }
        assert listed == mentions_by_search(corpus, term.id), term.id


def test_exports_are_written_and_resolve(site: Path, corpus: Corpus) -> None:
    import json

    annotations = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert annotations["type"] == "AnnotationCollection"
    items = annotations["first"]["items"]
    assert annotations["total"] == len(items) == sum(len(f) for f in (flags_of(corpus, a) for a in ARTICLES))
    for item in items:
        assert item["motivation"] in {"describing", "commenting", "assessing"}
        source, paragraph = item["target"]["source"], item["target"]["selector"]
        assert paragraph["type"] == "CssSelector" and paragraph["refinedBy"]["type"] == "TextQuoteSelector"
        selector = paragraph["refinedBy"]
        article_id = re.search(r"articles/(\d{3})/", source).group(1)
        text = corpus.articles[article_id].text
        assert text.count(selector["prefix"] + selector["exact"] + selector["suffix"]) == 1
        assert (site / source / "index.html").is_file()
        fragment = item["id"].split("#")[1]
        assert page(site, f"articles/{article_id}").find(id=fragment) is not None
    claims = json.loads((site / "claims.jsonld").read_text(encoding="utf-8"))
    reviews = claims["@graph"]
    assert {r["@id"].split("/")[-2] for r in reviews} == set(corpus.claims)
    for review in reviews:
        assert review["@type"] == "ClaimReview" and review["itemReviewed"]["@type"] == "Claim"
        assert 1 <= review["reviewRating"]["ratingValue"] <= review["reviewRating"]["bestRating"]
        assert review["itemReviewed"]["appearance"]
    glossary = json.loads((site / "glossary.json").read_text(encoding="utf-8"))
    assert glossary["@type"] == "DefinedTermSet"
    terms = {t["termCode"]: t for t in glossary["hasDefinedTerm"]}
    assert set(terms) == set(corpus.terms)
    for term_id, term in terms.items():
        assert term["alternateName"][: len(corpus.terms[term_id].aliases)] == list(corpus.terms[term_id].aliases)
        assert term["url"] == f"glossary/{term_id}/" and (site / term["url"] / "index.html").is_file()
