"""The site-wide pages built from the data: glossary, claims register, verdict scale,
bibliography and timeline.

Each function returns Markdown for one macro call; markup lives in the templates.
"""

from __future__ import annotations

from collections import defaultdict

from . import citations
from .markdown import attribute, escape, link
from .safe import markdown_html
from .model import Corpus
from .plan import appearance_key
from .templating import render


def _paragraph_link(corpus: Corpus, article_id: str, paragraph_id: str, anchor: str | None = None) -> str:
    article = corpus.articles[article_id]
    return link(f"{article_id} ¶{paragraph_id[1:]}", f"/{article.page}#{anchor or paragraph_id}", article.title)


def _ref_links(ids: tuple[str, ...], corpus: Corpus, numbers: dict[str, int]) -> str:
    """Citations to the bibliography, numbered as it is."""
    return " ".join(
        link(escape(f"[{numbers[i]}]"), f"/bibliography.md#ref-{i}", citations.summary(corpus.references[i])) + "{ .reader-cite }"
        for i in sorted(ids, key=lambda i: numbers[i])
    )


def _script_language(text: str) -> str:
    """The language tag of an original-script name: Korean if it has Hangul, else Chinese."""
    if any("\uac00" <= c <= "\ud7a3" for c in text):
        return "ko"
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "und"


def bibliography_numbers(corpus: Corpus) -> dict[str, int]:
    """Every reference's number on the bibliography page (alphabetical by id)."""
    return {ref: n for n, ref in enumerate(sorted(corpus.references), 1)}


def glossary_page(corpus: Corpus, mentioned: dict[str, list[tuple[str, str]]]) -> str:
    """Entries A–Z with definition, spellings, related terms, references and backlinks."""
    letters: dict[str, list[dict[str, object]]] = defaultdict(list)
    numbers = bibliography_numbers(corpus)
    for term in sorted(corpus.terms.values(), key=lambda t: t.name.casefold()):
        initial = term.name[0].upper()
        letters[initial if initial.isalpha() else "0–9"].append({
            "id": term.id,
            "name": escape(term.name),
            "kind": term.kind,
            "original": escape(term.original) if term.original else None,
            "original_lang": _script_language(term.original or ""),
            "aliases": ", ".join(f"“{escape(a)}”" for a in term.aliases),
            "definition": escape(term.definition),
            "details": markdown_html(term.details) if term.details else None,
            "related": ", ".join(link(escape(corpus.terms[r].name), f"#term-{r}") for r in term.related),
            "refs": _ref_links(term.refs, corpus, numbers),
            "mentions": ", ".join(_paragraph_link(corpus, a, p) for a, p in mentioned.get(term.id, [])),
        })
    groups = [(letter, "digits" if letter == "0–9" else letter.lower(), entries) for letter, entries in sorted(letters.items())]
    return render("glossary.md.j2", letters=groups)


def claims_register(corpus: Corpus) -> str:
    """Every claim with its verdict, reason, evidence and appearances; filterable by verdict."""
    claims = []
    for claim in corpus.claims.values():
        verdict = corpus.verdicts[claim.verdict]
        claims.append({
            "id": claim.id,
            "statement": escape(claim.statement),
            "verdict": verdict.id,
            "verdict_link": link(escape(verdict.label), f"/methods.md#verdict-{verdict.id}", verdict.definition),
            "reason": markdown_html(claim.reason),
            "settle": markdown_html(claim.settle, inline=True) if claim.settle else None,
            "reviewed": claim.reviewed,
            "evidence": [citations.entry(corpus.references[r]) for r in claim.evidence],
            "appearances": [
                {
                    "where": _paragraph_link(corpus, a.article, a.anchor.paragraph, f"quote-{appearance_key(claim, a)}"),
                    "stance": a.stance,
                    "quote": escape(a.quote.exact),
                }
                for a in claim.appearances
            ],
        })
    verdicts = [  # shown in raw HTML buttons: HTML-escaped, not Markdown-escaped
        {"id": v.id, "label": attribute(v.label), "count": sum(c["verdict"] == v.id for c in claims)}
        for v in corpus.verdicts.values()
    ]
    return render("claims.md.j2", claims=claims, verdicts=verdicts)


def verdict_scale(corpus: Corpus) -> str:
    """The published verdict scale with its definitions."""
    return render("verdicts.md.j2", verdicts=[
        {"id": v.id, "label": escape(v.label), "definition": escape(v.definition)} for v in corpus.verdicts.values()
    ])


def bibliography(corpus: Corpus, cited_by: dict[str, list[str]]) -> str:
    """Every reference, numbered, with where it is cited."""
    numbers = bibliography_numbers(corpus)
    return render("bibliography.md.j2", references=[
        {"id": ref, "number": numbers[ref], "markdown": citations.entry(corpus.references[ref]),
         "cited_by": ", ".join(cited_by.get(ref, []))}
        for ref in sorted(corpus.references)
    ])


def timeline(corpus: Corpus) -> str:
    """The events the articles mention, in date order, linked to where they are mentioned."""
    events = sorted(corpus.events.values(), key=lambda e: (e.date, e.id))
    numbers = bibliography_numbers(corpus)
    return render("timeline.md.j2", events=[
        {
            "id": event.id,
            "date": event.date,
            "title": escape(event.title),
            "description": markdown_html(event.description) if event.description else None,
            "mentions": ", ".join(_paragraph_link(corpus, m.article, m.anchor.paragraph) for m in event.mentions)
            or "not mentioned in the articles",
            "terms": ", ".join(link(escape(corpus.terms[t].name), f"/glossary.md#term-{t}") for t in event.terms),
            "refs": _ref_links(event.refs, corpus, numbers),
        }
        for event in events
    ])


def citing_places(corpus: Corpus) -> dict[str, list[str]]:
    """For each reference, links to the places that cite it (notes, claims, terms, events, articles)."""
    places: dict[str, list[str]] = defaultdict(list)
    for article in corpus.articles.values():
        for ref in (*article.provenance_refs, *(article.reliability.refs if article.reliability else ())):
            places[ref].append(link(f"article {article.id}", f"/{article.page}"))
    for article_id, notes in corpus.notes.items():
        for note in notes:
            for ref in note.refs:
                places[ref].append(link(f"{article_id} note {note.id}", f"/articles/{article_id}.md#note-{note.id}"))
    for claim in corpus.claims.values():
        for ref in claim.evidence:
            places[ref].append(link(f"claim {claim.id}", f"/claims.md#claim-{claim.id}"))
    for term in corpus.terms.values():
        for ref in term.refs:
            places[ref].append(link(escape(term.name), f"/glossary.md#term-{term.id}"))
    for event in corpus.events.values():
        for ref in event.refs:
            places[ref].append(link(escape(event.title), f"/timeline.md#event-{event.id}"))
    for comparison in corpus.comparisons.values():
        for item in comparison.evidence:
            for ref in item.refs:
                places[ref].append(link(escape(comparison.title), f"/compare.md#cmp-{comparison.id}"))
    return {ref: list(dict.fromkeys(found)) for ref, found in places.items()}

