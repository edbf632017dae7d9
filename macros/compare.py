"""Comparison across sources: figure tables, the claim × article matrix and the parallel view.

Deciding (what differs from the evidence, which paragraphs line up) is kept in
plain functions; the HTML comes from the templates.
"""

from __future__ import annotations

import bisect
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


@dataclass(frozen=True)
class Row:
    """One row of the parallel view: paragraphs of each article that sit level."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    shared: tuple[str, ...]


def shared_points(corpus: Corpus, left: str, right: str) -> list[tuple[str, str, str]]:
    """(left paragraph, right paragraph, label) for every claim or figure both articles report."""
    points: list[tuple[str, str, str]] = []
    for claim in corpus.claims.values():
        lefts = [a.anchor.paragraph for a in claim.appearances if a.article == left]
        rights = [a.anchor.paragraph for a in claim.appearances if a.article == right]
        points += [(lp, rp, f"claim:{claim.id}") for lp in lefts[:1] for rp in rights[:1]]
    for comparison in corpus.comparisons.values():
        lefts = [r.anchor.paragraph for r in comparison.reports if r.article == left]
        rights = [r.anchor.paragraph for r in comparison.reports if r.article == right]
        points += [(lp, rp, f"comparison:{comparison.id}") for lp in lefts[:1] for rp in rights[:1]]
    return points


def align(left_ids: list[str], right_ids: list[str], points: list[tuple[str, str, str]]) -> list[Row]:
    """Line two articles up on their shared points, keeping both in reading order.

    The largest set of shared points that keeps both articles in order is used
    (a longest increasing subsequence over the pairs, O(n log n)); paragraphs in
    between stand on their own rows.
    """
    li = {p: i for i, p in enumerate(left_ids)}
    ri = {p: i for i, p in enumerate(right_ids)}
    pairs = sorted({(li[lp], ri[rp]) for lp, rp, _ in points})
    chain = _longest_increasing(pairs)
    labels: dict[tuple[int, int], list[str]] = {}
    for lp, rp, label in points:
        labels.setdefault((li[lp], ri[rp]), []).append(label)
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


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing strictly in both coordinates."""
    # Sort by left ascending, right descending, so equal lefts cannot both be chosen.
    ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(ordered)
    for k, (_, b) in enumerate(ordered):
        pos = bisect.bisect_left(tails, b)
        if pos == len(tails):
            tails.append(b)
            tail_index.append(k)
        else:
            tails[pos] = b
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_index[-1] if tail_index else -1
    while k != -1:
        chain.append(ordered[k])
        k = previous[k]
    return chain[::-1]


def parallel_view(corpus: Corpus, left: str, right: str) -> Markup:
    """Two articles in two columns, aligned on the claims and figures they share."""
    def prose(article_id: str) -> list[str]:
        return [p.id for p in corpus.articles[article_id].paragraphs if p.role in ("prose", "subheading")]

    texts = {a: {p.id: p.text for p in corpus.articles[a].paragraphs} for a in (left, right)}
    rows = align(prose(left), prose(right), shared_points(corpus, left, right))

    def label(point: str) -> tuple[str, str]:
        kind, _, key = point.partition(":")
        if kind == "claim":
            return corpus.claims[key].statement, addresses.claim(key)
        return corpus.comparisons[key].title, addresses.comparison(key)

    return render_html(
        "parallel.html.j2",
        left={"id": left, "title": corpus.articles[left].title},
        right={"id": right, "title": corpus.articles[right].title},
        rows=[
            {
                "left": [(p, texts[left][p]) for p in row.left],
                "right": [(p, texts[right][p]) for p in row.right],
                "shared": [label(s) for s in row.shared],
            }
            for row in rows
        ],
    )
