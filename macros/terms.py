"""Finding glossary terms in the article text.

Every spelling of every term goes into one Aho-Corasick automaton
(pyahocorasick), so a paragraph is scanned once in time proportional to its
length, whatever the size of the glossary; a regular expression with one
alternative per spelling would cost time proportional to the glossary at every
character. Matches are case-sensitive (aliases list each spelling as the
articles write it), must stand as whole words, and where spellings overlap the
leftmost, then longest, wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from .model import Article, Term

# Paragraph roles whose words are the article's own prose.
TEXT_ROLES = ("prose", "headline", "subheading")


@dataclass(frozen=True)
class TermSpan:
    """One mention of a term in a paragraph."""

    term: str
    start: int
    end: int


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class TermMatcher:
    """Finds every mention of any term in a text, in one pass."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._automaton = ahocorasick.Automaton()
        for term in terms:
            for spelling in term.spellings:
                if spelling not in self._automaton:  # the loader rejects spellings shared by two terms
                    self._automaton.add_word(spelling, (term.id, len(spelling)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()
        self._found: dict[str, tuple[TermSpan, ...]] = {}  # a build reads each paragraph several times

    def find(self, text: str) -> list[TermSpan]:
        """Mentions in reading order; overlapping spellings resolve to the leftmost, then longest."""
        if self._empty:
            return []
        if text not in self._found:
            self._found[text] = tuple(self._find(text))
        return list(self._found[text])

    def _find(self, text: str) -> list[TermSpan]:
        candidates = []
        for last, (term, length) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if (start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end])):
                candidates.append(TermSpan(term, start, end))
        candidates.sort(key=lambda s: (s.start, -s.end))
        chosen: list[TermSpan] = []
        for span in candidates:
            if not chosen or span.start >= chosen[-1].end:
                chosen.append(span)
        return chosen


def mentions(articles: Iterable[Article], matcher: TermMatcher) -> dict[str, list[tuple[str, str]]]:
    """For each term, every (article id, paragraph id) whose text mentions it, in reading order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for article in articles:
        for paragraph in article.paragraphs:
            if paragraph.role not in TEXT_ROLES:
                continue
            for term_id in dict.fromkeys(span.term for span in matcher.find(paragraph.text)):
                found.setdefault(term_id, []).append((article.id, paragraph.id))
    return found
