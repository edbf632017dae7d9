"""Figures drawn from the data: scales, positions and marks for inline SVG charts.

Three figures: a comparison's figures over the years (the hacker head-count),
small multiples of several comparisons (the gambling-site deal), and the events
on a time axis. Geometry is decided here in plain functions; the SVG and the
data table beside each chart come from ``templates/figures/``. Every mark names
the data entry it draws (``data-entry``) and its value (``data-value``).
"""

from __future__ import annotations

import logging
import math
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import addresses
from .compare import report_matches
from .finished import hold
from .model import Comparison, Corpus, Event
from .templating import render_html

YEAR = re.compile(r"^\d{4}$")
NO_YEAR = "no year given"


@dataclass(frozen=True)
class Scale:
    """A linear map from a domain of values onto a range of drawing units."""

    d0: float
    d1: float
    r0: float
    r1: float

    def __call__(self, value: float) -> float:
        return round(self.r0 + (value - self.d0) * (self.r1 - self.r0) / (self.d1 - self.d0), 2)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 × 10ⁿ apart) covering ``low``–``high``, about ``count`` of them."""
    if high <= low:
        high = low + 1 if low == 0 else low + abs(low)
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [first + i * step for i in range(round((last - first) / step) + 1)]


def number(value: float) -> str:
    """A figure as a reader says it: ``6,800``, ``866 million``, ``1 trillion``."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def date_span(text: str) -> tuple[date, date]:
    """The first day and the day after the last of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0] + 1, 1, 1)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
    start = date(*parts)
    return start, date.fromordinal(start.toordinal() + 1)


def _entry(comparison: Comparison, part: str, index: int) -> str:
    return f"{comparison.id}/{part}/{index}"


# ------------------------------------------------------------------ over the years

W = 400  # drawing units; the SVG scales to its box, so this keeps text legible at 390 px


def years_figure(corpus: Corpus, comparison_id: str) -> dict[str, Any]:
    """Every report and evidence figure of one comparison, a row per year, placed by value.

    Figures with no single year share a last row. Marks of equal value in a row
    stack so none hides another.
    """
    comparison = corpus.comparisons[comparison_id]
    items: list[dict[str, Any]] = []
    for i, r in enumerate(comparison.reports):
        if r.value is None:
            continue
        title = corpus.articles[r.article].title
        items.append({
            "kind": "report", "entry": _entry(comparison, "reports", i), "value": r.value, "as_of": r.as_of,
            "label": r.article, "matches": report_matches(r, comparison), "href": addresses.paragraph(r.article, r.anchor.paragraph),
            "name": f"Article {r.article}: {r.figure} ({r.unit}, {r.as_of}), {'matches' if report_matches(r, comparison) else 'differs from'} the evidence — {title}",
            "who": f"Article {r.article}", "figure": r.figure, "unit": r.unit, "shown": number(r.value),
        })
    for i, e in enumerate(comparison.evidence):
        items.append({
            "kind": "evidence", "entry": _entry(comparison, "evidence", i), "value": e.value, "as_of": e.as_of,
            "label": "", "matches": True, "href": addresses.reference(e.refs[0]),
            "name": f"Better-supported: {e.figure} ({e.unit}, {e.as_of}) — {e.source}",
            "who": e.source, "figure": e.figure, "unit": e.unit, "shown": number(e.value),
        })
    years = sorted({it["as_of"] for it in items if YEAR.match(it["as_of"])})
    rows = [*years, *([NO_YEAR] if any(not YEAR.match(it["as_of"]) for it in items) else [])]
    ticks = nice_ticks(min(it["value"] for it in items), max(it["value"] for it in items))
    x = Scale(ticks[0], ticks[-1], 104, W - 44)
    top, step, laid = 28.0, 18.0, []
    for row in rows:
        members = [it for it in items if (it["as_of"] if YEAR.match(it["as_of"]) else NO_YEAR) == row]
        slots: dict[float, int] = {}
        placed = []
        for it in sorted(members, key=lambda it: (it["kind"] != "report", it["entry"])):
            slot = slots.get(it["value"], 0)
            slots[it["value"]] = slot + 1
            placed.append({**it, "x": x(it["value"]), "y": top + 11 + slot * step})
        height = max(slots.values()) * step + 6
        laid.append({"label": row, "top": top, "height": height, "marks": placed, "mid": top + height / 2})
        top += height
    return {
        "c": comparison, "rows": laid, "width": W, "height": top + 34, "plot_top": 28.0, "plot_bottom": top,
        "ticks": [{"value": t, "x": x(t), "text": number(t)} for t in ticks], "x0": x(ticks[0]), "x1": x(ticks[-1]),
        "marks": [m for row in laid for m in row["marks"]],
    }


# ------------------------------------------------------------------ small multiples

PANEL_W = 360
BAR_END = 270  # the longest bar ends here, leaving room for its number after it


def panel(corpus: Corpus, comparison_id: str) -> dict[str, Any]:
    """One comparison as bars from zero: each article's figure, then the evidence, grouped by unit.

    Units are never mixed on one scale: each unit as written gets its own group
    and axis, so a figure converted by the evidence shows beside the original.
    """
    comparison = corpus.comparisons[comparison_id]
    rows: list[dict[str, Any]] = []
    for i, r in enumerate(comparison.reports):
        ok = report_matches(r, comparison)
        rows.append({"kind": "report", "entry": _entry(comparison, "reports", i), "value": r.value, "unit": r.unit,
                     "who": f"Article {r.article}", "figure": r.figure, "as_of": r.as_of, "matches": ok,
                     "verdict": "✓ matches" if ok else "✗ differs", "source": None,
                     "href": addresses.paragraph(r.article, r.anchor.paragraph)})
    for i, e in enumerate(comparison.evidence):
        rows.append({"kind": "evidence", "entry": _entry(comparison, "evidence", i), "value": e.value, "unit": e.unit,
                     "who": "Better-supported", "figure": e.figure, "as_of": e.as_of, "matches": True, "verdict": "",
                     "source": e.source, "href": addresses.reference(e.refs[0])})
    units = list(dict.fromkeys(row["unit"] for row in rows))
    groups, y = [], 8.0
    for unit in units:
        members = [row for row in rows if row["unit"] == unit]
        values = [row["value"] for row in members if row["value"] is not None]
        ticks = nice_ticks(0, max(values), 3) if values else []
        x = Scale(0, ticks[-1], 8, BAR_END) if ticks else None
        head = y + 14
        y = head + 8
        placed = []
        for row in members:
            lines = textwrap.wrap(f"{row['who']}: {row['figure']} ({row['as_of']}){' ' + row['verdict'] if row['verdict'] else ''}", 50)
            text_y = y + 12
            bar_y = text_y + 16 * (len(lines) - 1) + 6
            bar_w = round(x(row["value"]) - x(0), 2) if x and row["value"] is not None else None
            placed.append({**row, "lines": lines, "text_y": text_y, "bar_y": bar_y, "bar_w": bar_w,
                           "value_x": round((x(0) if x else 8) + (bar_w or 0) + 5, 2),
                           "shown": number(row["value"]) if row["value"] is not None else "no number given"})
            y = bar_y + 22
        axis_y = y + 2
        groups.append({"unit": unit, "head": head, "rows": placed, "axis_y": axis_y,
                       "ticks": [{"value": t, "x": x(t), "text": number(t)} for t in ticks] if x else [],
                       "x0": x(0) if x else 8})
        y = axis_y + 24
    return {"c": comparison, "groups": groups, "width": PANEL_W, "height": y,
            "marks": [row for g in groups for row in g["rows"]]}


# ------------------------------------------------------------------ timeline

def _precision(text: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(text.split("-"))]


@dataclass(frozen=True)
class TimeAxis:
    """A time axis that skips empty stretches: whole years ``(first, last)`` laid end to end with breaks."""

    stretches: tuple[tuple[int, int], ...]  # first year, last year, both inclusive
    top: float
    per_year: float
    gap: float = 28.0  # the length of a break

    def starts(self) -> list[float]:
        """Where each stretch begins."""
        out, at = [], self.top
        for first, last in self.stretches:
            out.append(at)
            at += (last - first + 1) * self.per_year + self.gap
        return out

    def __call__(self, day: date) -> float:
        for (first, last), begin in zip(self.stretches, self.starts(), strict=True):
            if first <= day.year <= last or (day.year == last + 1 and (day.month, day.day) == (1, 1)):
                days = day.toordinal() - date(first, 1, 1).toordinal()
                length = date(last + 1, 1, 1).toordinal() - date(first, 1, 1).toordinal()
                return round(begin + days / length * (last - first + 1) * self.per_year, 2)
        raise ValueError(f"{day} is outside the axis")

    @property
    def bottom(self) -> float:
        first, last = self.stretches[-1]
        return self.starts()[-1] + (last - first + 1) * self.per_year


def stretches(spans: list[tuple[date, date]], join: int = 2) -> tuple[tuple[int, int], ...]:
    """The runs of years the spans cover, joined across gaps of at most ``join`` - 1 empty years."""
    years = sorted({y for start, end in spans for y in range(start.year, date.fromordinal(end.toordinal() - 1).year + 1)})
    runs: list[list[int]] = []
    for year in years:
        if runs and year - runs[-1][1] <= join:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return tuple((a, b) for a, b in runs)


AXIS_X, LANE = 48, 10  # the axis, and how far apart overlapping ranges are drawn beside it


def _lanes(spans: list[tuple[float, float]]) -> list[int]:
    """A lane for each span (in order of start) so that spans sharing a lane never overlap."""
    ends: list[float] = []
    lanes = []
    for start, end in spans:
        lane = next((i for i, last in enumerate(ends) if last <= start), None)
        if lane is None:
            lane = len(ends)
            ends.append(end)
        else:
            ends[lane] = end
        lanes.append(lane)
    return lanes


def timeline_figure(corpus: Corpus) -> dict[str, Any]:
    """The events on a vertical time axis: a dot for a day, a bar for a month or a year.

    Runs of years with no event are cut out of the axis and drawn as a break.
    Each label sits as near its date as the labels before it allow, joined to
    its date by a leader line.
    """
    events: list[Event] = sorted(corpus.events.values(), key=lambda e: (date_span(e.date)[0], e.id))
    spans = [date_span(e.date) for e in events]
    line, gap = 15.0, 12.0
    blocks = [textwrap.wrap(e.title, 38) for e in events]
    needed = sum(line * (len(b) + 1) + gap for b in blocks)
    runs = stretches(spans)
    top = 20.0
    axis = TimeAxis(runs, top, max(needed / sum(b - a + 1 for a, b in runs), 24.0))
    marks, cursor, lanes = [], top, _lanes([(axis(a), axis(b)) for a, b in spans])
    for event, (start, end), lines, lane in zip(events, spans, blocks, lanes, strict=True):
        y0, y1 = axis(start), axis(end)
        anchor = (y0 + y1) / 2
        label_y = max(anchor + 4, cursor + line * 0.7)
        marks.append({
            "event": event, "entry": event.id, "precision": _precision(event.date), "y0": y0, "y1": max(y1 - 1.5, y0 + 3),  # a gap between ranges that abut
            "x": AXIS_X + LANE * lane,
            "anchor": round(anchor, 2), "label_y": round(label_y, 2), "lines": lines,
            "mentions": [{"article": m.article, "paragraph": m.anchor.paragraph,
                          "href": addresses.paragraph(m.article, m.anchor.paragraph)} for m in event.mentions],
            "title_y": round(label_y + line, 2), "href": addresses.event(event.id),
        })
        cursor = label_y + line * len(lines) + gap
    segments = [{"y0": begin, "y1": begin + (b - a + 1) * axis.per_year} for (a, b), begin in zip(runs, axis.starts(), strict=True)]
    return {"marks": marks, "width": W, "height": max(cursor, axis.bottom) + 16, "axis_x": AXIS_X, "segments": segments,
            "label_x": AXIS_X + LANE * (max(lanes) + 1) + 40,
            "breaks": [seg["y1"] + axis.gap / 2 for seg in segments[:-1]],
            "years": [{"year": yr, "y": axis(date(yr, 1, 1))} for a, b in runs for yr in range(a, b + 2)
                      if yr <= b or (a, b) == runs[-1]]}


log = logging.getLogger("mkdocs.plugins.reader")


def register_macros(env: Any, corpus: Corpus) -> None:
    """The figure macros for the Compare and Timeline pages."""

    def unknown(macro: str, ids: tuple[str, ...]) -> bool:
        """Say in one line, naming the page, which comparison ids the data lacks."""
        missing = [i for i in ids if i not in corpus.comparisons]
        if missing:
            log.error("docs/%s: %s: unknown comparison %s; known: %s", env.page.file.src_uri, macro,
                      ", ".join(map(repr, missing)), ", ".join(corpus.comparisons) or "none")
        return bool(missing)

    @env.macro
    def figure_over_years(comparison_id: str) -> str:
        """One comparison's figures by year, each mark a link to its paragraph or reference."""
        if unknown("figure_over_years", (comparison_id,)):
            return ""
        return hold(render_html("figures/years.html.j2", f=years_figure(corpus, comparison_id)))

    @env.macro
    def figure_panels(*comparison_ids: str) -> str:
        """Small multiples: one panel per comparison, figures as written beside the evidence."""
        if unknown("figure_panels", comparison_ids):
            return ""
        return hold(render_html("figures/panels.html.j2", panels=[panel(corpus, c) for c in comparison_ids]))

    @env.macro
    def figure_timeline() -> str:
        """The events on a time axis, each linked to its entry and its mentions; nothing without events."""
        if not corpus.events:
            return ""
        return hold(render_html("figures/timeline.html.j2", f=timeline_figure(corpus)))

