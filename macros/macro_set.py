"""The macros the pages call, bound to one loaded corpus."""

from __future__ import annotations

import html
import logging
from typing import Any

from . import compare, corrections, entities, export, figures, links, page_macros, registers, render
from .errors import did_you_mean
from .finished import hold
from .print_edition import print_edition
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
    env.variables["article_count"] = count_in_words(len(corpus.articles))
    repository = env.conf["extra"].get("repository")

    def site() -> export.Site:
        return export.Site(base=env.conf["site_url"] or "", directory_urls=env.conf["use_directory_urls"])

    entities.bind(corpus, mentioned, repository, site(), matcher)

    def unknown(macro: str, kind: str, key: object, table: dict[str, Any]) -> bool:
        """Say, in one line naming the page, that a macro was given an id the data lacks."""
        if isinstance(key, str) and key in table:
            return False
        hint = did_you_mean(str(key), table) if isinstance(key, str) else None
        log.error("docs/%s: %s(%r): unknown %s %r%s; known: %s", env.page.file.src_uri, macro, key, kind, key,
                  f" ({hint})" if hint else "", ", ".join(table))
        links.suppress_follow_on()
        return True

    @env.macro
    def legend() -> str:
        """How to read an article page: its marks, tags and grades."""
        return hold(render.legend(corpus))

    @env.macro
    def article(article_id: str) -> str:
        """The body of an article's page: headline, provenance, text and notes.

        The page's title is the article's title from the data, not the text of
        its first heading, which carries note markers.
        """
        if unknown("article", "article", article_id, corpus.articles):
            return ""
        # MkDocs' themes print page titles as HTML (headings' titles carry markup), so the data's
        # plain-text title goes in escaped.
        env.page.meta["title"] = html.escape(corpus.articles[article_id].title, quote=False)
        return hold(*entities.article_page(corpus, article_id, matcher, repository, site(), env.page))


    @env.macro
    def articles_table() -> str:
        """The table of articles with their provenance."""
        return hold(render.articles_table(corpus))

    @env.macro
    def glossary() -> str:
        """The glossary, A–Z, with backlinks."""
        return hold(registers.glossary_page(corpus))

    @env.macro
    def claims_register() -> str:
        """Every claim, filterable by verdict."""
        return hold(registers.claims_register(corpus))

    @env.macro
    def verdict_scale() -> str:
        """The verdict scale with its definitions."""
        return hold(registers.verdict_scale(corpus))

    @env.macro
    def bibliography() -> str:
        """Every reference, numbered, with what cites it."""
        return hold(registers.bibliography(corpus, cited_by))

    @env.macro
    def timeline() -> str:
        """The events the articles mention, in date order."""
        return hold(registers.timeline(corpus))

    @env.macro
    def comparisons() -> str:
        """Every cross-source figure table."""
        return hold(compare.all_comparisons(corpus))

    @env.macro
    def claim_matrix() -> str:
        """Which article asserts, contradicts or qualifies which claim."""
        return hold(compare.claim_matrix(corpus))

    @env.macro
    def parallel(left: str, right: str) -> str:
        """Two articles in two columns, aligned on what they share, with what each does with it."""
        if unknown("parallel", "article", left, corpus.articles) or unknown("parallel", "article", right, corpus.articles):
            return ""
        if left == right:
            log.error("docs/%s: parallel(%r, %r): name two different articles", env.page.file.src_uri, left, right)
            links.suppress_follow_on()
            return ""
        return hold(compare.parallel_view(corpus, left, right))

    @env.macro
    def parallel_chooser() -> str:
        """A chooser of any two articles, and every pair that shares a claim or a figure as a link to its page."""
        return hold(compare.parallel_chooser(corpus))

    @env.macro
    def print_all() -> str:
        """Every article with its notes as footnotes, the glossary and the claims register."""
        return hold(print_edition(corpus, [plan_article(corpus, a, matcher) for a in corpus.articles]))

    corrections.register_macros(env, corpus)  # the corrections log, its feed link and review dates
    figures.register_macros(env, corpus)  # charts drawn from the comparisons and the events
    page_macros.register_macros(env, corpus)  # cite, term, claim, paragraph and quote for hand-written pages


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_in_words(count: int) -> str:
    """A count as running text writes it: words up to ten, then digits."""
    return _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else f"{count:,}"


def _report_unused(corpus: Corpus, mentioned: dict[str, list[tuple[str, str]]], cited_by: dict[str, list[str]]) -> None:
    """Say which terms no article mentions and which references nothing cites (not errors)."""
    for term_id in corpus.terms:
        if term_id not in mentioned:
            log.info("glossary term '%s' is not mentioned in any article (glossary/terms.yaml)", term_id)
    for ref in corpus.references:
        if ref not in cited_by:
            log.info("reference '%s' is defined but never cited (glossary/references.yaml)", ref)
