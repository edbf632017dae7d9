"""What the site's search finds on an article page: the article's words and what its notes say, once,
without the page's apparatus; the page itself still carries all of it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.model import Corpus
from macros.plan import plan_article
from macros.safe import markdown_html
from macros.terms import TermMatcher

# Words of the apparatus that every article page carries (templates/_tools.html.j2, _notes.html.j2).
APPARATUS = ("back to the text", "How to read this page", "Notes on this page", "Open every note")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def indexed_text(site: Path, article_id: str) -> str:
    """Everything the search index holds for an article's page, as plain text."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = [f'{d["title"]} {d["text"]}' for d in docs if d["location"].split("#")[0] == f"articles/{article_id}/"]
    assert texts, article_id
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", " ".join(texts))))


def test_the_index_holds_each_articles_words_and_notes_but_not_its_apparatus(site: Path, corpus: Corpus) -> None:
    matcher = TermMatcher(corpus.terms.values())
    for article in corpus.articles.values():
        page = BeautifulSoup((site / "articles" / article.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        index = indexed_text(site, article.id)
        for paragraph in article.paragraphs:
            if paragraph.role != "headline":
                assert flat(paragraph.text) in index, (article.id, paragraph.id)
        flags = plan_article(corpus, article.id, matcher).flags
        assert len(flags) == len(page.select("details.reader-note")), article.id
        for flag in flags:
            for block in BeautifulSoup(markdown_html(flag.body), "html.parser").find_all("p"):
                assert flat(block.get_text(" ")).replace(" ,", ",") in index.replace(" ,", ","), (article.id, block)
        page_text = flat(page.get_text(" "))
        for words in APPARATUS:
            assert words in page_text, (article.id, words)  # the page has it ...
            assert words not in index, (article.id, words)  # ... the index does not


def test_a_terms_page_is_found_by_its_names_and_definition_not_by_the_articles_it_lists(site: Path, corpus: Corpus) -> None:
    by_page = indexed_pages(site)
    listed = 0
    for term in corpus.terms.values():
        page = BeautifulSoup((site / "glossary" / term.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        index = by_page[f"glossary/{term.id}/"]
        assert flat(term.definition) in index and all(flat(a) in index for a in term.aliases), term.id
        assert page.find(id="mentions") is not None and "Mentioned in" not in index, term.id
        for item in page.select(".reader-mentions li"):
            listed += 1
            assert flat(item.get_text(" ")) not in index, (term.id, item)
    assert listed > 0


def indexed_pages(site: Path) -> dict[str, str]:
    """What the search index holds for each page, as plain text, by the page's address."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_page: dict[str, str] = {}
    for d in docs:
        text = flat(html.unescape(re.sub(r"<[^>]+>", " ", f'{d["title"]} {d["text"]}')))
        by_page[d["location"].split("#")[0]] = by_page.get(d["location"].split("#")[0], "") + " " + text
    return by_page


def test_a_claims_page_is_found_by_its_statement_and_reason_not_by_what_other_pages_hold(site: Path, corpus: Corpus) -> None:
    index = indexed_pages(site)
    for claim in corpus.claims.values():
        page = BeautifulSoup((site / "claims" / claim.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        found = index[f"claims/{claim.id}/"]
        assert flat(claim.statement) in found, claim.id
        reason = page.select_one(".reader-claim__reason")
        assert reason is not None and flat(reason.get_text(" ")) in found, claim.id
        for heading in ("Where the articles make it", "Corrections"):
            assert heading in flat(page.get_text(" ")) and heading not in found, (claim.id, heading)
        for quote in page.select(".reader-appearances q"):
            assert f"“{flat(quote.get_text())}”" not in found, claim.id


def test_the_registers_leave_out_of_the_index_what_the_claim_and_term_pages_hold(site: Path, corpus: Corpus) -> None:
    index = indexed_pages(site)
    some_claim = next(iter(corpus.claims.values())).statement
    some_term = next(iter(corpus.terms.values())).definition
    for register, words in (("claims/", some_claim), ("matrix/", some_claim), ("glossary/", some_term)):
        page = flat(BeautifulSoup((site / register / "index.html").read_text(encoding="utf-8"), "html.parser").get_text(" "))
        assert flat(words) in page and flat(words) not in index[register], register
    bibliography = index["bibliography/"]
    assert all(flat(r.title) in bibliography for r in corpus.references.values())
    assert "Cited by" not in bibliography
    compare = BeautifulSoup((site / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert compare.select(".reader-figure__chart svg"), "the page has charts"
    assert "The numbers in this chart" in flat(compare.get_text(" ")) and "The numbers in this chart" not in index["compare/"]
    assert all(flat(c.title) in index["compare/"] and flat(c.question) in index["compare/"] for c in corpus.comparisons.values())
    assert "<!--unindexed-->" not in (site / "compare" / "index.html").read_text(encoding="utf-8")  # the markers are not shipped
