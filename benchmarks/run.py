"""Benchmark: the annotated build against a plain Material build of the same texts.

    python benchmarks/run.py                      # N = 5 (the real site), 100 and 1,000; writes docs/benchmarks.md
    python benchmarks/run.py --sizes 5 --runs 1 --no-write   # the smoke run CI does

For each size it builds, with the project's own configuration and macros, and prints: wall time
(median of --runs builds), peak memory of the build process, mean HTML bytes per article page and the
total size of the site; and the same for a plain Material build of the same article texts with the
same navigation, with the ratios. At N = 5 the annotated build is the real site (the five captures);
larger sizes are synthetic corpora from benchmarks/generate.py. The figures are measured, never
asserted: targets are reported as met or not.
"""

from __future__ import annotations

import argparse
import html
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import socket
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lighthouse  # noqa: E402 - sibling scripts, not a package
from generate import generate  # noqa: E402
from twin import plain_twin  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
PAGE = PROJECT / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Figures:
    """What one build of one project costs."""

    seconds: float  # CPU time of the build process (user + system), median of the runs
    peak_mib: float
    page_kib: float  # mean HTML of an article page
    largest_page_kib: float  # the largest article page
    site_mib: float


def _build_once(project: Path) -> tuple[float, float, float, float, float]:
    """One strict build: CPU seconds of the build process, its peak memory, mean article page KiB, site MiB."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as out:
        # The annotated corpora name the project's hooks and import its package from the path.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT)}
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"the build of {project} failed:\n{process.stderr.read().decode()}")  # type: ignore[union-attr]
        site = Path(out)
        pages = list(site.glob("articles/*/index.html"))
        sizes = [p.stat().st_size / 1024 for p in pages]
        return (usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, statistics.mean(sizes), max(sizes),
                sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20)


def build_pair(annotated: Path, plain: Path, runs: int) -> tuple[Figures, Figures]:
    """Build the two projects ``runs`` times, interleaved, so that a busy moment hits both alike."""
    samples: dict[Path, list[tuple[float, float, float, float, float]]] = {annotated: [], plain: []}
    for _ in range(runs):
        for project in (annotated, plain):
            samples[project].append(_build_once(project))

    def figures(found: list[tuple[float, float, float, float, float]]) -> Figures:
        return Figures(statistics.median(f[0] for f in found), max(f[1] for f in found), *found[0][2:])

    return figures(samples[annotated]), figures(samples[plain])


def serve_seconds(project: Path) -> float:
    """Wall time from saving one edited YAML file to ``mkdocs serve`` serving the change.

    The first reference's title is changed (it shows on the References page), as a contributor's
    edit would be; the page is polled every 50 ms until it shows the new words.
    """
    data = project / "glossary" / "references.yaml"
    original = data.read_text(encoding="utf-8")
    marker = "Edited while serving"
    edited = re.sub(r"(\n\s*title: )", rf"\1{marker} ", original, count=1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT)}
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log, stderr=log)
        page = f"http://127.0.0.1:{port}/bibliography/"
        try:
            _wait(lambda: "References" in _fetch(page), 600)
            started = time.perf_counter()
            data.write_text(edited, encoding="utf-8")
            _wait(lambda: marker in _fetch(page), 600)
            return time.perf_counter() - started
        finally:
            data.write_text(original, encoding="utf-8")
            server.terminate()
            server.wait(timeout=30)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("mkdocs serve did not show the page in time")
        time.sleep(0.05)


def plain_wall_seconds(project: Path) -> float:
    """Wall time of one strict build of the plain twin, to set the serve figure against."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out], cwd=project,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, capture_output=True)
        return time.perf_counter() - started


def measure(size: int, runs: int, scratch: Path) -> tuple[Figures, Figures]:
    """(annotated, plain) figures for a corpus of ``size`` articles; 5 is the real site."""
    corpus = scratch / f"n{size}"
    if size == 5:
        annotated = PROJECT
    else:
        generate(size, corpus)
        annotated = corpus
    plain_twin(annotated, corpus / "plain")
    ours, plain = build_pair(annotated, corpus / "plain", runs)
    if size in SERVE_SIZES:
        SERVE[size] = (serve_seconds(annotated if size != 5 else _copy(annotated, scratch / "serve5")), plain_wall_seconds(corpus / "plain"))
    return ours, plain


SERVE_SIZES = (5, 1000)
SERVE: dict[int, tuple[float, float]] = {}  # size → (serve shows an edit, s; one plain build, wall s)


def _copy(project: Path, to: Path) -> Path:
    """A copy of the real project to edit while serving (the working tree stays as it is)."""
    to.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "glossary", "macros", "overrides"):
        (shutil.copytree if (project / part).is_dir() else shutil.copy2)(project / part, to / part)
    return to


def environment() -> dict[str, str]:
    """The machine and versions the figures were taken on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0") \
        if Path("/proc/meminfo").exists() else "0"
    return {
        "machine": f"{os.cpu_count()} cores ({cpu}), {int(memory) / 2**20:.0f} GiB memory, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": ", ".join(f"{name} {metadata.version(name)}" for name in
                              ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pymdown-extensions", "Markdown")),
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }


def report(results: dict[int, tuple[Figures, Figures]], runs: int) -> tuple[str, list[str]]:
    """The table of figures, and the targets, each met or not."""
    rows = ["| N | annotated build (CPU s) | plain build (CPU s) | time ratio | peak memory MiB (annotated / plain) "
            "| HTML per article page KiB, mean / largest (annotated) | mean (plain) | site MiB (annotated / plain) | CPU s per article |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, (ours, plain) in sorted(results.items()):
        rows.append(
            f"| {size:,} | {ours.seconds:.2f} | {plain.seconds:.2f} | {ours.seconds / plain.seconds:.2f}× "
            f"| {ours.peak_mib:.0f} / {plain.peak_mib:.0f} | {ours.page_kib:.1f} / {ours.largest_page_kib:.1f} "
            f"| {plain.page_kib:.1f} | {ours.site_mib:.1f} / {plain.site_mib:.1f} | {ours.seconds / size:.4f} |"
        )
    targets = []
    if 5 in results:
        ours, plain = results[5]
        targets.append(_target(ours.seconds / plain.seconds <= 2, f"the real site builds in {ours.seconds / plain.seconds:.2f}× its plain twin (target: at most 2×)"))
    if 1000 in results:
        ours, plain = results[1000]
        targets.append(_target(ours.seconds / plain.seconds <= 1.5, f"1,000 annotated articles build in {ours.seconds / plain.seconds:.2f}× their plain twin (target: at most 1.5×)"))
        targets.append(_target(ours.largest_page_kib < 100, f"the largest article page at 1,000 articles is {ours.largest_page_kib:.1f} KiB of HTML (target: under 100 KB)"))
    for size, (serve, plain_wall) in sorted(SERVE.items()):
        if size == 5:
            targets.append(_target(serve <= plain_wall + 0.5, f"mkdocs serve shows an edit of one YAML file {serve:.2f} s after it is saved; "
                                   f"a plain build takes {plain_wall:.2f} s (target: at most that plus 0.5 s)"))
        else:
            targets.append(f"figure: at {size:,} articles mkdocs serve shows an edit of one YAML file {serve:.2f} s after it is saved "
                           f"(a plain build: {plain_wall:.2f} s)")
    sizes = sorted(n for n in results if n >= 100)
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        growth = (results[high][0].seconds / high) / (results[low][0].seconds / low)
        targets.append(_target(growth <= 1.2, f"the cost per article at {high:,} is {growth:.2f}× the cost at {low:,} (target: flat, at most 1.2×)"))
    return "\n".join(rows), targets


def _target(met: bool, text: str) -> str:
    return f"{'met' if met else 'NOT met'}: {text}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only; do not rewrite docs/benchmarks.md")
    parser.add_argument("--lighthouse", action="store_true", help="also audit an article page with Lighthouse")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="reader-corpora-"))
    try:
        results = {size: measure(size, args.runs, scratch) for size in args.sizes}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    table, targets = report(results, args.runs)
    env = environment()
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
    text = "\n".join([
        f"Machine: {env['machine']}", f"Python {env['python']}; {env['versions']}",
        f"Date: {env['date']}; median of {args.runs} build(s) per figure", "", table, "",
        *[f"- {t}" for t in targets],
        *(["", *lighthouse.measure("articles/002/")] if args.lighthouse else []),
    ])
    print(text)
    if not args.no_write:
        PAGE.write_text(PAGE_TEMPLATE.format(command=command.strip(), figures=text,
                                             lighthouse=LIGHTHOUSE_NOTE if args.lighthouse else ""), encoding="utf-8")
        print(f"\nwrote {PAGE.relative_to(PROJECT)}")
    return 0


PAGE_TEMPLATE = """# Benchmarks

How much the annotation costs, measured by `benchmarks/run.py` against a plain Material for MkDocs twin
of the same site. This page is written by the command; the figures below are exactly what it printed.

```text
{figures}
```

Reproduce them with:

```sh
{command}
```

**What the twin is.** `benchmarks/twin.py` makes it from the annotated project itself: every page the
annotated site has (each article, each claim's and each term's page, and every hand-written page), with
the same text as plain Markdown and no annotation, and the project's own configuration (theme, features,
Markdown extensions, search, overrides, navigation grouped the same way) less the macros plugin and the
page hooks. What differs, exactly: the twin has no notes, flags, highlights, glossary links, provenance
or reliability boxes, indexes, tables, figures or exports, and no data is loaded or checked; and since
it has no hooks to keep the claim and term pages out of the navigation, its configuration lists them
under `not_in_nav`.

**What is measured.** CPU time (user and system) of each `mkdocs build --strict`, the median of the
runs, the annotated and the plain build taking turns so that a busy moment hits both alike; the peak
memory of the build; the HTML of article pages. For `mkdocs serve`, the wall time from saving an edit
of one YAML file (the first reference's title) to the server giving the changed References page, at
N = 5 (a copy of the real project) and N = 1,000, set against one plain build's wall time.

At N = 5 the annotated build is the real site. Larger corpora are synthetic (`benchmarks/generate.py`),
built by the project's own package and configuration (nothing of the code is copied): paragraphs from a
word-pair chain trained on the real captures, about six notes per article, one claim for every two
articles and one glossary term for every two articles, the navigation in groups of 50 under one section
with `navigation.prune`. They leave out the print edition, which repeats every article on one page.
{lighthouse}"""

LIGHTHOUSE_NOTE = """
Lighthouse runs against the site served on 127.0.0.1 the way a static host serves it (gzip, long cache
lifetimes for assets).
"""


if __name__ == "__main__":
    sys.exit(main())
