"""Each claim's page and each article page carry their ClaimReviews as JSON-LD in the head, as
fact-checkers publish them; read with a structured-data extractor, they match claims.jsonld, and their
addresses, resolved against the page as a JSON-LD processor resolves them, name the built pages."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import extruct
import pytest
from bs4 import BeautifulSoup

from macros.model import Corpus

SERVED_AT = "https://example.org/reader/"  # where the site might be served from, any address will do


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
            appearances = review["itemReviewed"]["appearance"]
            assert {a["url"].split("#")[0] for a in appearances} == {f"articles/{article_id}/"}
            assert all(set(a) <= {"@type", "url", "description"} and a["@type"] == "CreativeWork" for a in appearances)
            rating = review["reviewRating"]
            assert rating == {k: v for k, v in reviews[review["@id"]]["reviewRating"].items() if k != "ratingExplanation"}
            assert {"claimReviewed", "datePublished", "author", "url"} <= set(review)


def built_page(site: Path, address: str) -> Path | None:
    """The file of the built site that an address under :data:`SERVED_AT` names, if there is one."""
    path = urldefrag(address).url.removeprefix(SERVED_AT)
    if not address.startswith(SERVED_AT) or path.startswith("/"):
        return None
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    return file if file.is_file() else None


@functools.cache
def ids_in(page: Path) -> set[str]:
    return {str(node["id"]) for node in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(id=True)}


def misaddressed(site: Path) -> list[str]:
    """Every address in the JSON-LD of a page that, resolved against the page's own address (and the
    document's ``@base``, as a JSON-LD processor does), names no page of the built site: a review's
    ``@id`` and ``url`` must name its claim's page, an appearance a passage of an article page, and on
    an article page a passage of the page itself."""
    wrong = []
    for page in sorted(site.rglob("*.html")):
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
        if found is None:
            continue
        name = page.relative_to(site).as_posix()
        here = urljoin(SERVED_AT, name.removesuffix("index.html"))
        document = json.loads(found.group(1))
        contexts = document["@context"] if isinstance(document["@context"], list) else [document["@context"]]
        base = urljoin(here, next((c["@base"] for c in contexts if isinstance(c, dict) and "@base" in c), ""))
        for review in document["@graph"]:
            for field in ("@id", "url"):
                target = built_page(site, urljoin(base, review[field]))
                if target is None or not target.relative_to(site).as_posix().startswith("claims/"):
                    wrong.append(f"{name}: {field} {review[field]} is {urljoin(base, review[field])}")
            for appearance in review["itemReviewed"]["appearance"]:
                address, fragment = urldefrag(urljoin(base, appearance["url"]))
                target = built_page(site, address)
                if (target is None or not target.relative_to(site).as_posix().startswith("articles/")
                        or fragment not in ids_in(target) or (name.startswith("articles/") and target != page)):
                    wrong.append(f"{name}: appearance {appearance['url']} is {address}#{fragment}")
    return wrong


@pytest.mark.parametrize("fixture", ["site", "offline_site"])
def test_the_json_ld_addresses_name_the_built_pages_from_where_they_stand(request: pytest.FixtureRequest, fixture: str) -> None:
    site = request.getfixturevalue(fixture)
    assert misaddressed(site) == []
    assert (site / "articles").is_dir() and any("ld+json" in p.read_text(encoding="utf-8") for p in (site / "articles").rglob("*.html"))


def test_the_address_check_sees_json_ld_resolved_against_the_wrong_page(site: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "site"))
    page = copy / "articles" / "003" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('{"@base":"../../"}', '{"@base":"./"}', 1), encoding="utf-8")  # as if relative to the page
    wrong = misaddressed(copy)
    assert wrong and all(w.startswith("articles/003/") for w in wrong)
    assert any("articles/003/claims/" in w for w in wrong)


def test_the_json_ld_cannot_close_its_script_element() -> None:
    from macros.export import script_json

    text = script_json({"claimReviewed": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and json.loads(text)["claimReviewed"].startswith("</script>")
