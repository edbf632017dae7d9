"""Pages and navigation from the data: an article is its capture and its record, nothing else.

MkDocs wants a file per page and a navigation that names them. For every
article in ``glossary/sources/`` this adds a generated page (``File.generated``,
MkDocs 1.6's own way, rather than mkdocs-gen-files, whose current releases
depend on a fork of MkDocs) unless ``docs/`` has a hand-written one, and puts
the articles into the navigation under the section that holds
``articles/index.md``: in groups of :data:`GROUP` once there are more, so that
with ``navigation.prune`` a page carries only its own group. Every claim and
every term gets a page too, reached from the claims register and the glossary
rather than from the navigation, which would otherwise list them all on every page.
So does every pair of articles that share a claim or a figure, reached from the
Parallel page (``parallel.md``); a site without that page has none. The stylesheet
of the looks is written from their table too (:func:`looks_stylesheet`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from . import addresses
from .kinds import KINDS, LOOKS
from .compare import sharing_pairs
from .model import Corpus
from .templating import render_text

GROUP = 50
ARTICLES_INDEX = "articles/index.md"
LOOKS_STYLESHEET = "assets/stylesheets/looks.css"  # listed in mkdocs.yml's extra_css, after reader.css


def article_sources(corpus: Corpus) -> dict[str, str]:
    """The documentation path of each article's page and the Markdown it is made from: a placeholder that
    the page hook renders, as it does a claim's or a term's (:func:`macros.entities.render`)."""
    return {addresses.article_page(a.id).lstrip("/"): render_text("pages/article.md.j2", id=a.id, title=html.escape(a.title, quote=False))
            for a in corpus.articles.values()}


def entity_sources(corpus: Corpus) -> dict[str, str]:
    """The same for every claim's and every term's page (reached from the indexes, not the navigation).

    These pages need no macro: their placeholder names the entity, and the page hook renders it
    (:func:`macros.entities.render`), which spares mkdocs-macros a template per page.
    """
    return {
        **{addresses.claim_page(c.id).lstrip("/"): render_text("pages/claim.md.j2", id=c.id, title=html.escape(c.statement, quote=False))
           for c in corpus.claims.values()},
        **{addresses.term_page(t.id).lstrip("/"): render_text("pages/term.md.j2", id=t.id, title=html.escape(t.name, quote=False))
           for t in corpus.terms.values()},
    }


def parallel_sources(corpus: Corpus) -> dict[str, str]:
    """The same for the parallel view of every pair of articles that share a claim or a figure."""
    return {addresses.parallel_page(p.left, p.right).lstrip("/"): render_text("pages/parallel.md.j2", left=p.left, right=p.right)
            for p in sharing_pairs(corpus)}


def looks_stylesheet() -> str:
    """Each look's colours and glyph, and what each display switch hides, from the table (``templates/looks.css.j2``)."""
    layers = [(kind, [look for look in LOOKS.values() if look.layer == kind]) for kind in KINDS]
    return render_text("looks.css.j2", looks=list(LOOKS.values()), layers=[(kind, looks) for kind, looks in layers if looks])


def add_pages(files: Files, config: Any, corpus: Corpus) -> Files:
    """Add a generated page for every article, claim, term and pair in parallel that has no hand-written one,
    and the stylesheet of the looks."""
    files.append(File.generated(config, LOOKS_STYLESHEET, content=looks_stylesheet()))
    pairs = parallel_sources(corpus) if files.get_file_from_path(addresses.PARALLEL.lstrip("/")) is not None else {}
    for path, markdown in {**article_sources(corpus), **entity_sources(corpus), **pairs}.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def groups(ids: Sequence[str], size: int = GROUP) -> list[tuple[str, list[str]]]:
    """Articles in order, in runs of ``size``, each titled by its first and last id (one run: no title)."""
    if len(ids) <= size:
        return [("", list(ids))]
    return [(f"{run[0]}–{run[-1]}", run) for run in (list(ids[i : i + size]) for i in range(0, len(ids), size))]


def add_to_navigation(nav: Navigation, files: Files, config: Any, corpus: Corpus) -> Navigation:
    """Put the article pages after ``articles/index.md``, in the navigation section that holds it."""
    index = files.get_file_from_path(ARTICLES_INDEX)
    section = index.page.parent if index is not None and index.page is not None else None
    if not isinstance(section, Section):
        return nav
    pages: dict[str, Page] = {}
    for article_id in corpus.articles:
        file = files.get_file_from_path(addresses.article_page(article_id).lstrip("/"))
        if file is None:
            continue
        if file.page is None:
            Page(None, file, config)
        if file.page is not None and file.page not in section.children:
            pages[article_id] = file.page
    for title, run in groups(list(pages)):
        children = [pages[article_id] for article_id in run]
        section.children.extend(children if not title else [Section(f"Articles {title}", children)])  # type: ignore[arg-type]
    # MkDocs' own helpers, as get_navigation uses them, to link the new pages in.
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)
    return nav
