"""The charts on the Compare and Timeline pages: every mark is its data entry, and leads to it.

The checks read the built pages as a reader's browser gets them: a mark's value is
read back from where it is drawn (through the axis' own tick marks), its link is
resolved in the built site, and the table beside the chart must say the same.
Each check is also run on a copy of a page broken on purpose, and must fail.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.figures import TimeAxis, _lanes, date_span, nice_ticks, number, stretches
from macros.model import Corpus

from .conftest import PROJECT, edit, mkdocs_build
from .integrity import _parse, _target


def html_file(site: Path, path: str) -> Path:
    """A page's file in the served build (``compare/index.html``) or the offline one (``compare.html``)."""
    served = site / path / "index.html"
    return served if served.exists() else site / f"{path}.html"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup(html_file(site, path).read_text(encoding="utf-8"), "html.parser")


def charts(soup: BeautifulSoup, figure: str) -> list[Tag]:
    return soup.select(f'svg[data-figure="{figure}"]')


def entry_of(corpus: Corpus, key: str) -> object:
    """The report or evidence a mark names: ``comparison/reports/0``."""
    comparison, part, index = key.split("/")
    return getattr(corpus.comparisons[comparison], part)[int(index)]


def ticks(svg: Tag) -> list[tuple[float, float]]:
    """(position, value) of the axis' tick labels."""
    return [(float(t["x"]), float(t["data-tick"])) for t in svg.select("text[data-tick]")]


def invert(marks: list[tuple[float, float]], at: float) -> float:
    """The value at a position, by the linear map through the first and last tick."""
    (p0, v0), (p1, v1) = marks[0], marks[-1]
    return v0 + (at - p0) * (v1 - v0) / (p1 - p0)


# ---------------------------------------------------------------- the checks


def years_problems(svg: Tag, corpus: Corpus) -> list[str]:
    """Marks of a years chart whose value, position, row or count differ from the data."""
    comparison = corpus.comparisons[svg["data-comparison"]]
    axis = ticks(svg)
    problems = []
    for mark in svg.select("a.reader-chart__mark"):
        entry = entry_of(corpus, mark["data-entry"])
        shape = mark.select_one(".reader-chart__shape")
        x, y = (float(shape["cx"]), float(shape["cy"])) if shape.name == "circle" else map(float, re.match(r"M([\d.]+) ([\d.]+)", shape["d"]).groups())
        y = y if shape.name == "circle" else y + 7
        if float(mark["data-value"]) != entry.value or abs(invert(axis, x) - entry.value) > 0.5:
            problems.append(f"{mark['data-entry']}: drawn at {invert(axis, x):.0f}, data says {entry.value}")
        expected = entry.as_of if re.fullmatch(r"\d{4}", entry.as_of) else "no year given"
        if _row_at(svg, y) != expected:
            problems.append(f"{mark['data-entry']}: in row {_row_at(svg, y)!r}, data says {expected!r}")
    expected = {f"{comparison.id}/reports/{i}" for i, r in enumerate(comparison.reports) if r.value is not None}
    expected |= {f"{comparison.id}/evidence/{i}" for i in range(len(comparison.evidence))}
    drawn = [m["data-entry"] for m in svg.select("a.reader-chart__mark")]
    if sorted(drawn) != sorted(expected):
        problems.append(f"marks {sorted(drawn)} are not the entries {sorted(expected)}")
    return problems


def _row_at(svg: Tag, y: float) -> str:
    """The label of the row band (between two rules) that holds height ``y``."""
    tops = sorted(float(r["y1"]) for r in svg.select("line.reader-chart__rule"))
    labels = {round(float(t["y"]), 1): t.get_text() for t in svg.select("text.reader-chart__row")}
    top = max(t for t in tops if t <= y)
    below = [t for t in tops if t > top]
    bottom = below[0] if below else float("inf")
    return next(label for ly, label in labels.items() if top <= ly <= bottom)


def panel_problems(svg: Tag, corpus: Corpus) -> list[str]:
    """Bars of a panel whose length, unit group or count differ from the data."""
    comparison = corpus.comparisons[svg["data-comparison"]]
    problems = []
    for mark in svg.select("a.reader-chart__mark"):
        entry = entry_of(corpus, mark["data-entry"])
        bar = mark.select_one("rect.reader-chart__shape")
        heads = [h for h in svg.select("text.reader-chart__unit") if float(h["y"]) < float(mark.select_one("text")["y"])]
        if heads[-1].get_text() != f"In {entry.unit}":
            problems.append(f"{mark['data-entry']}: under {heads[-1].get_text()!r}, data says {entry.unit!r}")
        if entry.value is None:
            if bar is not None or "no number given" not in mark.get_text():
                problems.append(f"{mark['data-entry']}: the data has no number, the chart draws one")
            continue
        group_ticks = _group_ticks(svg, float(bar["y"]))
        drawn = invert(group_ticks, float(bar["x"]) + float(bar["width"]))
        if float(mark["data-value"]) != entry.value or abs(drawn - entry.value) > entry.value * 0.005:
            problems.append(f"{mark['data-entry']}: bar ends at {drawn:,.0f}, data says {entry.value:,.0f}")
        if number(entry.value) not in mark.get_text():
            problems.append(f"{mark['data-entry']}: the label does not say {number(entry.value)}")
    expected = [f"{comparison.id}/reports/{i}" for i in range(len(comparison.reports))]
    expected += [f"{comparison.id}/evidence/{i}" for i in range(len(comparison.evidence))]
    if sorted(m["data-entry"] for m in svg.select("a.reader-chart__mark")) != sorted(expected):
        problems.append("the panel does not draw exactly the comparison's entries")
    return problems


def _group_ticks(svg: Tag, y: float) -> list[tuple[float, float]]:
    """The ticks of the first unit axis below height ``y``."""
    below = [t for t in svg.select("text[data-tick]") if float(t["y"]) > y]
    first = min(float(t["y"]) for t in below)
    return [(float(t["x"]), float(t["data-tick"])) for t in below if float(t["y"]) == first]


def timeline_problems(svg: Tag, corpus: Corpus) -> list[str]:
    """Events drawn at another date than theirs, with the wrong shape, or missing."""
    years = {int(t["data-tick"]): float(t["y"]) - 4 for t in svg.select("text[data-tick]")}  # labels sit 4 below
    segments = [(float(line["y1"]), float(line["y2"])) for line in svg.select("line.reader-chart__rule") if line["y1"] != line["y2"]]
    problems = []
    for group in svg.select("g.reader-chart__event"):
        event = corpus.events[group["data-entry"]]
        start, end = date_span(event.date)
        shape = group.select_one(".reader-chart__shape")
        top = float(shape["cy"]) if shape.name == "circle" else float(shape["y"])
        precision = {1: "year", 2: "month", 3: "day"}[len(event.date.split("-"))]
        if group["data-date"] != event.date or (shape.name == "circle") != (precision == "day"):
            problems.append(f"{event.id}: drawn as {shape.name} for {group['data-date']}, data says {event.date}")
        year_top = years[start.year]
        year_end = years.get(start.year + 1) or next(y2 for y1, y2 in segments if y1 <= year_top <= y2)
        length = year_end - year_top
        day = (start.toordinal() - date(start.year, 1, 1).toordinal()) / 365.25
        if abs(top - (year_top + day * length)) > 2:
            problems.append(f"{event.id}: drawn at {top}, its date is at {year_top + day * length:.1f}")
        if shape.name == "rect":
            span = (end.toordinal() - start.toordinal()) / 365.25 * length
            if abs(float(shape["height"]) - span) > 2:
                problems.append(f"{event.id}: a range {shape['height']} long for {span:.1f}")
    if sorted(g["data-entry"] for g in svg.select("g.reader-chart__event")) != sorted(corpus.events):
        problems.append("the timeline does not draw exactly the events")
    return problems


def table_problems(figure: Tag) -> list[str]:
    """A chart without an accessible name, a description or a data table with the same entries and numbers."""
    svg = figure.select_one("svg")
    problems = []
    for attribute in ("aria-labelledby", "aria-describedby"):
        target = figure.find(id=svg.get(attribute, "-"))
        if target is None or target.parent is not svg or not target.get_text(strip=True):
            problems.append(f"{figure['id']}: {attribute} names no text in the chart")
    if svg.get("role") != "group":
        problems.append(f"{figure['id']}: the chart has no role")
    table = figure.select_one("details.reader-figure__data table")
    if table is None:
        return [*problems, f"{figure['id']}: no data table"]
    marks = {(m["data-entry"], m.get("data-value") or m.get("data-date")) for m in svg.select("[data-entry]")
             if m.name in ("a", "g")}
    rows = {(r["data-entry"], r.get("data-value") or r.get("data-date")) for r in table.select("tr[data-entry]")}
    if marks != rows:
        problems.append(f"{figure['id']}: the table has {sorted(rows - marks)}, the chart {sorted(marks - rows)}")
    return problems


def link_problems(site: Path, path: str, corpus: Corpus) -> list[str]:
    """Links of the marks that do not resolve in the built site, or lead elsewhere than their entry."""
    here = html_file(site, path).resolve()
    soup = page(site, path)
    problems = []
    for mark in soup.select("svg.reader-chart a"):
        file, fragment = _target(site.resolve(), here, mark["href"])
        if not file.exists() or fragment not in _parse(file).ids:
            problems.append(f"{path}: {mark['href']} does not resolve")
        expected = _expected_fragment(mark, corpus)
        if fragment != expected:
            problems.append(f"{path}: {mark['href']} should lead to #{expected}")
    return problems


def _expected_fragment(mark: Tag, corpus: Corpus) -> str:
    group = mark.find_parent("g", class_="reader-chart__event")
    if group is not None:
        if "reader-chart__mention" in mark.get("class", []):
            article, paragraph = re.fullmatch(r"(\d+) ¶(\d+)", mark.select_one("text").get_text()).groups()
            event = corpus.events[group["data-entry"]]
            assert any(m.article == article and m.anchor.paragraph == f"p{paragraph}" for m in event.mentions)
            return f"p{paragraph}"
        return f"event-{group['data-entry']}"
    entry = entry_of(corpus, mark["data-entry"])
    return f"ref-{entry.refs[0]}" if hasattr(entry, "refs") else entry.anchor.paragraph


# ---------------------------------------------------------------- the real site


def test_every_headcount_mark_is_drawn_at_its_value_and_year(site: Path, corpus: Corpus) -> None:
    (svg,) = charts(page(site, "compare"), "years")
    assert svg["data-comparison"] == "hacker-headcount"
    assert years_problems(svg, corpus) == []


def test_every_deal_bar_is_its_value_in_its_unit_as_written(site: Path, corpus: Corpus) -> None:
    panels = charts(page(site, "compare"), "panel")
    assert [p["data-comparison"] for p in panels] == ["gambling-site-price", "gambling-maintenance-fee", "gambling-profits", "stolen-personal-data"]
    assert [problem for svg in panels for problem in panel_problems(svg, corpus)] == []


def test_every_event_is_drawn_at_its_date_with_coarse_dates_as_ranges(site: Path, corpus: Corpus) -> None:
    (svg,) = charts(page(site, "timeline"), "timeline")
    assert timeline_problems(svg, corpus) == []
    shapes = {g["data-precision"]: g.select_one(".reader-chart__shape").name for g in svg.select("g.reader-chart__event")}
    assert shapes == {"day": "circle", "month": "rect", "year": "rect"}


@pytest.mark.parametrize("path", ["compare", "timeline"])
def test_every_mark_links_to_its_paragraph_reference_or_entry(site: Path, corpus: Corpus, path: str) -> None:
    assert page(site, path).select("svg.reader-chart a")
    assert link_problems(site, path, corpus) == []


@pytest.mark.parametrize("path", ["compare", "timeline"])
def test_each_chart_has_an_accessible_name_a_description_and_a_data_table(site: Path, path: str) -> None:
    figures = page(site, path).select("figure.reader-figure")
    assert len(figures) == {"compare": 5, "timeline": 1}[path]
    assert [problem for figure in figures for problem in table_problems(figure)] == []


def test_the_offline_build_shows_the_charts(offline_site: Path, corpus: Corpus) -> None:
    assert [s["data-figure"] for s in charts(page(offline_site, "compare"), "years")] == ["years"]
    assert len(charts(page(offline_site, "compare"), "panel")) == 4
    (svg,) = charts(page(offline_site, "timeline"), "timeline")
    assert timeline_problems(svg, corpus) == []
    assert all(a["href"].split("#")[0].endswith(".html") for a in page(offline_site, "timeline").select("svg a"))
    assert link_problems(offline_site, "compare", corpus) == link_problems(offline_site, "timeline", corpus) == []


def test_the_charts_use_the_themes_colours_and_fetch_nothing(site: Path) -> None:
    css = (site / "assets" / "stylesheets" / "figures.css").read_text(encoding="utf-8")
    screen = css.split("@media print")[0]  # paper is white in both schemes, so print fixes its colours
    colours = re.findall(r"(?:fill|stroke|color):\s*([^;]+);", screen)
    assert colours and all(c.startswith("var(--") or c == "none" for c in colours), colours
    for path in ("compare", "timeline"):
        for svg in page(site, path).select("svg.reader-chart"):
            assert not svg.select("[fill], [stroke], [style], image, script, use"), "colours come from the stylesheet only"


def test_new_data_appears_in_the_charts_with_no_other_change(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy / "glossary" / "comparisons.yaml", """        refs: [donga-en-2024-07-31-8400-hackers, donga-ko-2024-07-31-8400, yonhaptv-2024-10-30-8400]
""", """        refs: [donga-en-2024-07-31-8400-hackers, donga-ko-2024-07-31-8400, yonhaptv-2024-10-30-8400]
      - figure: a test figure
        value: 9100
        unit: people
        as_of: "2025"
        source: a scenario for this test
        refs: [donga-en-2024-07-31-8400-hackers]
""")
    events = project_copy / "glossary" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + """- id: a-test-event
  date: 2025-03
  title: A test event
  refs:
  - donga-en-2024-07-31-8400-hackers
""", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    from macros.load import load_corpus

    corpus = load_corpus(project_copy / "glossary")
    (svg,) = charts(page(tmp_path / "site", "compare"), "years")
    assert "hacker-headcount/evidence/12" in {m["data-entry"] for m in svg.select("a")}
    assert years_problems(svg, corpus) == []
    (svg,) = charts(page(tmp_path / "site", "timeline"), "timeline")
    assert svg.select_one('g[data-entry="a-test-event"] rect') is not None
    assert timeline_problems(svg, corpus) == []


FIGURES_COST = """
import time
from macros import figures
from macros.load import load_corpus
from macros.templating import render_html
corpus = load_corpus()
start = time.perf_counter()
render_html("figures/years.html.j2", f=figures.years_figure(corpus, "hacker-headcount"))
render_html("figures/panels.html.j2", panels=[figures.panel(corpus, c) for c in corpus.comparisons])
render_html("figures/timeline.html.j2", f=figures.timeline_figure(corpus))
print(time.perf_counter() - start)
"""


def test_the_figures_add_a_few_per_cent_to_a_build(tmp_path: Path) -> None:
    """Drawing the three figures, templates compiled from cold as in a fresh build, costs under 5 % of one."""
    cost = min(float(subprocess.run([sys.executable, "-c", FIGURES_COST], cwd=PROJECT, capture_output=True, text=True,
                                    check=True).stdout) for _ in range(3))
    start = time.perf_counter()
    assert mkdocs_build(PROJECT, tmp_path / "site").returncode == 0
    build = time.perf_counter() - start
    assert cost < 0.05 * build, f"the figures take {cost:.3f} s of a {build:.2f} s build"


# ---------------------------------------------------------------- each check fails on a broken copy


def _moved(svg: Tag, selector: str, attribute: str, by: float) -> Tag:
    broken = copy.copy(svg)
    shape = broken.select_one(selector)
    if attribute == "d":
        shape["d"] = re.sub(r"^M([\d.]+)", lambda m: f"M{float(m.group(1)) + by}", shape["d"])
    else:
        shape[attribute] = str(float(shape[attribute]) + by)
    return broken


def test_the_checks_catch_a_mark_at_the_wrong_value_date_or_row(site: Path, corpus: Corpus) -> None:
    (years,) = charts(page(site, "compare"), "years")
    assert years_problems(_moved(years, "a.reader-chart__mark--report .reader-chart__shape", "d", 20), corpus)
    assert years_problems(_moved(years, "a.reader-chart__mark--evidence circle", "cy", 40), corpus)
    one_fewer = copy.copy(years)
    one_fewer.select_one("a.reader-chart__mark").decompose()
    assert years_problems(one_fewer, corpus)
    panel = charts(page(site, "compare"), "panel")[0]
    assert panel_problems(_moved(panel, "rect.reader-chart__shape", "width", 12), corpus)
    (timeline,) = charts(page(site, "timeline"), "timeline")
    assert timeline_problems(_moved(timeline, "g.reader-chart__event circle", "cy", 30), corpus)
    assert timeline_problems(_moved(timeline, "g.reader-chart__event rect", "height", 30), corpus)


def test_the_checks_catch_a_missing_name_or_table_and_a_wrong_link(site: Path, corpus: Corpus, tmp_path: Path) -> None:
    figure = page(site, "timeline").select_one("figure.reader-figure")
    nameless = copy.copy(figure)
    nameless.select_one("svg title").decompose()
    assert table_problems(nameless)
    tableless = copy.copy(figure)
    tableless.select_one("table").decompose()
    assert table_problems(tableless)
    short = copy.copy(figure)
    short.select_one("tr[data-entry]").decompose()
    assert table_problems(short)
    broken = tmp_path / "site" / "timeline"
    broken.mkdir(parents=True)
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    (broken / "index.html").write_text(html.replace('href="#event-', 'href="#event-x', 1), encoding="utf-8")
    assert link_problems(tmp_path / "site", "timeline", corpus)


# ---------------------------------------------------------------- geometry


def test_ticks_are_round_and_cover_the_data() -> None:
    assert nice_ticks(6000, 8400) == [6000, 7000, 8000, 9000]
    assert nice_ticks(0, 866_000_000, 3) == [0, 500_000_000, 1_000_000_000]
    assert nice_ticks(0, 0) == [0, 0.5, 1]


def test_numbers_read_as_words_for_millions_and_more() -> None:
    assert [number(v) for v in (6800, 866e6, 1e12, 1.7e9)] == ["6,800", "866 million", "1 trillion", "1.7 billion"]


def test_a_coarse_date_spans_its_whole_month_or_year() -> None:
    assert date_span("2009") == (date(2009, 1, 1), date(2010, 1, 1))
    assert date_span("2011-12") == (date(2011, 12, 1), date(2012, 1, 1))
    assert date_span("2014-11-24") == (date(2014, 11, 24), date(2014, 11, 25))


def test_the_time_axis_skips_empty_years_and_keeps_dates_in_order() -> None:
    spans = [date_span(d) for d in ("1994-07-08", "2009", "2011-12", "2014-04", "2016", "2018-05", "2020", "2022-01-02", "2024-07-31")]
    runs = stretches(spans)
    assert runs == ((1994, 1994), (2009, 2011), (2014, 2024))
    axis = TimeAxis(runs, 0.0, 10.0)
    places = [axis(start) for start, _ in spans]
    assert places == sorted(places)
    assert axis(date(2009, 1, 1)) == 10.0 + axis.gap  # one year, then a break
    with pytest.raises(ValueError):
        axis(date(2000, 1, 1))


def test_overlapping_ranges_get_lanes_of_their_own() -> None:
    assert _lanes([(0, 10), (5, 6), (10, 12), (11, 13)]) == [0, 1, 0, 1]
