"""What the site's search finds on an article page: the article's words and what its notes say, once,
without the page's apparatus; the page itself still carries all of it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.model import Corpus

# Words of the apparatus that every article page carries (templates/_tools.html.j2, _notes.html.j2).
APPARATUS = ("back to the text", "How to read this page", "Notes on this page", "Open every note")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def indexed_text(site: Path, article_id: str) -> str:
    """Everything the search index holds for an article's page, as plain text."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = [f'{d["title"]} {d["text"]}' for d in docs if d["location"].split("#")[0] == f"articles/{article_id}/"]
    assert texts, article_id
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", " ".join(texts))))


def test_the_index_holds_each_articles_words_and_notes_but_not_its_apparatus(site: Path, corpus: Corpus) -> None:
    for article in corpus.articles.values():
        page = BeautifulSoup((site / "articles" / article.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        index = indexed_text(site, article.id)
        for paragraph in article.paragraphs:
            if paragraph.role != "headline":
                assert flat(paragraph.text) in index, (article.id, paragraph.id)
        bodies = page.select(".reader-note__body")
        assert len(bodies) == sum(1 for _ in page.select("details.reader-note")), article.id
        for body in bodies:
            for block in body.find_all("p"):
                assert flat(block.get_text(" ")).replace(" ,", ",") in index.replace(" ,", ","), (article.id, block)
        page_text = flat(page.get_text(" "))
        for words in APPARATUS:
            assert words in page_text, (article.id, words)  # the page has it ...
            assert words not in index, (article.id, words)  # ... the index does not
