"""Finding glossary terms in the article text.

One compiled pattern holds every spelling of every term, longest first, so a
paragraph is scanned once whatever the size of the glossary. Matches are
case-sensitive (aliases list each spelling as the articles write it) and must
stand as whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Article, Term

# Paragraph roles whose words are the article's own prose.
TEXT_ROLES = ("prose", "headline", "subheading")


@dataclass(frozen=True)
class TermSpan:
    """One mention of a term in a paragraph."""

    term: str
    start: int
    end: int


class TermMatcher:
    """Finds every mention of any term in a text, in one pass."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._owner: dict[str, str] = {}
        for term in terms:
            for spelling in term.spellings:
                self._owner.setdefault(spelling, term.id)
        spellings = sorted(self._owner, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, spellings))
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if spellings else None

    def find(self, text: str) -> list[TermSpan]:
        """Mentions in reading order; overlapping spellings resolve to the longest."""
        if self._pattern is None:
            return []
        return [TermSpan(self._owner[m.group()], m.start(), m.end()) for m in self._pattern.finditer(text)]


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
