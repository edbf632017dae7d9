"""Hostile content in the data is shown as text or removed, never run (nh3 does the cleaning).

The hostile site has the payload in every free-text field of every entry (see
``tests/schema_fields.py``). Each of its pages is compared with the same page of
the clean build: it may hold no element, attribute, URL scheme or executable
script that the clean page lacks, beyond the harmless text markup that
contributors' Markdown may use (``macros/safe.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from macros.safe import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, markdown_html

from .conftest import PAYLOAD, HostileSite
from .schema_fields import schema_text_fields

# What cleaned contributor Markdown may add to a page.
HARMLESS = (
    set(ALLOWED_TAGS),
    {(tag, name) for tag, names in ALLOWED_ATTRIBUTES.items() for name in names} | {("a", "rel")},
    set(URL_SCHEMES),
    set(),
)
EXECUTABLE = {"", "text/javascript", "module", "application/javascript"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data")


def test_markdown_html_removes_scripts_handlers_frames_styles_and_bad_links() -> None:
    html = markdown_html(PAYLOAD)
    assert "Innocent words." in html and "link" in html and "styled" in html
    for bad in ("<script", "onerror", "onload", "javascript:", "<iframe", "style=", "<svg", "</details>"):
        assert bad not in html, bad


def test_links_keep_their_web_address_and_gain_noreferrer() -> None:
    assert markdown_html("[UN](https://press.un.org/)", inline=True) == (
        '<a href="https://press.un.org/" rel="noreferrer">UN</a>'
    )


def test_every_free_text_field_of_every_schema_was_poisoned(hostile: HostileSite) -> None:
    missing = schema_text_fields() - hostile.poisoned
    assert not missing, f"no entry of the data has these fields, so the hostile build does not cover them: {missing}"


def _pages(site: Path) -> Iterator[Path]:
    return (path.relative_to(site) for path in sorted(site.rglob("*.html")))


def _profile(html: BeautifulSoup) -> tuple[set[str], set[tuple[str, str]], set[str], set[str]]:
    """Tags, (tag, attribute) pairs, URL schemes, and executable scripts of one page."""
    tags: set[str] = set()
    attributes: set[tuple[str, str]] = set()
    schemes: set[str] = set()
    scripts: set[str] = set()
    for element in html.find_all(True):
        assert isinstance(element, Tag)
        tags.add(element.name)
        for name, value in element.attrs.items():
            attributes.add((element.name, name))
            if name in URL_ATTRIBUTES:
                schemes.add(urlsplit(str(value).strip()).scheme.lower())
        if element.name == "script" and str(element.get("type", "")).lower() in EXECUTABLE:
            scripts.add(f"{element.get('src', '')}|{element.string or ''}")
    return tags, attributes, schemes, scripts


def test_hostile_pages_hold_nothing_the_clean_pages_lack(site: Path, hostile_site: Path) -> None:
    compared = 0
    for page in _pages(hostile_site):
        clean_page = site / page
        assert clean_page.exists(), f"the hostile build made a page the clean build lacks: {page}"
        hostile = _profile(BeautifulSoup((hostile_site / page).read_text(encoding="utf-8"), "html.parser"))
        clean = _profile(BeautifulSoup(clean_page.read_text(encoding="utf-8"), "html.parser"))
        for what, found, allowed, harmless in zip(("elements", "attributes", "URL schemes", "scripts"), hostile, clean, HARMLESS):
            extra = found - allowed - harmless
            if what == "scripts":  # Material's inline scripts name the page's own address; compare their shape
                extra = {s for s in extra if "__pwned" in s or "Innocent words" in s}
            assert not extra, f"{page}: {what} that the clean build lacks: {sorted(extra)[:5]}"
        compared += 1
    assert compared >= 10


@pytest.mark.parametrize(("page", "where"), [
    ("glossary/index.html", "article.md-content__inner"),  # a term's definition
    ("methods/index.html", "article.md-content__inner"),  # a verdict's definition
    ("articles/001/index.html", "title"),  # an article's title in the page's <title>
    ("articles/001/index.html", "nav.md-nav"),  # and in the site navigation
])
def test_plain_text_fields_show_the_payload_as_text(hostile_site: Path, page: str, where: str) -> None:
    html = BeautifulSoup((hostile_site / page).read_text(encoding="utf-8"), "html.parser")
    shown = html.select_one(where)
    assert shown is not None
    assert "<script>window.__pwned = 'script'</script>" in shown.get_text(), where
