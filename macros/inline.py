"""One paragraph's inline Markdown: the verbatim text with highlights, markers and term links.

Highlights may nest or cross, so the text is cut at every highlight edge and
each piece is wrapped in one ``<mark>`` carrying the kinds of every note that
covers it. Each quote's first piece gets its id (``quote-<key>``), so a deep
link lands on the exact words; the numbered marker follows its last piece.
The words themselves are only ever escaped, never changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .markdown import attribute, escape, link
from .model import Term
from .plan import Flag
from .terms import TermSpan


def paragraph_markdown(
    text: str, flags: Sequence[Flag], term_links: Sequence[TermSpan], terms: Mapping[str, Term], prefix: str = ""
) -> str:
    """The inline Markdown of a paragraph's text; ``prefix`` keeps ids unique on a page of several articles."""
    edges = sorted({0, len(text), *(f.start for f in flags), *(f.end for f in flags)})
    out: list[str] = []
    for start, end in zip(edges, edges[1:]):
        covering = [f for f in flags if f.start <= start and end <= f.end]
        starting = [f for f in flags if f.start == start]
        piece = _with_term_links(text, start, end, term_links, terms)
        out.extend(f'<span id="{prefix}quote-{f.key}" class="reader-anchor"></span>' for f in starting[1:])
        if covering:
            kinds = " ".join(f"reader-hl--{kind}" for kind in dict.fromkeys(f.kind for f in covering))
            anchor = f' id="{prefix}quote-{starting[0].key}"' if starting else ""
            keys = " ".join(f.key for f in covering)
            out.append(f'<mark class="reader-hl {kinds}"{anchor} data-quotes="{keys}">{piece}</mark>')
        else:
            out.append(piece)
        out.extend(_marker(f, prefix) for f in flags if f.end == end)
    return "".join(out)


def _with_term_links(text: str, start: int, end: int, spans: Sequence[TermSpan], terms: Mapping[str, Term]) -> str:
    """Escape text[start:end], turning the chosen term mentions inside it into glossary links."""
    parts: list[str] = []
    position = start
    for span in spans:
        if start <= span.start and span.end <= end:
            term = terms[span.term]
            parts.append(escape(text[position : span.start]))
            parts.append(link(escape(text[span.start : span.end]), f"/glossary.md#term-{term.id}", term.definition))
            parts.append("{ .reader-term }")
            position = span.end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def _marker(flag: Flag, prefix: str) -> str:
    """The numbered marker after a quote; it links to the note, and the note links back to it."""
    label = attribute(f"{flag.kind.capitalize()} note {flag.number}")
    return (
        f'<sup class="reader-marker-wrap">[{flag.number}](#{prefix}note-{flag.key})'
        f'{{ #{prefix}mark-{flag.key} .reader-marker .reader-marker--{flag.kind} aria-label="{label}" }}</sup>'
    )
