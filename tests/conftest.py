"""Shared fixtures: the real corpus, the real site built once, and throw-away copies to break."""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from macros.load import load_corpus
from macros.model import Corpus

from .log_states import restate
from .schema_fields import dotted, schema_for, text_fields

PROJECT = Path(__file__).resolve().parent.parent
SHARED_SOURCES = PROJECT.parent / "shared" / "sources"
# Markup a hostile contributor might put in any field of the data.
PAYLOAD = (
    "Innocent words. <script>window.__pwned = 'script'</script>"
    "<img src=x onerror=\"window.__pwned = 'onerror'\">"
    "<a href=\"javascript:window.__pwned = 'href'\">link</a>"
    "<iframe src=\"https://example.org/\"></iframe>"
    "<span style=\"position:fixed;top:0;left:0;font-size:99px\">styled</span>"
    "</div></details></aside></div><script>window.__pwned = 'breakout'</script>"
    " [md link](javascript:window.__pwned='markdown') <svg onload=\"window.__pwned='svg'\"></svg>"
)

# The articles the data holds: tests that go through every article read them from the data.
ARTICLE_IDS = tuple(load_corpus().articles)

# What broke Markdown links when titles were written into generated Markdown: a parenthesis before an
# apostrophe, closing quotes, a trailing newline. Every poisoned field ends with them.
LINK_BREAKERS = " (see ')' and \"quoted\" and ’curly’)\n"

# What a copy of the project needs in order to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "glossary", "macros", "overrides")


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The real data, loaded and checked."""
    return load_corpus()


def mkdocs_build(project: Path, site: Path, *args: str, **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on a project folder, as a contributor would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *args],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def _real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(PROJECT, out)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


@pytest.fixture(scope="session")
def site(_real_build: tuple[Path, str]) -> Path:
    """The real site, built once per test session in strict mode."""
    return _real_build[0]


@pytest.fixture(scope="session")
def build_log(_real_build: tuple[Path, str]) -> str:
    """What that build printed."""
    return _real_build[1]


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline build (``OFFLINE=true``), as the archive holds it."""
    out = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(PROJECT, out, OFFLINE="true")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def project_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project whose data or pages a test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / part)
    yield copy


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@dataclass(frozen=True)
class HostileSite:
    """A site built from data with the payload in every free-text field, and which fields those were."""

    site: Path
    poisoned: set[tuple[str, str]]  # (schema, dotted field)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    """The real project with the payload in every free-text field of every entry, built strictly.

    The fields come from the schemas (``tests/schema_fields.py``), so a field added later is
    poisoned too. Each value gets a serial number, so names that must be unique stay unique.
    """
    project = tmp_path_factory.mktemp("hostile") / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = PROJECT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    poisoned: set[tuple[str, str]] = set()
    serial = itertools.count(1)
    for data_file in sorted((project / "glossary").rglob("*.yaml")):
        schema = schema_for(data_file)
        data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        for path in list(text_fields(data, schema)):
            *parents, last = path
            holder = functools.reduce(lambda node, step: node[step], parents, data)
            holder[last] = f"{PAYLOAD} #{next(serial)}{LINK_BREAKERS}"
            poisoned.add((schema, dotted(path)))
        data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    restate(project / "glossary")  # the rewritten texts are not corrections the log should stop
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return HostileSite(out, poisoned)


@pytest.fixture(scope="session")
def hostile_site(hostile: HostileSite) -> Path:
    """The site built from hostile data."""
    return hostile.site


@contextlib.contextmanager
def serve(root: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve a folder over HTTP on a free loopback port, quietly, with extra response headers; yield its address."""

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def require(tool: Path, what: str) -> None:
    """Skip when an outside tool is not installed, except in CI, where .ci/run installs it."""
    if not tool.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing ({tool}); .ci/run installs it")
        pytest.skip(f"{what} is not installed")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """End every run by saying how many tests were skipped, why, and where to read what runs them."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons = collections.Counter(
        str(report.longrepr[2]).removeprefix("Skipped: ") if isinstance(report.longrepr, tuple) else str(report.longrepr)
        for report in skipped
    )
    terminalreporter.section(f"{len(skipped)} test{'s' if len(skipped) != 1 else ''} skipped", sep="-")
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"{count:5}  {reason}")
    terminalreporter.write_line(f"{'':5}  To run them: README.md, section 'Every test, locally' (.ci/run installs it all on Debian).")
