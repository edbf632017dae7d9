"""Contributors' Markdown, rendered to HTML that cannot run, frame or restyle anything.

Notes, reasons, details and descriptions are Markdown written in the data.
They are rendered here with Python-Markdown and then cleaned with nh3 (the
Ammonia sanitiser), which keeps a small set of text tags and drops scripts,
event handlers, ``javascript:`` and other non-web links, frames, styles and
any markup that tries to close the note it sits in. The result is inserted
into the page as one raw block, so MkDocs passes it through untouched.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "q", "s", "strong",
    "sub", "sup", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "q": {"cite"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    """Keep only harmless text markup; outside links get rel="noreferrer", which implies noopener."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noreferrer",
    )


_MARKDOWN = markdown.Markdown(extensions=["attr_list"], output_format="html")  # one instance, reset per text


@lru_cache(maxsize=4096)
def markdown_html(text: str, inline: bool = False) -> str:
    """Render contributor Markdown to clean HTML; ``inline`` drops the wrapping paragraph."""
    html = clean_html(_MARKDOWN.reset().convert(text))
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
