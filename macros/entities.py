"""A page of its own for every claim and every glossary term, with a stable address to link,
cite and find in search (the MITRE ATT&CK site's entity pages are the model); and the generated page
of every article, which is made the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import corrections, export, render as article_render
from .links import Origin, contributed
from .model import Claim, Corpus
from .plan import appearance_key, plan_article
from .registers import script_language
from .templating import render_html
from .terms import TermMatcher


Places = dict[tuple[str, str], set[str]]


def claims_by_paragraph(corpus: Corpus) -> Places:
    """The ids of the claims made in each paragraph (article, paragraph)."""
    places: Places = {}
    for claim in corpus.claims.values():
        for a in claim.appearances:
            places.setdefault((a.article, a.anchor.paragraph), set()).add(claim.id)
    return places


def related_claims(corpus: Corpus, claim: Claim, places: Places) -> list[Claim]:
    """Other claims made in a paragraph where this one is made, in the order of the data."""
    near = set().union(*(places[(a.article, a.anchor.paragraph)] for a in claim.appearances)) - {claim.id}
    return [other for other in corpus.claims.values() if other.id in near]


def claim_page(corpus: Corpus, claim_id: str, repository: str | None, places: Places) -> Markup:
    """The finished HTML of one claim's page; ``places`` is :func:`claims_by_paragraph` of the corpus."""
    claim = corpus.claims[claim_id]
    origin = Origin("glossary/claims.yaml", claim.id, "reason")
    target = f"claim/{claim.id}"
    return render_html(
        "claim.html.j2",
        claim=claim,
        verdict=corpus.verdicts[claim.verdict],
        reason=contributed(claim.reason, origin),
        settle=contributed(claim.settle, origin.with_field("settle"), inline=True) if claim.settle else None,
        appearances=[{"appearance": a, "key": appearance_key(claim, a), "article": corpus.articles[a.article]}
                     for a in claim.appearances],
        evidence=[corpus.references[r] for r in claim.evidence],
        related=related_claims(corpus, claim, places),
        history=[e for e in reversed(corpus.corrections) if e.target == target],
        suggest=corrections.suggest_url(repository, corpus, target),
    )


def mentions_by_article(corpus: Corpus, places: list[tuple[str, str]]) -> list[dict[str, object]]:
    """The paragraphs that name a term, grouped by article in the order of the data."""
    paragraphs: dict[str, list[str]] = {}
    for article_id, paragraph_id in places:
        paragraphs.setdefault(article_id, []).append(paragraph_id)
    return [{"article": corpus.articles[a], "paragraphs": paragraphs[a]} for a in corpus.articles if a in paragraphs]


def term_page(corpus: Corpus, term_id: str, mentioned: dict[str, list[tuple[str, str]]], repository: str | None) -> Markup:
    """The finished HTML of one glossary term's page."""
    term = corpus.terms[term_id]
    return render_html(
        "term.html.j2",
        term=term,
        original_lang=script_language(term.original or ""),
        details=contributed(term.details, Origin("glossary/terms.yaml", term.id, "details")) if term.details else None,
        related=[corpus.terms[r] for r in term.related],
        references=[corpus.references[r] for r in term.refs],
        mentions=mentions_by_article(corpus, mentioned.get(term.id, [])),
        suggest=corrections.suggest_url(repository, corpus, f"term/{term.id}"),
    )


def article_page(corpus: Corpus, article_id: str, matcher: TermMatcher, repository: str | None, site: export.Site,
                 page: Any) -> tuple[Markup, Markup]:
    """An article's page body and what the search indexes of it; its ClaimReviews go into the page's head."""
    claims = list(dict.fromkeys(claim for claim, _ in corpus.appearances_by_article.get(article_id, [])))
    if claims:
        page.meta["reader_jsonld"] = export.script_json(export.claim_reviews(corpus, site, claims, article_id, page.url))
    return article_render.article_page(corpus, plan_article(corpus, article_id, matcher), repository)


@dataclass
class _Bound:
    """What the entity pages of this build are made from."""

    corpus: Corpus
    mentioned: dict[str, list[tuple[str, str]]]
    repository: str | None
    site: export.Site
    places: Places
    matcher: TermMatcher


_bound: list[_Bound] = []
_PLACEHOLDER = re.compile(r'<div data-reader-entity="(article|claim|term):([a-z0-9-]+)"></div>')


def bind(corpus: Corpus, mentioned: dict[str, list[tuple[str, str]]], repository: str | None, site: export.Site,
         matcher: TermMatcher) -> None:
    """Keep what the build's entity pages need (called when the macros are registered)."""
    _bound[:] = [_Bound(corpus, mentioned, repository, site, claims_by_paragraph(corpus), matcher)]


def render(page_html: str, page: Any) -> tuple[str, str | None]:
    """Put an article's, a claim's or a term's page in place of its placeholder, with its JSON-LD in the
    page's meta; also give what the search should index in its place, when that differs."""
    match = _PLACEHOLDER.search(page_html)
    if match is None or not _bound:
        return page_html, None
    bound = _bound[0]
    kind, key = match.groups()
    before, after = page_html[: match.start()], page_html[match.end():]
    if kind == "article":
        body, indexed = article_page(bound.corpus, key, bound.matcher, bound.repository, bound.site, page)
        line = corrections.reviewed_line(bound.corpus, key)
        return before + body + line + after, before + indexed + line + after
    if kind == "claim":
        html = claim_page(bound.corpus, key, bound.repository, bound.places)
        reviews = export.claim_reviews(bound.corpus, bound.site, [bound.corpus.claims[key]], page_url=page.url)
        page.meta["reader_jsonld"] = export.script_json(reviews)
    else:
        html = term_page(bound.corpus, key, bound.mentioned, bound.repository)
    return before + html + after, None
