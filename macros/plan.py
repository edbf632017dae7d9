"""What an article page shows, worked out before any Markdown is written.

For one article: every note and claim flag in reading order with its number,
the spans to highlight in each paragraph, the term mentions to link (the first
mention of each term in the article), and the references in order of first
citation. Pure data; :mod:`macros.render` turns it into Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Appearance, Article, Claim, Corpus, Note
from .terms import TermMatcher, TermSpan

KINDS = ("context", "correction", "disputed")


@dataclass(frozen=True)
class Flag:
    """A note or a claim appearance, anchored in one paragraph and numbered on its page."""

    key: str
    number: int
    kind: str
    paragraph: str
    start: int
    end: int
    note: Note | None = None
    claim: Claim | None = None
    appearance: Appearance | None = None

    @property
    def refs(self) -> tuple[str, ...]:
        """The references this flag cites."""
        if self.note:
            return self.note.refs
        return self.claim.evidence if self.claim else ()


@dataclass
class ArticlePlan:
    """Everything placed on one article's page."""

    article: Article
    flags: list[Flag] = field(default_factory=list)
    term_links: dict[str, list[TermSpan]] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)

    def flags_in(self, paragraph_id: str) -> list[Flag]:
        """The flags anchored in a paragraph, in reading order."""
        return [f for f in self.flags if f.paragraph == paragraph_id]


def appearance_key(claim: Claim, appearance: Appearance) -> str:
    """The stable key of a claim's appearance: the claim id and its place in the claim's list."""
    return f"{claim.id}-{claim.appearances.index(appearance) + 1}"


def plan_article(corpus: Corpus, article_id: str, matcher: TermMatcher) -> ArticlePlan:
    """Number the notes and flags of an article, choose its term links, order its references."""
    article = corpus.articles[article_id]
    plan = ArticlePlan(article)
    unnumbered: list[Flag] = [
        Flag(n.id, 0, n.kind, n.anchor.paragraph, n.anchor.start, n.anchor.end, note=n)
        for n in corpus.notes.get(article_id, ())
    ]
    for claim, appearance in corpus.appearances_by_article.get(article_id, []):
        a = appearance.anchor
        unnumbered.append(
            Flag(appearance_key(claim, appearance), 0, "disputed", a.paragraph, a.start, a.end,
                 claim=claim, appearance=appearance)
        )
    order = {p.id: p.number for p in article.paragraphs}
    unnumbered.sort(key=lambda f: (order[f.paragraph], f.end, f.start, f.key))
    plan.flags = [
        Flag(f.key, number, f.kind, f.paragraph, f.start, f.end, f.note, f.claim, f.appearance)
        for number, f in enumerate(unnumbered, 1)
    ]
    plan.term_links = _first_mentions(plan, matcher)
    cited = [*article.provenance_refs, *(article.reliability.refs if article.reliability else ())]
    for flag in plan.flags:
        cited.extend(flag.refs)
    plan.references = list(dict.fromkeys(cited))
    return plan


def _first_mentions(plan: ArticlePlan, matcher: TermMatcher) -> dict[str, list[TermSpan]]:
    """The first mention of each term in the article's prose that no highlight edge cuts through."""
    linked: set[str] = set()
    chosen: dict[str, list[TermSpan]] = {}
    for paragraph in plan.article.paragraphs:
        if paragraph.role != "prose":
            continue
        edges = {edge for f in plan.flags_in(paragraph.id) for edge in (f.start, f.end)}
        for span in matcher.find(paragraph.text):
            if span.term in linked or any(span.start < edge < span.end for edge in edges):
                continue
            linked.add(span.term)
            chosen.setdefault(paragraph.id, []).append(span)
    return chosen
