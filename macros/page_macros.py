"""Macros for hand-written pages: cite a reference, link a term, a claim, a paragraph or a quote.

Each takes the id the data uses and is checked as the page is built: an unknown id fails the strict
build with one line naming the page, its line, the macro, and the closest known id. The links are
documentation paths, so the page hook rewrites and checks them like every other link.
"""

from __future__ import annotations

import logging
from typing import Any

from markupsafe import Markup

from . import addresses, citations
from .errors import did_you_mean
from .model import Corpus
from .plan import appearance_key
from .registers import bibliography_numbers
from .finished import hold_inline
from .templating import render_html_macro

log = logging.getLogger("mkdocs.plugins.reader")


def _line(markdown: str, macro: str, value: str) -> int | None:
    """The line of the page's source where a call of ``macro`` with this argument, quoted, stands."""
    for number, line in enumerate(markdown.splitlines(), 1):
        if f"{macro}(" in line and (f'"{value}"' in line or f"'{value}'" in line):
            return number
    return None


def register_macros(env: Any, corpus: Corpus) -> None:
    """Register ``cite``, ``term``, ``claim``, ``paragraph`` and ``quote``."""
    numbers = bibliography_numbers(corpus)

    def unknown(macro: str, kind: str, value: str, known: Any) -> bool:
        if value in known:
            return False
        line = _line(env.markdown or "", macro, value)
        where = f"docs/{env.page.file.src_uri}" + (f":{line}" if line else "")
        hint = did_you_mean(value, known)
        log.error("%s: %s(%r): unknown %s %r%s", where, macro, value, kind, value, f" ({hint})" if hint else "")
        return True

    @env.macro
    def cite(reference_id: str) -> str:
        """``[12]``, numbered as in the bibliography, with its preview as the tooltip."""
        if unknown("cite", "reference", reference_id, corpus.references):
            return Markup.escape(reference_id)
        [found] = citations.citations((reference_id,), numbers, corpus.references, addresses.BIBLIOGRAPHY)
        return hold_inline(render_html_macro("_inline_links.html.j2", "cite", found))

    @env.macro
    def term(term_id: str, text: str | None = None) -> str:
        """A link to a term's page, its definition as the tooltip."""
        if unknown("term", "term", term_id, corpus.terms):
            return Markup.escape(text or term_id)
        found = corpus.terms[term_id]
        return hold_inline(render_html_macro("_inline_links.html.j2", "link", addresses.term(term_id), text or found.name, found.definition))

    @env.macro
    def claim(claim_id: str, text: str | None = None) -> str:
        """A link to a claim's page, its verdict as the tooltip."""
        if unknown("claim", "claim", claim_id, corpus.claims):
            return Markup.escape(text or claim_id)
        found = corpus.claims[claim_id]
        return hold_inline(render_html_macro("_inline_links.html.j2", "link", addresses.claim(claim_id), text or found.statement,
                                 corpus.verdicts[found.verdict].label))

    @env.macro
    def paragraph(article_id: str, paragraph_id: str, text: str | None = None) -> str:
        """A link to a paragraph of an article, e.g. ``paragraph("002", "p9")``."""
        if unknown("paragraph", "article", article_id, corpus.articles):
            return Markup.escape(text or paragraph_id)
        article = corpus.articles[article_id]
        if unknown("paragraph", f"paragraph of article {article_id}", paragraph_id, {p.id: p for p in article.paragraphs}):
            return Markup.escape(text or paragraph_id)
        return hold_inline(render_html_macro("_inline_links.html.j2", "link", addresses.paragraph(article_id, paragraph_id),
                                 text or f"{article_id} ¶{paragraph_id[1:]}", article.title))

    @env.macro
    def quote(article_id: str, key: str, text: str | None = None) -> str:
        """A link to the exact words of a note (``n3``) or a claim's appearance in an article."""
        if unknown("quote", "article", article_id, corpus.articles):
            return Markup.escape(text or key)
        quotes = {n.id: n.quote.exact for n in corpus.notes.get(article_id, ())}
        quotes |= {appearance_key(c, a): a.quote.exact for c, a in corpus.appearances_by_article.get(article_id, [])}
        if unknown("quote", f"note or claim flag of article {article_id}", key, quotes):
            return Markup.escape(text or key)
        return hold_inline(render_html_macro("_inline_links.html.j2", "link", addresses.quote(article_id, key), text or f"“{quotes[key]}”"))
