"""Comparison: mismatch flags and the alignment of two articles on shared points."""

from __future__ import annotations

from macros.compare import align, report_matches
from macros.model import Anchor, Comparison, Evidence, Quote, Report


def report(value: float | None, unit: str, as_of: str) -> Report:
    return Report("001", Quote("x"), Anchor("p1", 0, 1), "figure", unit, as_of, value)


COMPARISON = Comparison(
    "price", "Price", "How much?", (),
    (Evidence("$5,000", 5000, "USD", "2024", "NIS", ("r",)),),
)


def test_a_report_matches_only_the_same_value_unit_and_period() -> None:
    assert report_matches(report(5000, "USD", "2024"), COMPARISON)
    assert not report_matches(report(5000, "GBP", "2024"), COMPARISON)
    assert not report_matches(report(5000, "USD", "2023"), COMPARISON)
    assert not report_matches(report(None, "USD", "2024"), COMPARISON)


def test_alignment_keeps_both_orders_and_every_paragraph() -> None:
    left = ["p1", "p2", "p3", "p4"]
    right = ["p1", "p2", "p3"]
    points = [("p2", "p3", "a"), ("p3", "p1", "crossing"), ("p4", "p3", "b")]
    rows = align(left, right, points)
    assert [p for r in rows for p in r.left] == left
    assert [p for r in rows for p in r.right] == right
    assert [r.shared for r in rows if r.shared] == [("crossing",), ("b",)]  # the longest ordered chain
