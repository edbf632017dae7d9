"""The macros the pages call, bound to one loaded corpus."""

from __future__ import annotations

import logging
from typing import Any

from . import compare, registers, render
from .print_edition import print_edition
from .markdown import attribute, escape
from .model import Corpus
from .plan import plan_article
from .terms import TermMatcher, mentions

log = logging.getLogger("mkdocs.plugins.reader")


def register(env: Any, corpus: Corpus) -> None:
    """Register every macro on the mkdocs-macros environment."""
    matcher = TermMatcher(corpus.terms.values())
    mentioned = mentions(corpus.articles.values(), matcher)
    cited_by = registers.citing_places(corpus)
    _report_unused(corpus, mentioned, cited_by)

    def known(kind: str, key: str, table: dict[str, Any]) -> str:
        if key not in table:
            raise KeyError(f"unknown {kind} '{key}'; known: {', '.join(table)}")
        return key

    @env.macro
    def article(article_id: str) -> str:
        """The body of an article's page: headline, provenance, text and notes.

        The page's title is the article's title from the data, not the text of
        its first heading, which carries note markers.
        """
        # MkDocs' themes print page titles as HTML (headings' titles carry markup), so the data's
        # plain-text title goes in escaped.
        env.page.meta["title"] = attribute(corpus.articles[known("article", article_id, corpus.articles)].title)
        return render.article_page(corpus, plan_article(corpus, article_id, matcher))

    @env.macro
    def articles_table() -> str:
        """The table of articles with their provenance."""
        return render.articles_table(corpus)

    @env.macro
    def glossary() -> str:
        """The glossary, A–Z, with backlinks."""
        return registers.glossary_page(corpus, mentioned)

    @env.macro
    def claims_register() -> str:
        """Every claim, filterable by verdict."""
        return registers.claims_register(corpus)

    @env.macro
    def verdict_scale() -> str:
        """The verdict scale with its definitions."""
        return registers.verdict_scale(corpus)

    @env.macro
    def bibliography() -> str:
        """Every reference, numbered, with what cites it."""
        return registers.bibliography(corpus, cited_by)

    @env.macro
    def timeline() -> str:
        """The events the articles mention, in date order."""
        return registers.timeline(corpus)

    @env.macro
    def comparisons() -> str:
        """Every cross-source figure table."""
        return compare.all_comparisons(corpus)

    @env.macro
    def claim_matrix() -> str:
        """Which article asserts, contradicts or qualifies which claim."""
        return compare.claim_matrix(corpus)

    @env.macro
    def parallel(left: str, right: str) -> str:
        """Two articles in two columns, aligned on what they share."""
        texts = {
            a: {p.id: escape(p.text) for p in corpus.articles[a].paragraphs}
            for a in (known("article", left, corpus.articles), known("article", right, corpus.articles))
        }
        return compare.parallel_view(corpus, left, right, texts)

    @env.macro
    def print_all() -> str:
        """Every article with its notes as footnotes, the glossary and the claims register."""
        return print_edition(corpus, [plan_article(corpus, a, matcher) for a in corpus.articles])


def _report_unused(corpus: Corpus, mentioned: dict[str, list[tuple[str, str]]], cited_by: dict[str, list[str]]) -> None:
    """Say which terms no article mentions and which references nothing cites (not errors)."""
    for term_id in corpus.terms:
        if term_id not in mentioned:
            log.info("glossary term '%s' is not mentioned in any article (glossary/terms.yaml)", term_id)
    for ref in corpus.references:
        if ref not in cited_by:
            log.info("reference '%s' is defined but never cited (glossary/references.yaml)", ref)
