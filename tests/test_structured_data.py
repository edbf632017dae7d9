"""Each claim's page and each article page carry their ClaimReviews as JSON-LD in the head, as
fact-checkers publish them; read with a structured-data extractor, they match claims.jsonld."""

from __future__ import annotations

import json
from pathlib import Path

import extruct
from bs4 import BeautifulSoup

from macros.model import Corpus


def reviews_in(page: Path) -> list[dict[str, object]]:
    """The ClaimReviews a structured-data client finds in a page."""
    found = extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["json-ld"], uniform=True)["json-ld"]
    graph = [item for document in found for item in document.get("@graph", [document])]
    return [item for item in graph if item.get("@type") == "ClaimReview"]


def exported(site: Path) -> dict[str, dict[str, object]]:
    return {review["@id"]: review for review in json.loads((site / "claims.jsonld").read_text(encoding="utf-8"))["@graph"]}


def test_each_claim_page_carries_its_claim_review_in_its_head(site: Path, corpus: Corpus) -> None:
    reviews = exported(site)
    for claim in corpus.claims.values():
        page = site / "claims" / claim.id / "index.html"
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        assert head.select_one('script[type="application/ld+json"]'), claim.id
        [found] = reviews_in(page)
        assert found == reviews[found["@id"]] and found["claimReviewed"] == claim.statement
        rating = found["reviewRating"]
        assert rating["alternateName"] == corpus.verdicts[claim.verdict].label
        assert rating["worstRating"] == 1 and rating["bestRating"] == len(corpus.verdicts)


def part_of(short: object, whole: object) -> bool:
    """Whether every field of ``short`` is in ``whole`` with the same value (lists: every item found)."""
    if isinstance(short, dict):
        return isinstance(whole, dict) and all(k in whole and part_of(v, whole[k]) for k, v in short.items())
    if isinstance(short, list):
        return isinstance(whole, list) and all(any(part_of(item, w) for w in whole) for item in short)
    return short == whole


def test_each_article_page_carries_the_reviews_of_the_claims_it_makes(site: Path, corpus: Corpus) -> None:
    reviews = exported(site)
    for article_id in corpus.articles:
        made = {f"claims/{claim.id}/" for claim, _ in corpus.appearances_by_article.get(article_id, [])}
        found = reviews_in(site / "articles" / article_id / "index.html")
        assert {r["@id"] for r in found} == made, article_id
        for review in found:  # the short form: this article's appearances, the rating without its explanation
            assert part_of(review, reviews[review["@id"]]), review["@id"]
            assert {a["url"].split("#")[0] for a in review["itemReviewed"]["appearance"]} == {f"articles/{article_id}/"}
            assert review["reviewRating"]["alternateName"] == reviews[review["@id"]]["reviewRating"]["alternateName"]


def test_the_json_ld_cannot_close_its_script_element() -> None:
    from macros.export import script_json

    text = script_json({"claimReviewed": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and json.loads(text)["claimReviewed"].startswith("</script>")
