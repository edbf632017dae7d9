"""The typed model of the reader's data: what ``glossary/`` says, once validated.

Nothing here reads files or writes HTML. Instances are built by :mod:`macros.load`
and read by the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Paragraph:
    """One non-blank line of a capture: the unit that gets an id and a permalink."""

    id: str
    number: int
    text: str
    offset: int
    role: str = "prose"  # prose | headline | subheading | furniture
    furniture_label: str | None = None


@dataclass(frozen=True)
class Reliability:
    """An Admiralty-scale assessment of an article."""

    source: str
    information: str
    reasons: tuple[str, ...]
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A captured article with its provenance and its paragraphs."""

    id: str
    capture: str
    sha256: str
    title: str
    outlet: str
    author: str
    published: str
    url: str
    provenance: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    outlet_url: str | None = None
    title_note: str | None = None
    provenance_refs: tuple[str, ...] = ()
    reliability: Reliability | None = None

    @property
    def page(self) -> str:
        """The article's page, relative to ``docs/``."""
        return f"articles/{self.id}.md"

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """The paragraph with that id (ids are checked when the data is loaded)."""
        return next(p for p in self.paragraphs if p.id == paragraph_id)


@dataclass(frozen=True)
class Reference:
    """A public source cited as evidence."""

    id: str
    title: str
    publisher: str
    date: str
    url: str
    author: str | None = None
    archive_url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Term:
    """A glossary entry with every spelling the articles use."""

    id: str
    name: str
    kind: str
    definition: str
    aliases: tuple[str, ...] = ()
    original: str | None = None
    details: str | None = None
    related: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Verdict:
    """One step of the published verdict scale."""

    id: str
    label: str
    tag: str  # one short word, shown inline after a passage that makes a claim with this verdict
    definition: str
    rank: int


@dataclass(frozen=True)
class Quote:
    """A W3C TextQuoteSelector: exact words with optional context."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: the paragraph and the character span inside it."""

    paragraph: str
    start: int
    end: int


@dataclass(frozen=True)
class Note:
    """A stand-off note on one article."""

    id: str
    article: str
    kind: str
    quote: Quote
    anchor: Anchor
    body: str
    refs: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Appearance:
    """Where an article makes (or contradicts) a claim."""

    article: str
    stance: str
    quote: Quote
    anchor: Anchor


@dataclass(frozen=True)
class Claim:
    """A reviewed claim with its verdict and its appearances."""

    id: str
    statement: str
    verdict: str
    reason: str
    reviewed: str
    evidence: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    settle: str | None = None


@dataclass(frozen=True)
class Mention:
    """Where an article mentions an event."""

    article: str
    quote: Quote
    anchor: Anchor


@dataclass(frozen=True)
class Event:
    """A dated event for the timeline."""

    id: str
    date: str
    title: str
    refs: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()
    description: str | None = None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """What one article says about a compared figure."""

    article: str
    quote: Quote
    anchor: Anchor
    figure: str
    unit: str
    as_of: str
    value: float | None = None
    attributed_to: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A better-supported figure with its references."""

    figure: str
    value: float
    unit: str
    as_of: str
    source: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """One figure as several articles report it, beside the evidence."""

    id: str
    title: str
    question: str
    reports: tuple[Report, ...]
    evidence: tuple[Evidence, ...]
    note: str | None = None


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections log: an item's first review, or a later change to it."""

    date: str
    target: str  # claim/<id>, note/<article>/<id>, term/<id>, reliability/<article>, article/<article>
    kind: str  # review | correction
    state: str  # the item's state after this entry (macros.corrections.digest)
    what: str | None = None
    why: str | None = None
    refs: tuple[str, ...] = ()
    line: int | None = None


@dataclass
class Corpus:
    """Everything the reader shows, validated and with every id resolved."""

    articles: dict[str, Article] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    notes: dict[str, tuple[Note, ...]] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    unreadable_articles: set[str] = field(default_factory=set)  # ids whose source record failed
    corrections: tuple[Correction, ...] = ()  # the corrections log, in date order
    places: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # logged item → (file, line)

    @cached_property
    def appearances_by_article(self) -> dict[str, list[tuple[Claim, Appearance]]]:
        """Each article's claim appearances, indexed once so no page has to scan every claim."""
        index: dict[str, list[tuple[Claim, Appearance]]] = {}
        for claim in self.claims.values():
            for appearance in claim.appearances:
                index.setdefault(appearance.article, []).append((claim, appearance))
        return index
    comparisons: dict[str, Comparison] = field(default_factory=dict)
