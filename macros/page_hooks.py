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


def on_pre_build(config: Any) -> None:
    from macros import links

    links.new_build(Path(config["config_file_path"]).parent)


def on_files(files: Any, config: Any) -> Any:
    from macros import current_corpus, pages

    return pages.add_pages(files, config, current_corpus())


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    from macros import current_corpus, pages

    return pages.add_to_navigation(nav, files, config, current_corpus())


@event_priority(100)  # before any plugin reads the page's HTML
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    from macros import entities, finished, links

    html, held = finished.release(html)
    html = entities.render(html, page)
    if held and "toc" not in page.meta.get("hide", ()):  # a hidden table of contents stays empty
        page.toc = get_toc(finished.contents(html))  # type: ignore[arg-type]
    return links.resolve(html, page, files)


def on_post_build(config: Any) -> None:
    from macros import links

    for problem in links.problems(Path(config["site_dir"])):
        log.warning(problem)
