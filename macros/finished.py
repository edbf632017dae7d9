"""Finished HTML that Python-Markdown never parses again.

The macros render their pages with Jinja templates (autoescape on) into finished
HTML. Returned into the page's Markdown as it is, all of it would be parsed again
by Python-Markdown, which was half the cost of a build and the reason markup
used to be written as escaped Markdown in Python. So a macro hands its HTML to
:func:`hold`, which leaves a one-line placeholder in the Markdown; after MkDocs
has turned the page into HTML, the page hook (``macros/page_hooks.py``) calls
:func:`release`, which puts the held HTML in its place. Links in the held HTML
are documentation paths; :mod:`macros.links` rewrites and checks them.
"""

from __future__ import annotations

import itertools
import re

from markupsafe import Markup

_PLACEHOLDER = re.compile(r'<div data-reader-finished="(\d+)"></div>')
_held: dict[str, Markup] = {}
_serial = itertools.count(1)


def hold(html: Markup) -> str:
    """Keep ``html`` back from Python-Markdown; return the placeholder block to put in the page."""
    key = str(next(_serial))
    _held[key] = html
    return f'\n\n<div data-reader-finished="{key}"></div>\n\n'


def release(page_html: str) -> str:
    """Put every held block of this page where its placeholder stands."""
    return _PLACEHOLDER.sub(lambda match: _held.pop(match.group(1)), page_html)
