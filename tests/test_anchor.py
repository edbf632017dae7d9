"""Quote anchoring: exactly one place, or a problem that says how to fix the quote."""

from __future__ import annotations

from macros.anchor import AnchorFailure, locate
from macros.model import Anchor, Article, Quote
from macros.text import split_paragraphs

TEXT = "The NIS said so. Kim Jong Un’s rule began.\nThe NIS said it again.\n"
ARTICLE = Article(
    id="900", capture="900_0000000000000000.txt", sha256="0" * 64, title="T", outlet="O", author="A",
    published="unknown", url="unknown", provenance="P", text=TEXT, paragraphs=split_paragraphs(TEXT),
)


def test_a_unique_quote_anchors_to_its_paragraph_and_span() -> None:
    assert locate(ARTICLE, Quote("rule began")) == Anchor("p1", 31, 41)


def test_prefix_and_suffix_choose_between_repeats() -> None:
    assert locate(ARTICLE, Quote("The NIS said", suffix=" it")) == Anchor("p2", 0, 12)
    assert locate(ARTICLE, Quote("NIS said so", prefix="The ")) == Anchor("p1", 4, 15)


def test_repeats_are_reported_with_their_paragraphs() -> None:
    failure = locate(ARTICLE, Quote("The NIS said"))
    assert isinstance(failure, AnchorFailure)
    assert "occurs 2 times in article 900 (p1, p2)" in failure.problem


def test_straight_apostrophes_get_a_hint_with_the_real_text() -> None:
    failure = locate(ARTICLE, Quote("Kim Jong Un's rule"))
    assert isinstance(failure, AnchorFailure)
    assert failure.suggestion == 'p1 has it with other quotation marks, dashes or spaces: "Kim Jong Un’s rule"'


def test_wrong_capitals_get_a_hint() -> None:
    failure = locate(ARTICLE, Quote("the nis said so"))
    assert isinstance(failure, AnchorFailure) and "other capitals" in (failure.suggestion or "")


def test_a_quote_across_paragraphs_is_refused() -> None:
    failure = locate(ARTICLE, Quote("rule began.\nThe NIS"))
    assert isinstance(failure, AnchorFailure)
    assert failure.suggestion == "a quote must lie inside one paragraph: split it into two notes"


def test_an_empty_quote_is_refused() -> None:
    assert isinstance(locate(ARTICLE, Quote("  ")), AnchorFailure)
