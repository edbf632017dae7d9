"""Finished HTML that Python-Markdown never parses again.

The macros render their pages with Jinja templates (autoescape on) into finished
HTML. Returned into the page's Markdown as it is, all of it would be parsed again
by Python-Markdown, which was half the cost of a build and the reason markup
used to be written as escaped Markdown in Python. So a macro hands its HTML to
:func:`hold`, which leaves a one-line placeholder in the Markdown; after MkDocs
has turned the page into HTML, the page hook (``macros/page_hooks.py``) calls
:func:`release`, which puts the held HTML in its place. Links in the held HTML
are documentation paths; :mod:`macros.links` rewrites and checks them.

A block may come with a second version, what the site's search should index in its place (an article
page's words and notes without its apparatus); :func:`release` then gives that version of the page
too, and the page hook hands it to the search plugin before the theme gets the finished page. A
template can also leave a part of its page out of the index by putting it between
``<!--unindexed-->`` and ``<!--/unindexed-->`` (:func:`indexed`).
"""

from __future__ import annotations

import itertools
import re
from typing import Any, NamedTuple

from markupsafe import Markup

_PLACEHOLDER = re.compile(r'<(?:div|span) data-reader-finished="(\d+)"></(?:div|span)>')
_HEADING = re.compile(r'<h([1-3])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_HEADERLINK = re.compile(r'<a class="(?:headerlink|reader-pilcrow)"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_UNINDEXED = re.compile(r"<!--unindexed-->.*?<!--/unindexed-->", re.S)
_MARKER = re.compile(r"<!--/?unindexed-->\n?")
_held: dict[str, tuple[Markup, Markup | None]] = {}
_serial = itertools.count(1)


class Released(NamedTuple):
    """A page's HTML with its held blocks in place, and the version for the search index, if it differs."""

    html: str
    indexed: str | None
    held: bool


def hold(html: Markup, indexed: Markup | None = None) -> str:
    """Keep ``html`` back from Python-Markdown; return the placeholder block to put in the page.

    ``indexed`` is what the search index should read in its place, when that is not ``html``.
    """
    key = str(next(_serial))
    _held[key] = (html, indexed)
    return f'\n\n<div data-reader-finished="{key}"></div>\n\n'


def hold_inline(html: Markup) -> str:
    """The same for a few words inside a paragraph (a link a page's macro makes): an inline placeholder.

    Inline HTML left in the Markdown would be parsed too: a ``[text](url)`` inside a tooltip would
    become a link inside the attribute.
    """
    key = str(next(_serial))
    _held[key] = (html, None)
    return f'<span data-reader-finished="{key}"></span>'


def release(page_html: str) -> Released:
    """Put every held block of this page where its placeholder stands."""
    blocks = {key: _held.pop(key) for key in _PLACEHOLDER.findall(page_html)}
    if not blocks:
        return Released(page_html, None, False)
    html = _PLACEHOLDER.sub(lambda match: blocks[match.group(1)][0], page_html)
    if all(indexed is None for _, indexed in blocks.values()):
        return Released(html, None, True)
    indexed = _PLACEHOLDER.sub(lambda match: blocks[match.group(1)][1] or blocks[match.group(1)][0], page_html)
    return Released(html, indexed, True)


def indexed(page_html: str) -> str | None:
    """The page without the parts its templates keep out of the search index, or None if it has none."""
    if "<!--unindexed-->" not in page_html:
        return None
    return _UNINDEXED.sub("", page_html)


def shown(page_html: str) -> str:
    """The page as the reader gets it: without the comments that mark what the index leaves out."""
    return _MARKER.sub("", page_html) if "<!--unindexed-->" in page_html else page_html


def contents(page_html: str) -> list[dict[str, Any]]:
    """The page's headings h1–h3 with ids, nested, as Python-Markdown's toc extension lists them.

    MkDocs builds a page's table of contents from the Markdown it parsed, which
    does not include the headings of held blocks; this lists them all again.
    """
    tokens: list[dict[str, Any]] = []
    open_at: dict[int, dict[str, Any]] = {}
    for level_text, anchor, inner in _HEADING.findall(page_html):
        level = int(level_text)
        token = {"level": level, "id": anchor, "name": _TAG.sub("", _HEADERLINK.sub("", inner)).strip(), "children": []}
        parent = next((open_at[up] for up in range(level - 1, 0, -1) if up in open_at), None)
        (parent["children"] if parent else tokens).append(token)
        open_at = {k: v for k, v in open_at.items() if k < level} | {level: token}
    return tokens
