"""The build checks its own links: every address in finished HTML is resolved and checked.

MkDocs validates the links of the Markdown it parses, but the reader's pages are
finished HTML that it never parses (see :mod:`macros.finished`). So:

- links are written as documentation paths (``/articles/002.md#p9``) or as a
  fragment of the same page (``#p9``), in the templates and in contributors'
  Markdown alike; :func:`resolve` turns each into the address relative to the
  page it is on (``../002/#p9``, or ``../002.html#p9`` in the offline build);
- every id the finished HTML carries is added to the page's anchor ids, so
  MkDocs also validates hand-written Markdown links to them;
- after every page is rendered, :func:`problems` lists each link to a missing
  page or anchor. A link from the data names its file, line, entry and field;
  one from a template names the page (that is a bug in the reader).

Links in the data of any other form (``../002/#p9``) are refused as they are
rendered, with the same location.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import kept_renders
from .errors import DataProblem, did_you_mean
from .safe import markdown_html
from .yamlfile import LocatedDict, load_yaml

# Attributes as the pages write them: a name that starts a word (``href``, ``data-href``), not one that
# ends it (``xhref``). The patterns start with the name and look behind it for the boundary: a ``\b``
# in front would keep the regular expression engine from skipping ahead to the name (forty times
# slower on a long page).
_HREF = re.compile(r'href="(?<!\whref=")([^"]*)"')
_PATH_HREF = re.compile(r'href="(?<!\whref=")(/[^"]*)"')  # the links resolve() rewrites: documentation paths and site files
_FRAGMENT_HREF = re.compile(r'href="(?<!\whref=")#([^"]*)"')  # links within the page: checked, left as they are
_ID = re.compile(r'id="(?<!\wid=")([^"]+)"')
_WEB = re.compile(r"^(https?:|mailto:)", re.I)


@dataclass(frozen=True)
class Origin:
    """Where a piece of contributed text comes from: ``glossary/claims.yaml``, entry, field."""

    file: str
    entry: str | None
    field: str

    def with_field(self, name: str) -> Origin:
        """The same entry, another field."""
        return Origin(self.file, self.entry, name)

    def problem(self, problem: str, suggestion: str | None = None) -> DataProblem:
        return DataProblem(file=self.file, entry=self.entry, field=self.field, line=_line(self),
                           problem=problem, suggestion=suggestion)


@dataclass
class _Book:
    """What one build has linked and which ids its pages carry."""

    origins: dict[str, set[Origin]] = field(default_factory=lambda: defaultdict(set))
    wanted: list[tuple[str, str | None, str, str]] = field(default_factory=list)  # page, target, fragment, href
    ids: dict[str, set[str]] = field(default_factory=dict)
    refused: list[DataProblem] = field(default_factory=list)
    root: Path = Path(".")  # the project whose data the build renders
    files: list[tuple[str, str]] = field(default_factory=list)  # page, a file of the site it links to
    quiet: bool = False  # a page failed to render: links to it would only be noise
    pages: dict[str, Any] = field(default_factory=dict)  # documentation path → its File, or None
    site_pages: str | None = None  # each documentation page's path and address, as :func:`_made_from` reads them


_book = _Book()


def new_build(root: Path) -> None:
    """Forget the last build's links (``mkdocs serve`` builds many times in one process)."""
    global _book
    _book = _Book(root=root)


def suppress_follow_on() -> None:
    """A page could not be rendered; do not also report the links that lead into it."""
    _book.quiet = True


def contributed(text: str, origin: Origin, inline: bool = False) -> Markup:
    """A contributor's Markdown as clean HTML, its links noted for checking under ``origin``."""
    html = markdown_html(text, inline)
    for raw in _HREF.findall(html):
        href = Markup(raw).unescape()
        if _WEB.match(href):
            continue
        if href.startswith("#") or (href.startswith("/") and href.split("#", 1)[0].endswith(".md")):
            _book.origins[href].add(origin)
        else:
            _book.refused.append(origin.problem(
                f"the link '{href}' is not a documentation path",
                "link to pages as they are in docs/, e.g. /articles/002.md#p9, /glossary.md#term-lazarus-group, or #p9 on the same page",
            ))
    return Markup(html)


class _Resolved(NamedTuple):
    """One page's HTML with its links rewritten, and what it links to and carries, for :func:`problems`."""

    html: str
    wanted: tuple[tuple[str | None, str, str], ...]  # the page linked to (None: no such page), fragment, href
    files: tuple[str, ...]  # files of the site it links to
    ids: frozenset[str]


def resolve(page_html: str, page: Any, files: Any) -> str:
    """Rewrite documentation-path links for ``page``; note every link and id for :func:`problems`.

    While serving, a page whose HTML, address and site's pages are as they were in the last build is
    not resolved again (:mod:`macros.kept_renders`); what it links to is noted all the same.
    """
    made = kept_renders.kept("links", lambda: _made_from(page_html, page, files), lambda: _resolved(page_html, page, files))
    source = page.file.src_uri
    _book.wanted.extend((source, *wanted) for wanted in made.wanted)
    _book.files.extend((source, path) for path in made.files)
    _book.ids[source] = set(made.ids)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= made.ids
    return made.html


def _made_from(page_html: str, page: Any, files: Any) -> bytes:
    """What :func:`_resolved` reads: the page's HTML and address, and where each page of the site is."""
    if _book.site_pages is None:
        _book.site_pages = "\0".join(f"{f.src_uri}\0{f.url}" for f in files.documentation_pages())
    return "\0".join((_book.site_pages, page.file.src_uri, page.url, page_html)).encode()


def _resolved(page_html: str, page: Any, files: Any) -> _Resolved:
    """The page's HTML with its documentation paths rewritten, and its links and ids.

    A page links the same few pages and anchors many times over (the glossary, the references), so
    each distinct address, and each page it leads to, is resolved once per page; links within the
    page are only noted, each once.
    """
    links = _PageLinks(page, files)
    rewritten: dict[str, str] = {}

    def rewrite(match: re.Match[str]) -> str:
        raw = match.group(1)
        if raw not in rewritten:
            address = links.address(_unescaped(raw))
            rewritten[raw] = match.group(0) if address is None else f'href="{Markup.escape(address)}"'
        return rewritten[raw]

    page_html = _PATH_HREF.sub(rewrite, page_html)
    for raw in set(_FRAGMENT_HREF.findall(page_html)):
        links.address("#" + _unescaped(raw))
    ids = frozenset(_ID.findall(page_html))
    return _Resolved(page_html, tuple(links.wanted), tuple(links.files_linked), ids)


def _unescaped(value: str) -> str:
    """An attribute's value as text (most have no entity, and are returned as they are)."""
    return Markup(value).unescape() if "&" in value else value


class _PageLinks:
    """The links of one page: each address it gives, resolved from the page and noted for checking."""

    def __init__(self, page: Any, files: Any) -> None:
        self.page, self.files = page, files
        self.source: str = page.file.src_uri
        self._relative: dict[str, str] = {}  # documentation path → its address from this page
        self.wanted: list[tuple[str | None, str, str]] = []
        self.files_linked: list[str] = []

    def address(self, href: str) -> str | None:
        """What ``href`` becomes on this page, or None to leave it as it is."""
        if href.startswith("#"):
            self.wanted.append((self.source, href[1:], href))
            return None
        path, _, fragment = href.partition("#")
        if href.startswith("/") and not href.startswith("//") and not path.endswith(".md"):
            self.files_linked.append(path.lstrip("/"))  # a file of the site, such as a capture
            return get_relative_url(path.lstrip("/"), self.page.url or ".")
        if not (href.startswith("/") and path.endswith(".md")):
            return None
        target = self._target(path)
        self.wanted.append((target.src_uri if target else None, fragment, href))
        if target is None:
            return None
        if path not in self._relative:
            self._relative[path] = target.url_relative_to(self.page.file)
        return f"{self._relative[path]}#{fragment}" if fragment else self._relative[path]

    def _target(self, path: str) -> Any:
        """The file of a documentation path (``/glossary.md``), or None; looked up once per build."""
        if path not in _book.pages:
            _book.pages[path] = self.files.get_file_from_path(path.lstrip("/"))
        return _book.pages[path]


def problems(site_dir: Path) -> list[str]:
    """Every broken or refused link of the build, each once, located as precisely as it can be."""
    found: dict[str, None] = {str(p): None for p in _book.refused}
    for page, path in _book.files:
        if not (site_dir / path).is_file():
            found[f"docs/{page}: the link to '/{path}' is broken: the site has no such file"] = None
    if _book.quiet:
        return list(found)
    for page, target, fragment, href in _book.wanted:
        if target is None:
            wrong = f"the page '{href.split('#', 1)[0].lstrip('/')}' does not exist"
            hint = did_you_mean(href.split("#", 1)[0].lstrip("/"), _book.ids)
        elif fragment and fragment not in _book.ids.get(target, set()):
            wrong = f"'{target}' has no anchor '#{fragment}'"
            hint = did_you_mean(fragment, _book.ids.get(target, set()))
        else:
            continue
        origins = _book.origins.get(href)
        if origins:
            for origin in sorted(origins, key=str):
                found[str(origin.problem(f"the link '{href}' is broken: {wrong}", hint))] = None
        else:
            found[f"docs/{page}: the generated link '{href}' is broken: {wrong}" + (f"; {hint}" if hint else "")] = None
    return list(found)


def _line(origin: Origin) -> int | None:
    """The line of the entry in its file, looked up only when there is something to report."""
    data, problem = load_yaml(_book.root / origin.file, origin.file)
    if problem or data is None:
        return None
    if origin.entry is None:
        return getattr(data, "line", None)
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, LocatedDict) and node.get("id") == origin.entry:
            return node.line
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None
