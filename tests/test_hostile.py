"""Hostile content in the data is shown as text or removed, never run (nh3 does the cleaning)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.safe import markdown_html

from .conftest import PAYLOAD



def test_markdown_html_removes_scripts_handlers_frames_styles_and_bad_links() -> None:
    html = markdown_html(PAYLOAD)
    assert "Innocent words." in html and "link" in html and "styled" in html
    for bad in ("<script", "onerror", "onload", "javascript:", "<iframe", "style=", "<svg", "</details>"):
        assert bad not in html, bad


def test_links_keep_their_web_address_and_gain_noopener() -> None:
    assert markdown_html("[UN](https://press.un.org/)", inline=True) == (
        '<a href="https://press.un.org/" rel="noopener noreferrer">UN</a>'
    )


def content_of(page: Path) -> BeautifulSoup:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return html.select_one("article.md-content__inner")


@pytest.mark.parametrize("page", ["articles/001", "articles/002", "claims", "glossary", "timeline", "compare", "print", "articles/000"])
def test_hostile_data_yields_no_script_handler_frame_style_or_bad_link(hostile_site: Path, page: str) -> None:
    content = content_of(hostile_site / page / "index.html")
    assert "Innocent words." in content.get_text() or page in ("articles/000",)
    assert content.find("script") is None and content.find("iframe") is None and content.find("svg") is None
    for element in content.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element.name
        style = element.get("style")
        assert style is None or (element.name in ("th", "td") and re.fullmatch(r"text-align: \w+;", style)), element
        for name in ("href", "src"):
            assert not str(element.get(name, "")).strip().lower().startswith("javascript:"), element
    for link in content.select("a[href^='http']"):
        if "reader-" not in " ".join(link.get("class", [])):
            assert set(link.get("rel", [])) >= {"noopener", "noreferrer"}, link


def test_plain_text_fields_show_the_payload_as_text(hostile_site: Path) -> None:
    glossary = content_of(hostile_site / "glossary" / "index.html")
    assert "<script>window.__pwned = 'script'</script>" in glossary.get_text()
