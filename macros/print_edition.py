"""The single-page print edition: every article with its notes as numbered footnotes, then the
glossary and the claims register. Chromium turns it into a PDF (``tools/print_pdf.py``)."""

from __future__ import annotations

from . import citations
from .inline import paragraph_markdown
from .markdown import attribute, escape, link
from .safe import markdown_html
from .model import UNKNOWN, Corpus
from .plan import ArticlePlan, Flag
from .templating import render


def _sources(ids: tuple[str, ...], corpus: Corpus) -> str:
    """References spelled out in full (as clean HTML), since a printed page cannot be hovered."""
    return " ".join(
        markdown_html(f"{escape(f'[{n}]')} {citations.entry(corpus.references[r])}", inline=True)
        for n, r in enumerate(ids, 1)
    )


def _footnote(flag: Flag, corpus: Corpus) -> dict[str, object]:
    if flag.note:
        label = "Context" if flag.kind == "context" else "Correction"
        body, refs = markdown_html(flag.note.body, inline=True), flag.note.refs
    else:
        assert flag.claim is not None and flag.appearance is not None
        verdict = corpus.verdicts[flag.claim.verdict].label
        label = f"Disputed claim, {verdict}"
        body = f"<em>{attribute(flag.claim.statement)}</em> ({flag.appearance.stance}) {markdown_html(flag.claim.reason, inline=True)}"
        refs = flag.claim.evidence
    return {"key": flag.key, "number": flag.number, "label": attribute(label), "body": body,
            "sources": _sources(refs, corpus)}


def print_edition(corpus: Corpus, plans: list[ArticlePlan]) -> str:
    """The Markdown of the print page."""
    articles = []
    for plan in plans:
        article = plan.article
        prefix = f"a{article.id}-"
        paragraphs = [
            {
                "id": f"{prefix}{p.id}",
                "number": p.number,
                "heading": p.role in ("headline", "subheading"),
                "furniture": escape(p.furniture_label) if p.furniture_label else None,
                "markdown": paragraph_markdown(p.text, plan.flags_in(p.id), [], corpus.terms, prefix),
            }
            for p in article.paragraphs
        ]
        articles.append({
            "id": article.id,
            "title": escape(article.title),
            "link": link(escape(f"Article {article.id} on the site"), f"/{article.page}"),
            "facts": " · ".join(escape(v) for v in (article.outlet, article.author, article.published) if v != UNKNOWN)
            or "Outlet, author and date unknown",
            "url": escape(article.url) if article.url != UNKNOWN else "original address unknown",
            "paragraphs": paragraphs,
            "prefix": prefix,
            "footnotes": [_footnote(f, corpus) for f in plan.flags],
        })
    terms = [
        {"name": attribute(t.name), "original": attribute(t.original) if t.original else None,
         "aliases": ", ".join(attribute(a) for a in t.aliases), "definition": attribute(t.definition)}
        for t in sorted(corpus.terms.values(), key=lambda t: t.name.casefold())
    ]
    claims = [
        {"statement": attribute(c.statement), "verdict": attribute(corpus.verdicts[c.verdict].label),
         "reason": markdown_html(c.reason, inline=True),
         "where": ", ".join(f"{a.article} ¶{a.anchor.paragraph[1:]} ({a.stance})" for a in c.appearances)}
        for c in corpus.claims.values()
    ]
    return render("print.md.j2", articles=articles, terms=terms, claims=claims)
