"""Render pages' Markdown from the model through the Jinja templates in ``templates/``.

Each public function takes the corpus (and an id) and returns Markdown for
mkdocs-macros to insert into a page. The HTML skeleton lives in the templates;
Python only prepares the values, escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from .markdown import escape, link
from .model import UNKNOWN, Article, Corpus, Paragraph

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; values are escaped by the caller
    )


def _render(template: str, **values: object) -> str:
    return _templates().get_template(template).render(**values)


@dataclass(frozen=True)
class _ShownParagraph:
    id: str
    number: int
    role: str
    markdown: str
    label: str | None = None


@dataclass(frozen=True)
class _Block:
    """Consecutive paragraphs shown together: prose, or one folded run of furniture."""

    paragraphs: list[_ShownParagraph]
    furniture: bool = False

    @property
    def labels(self) -> str:
        """The kinds of furniture in the run, in order, each once."""
        return "; ".join(dict.fromkeys(p.label for p in self.paragraphs if p.label))


def _known(value: str, shown: str | None = None) -> str:
    return "*unknown*" if value == UNKNOWN else (shown if shown is not None else escape(value))


def _blocks(article: Article) -> list[_Block]:
    blocks: list[_Block] = []
    for paragraph in article.paragraphs:
        if paragraph.role == "headline":
            continue
        label = paragraph.furniture_label
        shown = _ShownParagraph(
            paragraph.id, paragraph.number, paragraph.role, escape(paragraph.text), escape(label) if label else None
        )
        furniture = paragraph.role == "furniture"
        if blocks and blocks[-1].furniture == furniture:
            blocks[-1].paragraphs.append(shown)
        else:
            blocks.append(_Block([shown], furniture))
    return blocks


def _headline(article: Article) -> tuple[str, str | None]:
    headline: Paragraph | None = next((p for p in article.paragraphs if p.role == "headline"), None)
    if headline:
        return escape(headline.text), headline.id
    return escape(article.title), None


def article_page(corpus: Corpus, article_id: str) -> str:
    """The whole body of an article's page."""
    article = corpus.articles[article_id]
    headline, headline_id = _headline(article)
    return _render(
        "article.md.j2",
        headline=headline,
        headline_id=headline_id,
        title_note=escape(article.title_note) if article.title_note else None,
        blocks=_blocks(article),
        outlet=_known(article.outlet, link(escape(article.outlet), article.outlet_url) if article.outlet_url else None),
        outlet_plain=article.outlet if article.outlet != UNKNOWN else "its original publisher",
        author=_known(article.author),
        published=_known(article.published),
        url=_known(article.url, link(escape(article.url), article.url)),
        capture=article.capture,
        sha256=article.sha256,
        provenance=article.provenance,
    )


def articles_table(corpus: Corpus) -> str:
    """The home page's table of the articles with their provenance."""
    rows = [
        {
            "link": link(escape(a.title), f"/{a.page}"),
            "outlet": _known(a.outlet),
            "author": _known(a.author),
            "published": _known(a.published),
        }
        for a in corpus.articles.values()
    ]
    return _render("home.md.j2", articles=rows)
