"""Comparison across sources: figure tables, the claim × article matrix and the parallel view.

Deciding (what differs from the evidence, which paragraphs line up) is kept in
plain functions; the HTML comes from the templates.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup

from . import addresses, citations
from .links import Origin, contributed
from .model import Comparison, Corpus, Report
from .plan import appearance_key
from .registers import bibliography_numbers
from .templating import render_html


def report_matches(report: Report, comparison: Comparison) -> bool:
    """True when some evidence gives the same figure for the same period in the same unit."""
    return any(
        e.as_of == report.as_of and e.unit == report.unit and report.value is not None and e.value == report.value
        for e in comparison.evidence
    )


def comparison_table(corpus: Corpus, comparison_id: str) -> Markup:
    """One figure as each article reports it, beside the better-supported figures."""
    comparison = corpus.comparisons[comparison_id]
    numbers = bibliography_numbers(corpus)
    return render_html(
        "comparison.html.j2", c=comparison,
        reports=[{"report": r, "matches": report_matches(r, comparison), "title": corpus.articles[r.article].title}
                 for r in comparison.reports],
        evidence=[{"item": e, "citations": citations.citations(e.refs, numbers, corpus.references, addresses.BIBLIOGRAPHY)}
                  for e in comparison.evidence],
        note=contributed(comparison.note, Origin("glossary/comparisons.yaml", comparison.id, "note")) if comparison.note else None,
    )


def all_comparisons(corpus: Corpus) -> Markup:
    """Every comparison table, in the order of the data file."""
    return Markup("\n").join(comparison_table(corpus, cid) for cid in corpus.comparisons)


# Beyond this many articles a column for each would not fit beside the claims on a 1280 px screen
# (tests/browser/test_tables_in_chromium.py measures it), and a dense matrix grows as claims × articles.
DENSE_MATRIX_ARTICLES = 6


def claim_matrix(corpus: Corpus) -> Markup:
    """For each claim, whether each article asserts, contradicts or qualifies it, or is silent.

    With many articles each claim lists only the articles that speak to it, so the page grows with
    the number of appearances, not with claims × articles.
    """
    order = {article_id: n for n, article_id in enumerate(corpus.articles)}
    rows = []
    for claim in corpus.claims.values():
        speak: dict[str, list[dict[str, object]]] = {}
        for a in sorted(claim.appearances, key=lambda a: order[a.article]):
            speak.setdefault(a.article, []).append({"appearance": a, "key": appearance_key(claim, a)})
        rows.append({"claim": claim, "verdict": corpus.verdicts[claim.verdict], "speak": speak})
    dense = len(corpus.articles) <= DENSE_MATRIX_ARTICLES
    return render_html("matrix.html.j2", articles=list(corpus.articles.values()) if dense else [], rows=rows)


# ---------------------------------------------------------------- the parallel view
#
# Any two articles can be chosen, but only a pair that shares a claim or a figure has something to
# line up on, so only such a pair gets a page (``/parallel/001-002.md``, made by ``macros/pages.py``):
# the pair is in the address, so a view can be shared, and the number of pages grows with the claims
# the articles share, not with the square of the articles. The Parallel page lists those pairs as
# plain links, which is also all that ``parallel.js`` reads to choose one: no other file is fetched,
# so the chooser works from file:// in the offline build, where fetching fails.

SILENT = "silent"
REPORTS = "reports"  # what an article does with a figure it gives


@dataclass(frozen=True)
class Row:
    """One row of the parallel view: paragraphs of each article that sit level."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    """One place where an article treats a claim or a figure, and how."""

    paragraph: str
    start: int
    end: int
    stance: str  # asserts, contradicts or qualifies (a claim); reports (a figure)
    href: str  # the words on the article page (a claim's) or their paragraph (a figure's)
    words: str
    matches: bool | None = None  # a figure: whether some evidence gives the same figure


@dataclass(frozen=True)
class Point:
    """A claim or a figure and where each of the two articles treats it, in reading order (nowhere: silent)."""

    kind: str  # "claim" or "figure"
    key: str
    left: tuple[Passage, ...]
    right: tuple[Passage, ...]

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.key}"

    @property
    def shared(self) -> bool:
        return bool(self.left and self.right)

    def of(self, side: str) -> tuple[Passage, ...]:
        return self.left if side == "left" else self.right


@dataclass(frozen=True)
class Shown:
    """A paragraph in the view, with the points it treats that are level in no row."""

    paragraph: str
    notes: tuple[Point, ...] = ()


@dataclass(frozen=True)
class ViewRow:
    """A row of the view: the points level in it, above the paragraphs of each article."""

    level: tuple[Point, ...]
    left: tuple[Shown, ...]
    right: tuple[Shown, ...]


@dataclass(frozen=True)
class Pair:
    """Two articles, in the order of the data, and how many claims and figures they share."""

    left: str
    right: str
    claims: int
    figures: int


def _in_reading_order(passages: list[Passage]) -> tuple[Passage, ...]:
    return tuple(sorted(passages, key=lambda p: (int(p.paragraph[1:]), p.start)))


def points(corpus: Corpus, left: str, right: str) -> list[Point]:
    """Every claim and every figure either article treats, claims first, each in the order of the data."""
    found: list[Point] = []
    for claim in corpus.claims.values():
        sides = {
            article: _in_reading_order([
                Passage(a.anchor.paragraph, a.anchor.start, a.anchor.end, a.stance,
                        addresses.quote(article, appearance_key(claim, a)), a.quote.exact)
                for a in claim.appearances if a.article == article
            ])
            for article in (left, right)
        }
        if sides[left] or sides[right]:
            found.append(Point("claim", claim.id, sides[left], sides[right]))
    for comparison in corpus.comparisons.values():
        sides = {
            article: _in_reading_order([
                Passage(r.anchor.paragraph, r.anchor.start, r.anchor.end, REPORTS,
                        addresses.paragraph(article, r.anchor.paragraph), r.quote.exact, report_matches(r, comparison))
                for r in comparison.reports if r.article == article
            ])
            for article in (left, right)
        }
        if sides[left] or sides[right]:
            found.append(Point("figure", comparison.id, sides[left], sides[right]))
    return found


def stances(passages: tuple[Passage, ...]) -> list[tuple[str, tuple[Passage, ...]]]:
    """What an article does with a point: each stance once, with its passages, in reading order; silent if none."""
    grouped: dict[str, list[Passage]] = {}
    for passage in passages:
        grouped.setdefault(passage.stance, []).append(passage)
    return [(stance, tuple(found)) for stance, found in grouped.items()] or [(SILENT, ())]


def shown_paragraphs(corpus: Corpus, article_id: str, treated: set[str]) -> list[str]:
    """The paragraphs of an article the view shows: all but page furniture, and furniture that treats a point."""
    return [p.id for p in corpus.articles[article_id].paragraphs if p.role != "furniture" or p.id in treated]


def level_candidates(found: list[Point], left_ids: list[str], right_ids: list[str]) -> list[tuple[str, str, str]]:
    """(left paragraph, right paragraph, point) for every pair of shown paragraphs that treat one shared point."""
    shown_left, shown_right = set(left_ids), set(right_ids)
    return list(dict.fromkeys(
        (lp.paragraph, rp.paragraph, point.label)
        for point in found if point.shared
        for lp in point.left if lp.paragraph in shown_left
        for rp in point.right if rp.paragraph in shown_right
    ))


def lay_out(left_ids: list[str], right_ids: list[str], found: list[Point]) -> list[ViewRow]:
    """The rows of the view: the two articles aligned on the points they share (:func:`align`).

    A shared point stands above each row it is level in. Every other point, made by one article
    only or by both in crossing order, is noted under the first paragraph of each article that
    treats it, so no point of either article is left out.
    """
    by_label = {point.label: point for point in found}
    rows = align(left_ids, right_ids, level_candidates(found, left_ids, right_ids))
    level = {label for row in rows for label in row.shared}
    notes: dict[str, dict[str, list[Point]]] = {"left": {}, "right": {}}
    for point in found:
        if point.label in level:
            continue
        for side, ids in (("left", left_ids), ("right", right_ids)):
            here = [p.paragraph for p in point.of(side) if p.paragraph in ids]
            if here:
                notes[side].setdefault(here[0], []).append(point)
    return [
        ViewRow(
            tuple(by_label[label] for label in row.shared),
            tuple(Shown(p, tuple(notes["left"].get(p, ()))) for p in row.left),
            tuple(Shown(p, tuple(notes["right"].get(p, ()))) for p in row.right),
        )
        for row in rows
    ]


def marked(text: str, ranges: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """A paragraph's text in pieces, the words of its passages marked (overlapping passages as one)."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in merged:
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def align(left_ids: list[str], right_ids: list[str], points: list[tuple[str, str, str]]) -> list[Row]:
    """Line two articles up on their shared points, keeping both in reading order.

    Of the pairs of paragraphs that share a point, the rows level the set that keeps both
    articles in order and lines up the most points (a heaviest increasing chain, O(n log n));
    paragraphs in between stand on their own rows.
    """
    li = {p: i for i, p in enumerate(left_ids)}
    ri = {p: i for i, p in enumerate(right_ids)}
    labels: dict[tuple[int, int], list[str]] = {}
    for lp, rp, label in points:
        labels.setdefault((li[lp], ri[rp]), []).append(label)
    chain = _heaviest_increasing({pair: len(set(found)) for pair, found in labels.items()}, len(right_ids))
    rows: list[Row] = []
    i = j = 0
    for a, b in chain:
        if i < a or j < b:
            rows.append(Row(tuple(left_ids[i:a]), tuple(right_ids[j:b]), ()))
        rows.append(Row((left_ids[a],), (right_ids[b],), tuple(labels[(a, b)])))
        i, j = a + 1, b + 1
    if i < len(left_ids) or j < len(right_ids):
        rows.append(Row(tuple(left_ids[i:]), tuple(right_ids[j:]), ()))
    return rows


def _heaviest_increasing(weights: dict[tuple[int, int], int], size: int) -> list[tuple[int, int]]:
    """The chain of pairs increasing strictly in both coordinates whose weights sum highest.

    ``size`` bounds the second coordinate. A Fenwick tree keeps, for every second coordinate,
    the heaviest chain ending below it; pairs go by first coordinate ascending and second
    descending, so two pairs with the same first coordinate never join one chain.
    """
    ordered = sorted(weights, key=lambda p: (p[0], -p[1]))
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (weight of the best chain, its last pair)
    best: list[int] = []
    previous: list[int] = []
    for k, (_, b) in enumerate(ordered):
        found, i = (0, -1), b  # the heaviest chain whose second coordinates are all below b
        while i > 0:
            found = max(found, tree[i])
            i -= i & -i
        best.append(found[0] + weights[ordered[k]])
        previous.append(found[1])
        i = b + 1
        while i <= size:
            tree[i] = max(tree[i], (best[k], k))
            i += i & -i
    chain: list[tuple[int, int]] = []
    k = max(range(len(ordered)), key=best.__getitem__, default=-1)
    while k != -1:
        chain.append(ordered[k])
        k = previous[k]
    return chain[::-1]


def sharing_pairs(corpus: Corpus) -> list[Pair]:
    """Every pair of articles that share at least one claim or figure, in the order of the data."""
    order = {article_id: i for i, article_id in enumerate(corpus.articles)}
    counts: dict[tuple[str, str], list[int]] = {}
    groups = [(0, {a.article for a in c.appearances}) for c in corpus.claims.values()]
    groups += [(1, {r.article for r in c.reports}) for c in corpus.comparisons.values()]
    for kind, articles in groups:
        for pair in itertools.combinations(sorted(articles, key=order.__getitem__), 2):
            counts.setdefault(pair, [0, 0])[kind] += 1
    return [Pair(left, right, claims, figures)
            for (left, right), (claims, figures) in sorted(counts.items(), key=lambda item: (order[item[0][0]], order[item[0][1]]))]


def parallel_view(corpus: Corpus, left: str, right: str) -> Markup:
    """Two articles in two columns, aligned on the claims and figures they share, with each one's stance."""
    found = points(corpus, left, right)
    ids = {side: shown_paragraphs(corpus, article, {p.paragraph for point in found for p in point.of(side)})
           for side, article in (("left", left), ("right", right))}
    rows = lay_out(ids["left"], ids["right"], found)
    paragraphs = {side: {p.id: p for p in corpus.articles[article].paragraphs}
                  for side, article in (("left", left), ("right", right))}
    ranges: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for point in found:
        for side in ("left", "right"):
            for passage in point.of(side):
                ranges.setdefault((side, passage.paragraph), []).append((passage.start, passage.end))
    shown_points: dict[str, dict[str, object]] = {}

    def shown(point: Point) -> dict[str, object]:
        if point.label not in shown_points:
            if point.kind == "claim":
                claim = corpus.claims[point.key]
                what = {"name": claim.statement, "href": addresses.claim(claim.id), "verdict": corpus.verdicts[claim.verdict]}
            else:
                comparison = corpus.comparisons[point.key]
                what = {"name": comparison.title, "href": addresses.comparison(comparison.id), "verdict": None}
            shown_points[point.label] = {
                "kind": point.kind, **what,
                "sides": [{"article": left, "stances": stances(point.left)}, {"article": right, "stances": stances(point.right)}],
            }
        return shown_points[point.label]

    def cell(side: str, cells: tuple[Shown, ...]) -> list[dict[str, object]]:
        return [{"id": s.paragraph, "role": paragraphs[side][s.paragraph].role,
                 "pieces": marked(paragraphs[side][s.paragraph].text, ranges.get((side, s.paragraph), [])),
                 "notes": [shown(p) for p in s.notes]} for s in cells]

    shared_claims = [p for p in found if p.kind == "claim" and p.shared]
    return render_html(
        "parallel.html.j2",
        left={"id": left, "title": corpus.articles[left].title},
        right={"id": right, "title": corpus.articles[right].title},
        counts={
            "claims": len(shared_claims),
            "differ": sum({p.stance for p in c.left} != {p.stance for p in c.right} for c in shared_claims),
            "figures": sum(p.kind == "figure" and p.shared for p in found),
            "only_left": sum(p.kind == "claim" and not p.right for p in found),
            "only_right": sum(p.kind == "claim" and not p.left for p in found),
        },
        rows=[{"level": [shown(p) for p in row.level], "left": cell("left", row.left), "right": cell("right", row.right)}
              for row in rows],
    )


def parallel_chooser(corpus: Corpus) -> Markup:
    """The Parallel page: a chooser of any two articles, and every pair that shares something as a plain link."""
    partners: dict[str, list[dict[str, object]]] = {a: [] for a in corpus.articles}
    for pair in sharing_pairs(corpus):
        partners[pair.left].append({"pair": pair, "other": pair.right})
        partners[pair.right].append({"pair": pair, "other": pair.left})
    return render_html(
        "parallel_chooser.html.j2",
        articles=[{"id": a.id, "title": a.title, "partners": partners[a.id]} for a in corpus.articles.values()],
    )
