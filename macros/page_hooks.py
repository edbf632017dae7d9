"""MkDocs hooks (``hooks:`` in mkdocs.yml): the glue that puts finished HTML into pages.

MkDocs loads this file by its path, apart from the ``macros`` package that
mkdocs-macros imports, so the package is imported inside each hook, once
mkdocs-macros has put it on the path; all the work is done there.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.plugins.reader")
_finished: dict[str, str] = {}  # pages whose search plugin reads another version: the finished HTML, by source path
_serving = False  # whether this process is ``mkdocs serve``, which builds again after every edit


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any) -> None:
    from macros import kept_renders, links
    from macros.templating import TEMPLATES

    links.new_build(Path(config["config_file_path"]).parent)
    kept_renders.new_build(_serving, TEMPLATES)


def on_files(files: Any, config: Any) -> Any:
    from macros import current_corpus, pages

    return pages.add_pages(files, config, current_corpus())


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    from macros import current_corpus, pages

    return pages.add_to_navigation(nav, files, config, current_corpus())


@event_priority(100)  # before any plugin reads the page's HTML
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    from macros import entities, finished, links

    released = finished.release(html)
    html, indexed = entities.render(released.html, page)
    if released.held and "toc" not in page.meta.get("hide", ()):  # a hidden table of contents stays empty
        page.toc = get_toc(finished.contents(html))  # type: ignore[arg-type]
    html = links.resolve(html, page, files)
    indexed = indexed or released.indexed or finished.indexed(html)
    if indexed is None:
        return html
    # The search plugin indexes page.content in its on_page_context; it gets the version meant for
    # the index, and the theme the finished page (on_page_context below, after every plugin's).
    _finished[page.file.src_uri] = finished.shown(html)
    return indexed


@event_priority(-100)  # after the search plugin has read the page
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    html = _finished.pop(page.file.src_uri, None)
    if html is not None:
        page.content = html
    return context


@event_priority(-100)  # after every plugin has had the page
def on_post_page(output: str, page: Any, config: Any) -> str:
    from macros import kept_renders
    from macros.compact import compact

    return kept_renders.kept("compact", output.encode, lambda: compact(output))


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    from macros.compact import compact

    return compact(output_content)  # the 404 page and any other page the theme makes of a template alone


def on_post_build(config: Any) -> None:
    from macros import kept_renders, links

    for problem in links.problems(Path(config["site_dir"])):
        log.warning(problem)
    counts = kept_renders.counts()
    if counts is not None:
        log.debug("made %d of the %d renderings, resolved pages and compacted pages this build used; the rest came from the last build",
                  counts[1], counts[0])
