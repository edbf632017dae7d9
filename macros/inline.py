"""One paragraph's text cut into the pieces its template wraps: highlights, markers, term links.

Highlights may nest or cross, so the text is cut at every highlight edge and
each piece is wrapped in one ``<mark>`` carrying the looks of every flag that
covers it. Each quote's first piece gets its id (``quote-<key>``), so a deep
link lands on the exact words; the flag's marker follows its last piece. The
words themselves are never changed, and nothing is added to them: markers draw
their number with CSS, so the paragraph's text is the capture's line exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .plan import Flag
from .terms import TermSpan


@dataclass(frozen=True)
class Piece:
    """Consecutive words covered by the same flags."""

    words: tuple[tuple[str, str | None], ...]  # (text, term id linked there or None)
    looks: tuple[str, ...]  # how the flags covering it are drawn (macros.kinds: a note's kind, a claim's stance)
    keys: tuple[str, ...]  # the flags covering it; empty when not highlighted
    quote_ids: tuple[str, ...]  # keys of the flags whose words start here
    markers: tuple[Flag, ...]  # flags whose words end here


def pieces(text: str, flags: Sequence[Flag], term_links: Sequence[TermSpan]) -> list[Piece]:
    """The paragraph's text as pieces, in order; joined, their words are ``text``."""
    edges = sorted({0, len(text), *(f.start for f in flags), *(f.end for f in flags)})
    out: list[Piece] = []
    for start, end in zip(edges, edges[1:]):
        covering = [f for f in flags if f.start <= start and end <= f.end]
        out.append(Piece(
            words=_words(text, start, end, term_links),
            looks=tuple(dict.fromkeys(f.look for f in covering)),
            keys=tuple(f.key for f in covering),
            quote_ids=tuple(f.key for f in flags if f.start == start),
            markers=tuple(f for f in flags if f.end == end),
        ))
    return out


def _words(text: str, start: int, end: int, spans: Sequence[TermSpan]) -> tuple[tuple[str, str | None], ...]:
    """text[start:end] split around the term mentions inside it that are to be linked."""
    parts: list[tuple[str, str | None]] = []
    position = start
    for span in spans:
        if start <= span.start and span.end <= end:
            if position < span.start:
                parts.append((text[position : span.start], None))
            parts.append((text[span.start : span.end], span.term))
            position = span.end
    if position < end:
        parts.append((text[position:end], None))
    return tuple(parts)
