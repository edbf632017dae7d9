"""The print edition: one standalone HTML document typeset for CSS Paged Media.

WeasyPrint turns it into the PDF (``tools/print_pdf.py``): every article with its notes as
footnotes at the foot of the page where their marker is (``float: footnote``), the article's
title as the running head, page numbers, a table of contents with page numbers, then the
glossary and the claims register. It is a document of its own rather than a page of the site:
it repeats every article, so as a page it would double the search index, and a paged layout is
not what a screen shows.

Everything here is a pure function of the corpus and the plans; the templates in
``templates/print/`` are autoescaped, and only HTML that :func:`macros.safe.markdown_html` has
cleaned is marked safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .kinds import KINDS
from .model import UNKNOWN, Article, Corpus, Reference
from .plan import ArticlePlan, Flag
from .safe import markdown_html

TEMPLATES = Path(__file__).resolve().parent / "templates" / "print"
TITLE = "The annotated reader: print edition"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
# Runs of Hangul (Korean) and of Han characters read as Chinese, so each gets its language's font.
_SCRIPTS = re.compile(rf"(?P<ko>[{_HANGUL}]+(?:[\s\d]+[{_HANGUL}]+)*)|(?P<zh>[\u3400-\u4dbf\u4e00-\u9fff]+)")


@dataclass(frozen=True)
class Run:
    """Text in one language: ``lang`` is None for the document's own (English)."""

    text: str
    lang: str | None = None


@dataclass(frozen=True)
class Footnote:
    """One note or claim flag as the foot of the page shows it."""

    number: int
    label: str
    body: Markup
    refs: tuple[int, ...]  # numbers in the edition's list of references
    statement: str | None = None  # a claim flag's claim, with the article's stance on it
    stance: str | None = None


@dataclass(frozen=True)
class Piece:
    """Text of a paragraph followed by the footnotes whose markers stand right after it."""

    runs: tuple[Run, ...]
    notes: tuple[Footnote, ...]


def script_runs(text: str) -> tuple[Run, ...]:
    """Split text into runs of English, Korean and Chinese (Han without Hangul beside it)."""
    runs: list[Run] = []
    at = 0
    for match in _SCRIPTS.finditer(text):
        if match.start() > at:
            runs.append(Run(text[at : match.start()]))
        runs.append(Run(match.group(), "ko" if match.group("ko") else "zh-Hans"))
        at = match.end()
    if at < len(text) or not runs:
        runs.append(Run(text[at:]))
    return tuple(runs)


def footnote(flag: Flag, corpus: Corpus, numbers: dict[str, int]) -> Footnote:
    """A flag as a footnote: its kind (with the verdict for a claim), cleaned body and sources.

    Sources are cited by their number in the list of references at the back, which keeps
    footnotes short enough to share a page with their markers.
    """
    label = KINDS[flag.kind].label
    statement = stance = None
    if flag.claim:
        label = f"{label}, {corpus.verdicts[flag.claim.verdict].label}"
        statement, stance = flag.claim.statement, flag.claim.stance
    return Footnote(
        flag.number, label, Markup(markdown_html(flag.body, inline=True)),
        tuple(numbers[r] for r in flag.refs), statement, stance,
    )


def pieces(text: str, notes: list[tuple[int, Footnote]]) -> tuple[Piece, ...]:
    """Cut a paragraph after each quoted passage, so each footnote sits right after its words.

    ``notes`` pairs each footnote with the offset where its quote ends; notes ending at the
    same place keep their numbers' order.
    """
    result: list[Piece] = []
    at = 0
    for end in sorted({end for end, _ in notes}):
        here = tuple(n for e, n in sorted(notes, key=lambda pair: pair[1].number) if e == end)
        result.append(Piece(script_runs(text[at:end]), here))
        at = end
    if at < len(text) or not result:
        result.append(Piece(script_runs(text[at:]), ()))
    return tuple(result)


def _facts(article: Article) -> list[tuple[str, str]]:
    known = [("Outlet", article.outlet), ("Author", article.author), ("Published", article.published),
             ("Original address", article.url)]
    return [(name, value if value != UNKNOWN else "unknown") for name, value in known]


def reference_numbers(plans: list[ArticlePlan]) -> dict[str, int]:
    """Every reference a note or flag cites, numbered in order of first citation."""
    cited = dict.fromkeys(r for plan in plans for flag in plan.flags for r in flag.refs)
    return {ref: number for number, ref in enumerate(cited, 1)}


def _article(plan: ArticlePlan, corpus: Corpus, numbers: dict[str, int]) -> dict[str, object]:
    article = plan.article
    paragraphs = [
        {
            "id": f"a{article.id}-{paragraph.id}",
            "number": paragraph.number,
            "role": paragraph.role,
            "furniture": paragraph.furniture_label,
            "pieces": pieces(paragraph.text, [(f.end, footnote(f, corpus, numbers)) for f in plan.flags_in(paragraph.id)]),
        }
        for paragraph in article.paragraphs
    ]
    return {
        "id": f"a{article.id}",
        "number": article.id,
        "title": script_runs(article.title),
        "running": article.title,
        "title_note": article.title_note,
        "facts": _facts(article),
        "capture": article.capture,
        "sha256": article.sha256,
        "provenance": Markup(markdown_html(article.provenance, inline=True)),
        "paragraphs": paragraphs,
    }


def authors(corpus: Corpus) -> list[str]:
    """The edition's authors: each article's author with the outlet, or the outlet alone."""
    names = [a.outlet if a.author == UNKNOWN else f"{a.author} ({a.outlet})" for a in corpus.articles.values()]
    return list(dict.fromkeys(names))


def edition_html(corpus: Corpus, plans: list[ArticlePlan], epoch: int, commit: str) -> str:
    """The whole print edition as one HTML document, dated by ``epoch`` (SOURCE_DATE_EPOCH)."""
    built = datetime.fromtimestamp(epoch, UTC)
    numbers = reference_numbers(plans)
    terms = [
        {"name": script_runs(t.name), "original": script_runs(t.original) if t.original else None,
         "aliases": t.aliases, "definition": t.definition}
        for t in sorted(corpus.terms.values(), key=lambda t: t.name.casefold())
    ]
    claims = [
        {"id": c.id, "statement": c.statement, "verdict": corpus.verdicts[c.verdict].label,
         "reason": Markup(markdown_html(c.reason, inline=True)),
         "where": [(a.article, a.anchor.paragraph.removeprefix("p"), a.stance) for a in c.appearances]}
        for c in corpus.claims.values()
    ]
    return _environment().get_template("edition.html.j2").render(
        title=TITLE,
        authors=authors(corpus),
        built=built.strftime("%Y-%m-%dT%H:%M:%SZ"),
        built_day=f"{built.day} {built:%B %Y}",
        commit=commit,
        articles=[_article(plan, corpus, numbers) for plan in plans],
        references=[(number, corpus.references[ref]) for ref, number in numbers.items()],
        terms=terms,
        claims=claims,
    )


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["runs"] = script_runs
    return environment
