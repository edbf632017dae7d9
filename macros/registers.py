"""The site-wide pages built from the data: glossary, claims register, verdict scale,
bibliography and timeline.

Each function prepares the values of one template and returns its finished HTML.
"""

from __future__ import annotations

from collections import defaultdict

from . import addresses, citations
from .links import Origin, contributed
from .model import Corpus
from .plan import appearance_key
from .templating import render_html
from markupsafe import Markup


def _script_language(text: str) -> str:
    """The language tag of an original-script name: Korean if it has Hangul, else Chinese."""
    if any("\uac00" <= c <= "\ud7a3" for c in text):
        return "ko"
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "und"


def bibliography_numbers(corpus: Corpus) -> dict[str, int]:
    """Every reference's number on the bibliography page (alphabetical by id)."""
    return {ref: n for n, ref in enumerate(sorted(corpus.references), 1)}


def _cite(ids: tuple[str, ...], corpus: Corpus, numbers: dict[str, int]) -> list[citations.Citation]:
    """Citations to the bibliography, numbered as it is."""
    return citations.citations(ids, numbers, corpus.references, addresses.BIBLIOGRAPHY)


def _mention(corpus: Corpus, article_id: str, paragraph_id: str) -> dict[str, str]:
    return {"article": article_id, "paragraph": paragraph_id, "title": corpus.articles[article_id].title}


def glossary_page(corpus: Corpus, mentioned: dict[str, list[tuple[str, str]]]) -> Markup:
    """Entries A–Z with definition, spellings, related terms, references and backlinks."""
    letters: dict[str, list[dict[str, object]]] = defaultdict(list)
    numbers = bibliography_numbers(corpus)
    for term in sorted(corpus.terms.values(), key=lambda t: t.name.casefold()):
        initial = term.name[0].upper()
        letters[initial if initial.isalpha() else "0–9"].append({
            "term": term,
            "original_lang": _script_language(term.original or ""),
            "details": contributed(term.details, Origin("glossary/terms.yaml", term.id, "details")) if term.details else None,
            "related": [corpus.terms[r] for r in term.related],
            "citations": _cite(term.refs, corpus, numbers),
            "mentions": [_mention(corpus, a, p) for a, p in mentioned.get(term.id, [])],
        })
    groups = [(letter, "digits" if letter == "0–9" else letter.lower(), entries) for letter, entries in sorted(letters.items())]
    return render_html("glossary.html.j2", letters=groups)


def claims_register(corpus: Corpus) -> Markup:
    """Every claim with its verdict, reason, evidence and appearances; filterable by verdict."""
    claims = []
    for claim in corpus.claims.values():
        origin = Origin("glossary/claims.yaml", claim.id, "reason")
        claims.append({
            "claim": claim,
            "verdict": corpus.verdicts[claim.verdict],
            "reason": contributed(claim.reason, origin),
            "settle": contributed(claim.settle, origin.with_field("settle"), inline=True) if claim.settle else None,
            "evidence": [corpus.references[r] for r in claim.evidence],
            "appearances": [
                {"appearance": a, "key": appearance_key(claim, a), "title": corpus.articles[a.article].title}
                for a in claim.appearances
            ],
        })
    verdicts = [
        {"id": v.id, "label": v.label, "count": sum(c.verdict == v.id for c in corpus.claims.values())}
        for v in corpus.verdicts.values()
    ]
    return render_html("claims.html.j2", claims=claims, verdicts=verdicts)


def verdict_scale(corpus: Corpus) -> Markup:
    """The published verdict scale with its definitions."""
    return render_html("verdicts.html.j2", verdicts=list(corpus.verdicts.values()))


def bibliography(corpus: Corpus, cited_by: dict[str, list[tuple[str, str]]]) -> Markup:
    """Every reference, numbered, with where it is cited."""
    numbers = bibliography_numbers(corpus)
    return render_html("bibliography.html.j2", references=[
        {"reference": corpus.references[ref], "number": numbers[ref], "cited_by": cited_by.get(ref, [])}
        for ref in sorted(corpus.references)
    ])


def timeline(corpus: Corpus) -> Markup:
    """The events the articles mention, in date order, linked to where they are mentioned."""
    numbers = bibliography_numbers(corpus)
    return render_html("timeline.html.j2", events=[
        {
            "event": event,
            "description": contributed(event.description, Origin("glossary/events.yaml", event.id, "description"))
            if event.description else None,
            "mentions": [_mention(corpus, m.article, m.anchor.paragraph) for m in event.mentions],
            "terms": [corpus.terms[t] for t in event.terms],
            "citations": _cite(event.refs, corpus, numbers),
        }
        for event in sorted(corpus.events.values(), key=lambda e: (e.date, e.id))
    ])


def citing_places(corpus: Corpus) -> dict[str, list[tuple[str, str]]]:
    """For each reference, (label, address) of the places that cite it: notes, claims, terms, events, articles."""
    places: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for article in corpus.articles.values():
        for ref in (*article.provenance_refs, *(article.reliability.refs if article.reliability else ())):
            places[ref].append((f"article {article.id}", addresses.article_page(article.id)))
    for article_id, notes in corpus.notes.items():
        for note in notes:
            for ref in note.refs:
                places[ref].append((f"{article_id} note {note.id}", addresses.note(article_id, note.id)))
    for claim in corpus.claims.values():
        for ref in claim.evidence:
            places[ref].append((f"claim {claim.id}", addresses.claim(claim.id)))
    for term in corpus.terms.values():
        for ref in term.refs:
            places[ref].append((term.name, addresses.term(term.id)))
    for event in corpus.events.values():
        for ref in event.refs:
            places[ref].append((event.title, addresses.event(event.id)))
    for comparison in corpus.comparisons.values():
        for item in comparison.evidence:
            for ref in item.refs:
                places[ref].append((comparison.title, addresses.comparison(comparison.id)))
    return {ref: list(dict.fromkeys(found)) for ref, found in places.items()}
