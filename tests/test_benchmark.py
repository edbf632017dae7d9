"""The benchmark keeps working: the generator's corpora are valid, and a smoke run prints figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from macros.load import load_corpus

from .conftest import PROJECT, mkdocs_build

sys.path.insert(0, str(PROJECT / "benchmarks"))
from generate import generate  # noqa: E402 - a script beside the project, not a package
from twin import plain_twin  # noqa: E402


def test_a_generated_corpus_is_built_by_the_installed_package_beside_its_plain_twin(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    generate(60, corpus_dir)
    assert not (corpus_dir / "macros").exists()  # the project's own package builds it, not a copy
    corpus = load_corpus(corpus_dir / "glossary")
    assert len(corpus.articles) == 60 and corpus.claims and corpus.terms
    assert sum(len(n) for n in corpus.notes.values()) >= 60 * 4
    plain_twin(corpus_dir, tmp_path / "plain")
    sites = {}
    for name, project in (("annotated", corpus_dir), ("plain", tmp_path / "plain")):
        sites[name] = tmp_path / f"site-{name}"
        result = mkdocs_build(project, sites[name], PYTHONPATH=str(PROJECT))
        assert result.returncode == 0, result.stderr
    pages = {name: sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")) for name, site in sites.items()}
    assert pages["annotated"] == pages["plain"]  # the twin has every page the annotated site has
    assert len([p for p in pages["plain"] if p.startswith("articles/0")]) == 60
    # Articles in groups of 50; with navigation.prune a page carries the items of its own group only.
    page = BeautifulSoup((sites["annotated"] / "articles" / "055" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary .md-nav__link")]
    assert "Articles 000–049" in links and "Articles 050–059" in links
    assert "Synthetic article 055" in links and "Synthetic article 010" not in links


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
