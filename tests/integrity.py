"""Post-build checks of the site's HTML, usable from tests and from the command line.

MkDocs validates Markdown links and anchors, but not links written as raw HTML,
nor ids added by templates; this checker reads every built page and resolves
every internal ``href`` and ``src``, with its ``#fragment``, against the files
and ids that are really there.

    python -m tests.integrity site/
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LEAKS = re.compile(r"\{\{|\{%|Traceback \(most recent call last\)|Macro Rendering Error")


class _Page(HTMLParser):
    """Collects the ids a page defines and the links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[name] or "")


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for an external link."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
        return None
    if parts.path.startswith("/"):
        path = site / unquote(parts.path).lstrip("/")
    elif parts.path:
        path = page.parent / unquote(parts.path)
    else:
        path = page
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path.resolve(), unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the built site that does not resolve, as 'page: link (why)'."""
    site = site.resolve()
    pages = {path.resolve(): _parse(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in pages.items():
        for link in page.links:
            target = _target(site, path, link)
            if target is None:
                continue
            file, fragment = target
            where = path.relative_to(site).as_posix()
            if not file.exists():
                problems.append(f"{where}: {link} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in pages[file].ids:
                problems.append(f"{where}: {link} (no id '{fragment}' there)")
    return problems


def leaked_source(site: Path) -> list[str]:
    """Pages where an unresolved macro or a traceback shows through."""
    return [
        f"{path.relative_to(site).as_posix()}: {match.group()!r}"
        for path in sorted(site.rglob("*.html"))
        if (match := LEAKS.search(path.read_text(encoding="utf-8")))
    ]


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    found = broken_links(root) + leaked_source(root)
    print("\n".join(found) or f"{root}: every internal link and anchor resolves")
    sys.exit(1 if found else 0)
