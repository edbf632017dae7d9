"""Shared fixtures: the real corpus, the real site built once, and throw-away copies to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.load import load_corpus
from macros.model import Corpus

PROJECT = Path(__file__).resolve().parent.parent
SHARED_SOURCES = PROJECT.parent / "shared" / "sources"
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
