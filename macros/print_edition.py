"""The single-page print edition: every article with its notes as numbered footnotes, then the
glossary and the claims register (``templates/print.html.j2``)."""

from __future__ import annotations

from .inline import pieces
from .kinds import KINDS
from .links import Origin, contributed
from .model import UNKNOWN, Corpus
from .plan import ArticlePlan, Flag
from .render import face
from .templating import render_html


def _footnote(flag: Flag, corpus: Corpus) -> dict[str, object]:
    label = KINDS[flag.kind].label
    if flag.claim:
        label = f"{label}, {corpus.verdicts[flag.claim.verdict].label}"
    return face(corpus, flag) | {
        "key": flag.key, "number": flag.number, "label": label,
        "statement": flag.claim.statement if flag.claim else None,
        "stance": flag.claim.stance if flag.claim else None,
        "body": contributed(flag.body, flag.origin, inline=True),
        "sources": [corpus.references[r] for r in flag.refs],  # in full: a printed page cannot be hovered
    }


def print_edition(corpus: Corpus, plans: list[ArticlePlan]) -> str:
    """The finished HTML of the print page."""
    articles = []
    for plan in plans:
        article = plan.article
        articles.append(render_html("print_article.html.j2", a={
            "id": article.id,
            "title": article.title,
            "facts": " · ".join(v for v in (article.outlet, article.author, article.published) if v != UNKNOWN)
            or "Outlet, author and date unknown",
            "url": article.url if article.url != UNKNOWN else "original address unknown",
            "prefix": f"a{article.id}-",
            "paragraphs": [
                {"id": p.id, "number": p.number, "heading": p.role in ("headline", "subheading"),
                 "furniture": p.furniture_label, "pieces": pieces(p.text, plan.flags_in(p.id), [])}
                for p in article.paragraphs
            ],
            "footnotes": {f.key: _footnote(f, corpus) for f in plan.flags},
        }))
    claims = [
        {"statement": c.statement, "verdict": corpus.verdicts[c.verdict].label,
         "reason": contributed(c.reason, Origin("glossary/claims.yaml", c.id, "reason"), inline=True),
         "where": ", ".join(f"{a.article} ¶{a.anchor.paragraph[1:]} ({a.stance})" for a in c.appearances)}
        for c in corpus.claims.values()
    ]
    terms = sorted(corpus.terms.values(), key=lambda t: t.name.casefold())
    return render_html("print.html.j2", articles=articles, terms=terms, claims=claims)
