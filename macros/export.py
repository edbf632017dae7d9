"""Open data: the notes, claims and glossary as linked data, written beside the pages.

- ``annotations.jsonld``: a W3C Web Annotation ``AnnotationCollection`` of every
  note and every claim flag, each targeting its article page with a
  ``TextQuoteSelector`` whose ``exact`` is the article's own words, with up to
  32 characters of the same paragraph either side (as the Hypothesis client
  records them), refining a ``CssSelector`` for the quote's paragraph, since
  the page repeats a headline's words in its header and navigation. Ids are absolute when the site's address is known;
  otherwise annotations and targets are addressed relative to the site root
  (where the file lies) and the collection and its page are named by URNs;
- ``claims.jsonld``: a schema.org ``ClaimReview`` per claim;
- ``glossary.json``: the glossary as a schema.org ``DefinedTermSet``.

The builders are pure functions of the corpus and the site's addressing; only
:func:`write_exports` touches the disk.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable
from typing import Any

from . import addresses
from .kinds import CLAIM_KIND, KINDS
from .model import UNKNOWN, Anchor, Appearance, Article, Claim, Corpus
from .plan import appearance_key

CONTEXT_CHARS = 32  # as much context as Hypothesis records on each side


@dataclass(frozen=True)
class Site:
    """How pages are addressed: the site's base address and its URL style."""

    base: str  # "https://example.org/reader/" or "" for addresses relative to the site root
    directory_urls: bool

    @property
    def absolute(self) -> bool:
        """Whether addresses are absolute (the site's address was given at build time)."""
        return bool(self.base)

    def root_from(self, page_url: str) -> str:
        """The site root as a page at ``page_url`` (MkDocs' ``articles/003/``) reaches it: ``../../``; "" from the root."""
        return "../" * page_url.count("/")

    def context(self, vocabulary: str, page_url: str | None) -> str | list[object]:
        """A JSON-LD ``@context`` for a document inside a page: addresses written relative to the site root get a
        relative ``@base`` that leads from the page to the root, since a processor resolves them against the page."""
        root = self.root_from(page_url) if page_url is not None and not self.absolute else ""
        return [vocabulary, {"@base": root}] if root else vocabulary

    def page(self, docs_path: str) -> str:
        """The address of a page given its path in docs/ (``articles/002.md``)."""
        stem = docs_path.removesuffix(".md")
        if stem == "index":
            return self.base or "./"
        return self.base + (f"{stem}/" if self.directory_urls else f"{stem}.html")


def quote_selector(article: Article, anchor: Anchor) -> dict[str, Any]:
    """The quote's paragraph (a CssSelector, ``#p9``) refined by a TextQuoteSelector: the exact words
    and up to 32 characters of the same paragraph either side.

    The paragraph comes first because the page repeats some of the article's words outside the
    article: a headline is also the page's title in the site's header and navigation, so its words
    alone would match more than once in the page.
    """
    text = article.paragraph(anchor.paragraph).text
    return {
        "type": "CssSelector",
        "value": f"#{anchor.paragraph}",
        "refinedBy": {
            "type": "TextQuoteSelector",
            "exact": text[anchor.start : anchor.end],
            "prefix": text[max(0, anchor.start - CONTEXT_CHARS) : anchor.start],
            "suffix": text[anchor.end : anchor.end + CONTEXT_CHARS],
        },
    }


def _link(address: str) -> dict[str, str]:
    """A body that links to a related resource: a SpecificResource, the kind that may carry a purpose."""
    return {"type": "SpecificResource", "source": address, "purpose": "linking"}


def annotations(corpus: Corpus, site: Site) -> dict[str, Any]:
    """Every note and claim flag as a W3C Web Annotation collection."""
    items: list[dict[str, Any]] = []
    for article_id, notes in corpus.notes.items():
        article = corpus.articles[article_id]
        page = site.page(article.page)
        for note in notes:
            items.append({
                "id": f"{page}#{addresses.note_id(note.id)}",
                "type": "Annotation",
                "motivation": KINDS[note.kind].motivation,
                "body": [{"type": "TextualBody", "value": note.body, "format": "text/markdown",
                          "purpose": KINDS[note.kind].motivation}]
                + [_link(corpus.references[r].url) for r in note.refs],
                "target": {"source": page, "selector": quote_selector(article, note.anchor)},
            })
    for claim in corpus.claims.values():
        verdict = corpus.verdicts[claim.verdict]
        for appearance in claim.appearances:
            article = corpus.articles[appearance.article]
            page = site.page(article.page)
            key = appearance_key(claim, appearance)
            items.append({
                "id": f"{page}#{addresses.note_id(key)}",
                "type": "Annotation",
                "motivation": KINDS[CLAIM_KIND].motivation,
                "body": [
                    {"type": "TextualBody", "purpose": KINDS[CLAIM_KIND].motivation, "format": "text/markdown",
                     "value": f"{verdict.label}: {claim.reason}"},
                    {"type": "TextualBody", "purpose": "tagging", "value": verdict.id},
                    # A relative address of a page at the site root ("claims/x.html") is not a URI to
                    # the W3C suite, so the claim's page is linked only when addresses are absolute.
                    *([_link(site.page(addresses.claim_page(claim.id).lstrip("/")))] if site.absolute else []),
                ],
                "target": {"source": page, "selector": quote_selector(article, appearance.anchor)},
            })
    collection_id, page_id = _collection_ids(site, items)
    collection: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Notes and disputed-claim flags on {len(corpus.articles)} articles",
        "total": len(items),
        "first": {"id": page_id, "type": "AnnotationPage", "partOf": collection_id, "startIndex": 0, "items": items},
    }
    if not site.absolute:
        collection["rdfs:comment"] = (
            "Annotation ids and target sources are relative to the site root, the folder this file lies in; "
            "the collection and its page, whose address was not known when the site was built, are named by URNs."
        )
    return collection


def _collection_ids(site: Site, items: list[dict[str, Any]]) -> tuple[str, str]:
    """The ids of the collection and its one page: addresses, or name-based URNs when the site's address is unknown.

    A URN depends only on the annotations' ids, so the same data gives the same names in every build.
    """
    if site.absolute:
        address = f"{site.base}annotations.jsonld"
        return address, f"{address}#page-1"
    names = "\n".join(item["id"] for item in items)
    collection = uuid.uuid5(uuid.NAMESPACE_URL, f"annotations.jsonld\n{names}")
    return collection.urn, uuid.uuid5(collection, "page-1").urn


def claim_review(corpus: Corpus, site: Site, claim: Claim, on_article: str | None = None) -> dict[str, Any]:
    """One claim as a schema.org ClaimReview, as fact-checkers publish it; the rating runs from 1 (worst) up.

    ``on_article`` gives the shorter form an article page carries: the claim's appearances in that
    article only, each named by its address (the page is that appearance) and, unless the passage
    makes the claim, by what it does with it; no ``ratingExplanation`` and no ``citation`` list (the
    claim's own page has the whole review), which keeps an article page with many claims light.
    """
    scale = len(corpus.verdicts)
    verdict = corpus.verdicts[claim.verdict]
    page = site.page(addresses.claim_page(claim.id).lstrip("/"))
    return {
        "@type": "ClaimReview",
        "@id": page,
        "url": page,
        "claimReviewed": claim.statement,
        "datePublished": claim.reviewed,
        "author": {"@type": "Organization", "name": "The annotated reader"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": scale - verdict.rank + 1,
            "bestRating": scale,
            "worstRating": 1,
            "alternateName": verdict.label,
            **({} if on_article else {"ratingExplanation": claim.reason}),
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [_appearance(corpus, site, claim, a, short=on_article is not None) for a in claim.appearances
                           if on_article is None or a.article == on_article],
        },
        **({} if on_article else {"citation": [corpus.references[r].url for r in claim.evidence]}),
    }


def claim_reviews(
    corpus: Corpus, site: Site, claims: Iterable[Claim] | None = None, on_article: str | None = None,
    page_url: str | None = None,
) -> dict[str, Any]:
    """ClaimReviews as one JSON-LD document: every claim's, or those of ``claims`` (see :func:`claim_review`);
    ``page_url`` is the address of the page that carries it, if a page does (see :meth:`Site.context`)."""
    chosen = corpus.claims.values() if claims is None else claims
    return {"@context": site.context("https://schema.org", page_url),
            "@graph": [claim_review(corpus, site, claim, on_article) for claim in chosen]}


def script_json(document: dict[str, Any]) -> str:
    """Compact JSON for a ``<script type="application/ld+json">``: nothing in it can close the element."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _appearance(corpus: Corpus, site: Site, claim: Claim, appearance: Appearance, short: bool = False) -> dict[str, str]:
    """Where an article makes, contradicts or qualifies the claim: the passage on this site, what the
    article does with the claim and, unless ``short``, the passage's words and the original article, if
    known. The short form says what the article does only when it does not make the claim."""
    article = corpus.articles[appearance.article]
    work = {
        "@type": "CreativeWork",
        "url": f"{site.page(article.page)}#{addresses.quote_id(appearance_key(claim, appearance))}",
    }
    if not short or appearance.stance != "asserts":
        work["description"] = f"Article {article.id} {appearance.stance} the claim."
    if short:
        return work
    work["text"] = appearance.quote.exact
    if article.url != UNKNOWN:
        work["isBasedOn"] = article.url
    return work


def defined_terms(corpus: Corpus, site: Site) -> dict[str, Any]:
    """The glossary as a schema.org DefinedTermSet."""
    glossary = site.page("glossary.md")
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": glossary,
        "name": "Glossary of the annotated reader",
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "@id": site.page(addresses.term_page(term.id).lstrip("/")),
                "termCode": term.id,
                "name": term.name,
                "alternateName": [*term.aliases, *([term.original] if term.original else [])],
                "description": term.definition,
                "url": site.page(addresses.term_page(term.id).lstrip("/")),
                "inDefinedTermSet": glossary,
            }
            for term in sorted(corpus.terms.values(), key=lambda t: t.id)
        ],
    }


def write_exports(corpus: Corpus, site: Site, site_dir: Path) -> list[Path]:
    """Write the three exports into the built site; return their paths."""
    outputs = {
        "annotations.jsonld": annotations(corpus, site),
        "claims.jsonld": claim_reviews(corpus, site),
        "glossary.json": defined_terms(corpus, site),
    }
    written = []
    for name, data in outputs.items():
        path = site_dir / name
        # Compact: with an indent, Python's json writes through its slow pure-Python encoder (a second
        # at a thousand articles), and the files are a quarter larger; any JSON tool lays them out.
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        written.append(path)
    return written
