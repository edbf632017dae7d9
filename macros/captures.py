"""The captures on the site: each article's capture, byte for byte, beside its pages.

A reader can then fetch the exact bytes whose SHA-256 the provenance box prints and check
them (``sha256sum``). They are copied, not rendered, after the build, so MkDocs never sees
them as pages and the search index leaves them out; the ``.txt`` name makes hosts serve
them as text.
"""

from __future__ import annotations

from pathlib import Path

from .model import Article, Corpus

FOLDER = "captures"  # under the site root


def capture_path(article: Article) -> str:
    """The capture's address relative to the site root, e.g. ``captures/002_7777c8118384ee84.txt``."""
    return f"{FOLDER}/{article.capture}"


def write_captures(corpus: Corpus, site_dir: Path) -> list[Path]:
    """Copy every article's capture into the built site; return the files written."""
    written = []
    for article in corpus.articles.values():
        target = site_dir / capture_path(article)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(article.text.encode("utf-8"))  # the exact bytes: the loader checked their SHA-256
        written.append(target)
    return written
