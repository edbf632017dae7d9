"""The Jinja environment for the reader's own templates in ``macros/templates/``.

These templates produce Markdown with HTML blocks for mkdocs-macros to insert;
they are separate from the page templates that mkdocs-macros itself renders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; values are escaped before they get here
    )


def render(template: str, **values: Any) -> str:
    """Render one template with the given values."""
    return _environment().get_template(template).render(**values)
