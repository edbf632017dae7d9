"""The benchmark keeps working: the generator's corpora are valid, the profile charges each frame to its
package, the targets are judged from the figures, and a smoke run prints figures and profiles."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

from macros.load import load_corpus

from .conftest import PROJECT, mkdocs_build

sys.path.insert(0, str(PROJECT / "benchmarks"))
import breakdown  # noqa: E402 - scripts beside the project, not a package
import run  # noqa: E402
from breakdown import MARKDOWN, MKDOCS, OTHER, READER, SEARCH, THEME  # noqa: E402
from generate import generate  # noqa: E402
from twin import plain_twin  # noqa: E402

SITE = "/venv/lib/python3.11/site-packages"
STDLIB = "/usr/lib/python3.11"


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


def test_the_twin_of_the_real_site_has_every_page_it_has(site: Path, tmp_path: Path) -> None:
    plain_twin(PROJECT, tmp_path / "plain")
    result = mkdocs_build(tmp_path / "plain", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = [sorted(p.relative_to(s).as_posix() for p in s.rglob("index.html")) for s in (site, tmp_path / "site")]
    assert pages[0] == pages[1] and any(p.startswith("parallel/") for p in pages[1])


def test_each_frame_is_charged_to_the_package_whose_code_it_runs() -> None:
    project = Path("/repo")
    assert breakdown.category("/repo/macros/links.py", project) == READER
    assert breakdown.category("/repo/macros/templates/article.html.j2", project) == READER  # a compiled template
    assert breakdown.category("/repo/overrides/partials/nav-item.html", project) == THEME
    assert breakdown.category(f"{SITE}/material/templates/partials/nav.html", project) == THEME
    assert breakdown.category(f"{SITE}/material/plugins/search/plugin.py", project) == SEARCH
    assert breakdown.category(f"{SITE}/pymdownx/superfences.py", project) == MARKDOWN
    assert breakdown.category(f"{SITE}/yaml/constructor.py", project) == OTHER
    assert breakdown.category("/elsewhere/macros/links.py", project) is None  # another checkout's reader is not this one
    for passing_on in (f"{STDLIB}/html/parser.py", f"{SITE}/jinja2/runtime.py", f"{SITE}/markupsafe/__init__.py", "<frozen os>"):
        assert breakdown.category(passing_on, project) is None


def test_a_stack_is_the_readers_if_it_passes_through_the_reader_and_else_its_innermost_packages() -> None:
    project = Path("/repo")
    build, search, parser = f"{SITE}/mkdocs/commands/build.py", f"{SITE}/material/plugins/search/plugin.py", f"{STDLIB}/html/parser.py"
    assert breakdown.charge([build, search, parser], project) == SEARCH  # the standard library works for its caller
    macros = [build, f"{SITE}/mkdocs_macros/plugin.py", "/repo/macros/macro_set.py", f"{SITE}/jinja2/environment.py",
              "/repo/macros/templates/article.html.j2", f"{SITE}/markupsafe/__init__.py"]
    assert breakdown.charge(macros, project) == READER
    assert breakdown.charge([build, "/repo/macros/page_hooks.py", f"{SITE}/mkdocs/structure/toc.py"], project) == READER
    theme = [build, f"{SITE}/jinja2/environment.py", f"{SITE}/material/templates/base.html", f"{SITE}/mkdocs/utils/templates.py"]
    assert breakdown.charge(theme, project) == MKDOCS  # a filter of MkDocs' that a theme template calls
    assert breakdown.charge([f"{STDLIB}/shutil.py"], project) == breakdown.charge([], project) == OTHER


def test_the_sampler_charges_cpu_time_where_it_was_spent(tmp_path: Path) -> None:
    def busy(filename: str) -> None:  # code that runs under a file name of the reader's, or of the search plugin
        exec(compile("end = clock() + 0.4\nwhile clock() < end:\n    sum(range(200))", filename, "exec"), {"clock": time.process_time})

    sampler = breakdown.Sampler(tmp_path)
    sampler.start()
    try:
        busy(str(tmp_path / "macros" / "load.py"))
        busy(f"{SITE}/material/plugins/search/plugin.py")
    finally:
        seconds = sampler.stop()
    assert 0.3 < seconds[READER] < 0.5 and 0.3 < seconds[SEARCH] < 0.5, seconds
    assert sum(seconds.values()) < 0.9


def test_the_excess_over_the_twin_is_put_on_the_reader_or_on_the_rest() -> None:
    annotated = {READER: 3.0, MKDOCS: 2.0, MARKDOWN: 1.0, SEARCH: 4.0}
    plain = {MKDOCS: 2.0, MARKDOWN: 1.5, SEARCH: 1.0}
    assert breakdown.excess(annotated, plain) == {READER: 3.0, MKDOCS: 0.0, MARKDOWN: -0.5, SEARCH: 3.0}
    assert breakdown.without(annotated, plain, READER) == 7.0 / 4.5
    figures = run.Figures(10.0, 100, 50, 60, 10)
    measured = run.Measured(figures, run.Figures(4.5, 90, 40, 45, 8), 10.0 / 4.5, profile=(annotated, plain))
    (line,) = [t for t in run.targets({1000: measured}) if "1,000 annotated articles" in t]
    assert line.startswith("NOT met: 1,000 annotated articles build in 2.22× their plain twin (target: at most 1.5×)")
    assert ("in the profile the build takes 5.50 CPU s more than the twin's: 3.00 s in the reader's code, 0.00 s in "
            "mkdocs-macros and 2.50 s in MkDocs, Material and Python-Markdown handling the added pages and markup (the most, "
            f"3.00 s, in {SEARCH}); without the reader's code it would take 1.56× the twin's") in line
    table = run.profile_table({"N = 1,000": (annotated, plain)})
    assert f"| {READER} | 3.00 | 0.00 | +3.00 |" in table and "| total | 10.00 | 4.50 | +5.50 |" in table
    assert f"| {MARKDOWN} | 1.00 | 1.50 | -0.50 |" in table


def test_a_met_target_needs_no_explaining_and_the_serve_target_is_set_against_the_plain_twin_served() -> None:
    quick = run.Measured(run.Figures(3.0, 60, 100, 120, 7), run.Figures(2.0, 40, 20, 24, 5), 1.5, profile=({READER: 1.0}, {MKDOCS: 1.0}),
                         serve=run.Serve(annotated=2.4, plain=2.0, plain_build=1.2))
    lines = run.targets({5: quick})
    assert lines[0] == "met: the real site builds in 1.50× its plain twin (target: at most 2×)"
    assert lines[1].startswith("met: mkdocs serve shows an edit of one YAML file 2.40 s after it is saved; a plain build takes 1.20 s")
    slow = run.Measured(quick.ours, quick.plain, quick.ratio, serve=run.Serve(annotated=2.6, plain=2.0, plain_build=1.2))
    assert run.targets({5: slow})[1].startswith("NOT met: mkdocs serve")


def test_the_ratio_is_taken_turn_by_turn() -> None:
    # The medians alone (12 s and 10 s) would give 1.2x, from builds of different turns.
    assert run.turn_ratio([10.0, 30.0, 12.0], [5.0, 20.0, 10.0]) == 1.5
    measured = run.Measured(run.Figures(12.0, 60, 40, 45, 8), run.Figures(10.0, 50, 40, 45, 8), 1.6)
    assert run.targets({1000: measured})[0].startswith("NOT met: 1,000 annotated articles build in 1.60×")


def test_the_timed_edits_meet_every_point_of_the_servers_polling_cycle() -> None:
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")  # not bound: nothing listens
    server.server_close()
    assert run.POLLING == server.observer.timeout  # the interval mkdocs serve polls at
    offsets = run.offsets(5)
    assert offsets == sorted(offsets) and 0 <= offsets[0] and offsets[-1] < run.POLLING
    gaps = {round(b - a, 9) for a, b in zip([offsets[-1] - run.POLLING, *offsets], offsets)}
    assert gaps == {round(run.POLLING / 5, 9)}  # evenly spread, the cycle seen as a circle


def test_the_timed_edits_change_what_the_page_shows() -> None:
    data = 'references:\n  - id: a\n    title: "First"\n  - id: b\n    title: Second\n'
    assert breakdown.edited(data, ".yaml", "Edited 1") == 'references:\n  - id: a\n    title: Edited 1 "First"\n  - id: b\n    title: Second\n'
    assert breakdown.edited("# References\n", ".md", "Edited 1") == "# References\n\nEdited 1\n"


def test_the_smoke_run_prints_the_figures() -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT / "benchmarks" / "run.py"), "--sizes", "5", "--runs", "1", "--serve-runs", "1", "--no-write"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 5 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert float(cells[1]) > 0 and float(cells[2]) > 0 and cells[3].endswith("×")
    assert "the real site builds in" in result.stdout
    # The profiles: the reader's share is the annotated build's alone, and the sampled total is the build's CPU time.
    rows = {label: [[float(c) for c in line.strip("|").split("|")[1:]] for line in result.stdout.splitlines()
                    if line.startswith(f"| {label} |")] for label in (READER, "total")}
    (build, rebuild), (total, _) = rows[READER], rows["total"]  # one build of each, and the rebuild after the edit
    assert build[0] > 0 and build[1] == 0 and rebuild[0] > 0 and rebuild[1] == 0
    assert 0.6 * float(cells[1]) < total[0] < 1.4 * float(cells[1])
    assert "mkdocs serve shows an edit of one YAML file" in result.stdout
