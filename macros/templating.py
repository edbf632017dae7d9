"""The Jinja environment for the reader's own templates in ``macros/templates/``.

The templates make finished HTML with autoescape on: every value is escaped
unless it is :class:`markupsafe.Markup` (contributors' Markdown after cleaning,
or another template's output). They see the addresses and the kinds table as
``at`` and ``kinds``. These are separate from the page templates that
mkdocs-macros itself renders. Compiled templates are kept between builds
(:mod:`macros.compiled`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import addresses, kept_renders
from .compiled import bytecode_cache
from .kinds import KINDS

TEMPLATES = Path(__file__).resolve().parent / "templates"


_HTML = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
_TEXT = {"keep_trailing_newline": True, "autoescape": False}


@cache
def _html_environment() -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                     bytecode_cache=bytecode_cache(_HTML), **_HTML)
    environment.globals.update(at=addresses, kinds=KINDS)
    return environment


def render_html(template: str, **values: Any) -> Markup:
    """Render one HTML template; plain strings in ``values`` are escaped. While serving, a template given
    the same values as in the last build is not rendered again (:mod:`macros.kept_renders`)."""
    return kept_renders.rendered(template, values, lambda: Markup(_html_environment().get_template(template).render(**values)))


def paragraph_html(pieces: list[Any], definitions: dict[str, str], faces: dict[str, Any], prefix: str = "") -> Markup:
    """One paragraph's words with its highlights, markers and term links (``_parts.html.j2``);
    ``faces`` gives each flag's look and words by key (:func:`macros.render.face`)."""
    return render_html_macro("_parts.html.j2", "text_of", pieces, definitions, faces, prefix)


@cache
def _text_environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                              bytecode_cache=bytecode_cache(_TEXT), **_TEXT)


def render_text(template: str, **values: Any) -> str:
    """Render a page's Markdown source (``templates/pages/``), which mkdocs-macros then renders."""
    return _text_environment().get_template(template).render(**values)


def render_html_macro(template: str, macro: str, *arguments: Any) -> Markup:
    """Call one macro of an HTML template, e.g. a single link (``_inline_links.html.j2``)."""
    return Markup(getattr(_html_environment().get_template(template).module, macro)(*arguments))
