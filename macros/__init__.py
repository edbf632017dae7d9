"""The reader's macros: mkdocs-macros loads this package and calls :func:`define_env`.

The data is loaded and checked once per build; invalid data stops the build
with every problem listed, before any page is rendered. After the build, the
open-data exports are written beside the pages.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .captures import write_captures
from .corrections import write_feed
from .errors import DataError
from .export import Site, write_exports
from .load import load_corpus
from .macro_set import register
from .model import Corpus

__all__ = ["current_corpus", "define_env", "on_post_build"]

_CORPUS = "reader_corpus"  # where define_env leaves the corpus for on_post_build
_last_good: list[Corpus] = []  # the last data that loaded cleanly in this process


def define_env(env: Any) -> None:
    """Load ``glossary/`` and register the macros the pages call.

    A one-off build (``mkdocs build``) fails on bad data. A process that has
    already built once, which is what ``mkdocs serve`` is, keeps the last good
    data instead, so the pages being served stay as they were, and prints the
    problems in the terminal until they are fixed.
    """
    try:
        corpus = load_corpus(Path(env.project_dir) / "glossary")  # the data of the site being built
    except DataError as error:
        if not _last_good:
            raise PluginError(str(error)) from None
        # Printed, not logged: a logged error would make the strict rebuild fail and the server stall.
        print(f"ERROR   -  {error}\n           Serving the last good pages until this is fixed.", file=sys.stderr)
        corpus = _last_good[-1]
    _last_good[:] = [corpus]
    env.variables[_CORPUS] = corpus
    register(env, corpus)


def current_corpus() -> Corpus:
    """The data this build renders (loaded by :func:`define_env`, which runs first)."""
    return _last_good[-1]


def on_post_build(env: Any) -> None:
    """Write annotations.jsonld, claims.jsonld, glossary.json, the corrections feed and the captures into the site."""
    site = Site(base=env.conf["site_url"] or "", directory_urls=env.conf["use_directory_urls"])
    write_exports(env.variables[_CORPUS], site, Path(env.conf["site_dir"]))
    write_feed(env.variables[_CORPUS], env.conf["site_url"] or "", env.conf["use_directory_urls"], Path(env.conf["site_dir"]))
    write_captures(env.variables[_CORPUS], Path(env.conf["site_dir"]))
