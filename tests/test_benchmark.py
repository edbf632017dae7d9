"""The benchmark keeps working: the generator's corpora are valid, and a smoke run prints figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from macros.load import load_corpus

from .conftest import PROJECT, mkdocs_build

sys.path.insert(0, str(PROJECT / "benchmarks"))
from generate import generate  # noqa: E402 - a script beside the project, not a package


def test_a_generated_corpus_meets_the_real_schema_and_builds(tmp_path: Path) -> None:
    generate(14, tmp_path / "corpus")
    corpus = load_corpus(tmp_path / "corpus" / "glossary")
    assert len(corpus.articles) == 14 and corpus.claims and corpus.terms
    assert sum(len(n) for n in corpus.notes.values()) >= 14 * 4
    for plain in ("", "plain"):
        result = mkdocs_build(tmp_path / "corpus" / plain, tmp_path / f"site-{plain or 'annotated'}")
        assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "site-plain" / "articles").iterdir())) == 14


def test_the_smoke_run_prints_the_figures() -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT / "benchmarks" / "run.py"), "--sizes", "5", "--runs", "1", "--no-write"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 5 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert float(cells[1]) > 0 and float(cells[2]) > 0 and cells[3].endswith("×")
    assert "the real site builds in" in result.stdout
