"""Term matching: whole words, every spelling, longest first, one pass."""

from __future__ import annotations

from macros.model import Term
from macros.terms import TermMatcher, TermSpan

TERMS = [
    Term("kim-jong-un", "Kim Jong Un", "person", "Leader.", aliases=("Kim Jong-un",)),
    Term("kim-jong-il", "Kim Jong Il", "person", "Leader before."),
    Term("un", "United Nations", "organisation", "UN.", aliases=("UN",)),
    Term("un-security-council", "UN Security Council", "organisation", "UNSC."),
]


def test_every_spelling_is_found_as_a_whole_word() -> None:
    text = "Kim Jong-un and Kim Jong Il’s heir; the UN, not UNESCO."
    assert [s.term for s in TermMatcher(TERMS).find(text)] == ["kim-jong-un", "kim-jong-il", "un"]


def test_the_longest_spelling_wins() -> None:
    assert TermMatcher(TERMS).find("the UN Security Council voted") == [TermSpan("un-security-council", 4, 23)]


def test_matching_is_case_sensitive() -> None:
    assert TermMatcher(TERMS).find("kim jong un and un") == []


def test_no_terms_match_nothing() -> None:
    assert TermMatcher([]).find("anything") == []
