"""Where a build's CPU time goes, by package: a sampling profile of one ``mkdocs build``.

    python benchmarks/breakdown.py build PROJECT OUT.json            # one strict build
    python benchmarks/breakdown.py rebuild PROJECT EDITED OUT.json   # the rebuild mkdocs serve does after an edit

PROJECT holds mkdocs.yml; the annotated corpora need the repository on PYTHONPATH, as for a build.
The build runs in this process; every few milliseconds of CPU time (:data:`INTERVAL`, or as often as
the system's clock allows) a signal handler looks at the stack and charges the CPU time since its
last look to one package (:func:`charge`). Nothing is patched or traced, so the build runs at nearly
its usual speed, and the shares add up to the build's own CPU time. OUT gets ``{package: CPU seconds}``.

A stack is charged to the reader (``macros/``) when any of its frames is the reader's: what the
reader's code calls (YAML, JSON Schema, Jinja rendering its templates, Python-Markdown rendering a
note) is the reader's cost. Otherwise it goes to the package of its innermost frame, passing over
the standard library (``html.parser`` under the search plugin counts as the search plugin).
"""

from __future__ import annotations

import functools
import json
import os
import re
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

READER = "the reader: macros/ and what its code calls"
SEARCH = "Material: the search plugin"
MATERIAL_PLUGINS = "Material: other plugins"
THEME = "Material: theme templates (with overrides/)"
MATERIAL = "Material: other code"
MARKDOWN = "Python-Markdown and extensions"
MKDOCS = "MkDocs"
MACROS_PLUGIN = "mkdocs-macros"
OTHER = "other: interpreter, other libraries"
ORDER = (READER, MKDOCS, MARKDOWN, SEARCH, MATERIAL_PLUGINS, THEME, MATERIAL, MACROS_PLUGIN, OTHER)

_SITE = re.compile(r"[/\\](?:site|dist)-packages[/\\]([^/\\]+)[/\\](.*)$")
_PACKAGES = {"markdown": MARKDOWN, "pymdownx": MARKDOWN, "mkdocs": MKDOCS, "mkdocs_macros": MACROS_PLUGIN}
_ENGINES = {"jinja2", "markupsafe"}  # they work for the templates they render: their time goes to the caller
INTERVAL = 0.001  # CPU seconds between looks asked for; a kernel ticking at 250 Hz gives one every 4 ms
PROJECT = Path(__file__).resolve().parent.parent


def category(filename: str, project: Path) -> str | None:
    """The package a frame's code belongs to, or None for code that passes its time on to its caller.

    ``project`` is the reader's repository: ``macros/`` is the reader (its templates are compiled to
    frames named after their files) and ``overrides/`` holds the theme templates it overrides. The
    standard library, frozen modules, code without a file, Jinja and MarkupSafe pass their time on.
    """
    if filename.startswith(os.path.join(project, "macros", "")):
        return READER
    if filename.startswith(os.path.join(project, "overrides", "")):
        return THEME
    found = _SITE.search(filename)
    if found is None:
        return None
    package, rest = found.group(1), found.group(2).replace("\\", "/")
    if package in _ENGINES:
        return None
    if package == "material":
        if rest.startswith("plugins/search/"):
            return SEARCH
        if rest.startswith("plugins/"):
            return MATERIAL_PLUGINS
        return THEME if rest.startswith("templates/") else MATERIAL
    return _PACKAGES.get(package, OTHER)


def charge(filenames: Iterable[str], project: Path) -> str:
    """The package one stack (its frames' files, outermost first) is charged to."""
    kinds = [kind for kind in (_category(name, project) for name in filenames) if kind is not None]
    if READER in kinds:
        return READER
    return kinds[-1] if kinds else OTHER


_category = functools.cache(category)  # a build has a few thousand files of code, looked at a million times


def excess(annotated: dict[str, float], plain: dict[str, float]) -> dict[str, float]:
    """CPU seconds the annotated build spends beyond its twin, by package (less than nothing where it spends less)."""
    return {kind: annotated.get(kind, 0.0) - plain.get(kind, 0.0) for kind in ORDER if kind in annotated or kind in plain}


def without(annotated: dict[str, float], plain: dict[str, float], kind: str) -> float:
    """How many times the twin's CPU time the annotated build would take without the time charged to ``kind``."""
    return (sum(annotated.values()) - annotated.get(kind, 0.0)) / sum(plain.values())


def _stack(frame: FrameType | None) -> list[str]:
    names = []
    while frame is not None:
        names.append(frame.f_code.co_filename)
        frame = frame.f_back
    return names[::-1]


class Sampler:
    """Charges the process's CPU time, tick by tick, to the packages on the main thread's stack.

    The profiling timer (``ITIMER_PROF``) counts the process's CPU time, so the looks fall evenly over
    the time the build computes, wherever it is; Python runs the handler in the main thread, between
    two of its instructions, with the frame it was running.
    """

    def __init__(self, project: Path) -> None:
        self.project = project
        self.seconds: Counter[str] = Counter()
        self._last = 0.0

    def _look(self, _signal: int, frame: FrameType | None) -> None:
        now = time.process_time()
        self.seconds[charge(_stack(frame), self.project)] += now - self._last
        self._last = now

    def start(self) -> None:
        signal.signal(signal.SIGPROF, self._look)
        self._last = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)

    def stop(self) -> Counter[str]:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)
        return self.seconds


def code_of(project: Path) -> Path:
    """The repository whose ``macros/`` and ``overrides/`` build ``project``: its own, or this one."""
    return project if (project / "macros").is_dir() else PROJECT


def profile_build(project: Path) -> dict[str, float]:
    """Build ``project`` strictly in this process, as ``mkdocs build`` does; CPU seconds by package.

    The sampler starts before MkDocs is imported, so the imports count as they do in a build's process.
    """
    sampler = Sampler(code_of(project))
    sampler.start()
    try:
        from mkdocs.__main__ import cli

        with _in(project), tempfile.TemporaryDirectory(prefix="reader-profile-") as out:
            cli(["build", "--strict", "--quiet", "--site-dir", out], standalone_mode=False)
    finally:
        seconds = sampler.stop()
    return _rounded(seconds)


def profile_rebuild(project: Path, edited: Path) -> dict[str, float]:
    """What ``mkdocs serve`` does after an edit of ``edited``: CPU seconds by package of the rebuild only.

    As the server does, the project is built once, then after the edit its configuration is loaded
    again and the site rebuilt in the same process; only that second build is sampled.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    serve_url = "http://127.0.0.1:8000/"
    with _in(project), tempfile.TemporaryDirectory(prefix="reader-profile-") as out:
        def config() -> Any:
            loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=out)
            loaded.site_url = serve_url
            return loaded

        first = config()
        first.plugins.on_startup(command="serve", dirty=False)
        build(first, serve_url=serve_url)
        original = edit(edited, "Edited while serving")
        sampler = Sampler(code_of(project))
        try:
            sampler.start()
            build(config(), serve_url=serve_url)
        finally:
            seconds = sampler.stop()
            edited.write_text(original, encoding="utf-8")
            first.plugins.on_shutdown()
    return _rounded(seconds)


def edit(path: Path, marker: str) -> str:
    """Make the edit the serve figures time (:func:`edited`); return the text as it was."""
    original = path.read_text(encoding="utf-8")
    path.write_text(edited(original, path.suffix, marker), encoding="utf-8")
    return original


def edited(text: str, suffix: str, marker: str) -> str:
    """A file's text after the edit: in YAML data, ``marker`` at the start of the first title (the first
    reference's, which the References page shows); in a page, ``marker`` as a paragraph at its end."""
    if suffix == ".yaml":
        return re.sub(r"(\n\s*title: )", rf"\1{marker} ", text, count=1)
    return f"{text.rstrip()}\n\n{marker}\n"


@contextmanager
def _in(directory: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


def _rounded(seconds: Counter[str]) -> dict[str, float]:
    return {kind: round(seconds[kind], 3) for kind in ORDER if seconds[kind]}


def main() -> int:
    """``build PROJECT OUT`` or ``rebuild PROJECT EDITED OUT``."""
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]  # the build imports nothing of ours from here
    mode, project, *rest = (Path(a).resolve() if n else a for n, a in enumerate(sys.argv[1:]))
    *changed, out = rest
    found = profile_build(project) if mode == "build" else profile_rebuild(project, changed[0])
    out.write_text(json.dumps(found), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
