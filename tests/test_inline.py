"""A paragraph's inline Markdown keeps the words, whatever the highlights and links around them."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from macros.inline import paragraph_markdown
from macros.model import Term
from macros.plan import Flag
from macros.terms import TermSpan

TERMS = {"nis": Term("nis", "NIS", "organisation", 'South Korea\'s "spy" agency.')}


def rendered(text: str, flags: list[Flag], spans: list[TermSpan]) -> BeautifulSoup:
    extensions = ["attr_list", "tables", "md_in_html"]  # as in mkdocs.yml
    html = markdown.markdown(paragraph_markdown(text, flags, spans, TERMS), extensions=extensions)
    return BeautifulSoup(html, "html.parser")


def words(html: BeautifulSoup) -> str:
    """The text a reader sees, without the note markers."""
    return "".join(s for s in html.find_all(string=True) if not s.find_parent("sup"))


def test_markdown_and_html_in_the_text_stay_literal() -> None:
    text = "*Not* [a link](x) <b>nor</b> `code` # 1. | & {#id} \\ _under_"
    assert words(rendered(text, [], [])) == text


def test_crossing_highlights_keep_every_word_and_mark_each_quote() -> None:
    text = "The NIS said each worker earned $500 a month."
    flags = [Flag("n1", 1, "context", "p1", 4, 24), Flag("c-1", 2, "disputed", "p1", 13, 36)]
    html = rendered(text, flags, [TermSpan("nis", 4, 7)])
    assert words(html) == text
    assert html.find(id="quote-n1").get_text().startswith("NIS")
    pieces = [m for m in html.select("mark") if "c-1" in m["data-quotes"].split()]
    assert "".join(m.get_text() for m in pieces) == "each worker earned $500"
    assert [a.get_text() for a in html.select("a.reader-marker")] == ["1", "2"]


def test_a_term_link_carries_the_definition_as_its_tooltip() -> None:
    link = rendered("The NIS said.", [], [TermSpan("nis", 4, 7)]).select_one("a.reader-term")
    assert link["href"] == "/glossary.md#term-nis"
    assert link["title"] == 'South Korea\'s "spy" agency.'
