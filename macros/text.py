"""The captured texts: checksums and the split into citable paragraphs."""

from __future__ import annotations

import hashlib

from .model import Paragraph


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of some bytes, as lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split a capture into paragraphs: one per non-blank line, numbered from p1.

    A line that holds only white space (the captures have some with a no-break
    space) is blank. A paragraph's text is its line without the white space
    around it; ``offset`` is where that text starts in the capture, so
    ``text[offset:offset + len(paragraph.text)] == paragraph.text`` always holds.
    The numbering depends on nothing but the text, which its checksum locks, so
    the ids are stable.
    """
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            number = len(paragraphs) + 1
            start = offset + line.index(stripped)
            paragraphs.append(Paragraph(id=f"p{number}", number=number, text=stripped, offset=start))
        offset += len(line)
    return tuple(paragraphs)
