"""A paragraph's HTML keeps the words exactly, whatever the highlights and links around them."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.inline import pieces
from macros.links import Origin
from macros.model import Quote
from macros.plan import Flag
from macros.model import Corpus
from macros.render import face
from macros.templating import paragraph_html
from macros.terms import TermSpan

from .test_reader import covering

DEFINITIONS = {"nis": 'South Korea\'s "spy" agency.'}


def flag(key: str, number: int, kind: str, start: int, end: int) -> Flag:
    """A flag for a test paragraph: only its place and kind matter here."""
    return Flag(key, number, kind, "p1", start, end, Quote("x"), "", (), Origin("test.yaml", key, "body"))


def rendered(text: str, flags: list[Flag], spans: list[TermSpan]) -> BeautifulSoup:
    return BeautifulSoup(f"<p>{paragraph_html(pieces(text, flags, spans), DEFINITIONS, {f.key: face(Corpus(), f) for f in flags})}</p>", "html.parser")


def test_markdown_and_html_in_the_text_stay_literal() -> None:
    text = "*Not* [a link](x) <b>nor</b> `code` # 1. | & {#id} \\ _under_ {{ x }}"
    assert rendered(text, [], []).p.get_text() == text


def test_crossing_highlights_keep_every_word_and_mark_each_quote() -> None:
    text = "The NIS said each worker earned $500 a month."
    html = rendered(text, [flag("n1", 1, "context", 4, 24), flag("c-1", 2, "disputed", 13, 36)], [TermSpan("nis", 4, 7)])
    assert html.p.get_text() == text  # markers carry no text: CSS draws their numbers
    assert html.find(id="quote-n1").get_text().startswith("NIS")
    marked = [m for m in html.select("mark") if "c-1" in covering(m)]
    assert "".join(m.get_text() for m in marked) == "each worker earned $500"
    assert [covering(m) for m in html.select("mark")] == [["n1"], ["n1", "c-1"], ["c-1"]]
    assert not html.select_one("#quote-n1").has_attr("data-quotes")  # its id names the one flag it covers
    markers = html.select("a.reader-marker")
    assert [(a["data-n"], a["href"], a["aria-label"]) for a in markers] == [
        ("1", "#note-n1", "Note 1: Context"), ("2", "#note-c-1", "Note 2: Disputed claim"),
    ]


def test_a_term_link_carries_the_definition_as_its_tooltip() -> None:
    link = rendered("The NIS said.", [], [TermSpan("nis", 4, 7)]).select_one("a.reader-term")
    assert link["href"] == "/glossary/nis.md"
    assert link["title"] == 'South Korea\'s "spy" agency.'
