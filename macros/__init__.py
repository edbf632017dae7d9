"""The reader's macros: mkdocs-macros loads this package and calls :func:`define_env`.

The data is loaded and checked once per build; invalid data stops the build
with every problem listed, before any page is rendered. After the build, the
open-data exports are written beside the pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .errors import DataError
from .export import Site, write_exports
from .load import load_corpus
from .macro_set import register

__all__ = ["define_env", "on_post_build"]

_CORPUS = "reader_corpus"  # where define_env leaves the corpus for on_post_build


def define_env(env: Any) -> None:
    """Load ``glossary/`` and register the macros the pages call."""
    try:
        corpus = load_corpus()
    except DataError as error:
        raise PluginError(str(error)) from None
    env.variables[_CORPUS] = corpus
    register(env, corpus)


def on_post_build(env: Any) -> None:
    """Write annotations.jsonld, claims.jsonld and glossary.json into the site."""
    site = Site(base=env.conf["site_url"] or "", directory_urls=env.conf["use_directory_urls"])
    write_exports(env.variables[_CORPUS], site, Path(env.conf["site_dir"]))
