"""Prepare the values of an article's page from its plan; ``templates/article.html.j2`` holds the markup.

Values are plain text, escaped by the template, except contributors' Markdown,
which arrives as clean HTML (:func:`macros.links.contributed`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from . import citations, corrections
from .captures import capture_path
from .inline import Piece, pieces
from .kinds import GLOSSARY_LAYER, KINDS, STANCES
from .links import Origin, contributed
from .model import Corpus, Paragraph
from .plan import ArticlePlan, Flag
from .templating import render_html

SOURCE_GRADES = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
INFORMATION_GRADES = {
    "1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
    "4": "doubtful", "5": "improbable", "6": "truth cannot be judged",
}


@dataclass
class _ShownParagraph:
    id: str
    number: int
    role: str
    pieces: list[Piece]
    text: str
    label: str | None = None
    notes: list[dict[str, object]] = field(default_factory=list)


@dataclass
class _Block:
    """Consecutive paragraphs shown together: prose, or one folded run of furniture."""

    paragraphs: list[_ShownParagraph]
    furniture: bool = False

    @property
    def labels(self) -> str:
        """The kinds of furniture in the run, in order, each once."""
        return "; ".join(dict.fromkeys(p.label for p in self.paragraphs if p.label))


class _ArticleRenderer:
    """Prepares the template values of one article page."""

    def __init__(self, corpus: Corpus, plan: ArticlePlan, repository: str | None) -> None:
        self.corpus = corpus
        self.repository = repository
        self.plan = plan
        self.article = plan.article
        self.numbers = {ref: n for n, ref in enumerate(plan.references, 1)}
        self.source = Origin(f"glossary/sources/{self.article.id}.yaml", None, "provenance")
        self.notes = {flag.key: self.note(flag) for flag in plan.flags}

    def cite(self, ids: tuple[str, ...]) -> list[citations.Citation]:
        return citations.citations(ids, self.numbers, self.corpus.references)

    def values(self) -> dict[str, object]:
        article = self.article
        headline = next((p for p in article.paragraphs if p.role == "headline"), None)
        linked = {span.term for spans in self.plan.term_links.values() for span in spans}
        return {
            "id": article.id,
            "title": article.title,
            "headline": self.paragraph(headline) if headline else None,
            "title_note": article.title_note,
            "outlet": article.outlet,
            "outlet_url": article.outlet_url,
            "author": article.author,
            "published": article.published,
            "url": article.url,
            "capture": article.capture,
            "capture_href": f"/{capture_path(article)}",
            "sha256": article.sha256,
            "provenance": contributed(article.provenance, self.source),
            "provenance_citations": self.cite(article.provenance_refs),
            "reliability": self.reliability(),
            "layers": [*((k.id, k.layer) for k in KINDS.values()), GLOSSARY_LAYER],
            "all_notes": list(self.notes.values()),
            "notes_by_key": self.notes,
            "facets": self.facets(),
            "blocks": self.blocks(),
            "definitions": {term: self.corpus.terms[term].definition for term in linked},
            "references": [self.corpus.references[ref] for ref in self.plan.references],
        }

    def facets(self) -> list[dict[str, object]]:
        """The notes overview's filters: what a note does (its kind, or a claim's stance) and the verdict."""
        shown = Counter(note["show"] for note in self.notes.values())
        verdicts = Counter(note["verdict"].id for note in self.notes.values() if note["verdict"])
        kinds = [(k.id, k.label, shown[k.id]) for k in KINDS.values() if k.written_as_note and shown[k.id]]
        stances = [(s.id, s.label, shown[s.id]) for s in STANCES.values() if shown[s.id]]
        return [
            {"name": "show", "label": "Kind", "options": [*kinds, *stances]},
            {"name": "verdict", "label": "Verdict", "options": [
                (v.id, v.label, verdicts[v.id]) for v in self.corpus.verdicts.values() if verdicts[v.id]]},
        ]

    def reliability(self) -> dict[str, object] | None:
        grade = self.article.reliability
        if grade is None:
            return None
        return {
            "grade": f"{grade.source}{grade.information}",
            "source": grade.source,
            "source_label": SOURCE_GRADES[grade.source],
            "information": grade.information,
            "information_label": INFORMATION_GRADES[grade.information],
            "reasons": [contributed(reason, self.source.with_field(f"reliability/reasons/{n}"), inline=True)
                        for n, reason in enumerate(grade.reasons)],
            "citations": self.cite(grade.refs),
        }

    def blocks(self) -> list[_Block]:
        blocks: list[_Block] = []
        for paragraph in self.article.paragraphs:
            if paragraph.role == "headline":
                continue
            shown = self.paragraph(paragraph)
            furniture = paragraph.role == "furniture"
            if blocks and blocks[-1].furniture == furniture:
                blocks[-1].paragraphs.append(shown)
            else:
                blocks.append(_Block([shown], furniture))
        return blocks

    def paragraph(self, paragraph: Paragraph) -> _ShownParagraph:
        flags = self.plan.flags_in(paragraph.id)
        return _ShownParagraph(
            paragraph.id, paragraph.number, paragraph.role,
            pieces(paragraph.text, flags, self.plan.term_links.get(paragraph.id, [])), paragraph.text,
            paragraph.furniture_label, [self.notes[flag.key] for flag in flags],
        )

    def note(self, flag: Flag) -> dict[str, object]:
        settle = flag.claim.settle if flag.claim else None
        return face(self.corpus, flag) | {
            "key": flag.key, "number": flag.number, "claim": flag.claim,
            "citations": self.cite(flag.refs),
            "body": contributed(flag.body, flag.origin),
            "settle": contributed(settle, flag.origin.with_field("settle"), inline=True) if settle else None,
            "suggest": corrections.suggest_url(
                self.repository, self.corpus,
                f"claim/{flag.claim.id}" if flag.claim else f"note/{self.article.id}/{flag.key}",
            ),
        }


def face(corpus: Corpus, flag: Flag) -> dict[str, object]:
    """How a flag shows itself: look (its colours and glyph), heading, tag, what a screen reader hears at its marker.

    A claim flag takes these from its stance (``macros.kinds.STANCES``): only a passage that makes the
    claim is drawn as a warning, with the verdict as a tag in the text (``inline_tag``); the tag of
    one that contradicts it, in its note, names the articles whose claim it corrects.
    """
    kind = KINDS[flag.kind]
    claim = flag.claim
    if claim is None:
        return {"look": flag.look, "label": kind.label, "tag": kind.tag, "inline_tag": "",
                "show": flag.kind, "heard": kind.label, "verdict": None, "sentence": None, "corrects": ()}
    verdict = corpus.verdicts[claim.verdict]
    stance = STANCES[claim.stance]
    corrects = tuple((other, key) for other, key in claim.others if other.stance == "asserts") if claim.stance != "asserts" else ()
    articles = ", ".join(sorted({other.article for other, _ in corrects}))
    tag = {"asserts": verdict.tag, "qualifies": "qualifies", "contradicts": f"corrects {articles}" if articles else "the record"}
    heard = f"{stance.label}, rated {verdict.label}" + (f", which article {articles} makes" if articles else "")
    return {"look": flag.look, "label": stance.label, "tag": tag[claim.stance],
            "inline_tag": verdict.tag if claim.stance == "asserts" else "", "show": claim.stance, "heard": heard, "verdict": verdict,
            "sentence": stance.sentence.format(verdict=verdict.label), "corrects": corrects}


def article_page(corpus: Corpus, plan: ArticlePlan, repository: str | None = None) -> tuple[Markup, Markup]:
    """The whole body of an article's page, as finished HTML, and what the site's search indexes of it
    (``article_search.html.j2``); ``repository`` is where to suggest corrections."""
    values = _ArticleRenderer(corpus, plan, repository).values()
    return render_html("article.html.j2", **values), render_html("article_search.html.j2", **values)


def articles_table(corpus: Corpus) -> str:
    """The home page's overview: each article's outlet, date, grade and flagged passages, and where they disagree."""
    from .compare import report_matches

    rows = []
    for article in corpus.articles.values():
        grade = article.reliability
        verdicts = Counter(claim.verdict for claim, a in corpus.appearances_by_article.get(article.id, []) if a.stance == "asserts")
        rows.append({
            "article": article,
            "grade": {"code": f"{grade.source}{grade.information}",
                      "explained": f"source {SOURCE_GRADES[grade.source]}, information {INFORMATION_GRADES[grade.information]}"}
            if grade else None,
            "flagged": [(v, verdicts[v.id]) for v in corpus.verdicts.values() if verdicts[v.id]],
        })
    disagreements = [
        {"comparison": c, "reports": len(c.reports), "differ": sum(not report_matches(r, c) for r in c.reports)}
        for c in corpus.comparisons.values()
    ]
    return render_html("home.html.j2", rows=rows, disagreements=[d for d in disagreements if d["differ"]])


def legend(corpus: Corpus) -> str:
    """The legend page's body: every kind, stance, verdict tag and grade, drawn as on an article page."""
    worst = max(corpus.verdicts.values(), key=lambda v: v.rank) if corpus.verdicts else None
    return render_html(
        "legend.html.j2", note_kinds=[k for k in KINDS.values() if k.written_as_note], stances=list(STANCES.values()),
        worst=worst.id if worst else "", samples={"asserts": worst.tag if worst else "", "contradicts": f"corrects {next(iter(corpus.articles), '001')}", "qualifies": "qualifies"},
        verdicts=list(corpus.verdicts.values()), source_grades=SOURCE_GRADES, information_grades=INFORMATION_GRADES,
    )
