"""Render an article's page from its plan, through ``templates/article.md.j2``.

Python prepares the values (escaped Markdown); the templates hold the markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import citations
from .inline import paragraph_markdown
from .markdown import attribute, escape, external_link, link
from .safe import markdown_html
from .model import UNKNOWN, Corpus, Paragraph
from .plan import KINDS, ArticlePlan, Flag, appearance_key
from .templating import render

GIST_CHARS = 48  # how much of the quote a folded note shows
KIND_LABELS = {"context": "Context", "correction": "Correction", "disputed": "Disputed claim"}
LAYERS = (*((kind, f"{KIND_LABELS[kind]} notes") for kind in KINDS), ("glossary", "Glossary links"))
STANCE_TEXT = {
    "asserts": "This passage makes the claim:",
    "contradicts": "This passage contradicts the claim:",
    "qualifies": "This passage qualifies the claim:",
}
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
    markdown: str
    label: str | None = None  # Markdown-escaped, for the paragraph's own line
    label_html: str | None = None  # HTML-escaped, for the raw <summary>
    notes: list[dict[str, str | int | None]] = field(default_factory=list)


@dataclass
class _Block:
    """Consecutive paragraphs shown together: prose, or one folded run of furniture."""

    paragraphs: list[_ShownParagraph]
    furniture: bool = False

    @property
    def labels(self) -> str:
        """The kinds of furniture in the run, in order, each once."""
        return "; ".join(dict.fromkeys(p.label_html for p in self.paragraphs if p.label_html))


def _known(value: str, shown: str | None = None) -> str:
    return "*unknown*" if value == UNKNOWN else (shown if shown is not None else escape(value))


class _ArticleRenderer:
    """Prepares the template values of one article page."""

    def __init__(self, corpus: Corpus, plan: ArticlePlan) -> None:
        self.corpus = corpus
        self.plan = plan
        self.article = plan.article
        self.numbers = {ref: n for n, ref in enumerate(plan.references, 1)}

    def cite(self, ids: tuple[str, ...]) -> str:
        return citations.citations(ids, self.numbers, self.corpus.references)

    def values(self) -> dict[str, object]:
        article = self.article
        headline = next((p for p in article.paragraphs if p.role == "headline"), None)
        return {
            "headline": self.paragraph(headline) if headline else _ShownParagraph("", 0, "headline", escape(article.title)),
            "title_note": escape(article.title_note) if article.title_note else None,
            "outlet": _known(article.outlet, external_link(escape(article.outlet), article.outlet_url) if article.outlet_url else None),
            "outlet_plain": attribute(article.outlet) if article.outlet != UNKNOWN else "its original publisher",
            "author": _known(article.author),
            "published": _known(article.published),
            "url": _known(article.url, external_link(escape(article.url), article.url)),
            "capture": article.capture,
            "sha256": article.sha256,
            "provenance": markdown_html(article.provenance),
            "provenance_refs": self.cite(article.provenance_refs),
            "reliability": self.reliability(),
            "kinds": LAYERS,
            "blocks": self.blocks(),
            "references": [
                {"id": ref, "markdown": citations.entry(self.corpus.references[ref])} for ref in self.plan.references
            ],
        }

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
            "reasons": [markdown_html(reason, inline=True) for reason in grade.reasons],
            "evidence": self.cite(grade.refs),
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
        text = paragraph_markdown(
            paragraph.text, flags, self.plan.term_links.get(paragraph.id, []), self.corpus.terms
        )
        label = paragraph.furniture_label
        return _ShownParagraph(
            paragraph.id, paragraph.number, paragraph.role, text,
            escape(label) if label else None, attribute(label) if label else None,
            [self.note(flag) for flag in flags],
        )

    def note(self, flag: Flag) -> dict[str, str | int | None]:
        flags = self.plan.flags
        index = flags.index(flag)
        nav = [link("← previous", f"#note-{flags[index - 1].key}", f"Note {flags[index - 1].number}")] if index else []
        nav.append(link("back to the text", f"#mark-{flag.key}"))
        if index + 1 < len(flags):
            following = flags[index + 1]
            nav.append(link("next →", f"#note-{following.key}", f"Note {following.number}"))
        exact = (flag.note.quote if flag.note else flag.appearance.quote).exact  # type: ignore[union-attr]
        gist = exact if len(exact) <= GIST_CHARS else exact[: GIST_CHARS - 1].rstrip() + "…"
        values: dict[str, str | int | None] = {
            "key": flag.key, "number": flag.number, "kind": flag.kind, "nav": " · ".join(nav),
            "statement": None, "stance_text": None, "gist": escape(f"“{gist}”"),
        }
        if flag.note:
            values |= {
                "label": KIND_LABELS[flag.kind],
                "body": markdown_html(flag.note.body),
                "meta": f"Sources: {self.cite(flag.note.refs)}" if flag.note.refs else "",
            }
            return values
        claim, appearance = flag.claim, flag.appearance
        assert claim is not None and appearance is not None
        verdict = self.corpus.verdicts[claim.verdict]
        meta = [f"Reviewed {claim.reviewed}"]
        if claim.evidence:
            meta.append(f"Evidence: {self.cite(claim.evidence)}")
        meta.append(link("The claim's entry", f"/claims.md#claim-{claim.id}"))
        others = [a for a in claim.appearances if a is not appearance]
        if others:
            meta.append("Also in: " + ", ".join(
                link(f"article {a.article} ¶{a.anchor.paragraph[1:]}", f"/articles/{a.article}.md#quote-{appearance_key(claim, a)}")
                + f" ({a.stance})"
                for a in others
            ))
        values |= {
            "label": f"{KIND_LABELS['disputed']} · {escape(verdict.label)}",
            "statement": escape(claim.statement),
            "stance_text": STANCE_TEXT[appearance.stance],
            "body": f"<p><strong>{attribute(verdict.label)}.</strong></p>" + markdown_html(claim.reason)
            + (markdown_html(f"What would settle it: {claim.settle}") if claim.settle else ""),
            "meta": " · ".join(meta),
        }
        return values


def article_page(corpus: Corpus, plan: ArticlePlan) -> str:
    """The whole body of an article's page."""
    return render("article.md.j2", **_ArticleRenderer(corpus, plan).values())


def articles_table(corpus: Corpus) -> str:
    """The home page's table of the articles with their provenance."""
    rows = [
        {
            "link": link(escape(a.title), f"/{a.page}"),
            "outlet": _known(a.outlet),
            "author": _known(a.author),
            "published": _known(a.published),
            "grade": f"{a.reliability.source}{a.reliability.information}" if a.reliability else "not assessed",
        }
        for a in corpus.articles.values()
    ]
    return render("home.md.j2", articles=rows)
