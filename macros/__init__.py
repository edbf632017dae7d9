"""The reader's macros: mkdocs-macros loads this package and calls :func:`define_env`.

The data is loaded and checked once per build; invalid data stops the build
with every problem listed, before any page is rendered.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from . import render
from .errors import DataError
from .load import load_corpus

__all__ = ["define_env"]


def define_env(env: Any) -> None:
    """Load ``glossary/`` and register the macros the pages call."""
    try:
        corpus = load_corpus()
    except DataError as error:
        raise PluginError(str(error)) from None

    @env.macro
    def article(article_id: str) -> str:
        """The body of an article's page: headline, provenance and text."""
        if article_id not in corpus.articles:
            raise KeyError(f"unknown article '{article_id}'; known: {', '.join(corpus.articles)}")
        return render.article_page(corpus, article_id)

    @env.macro
    def articles_table() -> str:
        """The table of articles with their provenance."""
        return render.articles_table(corpus)
