"""Properties of quote anchoring and term linking, over generated texts (hypothesis)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.anchor import AnchorFailure, find_all, locate
from macros.inline import pieces
from macros.links import Origin
from macros.model import Article, Quote, Term
from macros.plan import Flag
from macros.model import Corpus
from macros.render import face
from macros.templating import paragraph_html
from macros.terms import TermMatcher, TermSpan
from macros.text import split_paragraphs

TERMS = [
    Term("kim-jong-un", "Kim Jong Un", "person", "Leader.", aliases=("Kim Jong-un",)),
    Term("nis", "NIS", "organisation", "Agency.", aliases=("National Intelligence Service",)),
    Term("un", "UN", "organisation", "United Nations."),
    Term("un-sc", "UN Security Council", "organisation", "Council."),
]
SPELLINGS = [s for t in TERMS for s in t.spellings]
MATCHER = TermMatcher(TERMS)

# Text with the characters that mean something to Markdown, HTML and Jinja, and the spellings.
words = st.one_of(
    st.sampled_from(SPELLINGS),
    st.text(alphabet="abcXYZ019 *_`[](){}#<>&|\\!.-+’“”\u00a0", min_size=1, max_size=12),
)
paragraph_text = st.lists(words, min_size=1, max_size=25).map(" ".join).map(str.strip).filter(bool)


def article_of(*paragraphs: str) -> Article:
    text = "\n".join(paragraphs) + "\n"
    return Article(id="900", capture="900_0000000000000000.txt", sha256="0" * 64, title="T", outlet="O",
                   author="A", published="unknown", url="unknown", provenance="P", text=text,
                   paragraphs=split_paragraphs(text))


class _Text(HTMLParser):
    """The characters of an element's text, white space exactly (BeautifulSoup folds some)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def rendered(text: str, flags: list[Flag], spans: list[TermSpan]) -> str:
    return str(paragraph_html(pieces(text, flags, spans), {t.id: t.definition for t in TERMS}, {f.key: face(Corpus(), f) for f in flags}))


@settings(max_examples=150, deadline=None)
@given(paragraph_text, st.data())
def test_a_unique_quote_anchors_exactly_where_it_stands(text: str, data: st.DataObject) -> None:
    article = article_of(text)
    paragraph = article.paragraphs[0].text
    start = data.draw(st.integers(0, len(paragraph) - 1))
    end = data.draw(st.integers(start + 1, len(paragraph)))
    exact = paragraph[start:end]
    result = locate(article, Quote(exact))
    if not exact.strip():
        assert isinstance(result, AnchorFailure)
    elif len(re.findall(f"(?={re.escape(exact)})", paragraph)) == 1:  # overlapping occurrences count too
        assert not isinstance(result, AnchorFailure)
        assert paragraph[result.start : result.end] == exact
    else:
        assert isinstance(result, AnchorFailure) and "occurs" in result.problem
        # The full context always makes it unique again.
        assert locate(article, Quote(exact, prefix=paragraph[:start], suffix=paragraph[end:])) != result


@settings(max_examples=150, deadline=None)
@given(paragraph_text, st.data())
def test_highlights_and_links_never_alter_the_text(text: str, data: st.DataObject) -> None:
    flags = []
    for number in range(1, data.draw(st.integers(0, 3)) + 1):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        flags.append(Flag(f"n{number}", number, "context", "p1", start, end, Quote(text[start:end]), "", (),
                          Origin("test.yaml", f"n{number}", "body")))
    assert shown_text(rendered(text, flags, MATCHER.find(text))) == text


@settings(max_examples=150, deadline=None)
@given(paragraph_text)
def test_links_never_nest_and_linking_again_finds_the_same_mentions(text: str) -> None:
    spans = MATCHER.find(text)
    shown = rendered(text, [], spans)
    html = BeautifulSoup(f"<p>{shown}</p>", "html.parser")
    links = html.select("a.reader-term")
    assert not html.select("a a") and not html.select("h1 a, h2 a, code a")
    assert [a.get_text() for a in links] == [text[s.start : s.end] for s in spans]
    assert MATCHER.find(shown_text(shown)) == spans  # idempotent: the shown text has the same mentions


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPELLINGS), st.sampled_from(["the", "said", "x1", "(", "’s"])), min_size=1, max_size=20))
def test_every_mention_the_rules_define_is_found(tokens: list[str]) -> None:
    text = " ".join(tokens)
    found = MATCHER.find(text)
    # Brute force: every whole-word occurrence of a spelling not inside a longer one found instead.
    for spelling in SPELLINGS:
        for match in re.finditer(rf"(?<!\w){re.escape(spelling)}(?!\w)", text):
            assert any(s.start <= match.start() and match.end() <= s.end for s in found), (spelling, text)
    assert all(text[s.start : s.end] in SPELLINGS for s in found)


@settings(max_examples=100, deadline=None)
@given(st.lists(paragraph_text, min_size=2, max_size=4))
def test_no_quote_is_ever_anchored_across_paragraphs(paragraphs: list[str]) -> None:
    article = article_of(*paragraphs)
    joined = article.paragraphs[0].text + " " + article.paragraphs[1].text
    quote = Quote(joined[max(0, len(article.paragraphs[0].text) - 3) : len(article.paragraphs[0].text) + 4])
    for anchor in find_all(article, quote):
        paragraph = next(p for p in article.paragraphs if p.id == anchor.paragraph)
        assert paragraph.text[anchor.start : anchor.end] == quote.exact
