"""The site-wide pages built from the data: glossary, claims register, verdict scale,
bibliography and timeline.

Each function prepares the values of one template and returns its finished HTML.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from markupsafe import Markup

from . import addresses, citations
from .links import Origin, contributed
from .model import Corpus
from .plan import appearance_key
from .templating import render_html


def script_language(text: str) -> str:
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


def _facet(name: str, label: str, options: list[tuple[str, str, int]]) -> dict[str, object]:
    return {"name": name, "label": label, "options": options}


def glossary_page(corpus: Corpus) -> Markup:
    """The index of terms A–Z, filterable by kind; each links to its own page."""
    letters: dict[str, list[dict[str, object]]] = defaultdict(list)
    for term in sorted(corpus.terms.values(), key=lambda t: t.name.casefold()):
        initial = term.name[0].upper()
        letters[initial if initial.isalpha() else "0–9"].append(
            {"term": term, "original_lang": script_language(term.original or "")}
        )
    groups = [(letter, "digits" if letter == "0–9" else letter.lower(), entries) for letter, entries in sorted(letters.items())]
    kinds = Counter(t.kind for t in corpus.terms.values())
    return render_html("glossary.html.j2", letters=groups,
                       facets=[_facet("kind", "Kind", [(k, k, n) for k, n in sorted(kinds.items())])])


def claims_register(corpus: Corpus) -> Markup:
    """The index of claims, filterable by verdict, article and stance; each links to its own page."""
    claims = [
        {
            "claim": claim,
            "verdict": corpus.verdicts[claim.verdict],
            "articles": sorted({a.article for a in claim.appearances}),
            "stances": sorted({a.stance for a in claim.appearances}),
            "appearances": [{"appearance": a, "key": appearance_key(claim, a)} for a in claim.appearances],
        }
        for claim in corpus.claims.values()
    ]
    by_verdict = Counter(c.verdict for c in corpus.claims.values())
    by_article = Counter(a for c in claims for a in c["articles"])
    by_stance = Counter(s for c in claims for s in c["stances"])
    facets = [
        _facet("verdict", "Verdict", [(v.id, v.label, by_verdict[v.id]) for v in corpus.verdicts.values()]),
        _facet("article", "Article", [(a, f"{a}: {corpus.articles[a].title}", by_article[a]) for a in corpus.articles]),
        _facet("stance", "Stance", [(s, s, by_stance[s]) for s in ("asserts", "contradicts", "qualifies")]),
    ]
    return render_html("claims.html.j2", claims=claims, facets=facets)


def verdict_scale(corpus: Corpus) -> Markup:
    """The published verdict scale with its definitions."""
    return render_html("verdicts.html.j2", verdicts=list(corpus.verdicts.values()))


def bibliography(corpus: Corpus, cited_by: dict[str, list[tuple[str, str]]]) -> Markup:
    """Every reference, numbered, with where it is cited; listed in number order, so the list numbers them."""
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
            places[ref].append((f"timeline, {event.date}", addresses.event(event.id)))  # a title would weigh the page down
    for comparison in corpus.comparisons.values():
        for item in comparison.evidence:
            for ref in item.refs:
                places[ref].append((f"compare, {comparison.id}", addresses.comparison(comparison.id)))
    return {ref: list(dict.fromkeys(found)) for ref, found in places.items()}
