"""References: numbered citations on a page and the entries they point at."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import addresses
from .model import UNKNOWN, Reference


@dataclass(frozen=True)
class Citation:
    """``[3]``: a number, where it leads, and the reference's one-line preview."""

    number: int
    href: str
    summary: str


def summary(reference: Reference) -> str:
    """A one-line plain-text description, used as the citation's tooltip."""
    date = "undated" if reference.date == UNKNOWN else reference.date
    return f"{reference.title} — {reference.publisher}, {date}"


def citations(
    ids: Iterable[str], numbers: Mapping[str, int], references: Mapping[str, Reference], page: str = ""
) -> list[Citation]:
    """Several citations in number order; ``page`` is where the numbered list is ('' for this page)."""
    ordered = sorted(dict.fromkeys(ids), key=lambda i: numbers[i])
    return [Citation(numbers[i], addresses.at(page, addresses.ref_id(i)) if page else f"#{addresses.ref_id(i)}",
                     summary(references[i])) for i in ordered]
