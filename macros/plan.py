"""What an article page shows, worked out before any markup is written.

For one article: every note and claim flag in reading order with its number,
the spans to highlight in each paragraph, the term mentions to link (the first
mention of each term in the article), and the references in order of first
citation. Pure data; :mod:`macros.render` turns it into HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .kinds import CLAIM_KIND, STANCES
from .links import Origin
from .model import Appearance, Article, Claim, Corpus, Quote
from .terms import TermMatcher, TermSpan

@dataclass(frozen=True)
class ClaimSide:
    """What a flag adds when it is a claim's appearance rather than a note."""

    id: str
    statement: str
    verdict: str
    stance: str  # asserts | contradicts | qualifies
    reviewed: str
    settle: str | None
    others: tuple[tuple[Appearance, str], ...]  # the claim's other appearances, with their keys


@dataclass(frozen=True)
class Flag:
    """A note or a claim appearance, anchored in one paragraph and numbered on its page.

    One shape for both: a note's body is its text, a claim flag's body is the
    claim's reason, and ``claim`` carries what only a claim flag has.
    """

    key: str
    number: int
    kind: str
    paragraph: str
    start: int
    end: int
    quote: Quote
    body: str  # contributor Markdown
    refs: tuple[str, ...]
    origin: Origin  # where ``body`` is written, for messages
    claim: ClaimSide | None = None

    @property
    def look(self) -> str:
        """How it is drawn: a note by its kind, a claim flag by its stance (only "asserts" warns)."""
        return STANCES[self.claim.stance].look if self.claim else self.kind


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
        Flag(n.id, 0, n.kind, n.anchor.paragraph, n.anchor.start, n.anchor.end, n.quote, n.body, n.refs,
             Origin(f"glossary/annotations/{article_id}.yaml", n.id, "body"))
        for n in corpus.notes.get(article_id, ())
    ]
    for claim, appearance in corpus.appearances_by_article.get(article_id, []):
        unnumbered.append(_claim_flag(claim, appearance))
    order = {p.id: p.number for p in article.paragraphs}
    unnumbered.sort(key=lambda f: (order[f.paragraph], f.end, f.start, f.key))
    plan.flags = [replace(f, number=number) for number, f in enumerate(unnumbered, 1)]
    plan.term_links = _first_mentions(plan, matcher)
    cited = [*article.provenance_refs, *(article.reliability.refs if article.reliability else ())]
    for flag in plan.flags:
        cited.extend(flag.refs)
    plan.references = list(dict.fromkeys(cited))
    return plan


def _claim_flag(claim: Claim, appearance: Appearance) -> Flag:
    a = appearance.anchor
    side = ClaimSide(
        claim.id, claim.statement, claim.verdict, appearance.stance, claim.reviewed, claim.settle,
        tuple((other, appearance_key(claim, other)) for other in claim.appearances if other is not appearance),
    )
    return Flag(appearance_key(claim, appearance), 0, CLAIM_KIND, a.paragraph, a.start, a.end, appearance.quote,
                claim.reason, claim.evidence, Origin("glossary/claims.yaml", claim.id, "reason"), side)


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
