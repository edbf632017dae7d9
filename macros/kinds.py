"""The kinds of flag an article page carries: one table that everything else follows.

The schema check (a note's ``kind``), the plan, the templates, the exports, the
print edition, ``reader.js`` (which reads the layer switches from the page) and
``reader.css`` (one colour pair per ``token``) all take their kinds from here.
Adding a kind is one entry below, its colours in ``reader.css`` and, for a note
kind, its name in ``glossary/schemas/annotations.schema.json`` (a test checks
that the schema and this table agree).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of flag on an article page."""

    id: str
    label: str  # as a reader sees it, e.g. "Context"
    glyph: str  # drawn before its markers and notes, so kinds differ by more than colour
    layer: str  # the label of its layer switch
    motivation: str  # its W3C Web Annotation motivation
    written_as_note: bool  # True: a note in glossary/annotations/; False: a claim's appearance


KINDS: dict[str, Kind] = {
    kind.id: kind
    for kind in (
        Kind("context", "Context", "ℹ", "Context notes", "describing", True),
        Kind("correction", "Correction", "✎", "Correction notes", "commenting", True),
        Kind("disputed", "Disputed claim", "⚑", "Disputed-claim flags", "assessing", False),
    )
}
NOTE_KINDS = tuple(kind.id for kind in KINDS.values() if kind.written_as_note)
CLAIM_KIND = next(kind.id for kind in KINDS.values() if not kind.written_as_note)
GLOSSARY_LAYER = ("glossary", "Glossary links")  # the one layer that is not a kind of flag
