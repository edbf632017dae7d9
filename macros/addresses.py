"""Every page address and fragment id the reader generates, in one place.

Pages are named by their documentation path (``/glossary.md``), as contributors
write links in the data; the page hook turns them into addresses relative to the
page they sit on (``macros/finished.py``). Fragment ids are the permanent part of
the reader's addresses: change one only with a redirect.
"""

from __future__ import annotations

HOME = "/index.md"
GLOSSARY = "/glossary.md"
CLAIMS = "/claims.md"
COMPARE = "/compare.md"
TIMELINE = "/timeline.md"
BIBLIOGRAPHY = "/bibliography.md"
METHODS = "/methods.md"
PARALLEL = "/parallel.md"  # the chooser; each pair's page is parallel_page()
READING = "/reading.md"  # how to read an article page: the legend


def article_page(article_id: str) -> str:
    """``/articles/002.md``."""
    return f"/articles/{article_id}.md"


def note_id(key: str) -> str:
    """The note (or claim flag) itself, beside the text."""
    return f"note-{key}"


def mark_id(key: str) -> str:
    """The numbered marker after the quoted words."""
    return f"mark-{key}"


def quote_id(key: str) -> str:
    """The first highlighted piece of the quoted words."""
    return f"quote-{key}"


def term_id(term: str) -> str:
    return f"term-{term}"


def claim_id(claim: str) -> str:
    return f"claim-{claim}"


def ref_id(reference: str) -> str:
    return f"ref-{reference}"


def event_id(event: str) -> str:
    return f"event-{event}"


def comparison_id(comparison: str) -> str:
    return f"cmp-{comparison}"


def verdict_id(verdict: str) -> str:
    return f"verdict-{verdict}"


def at(page: str, fragment: str | None = None) -> str:
    """A documentation path with an optional fragment: ``/glossary.md#term-x``."""
    return f"{page}#{fragment}" if fragment else page


def paragraph(article_id: str, paragraph_id: str) -> str:
    """A paragraph of an article: ``/articles/002.md#p9``."""
    return at(article_page(article_id), paragraph_id)


def quote(article_id: str, key: str) -> str:
    """The exact words of a note or claim flag on its article page."""
    return at(article_page(article_id), quote_id(key))


def note(article_id: str, key: str) -> str:
    return at(article_page(article_id), note_id(key))


def term_page(term_id_: str) -> str:
    """A term's own page: ``/glossary/lazarus-group.md``."""
    return f"/glossary/{term_id_}.md"


def claim_page(claim_id_: str) -> str:
    """A claim's own page: ``/claims/wannacry-300000-devices.md``."""
    return f"/claims/{claim_id_}.md"


def parallel_page(left: str, right: str) -> str:
    """Two articles that share a claim or a figure, in parallel: ``/parallel/001-002.md``."""
    return f"/parallel/{left}-{right}.md"


def term(term_id_: str) -> str:
    """Where a link to a term leads: its own page."""
    return term_page(term_id_)


def claim(claim_id_: str) -> str:
    """Where a link to a claim leads: its own page."""
    return claim_page(claim_id_)


def reference(reference_id: str) -> str:
    """A reference in the bibliography."""
    return at(BIBLIOGRAPHY, ref_id(reference_id))


def event(event_id_: str) -> str:
    return at(TIMELINE, event_id(event_id_))


def comparison(comparison_id_: str) -> str:
    return at(COMPARE, comparison_id(comparison_id_))


def verdict(verdict_id_: str) -> str:
    return at(METHODS, verdict_id(verdict_id_))
