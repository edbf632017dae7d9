"""The kinds of flag an article page carries: one table that everything else follows.

The schema check (a note's ``kind``, an appearance's ``stance``), the plan, the
templates, the exports, the print edition, ``reader.js`` (which reads the layer
switches from the page) and the styles all take their kinds from here. Each
*look* (a note kind's, or a claim flag's by its stance) has its glyph, its colour
token and the layer whose switch hides it in :data:`LOOKS`; the build writes the
stylesheet that draws them (``templates/looks.css.j2``), and ``reader.css`` gives
each colour token its values in the light and the dark scheme. Adding a kind is
one entry below, its look, its colours in ``reader.css`` and, for a note kind, its
name in ``glossary/schemas/annotations.schema.json`` (tests check that the schema,
the styles and these tables agree).

A claim's appearance is drawn by its stance, not by its kind: only a passage that
makes a disputed claim carries the warning; one that contradicts it is drawn as
setting the record straight, one that qualifies it in a look of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of flag on an article page."""

    id: str
    label: str  # as a reader sees it, e.g. "Context"
    layer: str  # the label of its layer switch
    motivation: str  # its W3C Web Annotation motivation
    written_as_note: bool  # True: a note in glossary/annotations/; False: a claim's appearance
    meaning: str  # one sentence for the legend
    tag: str = ""  # the short word shown after its passage ("context"); a claim flag shows its stance's


@dataclass(frozen=True)
class Stance:
    """What a passage does with the disputed claim it is flagged for."""

    id: str  # as written in glossary/claims.yaml
    label: str  # the note's heading, e.g. "Corrects a disputed claim"
    look: str  # in LOOKS; "warning" is the only look drawn as a warning
    sentence: str  # opens the note: what the passage does with the claim ({verdict} is its label)
    meaning: str  # one sentence for the legend


KINDS: dict[str, Kind] = {
    kind.id: kind
    for kind in (
        Kind("context", "Context", "Context notes", "describing", True,
             "Explains a name, an event or a turn of phrase the passage takes for granted.", "context"),
        Kind("correction", "Correction", "Correction notes", "commenting", True,
             "Gives the right name, spelling or figure where the passage has it wrong.", "correction"),
        Kind("disputed", "Disputed claim", "Disputed-claim flags", "assessing", False,
             "A passage that makes, contradicts or qualifies a claim we reviewed; drawn by its stance."),
    )
}
NOTE_KINDS = tuple(kind.id for kind in KINDS.values() if kind.written_as_note)
CLAIM_KIND = next(kind.id for kind in KINDS.values() if not kind.written_as_note)
GLOSSARY_LAYER = ("glossary", "Glossary links")  # the one layer that is not a kind of flag
STANCES: dict[str, Stance] = {
    stance.id: stance
    for stance in (
        Stance("asserts", "Disputed claim", "warning", "This passage makes a claim rated {verdict}",
               "The passage makes the claim. Its tag is the claim's verdict; this is the only flag drawn as a warning."),
        Stance("contradicts", "Sets the record straight", "record",
               "This passage contradicts a claim rated {verdict}",
               "The passage gives the better-supported account of a claim another article makes; "
               "its tag names the articles it corrects."),
        Stance("qualifies", "Qualifies a disputed claim", "qualifies",
               "This passage qualifies a claim rated {verdict}",
               "The passage limits or hedges the claim without contradicting it."),
    )
}
WARNING_LOOK = "warning"  # the one look the Methods page calls a warning


@dataclass(frozen=True)
class Look:
    """How a flag is drawn: a note kind's look has the kind's id, a claim flag's is its stance's."""

    id: str
    glyph: str  # drawn before its marker's and its note's number, so looks differ without colour too
    colour: str  # its colour token: reader.css gives it and its "-bg" pair a value in each scheme
    layer: str  # the kind whose display switch hides it


LOOKS: dict[str, Look] = {
    look.id: look
    for look in (
        Look("context", "ℹ", "--reader-context", "context"),
        Look("correction", "✎", "--reader-correction", "correction"),
        Look(WARNING_LOOK, "⚑", "--reader-warning", CLAIM_KIND),
        Look("record", "✓", "--reader-record", CLAIM_KIND),
        Look("qualifies", "±", "--reader-qualifies", CLAIM_KIND),
    )
}
