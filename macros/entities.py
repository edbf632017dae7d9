"""A page of its own for every claim and every glossary term, with a stable address to link,
cite and find in search (the MITRE ATT&CK site's entity pages are the model)."""

from __future__ import annotations

from markupsafe import Markup

from . import corrections
from .links import Origin, contributed
from .model import Claim, Corpus
from .plan import appearance_key
from .registers import script_language
from .templating import render_html


def related_claims(corpus: Corpus, claim: Claim) -> list[Claim]:
    """Other claims made in a paragraph where this one is made, in the order of the data."""
    places = {(a.article, a.anchor.paragraph) for a in claim.appearances}
    return [
        other for other in corpus.claims.values()
        if other.id != claim.id and any((a.article, a.anchor.paragraph) in places for a in other.appearances)
    ]


def claim_page(corpus: Corpus, claim_id: str, repository: str | None) -> Markup:
    """The finished HTML of one claim's page."""
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
        related=related_claims(corpus, claim),
        history=[e for e in reversed(corpus.corrections) if e.target == target],
        suggest=corrections.suggest_url(repository, corpus, target),
    )


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
        mentions=[{"article": a, "paragraph": p, "title": corpus.articles[a].title} for a, p in mentioned.get(term.id, [])],
        suggest=corrections.suggest_url(repository, corpus, f"term/{term.id}"),
    )
