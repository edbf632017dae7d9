"""Quote anchoring: find the one place in an article that a TextQuoteSelector names.

A quote must lie inside one paragraph and occur there, with its prefix and
suffix, exactly once in the whole article. Anything else is a problem the
contributor must fix: zero matches (with a hint when the quote differs only in
quotation marks, spacing, an invisible character or case), several matches (name them, ask for
context), or a quote that runs across a paragraph break.
"""

from __future__ import annotations

from dataclasses import dataclass

from .characters import invisible_difference
from .model import Anchor, Article, Quote

# Typographic characters that contributors often type in their plain form.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class AnchorFailure:
    """Why a quote could not be anchored, and how to fix it."""

    problem: str
    suggestion: str | None = None


def _plain(text: str) -> str:
    """The text with typographic quotes, dashes and spaces made plain (same length)."""
    return text.translate(_PLAIN)


def find_all(article: Article, quote: Quote) -> list[Anchor]:
    """Every place in the article where the quote, with its context, occurs."""
    found: list[Anchor] = []
    for paragraph in article.paragraphs:
        text = paragraph.text
        start = text.find(quote.exact)
        while start != -1:
            end = start + len(quote.exact)
            if text[:start].endswith(quote.prefix) and text[end:].startswith(quote.suffix):
                found.append(Anchor(paragraph=paragraph.id, start=start, end=end))
            start = text.find(quote.exact, start + 1)
    return found


def locate(article: Article, quote: Quote) -> Anchor | AnchorFailure:
    """The single anchor of a quote in an article, or why there is none."""
    if not quote.exact.strip():
        return AnchorFailure("the quote is empty", "copy the exact words from the article")
    found = find_all(article, quote)
    if len(found) == 1:
        return found[0]
    if found:
        places = ", ".join(a.paragraph for a in found)
        return AnchorFailure(
            f"the quote \"{quote.exact}\" occurs {len(found)} times in article {article.id} ({places})",
            "add a 'prefix' or 'suffix' with the words just before or after the one you mean",
        )
    return AnchorFailure(f"the quote \"{quote.exact}\" does not occur in article {article.id}", _hint(article, quote))


def _hint(article: Article, quote: Quote) -> str:
    """Say why a quote was not found, as precisely as can be guessed."""
    plain_exact = _plain(quote.exact.replace("\n", " "))
    paragraphs = [(p.id, p.text, _plain(p.text)) for p in article.paragraphs]
    if plain_exact in " ".join(plain for _, _, plain in paragraphs) and not any(
        plain_exact in plain for _, _, plain in paragraphs
    ):
        return "a quote must lie inside one paragraph: split it into two notes"
    if (quote.prefix or quote.suffix) and find_all(article, Quote(quote.exact)):
        whole = quote.prefix + quote.exact + quote.suffix
        for paragraph_id, text, _ in paragraphs:
            if difference := invisible_difference(whole, text):
                return f"in the prefix/suffix, {paragraph_id}: {difference}"
        return "the exact words occur, but not with that prefix/suffix: copy the context from the article"
    for paragraph_id, text, plain in paragraphs:
        if difference := invisible_difference(quote.exact, text):
            return f"{paragraph_id} has these words, but {difference}"
        if plain_exact in plain:
            start = plain.index(plain_exact)
            original = text[start : start + len(plain_exact)]
            return f"{paragraph_id} has it with other quotation marks, dashes or spaces: \"{original}\""
        if plain_exact.lower() in plain.lower():
            return f"{paragraph_id} has it with other capitals: copy the words exactly"
    return "copy the words from the article's text exactly (it is never edited)"
