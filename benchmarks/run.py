"""Benchmark: the annotated build against a plain Material build of the same texts.

    python benchmarks/run.py                      # N = 5 (the real site), 100, 1,000 and 3,000; writes docs/benchmarks.md
    python benchmarks/run.py --sizes 5 --runs 1 --serve-runs 1 --no-write   # the smoke run the tests do

For each size it builds, with the project's own configuration and macros, and prints: CPU time
(median of --runs builds), peak memory of the build process, mean HTML bytes per article page and the
total size of the site; and the same for the plain twin (benchmarks/twin.py), with the ratios (each the
median of the turns' ratios, a turn being one annotated build and the plain build after it). At
N = 5 and 1,000 it also profiles one build of each by package (benchmarks/breakdown.py) and times
how long ``mkdocs serve`` takes to show an edit (median of --serve-runs edits), annotated and plain; at N = 5 it profiles that
rebuild too. At N = 5 the annotated build is the real site (the five captures); larger sizes are
synthetic corpora from benchmarks/generate.py. The figures are measured, never asserted: targets are
reported as met or not, a missed one with what the profile puts the excess on.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import socket
import tempfile
import time
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import breakdown  # noqa: E402 - sibling scripts, not a package
import lighthouse  # noqa: E402
from generate import generate  # noqa: E402
from twin import plain_twin  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import data_cache  # noqa: E402 - the project's package, as the build uses it

PROJECT = Path(__file__).resolve().parent.parent
# How often mkdocs serve looks at the files it watches, in seconds (its server's default, which the command keeps).
POLLING: float = inspect.signature(LiveReloadServer).parameters["polling_interval"].default
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


def first_build(annotated: Path) -> float:
    """CPU seconds of a build with no data kept from an earlier one (:mod:`macros.data_cache`), as after a checkout."""
    shutil.rmtree(data_cache.FOLDER, ignore_errors=True)
    return _build_once(annotated)[0]


def build_pair(annotated: Path, plain: Path, runs: int) -> tuple[Figures, Figures, float]:
    """Build the two projects ``runs`` times, taking turns, so that a busy moment hits both alike; with
    the median of the ratios of each turn's two builds.

    The ratio is taken turn by turn because this machine's speed drifts by a third over minutes: the
    two builds of one turn run within a minute of each other, while the median annotated build and
    the median plain build may come from different turns."""
    samples: dict[Path, list[tuple[float, float, float, float, float]]] = {annotated: [], plain: []}
    for _ in range(runs):
        for project in (annotated, plain):
            samples[project].append(_build_once(project))

    def figures(found: list[tuple[float, float, float, float, float]]) -> Figures:
        return Figures(statistics.median(f[0] for f in found), max(f[1] for f in found), *found[0][2:])

    ratio = turn_ratio([f[0] for f in samples[annotated]], [f[0] for f in samples[plain]])
    return figures(samples[annotated]), figures(samples[plain]), ratio


def turn_ratio(ours: list[float], plain: list[float]) -> float:
    """The median of each turn's annotated seconds over the plain seconds of the same turn."""
    return statistics.median(a / p for a, p in zip(ours, plain, strict=True))


class Served:
    """``mkdocs serve`` running on ``project``, timed from saving an edit of ``edited`` to serving the change.

    The edit is :func:`breakdown.edited`'s (for the data, the first reference's title, which the page
    ``page`` shows), as a contributor's would be, made with a new marker each time to the file as it
    was; the page is polled every 50 ms until it shows the marker. The next edit waits until the
    server has finished that build (it says it reloads the browsers), so that no edit is timed with
    the rest of the build before it, and then for its ``offset`` (:func:`offsets`). The file is
    restored when the server stops.
    """

    def __init__(self, project: Path, edited: Path, page: str, stack: ExitStack) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.edited, self.original = edited, edited.read_text(encoding="utf-8")
        self.url = f"http://127.0.0.1:{port}/{page}"
        self.log = Path(stack.enter_context(tempfile.NamedTemporaryFile(prefix="reader-serve-", suffix=".log")).name)
        # The server builds into a temporary folder, which it removes only when stopped by Ctrl+C: it makes it here.
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="reader-serve-"))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT), "TMPDIR": folder}
        with self.log.open("wb") as log:
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                      cwd=project, env=env, stdout=log, stderr=log)
        stack.callback(self._stop, server)
        self.edits = 0
        _wait(lambda: "</html>" in _fetch(self.url), 600)

    def _stop(self, server: subprocess.Popen[bytes]) -> None:
        self.edited.write_text(self.original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)

    def edit(self, offset: float) -> float:
        """Seconds from saving the next edit, ``offset`` seconds from now, to the server giving the changed page."""
        self.edits += 1
        marker = f"Edited while serving {self.edits}"
        text = breakdown.edited(self.original, self.edited.suffix, marker)
        time.sleep(offset)  # where in the server's polling cycle the edit falls, not a wait for the server
        started = time.perf_counter()
        self.edited.write_text(text, encoding="utf-8")
        _wait(lambda: marker in _fetch(self.url), 600)
        seconds = time.perf_counter() - started
        _wait(lambda: _said(self.log, b"Reloading browsers") >= self.edits, 600)
        return seconds


def serve_pair(annotated: tuple[Path, Path, str], plain: tuple[Path, Path, str], runs: int) -> tuple[float, float]:
    """The median seconds :class:`Served` gives for the annotated project and for its twin, over ``runs`` edits each.

    Both servers run side by side and take turns with the edits, as the builds do, so that a slow
    moment of the machine hits both alike; while one rebuilds, the other only waits. Each edit is
    made at one of :func:`offsets`, the same for both.
    """
    with ExitStack() as stack:
        servers = [Served(*annotated, stack), Served(*plain, stack)]
        times: list[list[float]] = [[], []]
        for offset in offsets(runs):
            for server, found in zip(servers, times):
                found.append(server.edit(offset))
    return statistics.median(times[0]), statistics.median(times[1])


def offsets(runs: int) -> list[float]:
    """How long to wait before each of ``runs`` edits: evenly spread over one polling interval of the server.

    The server looks at the files every ``POLLING`` seconds, on a clock of its own, so an edit waits from
    nothing to a whole interval before the server sees it. Edits made back to back, one server's after
    the other's, come at much the same point of each server's clock every time: the median would then
    hold a wait fixed by where the clocks happen to stand, up to half a second apart between the two
    servers. Spread evenly over the interval, the edits meet every point of it, and each server's
    median holds about half an interval's wait, whatever its clock.
    """
    return [POLLING * (index + 0.5) / runs for index in range(runs)]


def _said(log: Path, words: bytes) -> int:
    """How many times the server's log says ``words`` so far (read apart from the server's own handle)."""
    return log.read_bytes().count(words)


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


@dataclass(frozen=True)
class Serve:
    """How long ``mkdocs serve`` takes to show an edit (wall seconds, the median of the runs)."""

    annotated: float  # an edit of one YAML file of the data
    plain: float  # the twin served, an edit of one page
    plain_build: float  # one strict build of the twin, from the start of its process


@dataclass
class Measured:
    """Everything measured at one size."""

    ours: Figures
    plain: Figures
    ratio: float  # the median of each turn's annotated build over its plain build
    first: float | None = None  # CPU s of the annotated build with no data kept from an earlier build
    serve: Serve | None = None
    profile: tuple[dict[str, float], dict[str, float]] | None = None  # one build each: CPU s by package
    rebuild: tuple[dict[str, float], dict[str, float]] | None = None  # the rebuild mkdocs serve does after the edit


PROFILE_SIZES = (5, 1000)
SERVE_SIZES = (5, 1000)
EDITS = {"annotated": ("glossary/references.yaml", "bibliography/"), "plain": ("docs/bibliography.md", "bibliography/")}


def measure(size: int, runs: int, scratch: Path, serve_runs: int) -> Measured:
    """The figures for a corpus of ``size`` articles and its twin; 5 is the real site."""
    corpus = scratch / f"n{size}"
    if size == 5:
        annotated = PROJECT
    else:
        generate(size, corpus)
        annotated = corpus
    twin = corpus / "plain"
    plain_twin(annotated, twin)
    first = first_build(annotated)
    found = Measured(*build_pair(annotated, twin, runs), first=first)
    if size in PROFILE_SIZES:
        found.profile = (profile(annotated), profile(twin))
    if size in SERVE_SIZES:
        served = _copy(annotated, scratch / "serve5") if size == 5 else annotated  # the working tree stays as it is
        (data, page), (text, plain_page) = EDITS["annotated"], EDITS["plain"]
        found.serve = Serve(*serve_pair((served, served / data, page), (twin, twin / text, plain_page), serve_runs),
                            plain_wall_seconds(twin))
        if size == 5:
            found.rebuild = (profile(served, served / data), profile(twin, twin / text))
    return found


def profile(project: Path, edited: Path | None = None) -> dict[str, float]:
    """CPU seconds by package of one build of ``project`` (:mod:`breakdown`), or of the rebuild after an edit."""
    with tempfile.TemporaryDirectory(prefix="reader-profile-") as out:
        result = Path(out) / "profile.json"
        mode = ["build", str(project)] if edited is None else ["rebuild", str(project), str(edited)]
        done = subprocess.run([sys.executable, str(Path(breakdown.__file__)), *mode, str(result)], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT)},
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the profile of {project} failed:\n{done.stderr}")
        return json.loads(result.read_text(encoding="utf-8"))


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


def report(results: dict[int, Measured]) -> tuple[list[str], list[str]]:
    """The tables of figures and profiles, and the targets, each met or not, a missed one with what the profile shows."""
    rows = ["| N | annotated, CPU s | plain, CPU s | ratio | first build, CPU s (ratio) | peak MiB, annotated / plain "
            "| article page KiB, mean / largest | plain, mean | site MiB, annotated / plain | CPU s per article |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, found in sorted(results.items()):
        ours, plain = found.ours, found.plain
        first = f"{found.first:.2f} ({found.first / plain.seconds:.2f}×)" if found.first is not None else "—"
        rows.append(
            f"| {size:,} | {ours.seconds:.2f} | {plain.seconds:.2f} | {found.ratio:.2f}× | {first} "
            f"| {ours.peak_mib:.0f} / {plain.peak_mib:.0f} | {ours.page_kib:.1f} / {ours.largest_page_kib:.1f} "
            f"| {plain.page_kib:.1f} | {ours.site_mib:.1f} / {plain.site_mib:.1f} | {ours.seconds / size:.4f} |"
        )
    builds = {f"N = {size:,}": found.profile for size, found in sorted(results.items()) if found.profile is not None}
    rebuilds = {f"N = {size:,}, the rebuild after an edit": found.rebuild for size, found in sorted(results.items())
                if found.rebuild is not None}
    tables = [*rows]
    if builds:
        tables += ["", "CPU seconds of one build of each, by the package whose code ran (benchmarks/breakdown.py):", "",
                   *profile_table(builds)]
    if rebuilds:
        tables += ["", "The same for the rebuild mkdocs serve does after the edit:", "", *profile_table(rebuilds)]
    return tables, targets(results)


def targets(results: dict[int, Measured]) -> list[str]:
    """Each target, met or not; a missed one says what the profile puts the excess on."""
    found = []
    for size, limit, whose in ((5, 2.0, "the real site builds"), (1000, 1.5, "1,000 annotated articles build")):
        if size in results:
            ratio = results[size].ratio
            text = f"{whose} in {ratio:.2f}× {'its' if size == 5 else 'their'} plain twin (target: at most {limit:g}×)"
            profiled = results[size].profile
            found.append(_target(ratio <= limit, text + (f"; {explain(*profiled)}" if ratio > limit and profiled else "")))
    if 1000 in results:
        largest = results[1000].ours.largest_page_kib
        found.append(_target(largest < 100, f"the largest article page at 1,000 articles is {largest:.1f} KiB of HTML (target: under 100 KB)"))
    for size, measured in sorted(results.items()):
        serve = measured.serve
        if serve is None:
            continue
        text = (f"mkdocs serve shows an edit of one YAML file {serve.annotated:.2f} s after it is saved; a plain build takes "
                f"{serve.plain_build:.2f} s, and the plain twin served shows an edit of a page in {serve.plain:.2f} s")
        if size != 5:
            found.append(f"figure: at {size:,} articles {text}")
            continue
        met = serve.annotated <= serve.plain + 0.5
        rebuilt = measured.rebuild
        found.append(_target(met, f"{text} (target: at most the plain twin's served edit plus 0.5 s)"
                                  + (f"; {explain(*rebuilt, what='rebuild')}" if not met and rebuilt else "")))
    sizes = sorted(n for n in results if n >= 100)
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        growth = (results[high].ours.seconds / high) / (results[low].ours.seconds / low)
        found.append(_target(growth <= 1.2, f"the cost per article at {high:,} is {growth:.2f}× the cost at {low:,} (target: flat, at most 1.2×)"))
    return found


def explain(annotated: dict[str, float], plain: dict[str, float], what: str = "build") -> str:
    """What the profile puts the annotated ``what``'s excess over its twin on: the reader's code, or the rest."""
    more = breakdown.excess(annotated, plain)
    ours, plugin = more.get(breakdown.READER, 0.0), more.get(breakdown.MACROS_PLUGIN, 0.0)
    rest = {kind: seconds for kind, seconds in more.items() if kind not in (breakdown.READER, breakdown.MACROS_PLUGIN)}
    largest = max(rest, key=lambda kind: rest[kind])
    return (f"in the profile the {what} takes {sum(more.values()):.2f} CPU s more than the twin's: {ours:.2f} s in the reader's "
            f"code, {plugin:.2f} s in mkdocs-macros and {sum(rest.values()):.2f} s in MkDocs, Material and Python-Markdown "
            f"handling the added pages and markup (the most, {rest[largest]:.2f} s, in {largest}); without the reader's code "
            f"it would take {breakdown.without(annotated, plain, breakdown.READER):.2f}× the twin's")


def _target(met: bool, text: str) -> str:
    return f"{'met' if met else 'NOT met'}: {text}"


def profile_table(profiles: dict[str, tuple[dict[str, float], dict[str, float]]]) -> list[str]:
    """Annotated, plain and the difference, package by package, for each profiled size."""
    head = "| package | " + " | ".join(f"{label}: annotated | plain | more" for label in profiles) + " |"
    rows = [head, "|---|" + "---:|---:|---:|" * len(profiles)]
    kinds = [kind for kind in breakdown.ORDER if any(kind in a or kind in p for a, p in profiles.values())]
    for kind in [*kinds, "total"]:
        cells = []
        for annotated, plain in profiles.values():
            a, p = (sum(annotated.values()), sum(plain.values())) if kind == "total" else (annotated.get(kind, 0.0), plain.get(kind, 0.0))
            cells.append(f"{a:.2f} | {p:.2f} | {a - p:+.2f}")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=5, help="turns of one annotated and one plain build, each size")
    parser.add_argument("--serve-runs", type=int, default=5, help="edits timed while serving, each project")
    parser.add_argument("--no-write", action="store_true", help="print only; do not rewrite docs/benchmarks.md")
    parser.add_argument("--lighthouse", action="store_true", help="also audit an article page with Lighthouse")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="reader-corpora-"))
    try:
        results = {size: measure(size, args.runs, scratch, args.serve_runs) for size in args.sizes}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    tables, met = report(results)
    env = environment()
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
    text = "\n".join([  # Markdown, which the Benchmarks page shows as it is
        f"Machine: {env['machine']}  ", f"Python {env['python']}; {env['versions']}  ",
        f"Date: {env['date']}; median of {args.runs} build(s), or of {args.serve_runs} edit(s) while serving, per figure; "
        f"the ratio is the median of the {args.runs} turns' ratios", "", *tables, "",
        *[f"- {t}" for t in met],
        *(["", *[f"- {line}" for line in lighthouse.measure("articles/002/")]] if args.lighthouse else []),
    ])
    print(text)
    if not args.no_write:
        PAGE.write_text(PAGE_TEMPLATE.format(command=command.strip(), figures=text,
                                             lighthouse=LIGHTHOUSE_NOTE if args.lighthouse else ""), encoding="utf-8")
        print(f"\nwrote {PAGE.relative_to(PROJECT)}")
    return 0


PAGE_TEMPLATE = """# Benchmarks

How much the annotation costs, measured by `benchmarks/run.py` against a plain Material for MkDocs twin
of the same site. This page is written by the command: what follows, up to the command that reproduces
it, is exactly what it printed (Markdown, shown here as tables and a list).

{figures}

Reproduce them with:

```sh
{command}
```

**What the twin is.** `benchmarks/twin.py` makes it from the annotated project itself: every page the
annotated site has (each article, each claim's and each term's page, each parallel view of two articles,
and every hand-written page), with the same text as plain Markdown and no annotation, and the project's
own configuration (theme, features, Markdown extensions, search, overrides, navigation grouped the same
way) less the macros plugin and the page hooks. What differs, exactly: the twin has no notes, flags,
highlights, glossary links, provenance or reliability boxes, indexes, tables, figures or exports, and no
data is loaded or checked. Claim, term and register pages give the search index only their own words
(not the lists that repeat other pages), as the twin's pages are only those words. And since it has no
hooks to keep the claim, term and parallel pages out of the navigation, its configuration lists them
under `not_in_nav`.

**What is measured.** CPU time (user and system) of each `mkdocs build --strict`, the median of the
runs, the annotated and the plain build taking turns so that a busy moment hits both alike. The ratio is
the median of the turns' ratios, each turn's annotated build over the plain build that follows it: this
machine's speed drifts by as much as a third within minutes, and the two builds of one turn are the
closest in time, while the median annotated and the median plain build may come from turns minutes
apart. Also measured: the peak
memory of the build; the HTML of article pages. For `mkdocs serve`, the wall time from saving an edit of
one YAML file (the first reference's title) to the server giving the changed References page, the median
of the edits (`--serve-runs`), at N = 5 (a copy of the real project) and N = 1,000. The target sets it
against the plain rebuild measured the same way: the plain twin served and one of its pages edited (a
paragraph added to its References page), so that both figures include the server's own wait for the file
to settle (it polls the files every half second) and its reload. The two servers run side by side and
take turns with the edits, so that a slow moment of the machine hits both alike. Each server polls on a
clock of its own, and edits made back to back meet it at much the same point every time, which once
left the two medians up to half a second apart by where the clocks stood; so the edits are made at
offsets spread evenly over one polling interval, the same for both, and each median holds about
half an interval's wait. Beside it is one plain
build's wall time, from the start of its process. The reader's templates are compiled once and kept in
`.cache/jinja/` (`macros/compiled.py`), and each data file is parsed and checked once and kept in
`.cache/data/` by its content (`macros/data_cache.py`), with the data as loaded, by all of its files
together, so only the first build after a checkout or an edit does that work again; the timed builds
use what was kept. The column *first build* is one annotated
build with no data kept, as after a fresh checkout. While serving, the reader also keeps, for the next
rebuild, each rendering of its templates by the values it was given, each page's resolved links and each
written page's compacted text, by what they were made from (`macros/kept_renders.py`), so after an edit
only what it touched is rendered again; a one-off build keeps none of these.

**Where the time goes.** `benchmarks/breakdown.py` builds each project once more, in a process of its
own, with a profiling timer that stops the build every few milliseconds of CPU time (as often as the
system's clock allows) and charges the time since the last stop to the package whose code was
running. A stack that passes through `macros/` is the reader's, with all that the reader's code calls
(YAML, JSON Schema, Jinja rendering its templates, Python-Markdown rendering a note). Any other goes
to its innermost frame's package, passing over the standard library, Jinja and MarkupSafe, whose time
goes to what they work for: Material's theme templates, mkdocs-macros rendering a page, or the search
plugin parsing one. For serving, it builds the project once and profiles the rebuild that follows the
same edit, in the same process, as `mkdocs serve` does. The profiled builds are separate from the
timed ones, so their totals differ a little from the medians above. A missed target is followed by
what the profile puts the excess on, and by what the build would take without the reader's own code.

At N = 5 the annotated build is the real site. Larger corpora are synthetic (`benchmarks/generate.py`),
built by the project's own package and configuration (nothing of the code is copied): paragraphs from a
word-pair chain trained on the real captures, about six notes per article, one claim for every two
articles and one glossary term for every two articles, the navigation in groups of 50 under one section
with `navigation.prune`. They leave out the pages that repeat the articles: the print edition, with
every article on one page, and the parallel views of two articles.
{lighthouse}"""

LIGHTHOUSE_NOTE = """
Lighthouse runs against the site served on 127.0.0.1 the way a static host serves it (gzip, long cache
lifetimes for assets).
"""


if __name__ == "__main__":
    sys.exit(main())
