"""References: numbered citations on a page and the entries they point at."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .markdown import escape, external_link, link
from .model import UNKNOWN, Reference


def summary(reference: Reference) -> str:
    """A one-line plain-text description, used as the citation's tooltip."""
    date = "undated" if reference.date == UNKNOWN else reference.date
    return f"{reference.title} — {reference.publisher}, {date}"


def citation(reference: Reference, number: int) -> str:
    """``[3]`` linking to the page's reference list, previewed by its tooltip."""
    return link(escape(f"[{number}]"), f"#ref-{reference.id}", summary(reference)) + "{ .reader-cite }"


def citations(ids: Iterable[str], numbers: Mapping[str, int], references: Mapping[str, Reference]) -> str:
    """Several citations in page order, e.g. ``[1] [4]``."""
    ordered = sorted(dict.fromkeys(ids), key=lambda i: numbers[i])
    return " ".join(citation(references[i], numbers[i]) for i in ordered)


def entry(reference: Reference) -> str:
    """A full reference: title linked to its address, publisher, date, archive copy."""
    parts = [external_link(f"*{escape(reference.title)}*", reference.url)]
    if reference.author:
        parts.append(escape(reference.author))
    parts.append(escape(reference.publisher))
    parts.append("date unknown" if reference.date == UNKNOWN else escape(reference.date))
    text = ", ".join(parts) + "."
    if reference.archive_url:
        text += " " + external_link("Archived copy", reference.archive_url) + "."
    else:
        text += ' <span class="reader-no-archive">No archived copy recorded.</span>'
    return text
