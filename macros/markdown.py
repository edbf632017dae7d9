"""Small Markdown helpers shared by the renderers: escaping and link building.

Article text and data fields are inserted into Markdown that Python-Markdown
will parse; they must come out as the same characters, never as emphasis, links
or HTML. Links are written as Markdown with docs-relative targets
(``/glossary.md#term-x``) so MkDocs validates them and rewrites them for every
page (``validation.absolute_links: relative_to_docs``).
"""

from __future__ import annotations

import html
import re

# Python-Markdown's escapable characters, plus '|' (added by the tables extension).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def escape(text: str) -> str:
    """Make text literal in inline Markdown: HTML-escape it, then backslash-escape syntax."""
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def attribute(text: str) -> str:
    """Make text safe inside a double-quoted HTML attribute or Markdown link title."""
    return html.escape(text, quote=True)


def link(label_markdown: str, target: str, title: str | None = None) -> str:
    """A Markdown link; ``label_markdown`` must already be escaped."""
    titled = f' "{attribute(title)}"' if title else ""
    return f"[{label_markdown}]({target}{titled})"


def external_link(label_markdown: str, url: str) -> str:
    """A link that leaves the site: it carries no referrer and no opener."""
    return f'{link(label_markdown, url)}{{ rel="noopener noreferrer" }}'
