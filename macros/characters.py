"""Characters the data may not hold, and invisible ones that keep a quote from matching.

Control characters (C0 and C1, except tab and line feed) and the bidirectional
controls that can make text display in another order than it is stored are
refused anywhere in the data. Invisible characters (zero-width spaces, soft
hyphens, no-break spaces) are allowed, since the captures hold some, but when a
quote misses only because of one, the hint says which and where.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Control characters (Unicode category Cc) but tab and line feed; lone surrogates; and the
# bidirectional formatting characters of Unicode Standard Annex #9 (marks, embeddings, overrides,
# isolates).
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters that show as nothing, or as an ordinary space, and so hide inside a quote.
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
SPACES = frozenset("\u00a0\u2007\u202f")


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; control characters have no Unicode name, so say what they are."""
    name = unicodedata.name(char, "")
    if not name:
        name = "(a surrogate)" if unicodedata.category(char) == "Cs" else "(a control character)"
    return f"U+{ord(char):04X} {name}"


def forbidden(text: str) -> Iterator[tuple[int, str]]:
    """The position and the character of each forbidden character in a text."""
    for match in FORBIDDEN.finditer(text):
        yield match.start(), match.group()


def where_in(text: str, index: int) -> str:
    """Where a character sits, for a person: ``after "North Ko"`` (or ``at the start``)."""
    before = text[max(0, index - 12):index].replace("\n", " ")
    return f'after "{before}"' if before.strip() else "at the start"


def _visible(text: str, invisible_as: str) -> tuple[str, list[int]]:
    """The text with invisible characters replaced by ``invisible_as`` and special spaces made
    plain, and the index in the original text of each character kept."""
    kept: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = invisible_as if char in INVISIBLE else " " if char in SPACES else char
        kept.append(plain)
        origin.extend([index] * len(plain))
    return "".join(kept), origin


def invisible_difference(quote: str, text: str) -> str | None:
    """If ``quote`` occurs in ``text`` once invisible characters and special spaces are set aside,
    say which of them differs and where; otherwise None."""
    for invisible_as in ("", " "):  # an invisible character slipped in, or stands for a space
        plain_quote, _ = _visible(quote, invisible_as)
        plain_text, origin = _visible(text, invisible_as)
        start = plain_text.find(plain_quote) if plain_quote.strip() else -1
        if start != -1:
            return _first_difference(quote, text, origin[start])
    return None


def _first_difference(quote: str, text: str, j: int) -> str | None:
    """Walk the quote and the text from ``j`` together; describe the first character that differs."""
    i = 0
    while i < len(quote) and j < len(text):
        ours, theirs = quote[i], text[j]
        if ours == theirs:
            i, j = i + 1, j + 1
        elif ours in INVISIBLE:
            instead = "" if quote[i + 1:i + 2] == theirs else f" where the article has {describe(theirs)}"
            return f"the quote has an invisible {describe(ours)} {where_in(quote, i)}{instead}"
        elif theirs in INVISIBLE:
            instead = "" if text[j + 1:j + 2] == ours else f" where the quote has {describe(ours)}"
            return f"the article has an invisible {describe(theirs)} {where_in(quote, i)}{instead}"
        else:
            return f"the article has {describe(theirs)} {where_in(quote, i)} where the quote has {describe(ours)}"
    return None
