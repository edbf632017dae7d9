"""Renderings kept between the builds of one ``mkdocs serve``, so a rebuild renders only what an edit touched.

After an edit the server rebuilds every page, but most of them are made from the same values as
before, and a template given the same values makes the same HTML: its output depends only on them,
on the template files and on the code, which a serving process does not reload. So, while serving,
each rendering of :func:`macros.templating.render_html` is kept under the template's name and a
digest of the values it was given (pickled: the model's dataclasses, strings and Markup), and the
next build renders only the templates whose values changed. A build keeps only the renderings it
used, and a change to any template file empties the store. The values are still computed in every
build, so the notes each page's contributed Markdown leaves for the link check are made as before.

A one-off build (``mkdocs build``) keeps nothing: it renders each template once, and the digests
would only add to its cost. The page hook turns keeping on when MkDocs starts to serve.

The same store keeps, by the bytes they are made from (:func:`kept`), each page's HTML with its links
resolved (:mod:`macros.links`) and the compacted text of each written page: after an edit most pages
come out of the templates and the theme as they did before.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup

Key = tuple[str, bytes]
T = TypeVar("T")


@dataclass
class _Store:
    """The renderings of the last build and of this one, and how many this one rendered."""

    templates: str = ""  # the digest of the template files the renderings were made with
    last: dict[Key, Any] = field(default_factory=dict)
    now: dict[Key, Any] = field(default_factory=dict)
    rendered: int = 0


_store: _Store | None = None  # None: not serving


def templates_version(folder: Path) -> str:
    """A digest of every template file's name, size and modification time: any edit changes it."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(folder.rglob("*.j2")):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def new_build(serving: bool, templates: Path) -> None:
    """Start a build: keep what the last one rendered when serving, nothing otherwise."""
    global _store
    if not serving:
        _store = None
        return
    version = templates_version(templates)
    last = _store.now if _store is not None and _store.templates == version else {}
    _store = _Store(templates=version, last=last)


def rendered(template: str, values: Mapping[str, Any], render: Callable[[], Markup]) -> Markup:
    """``render()``'s HTML for ``template`` with ``values``, or what it made from the same values in the last build."""
    if _store is None:
        return render()
    return kept(template, lambda: pickle.dumps(dict(values), pickle.HIGHEST_PROTOCOL), render)


def kept(kind: str, made_from: Callable[[], bytes], make: Callable[[], T]) -> T:
    """What ``make()`` gives, which depends only on the bytes ``made_from()`` gives (and on the code); while
    serving, made once for the same bytes, and ``made_from`` is called only then."""
    if _store is None:
        return make()
    key = (kind, hashlib.blake2b(made_from(), digest_size=16).digest())
    if key not in _store.now:
        if key in _store.last:
            _store.now[key] = _store.last.pop(key)
        else:
            _store.now[key] = make()
            _store.rendered += 1
    return _store.now[key]  # type: ignore[no-any-return]


def counts() -> tuple[int, int] | None:
    """How many renderings this build has used and how many of them it made; None when not serving."""
    return None if _store is None else (len(_store.now), _store.rendered)
