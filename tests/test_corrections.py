"""The corrections log: a change cannot be published without its entry; page, review dates and feed."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from macros import corrections
from macros.errors import DataError
from macros.load import load_corpus
from macros.model import Corpus, Correction

from .conftest import edit
from .log_states import states

CLAIM = "un-45-million-euros-three-attacks"


def _problems(glossary: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_corpus(glossary)
    return str(caught.value)


def _append(glossary: Path, entry: str) -> None:
    log = glossary / "corrections.yaml"
    log.write_text(log.read_text(encoding="utf-8") + entry, encoding="utf-8")


def test_every_published_item_has_a_log_entry_and_this_rounds_fixes_come_first(corpus: Corpus) -> None:
    targets = {e.target for e in corpus.corrections}
    assert {f"claim/{c}" for c in corpus.claims} <= targets
    assert {f"note/{a}/{n.id}" for a, notes in corpus.notes.items() for n in notes} <= targets
    fixes = [e for e in corpus.corrections if e.kind == "correction"]
    assert fixes and all(e.what and e.why for e in fixes)
    assert f"claim/{CLAIM}" in {e.target for e in fixes}
    assert corpus.claims[CLAIM].verdict == "misleading" and corpus.claims[CLAIM].reviewed == fixes[0].date


def test_a_changed_reason_without_its_entry_stops_the_build_naming_the_entry(project_copy: Path) -> None:
    glossary = project_copy / "glossary"
    edit(glossary / "claims.yaml", "The euro figure is a fair conversion", "The euro figure is a fair rendering")
    message = _problems(glossary)
    state = states(glossary)[f"claim/{CLAIM}"]
    assert f"entry 'claim/{CLAIM}'" in message and "differs from the state its latest log entry records" in message
    assert f"state: '{state}', kind: correction, what: …, why: …" in message
    # The entry the message asks for is enough: with it (and the claim's new review date) the data loads.
    _append(glossary, f"  - {{date: '2026-12-02', target: claim/{CLAIM}, kind: correction, state: '{state}', what: Reworded., why: Clarity.}}\n")
    edit(glossary / "claims.yaml", f'    reviewed: "2026-12-01"\n    evidence: [forkast', '    reviewed: "2026-12-02"\n    evidence: [forkast')
    assert load_corpus(glossary).corrections[-1].date == "2026-12-02"


def test_a_changed_verdict_or_note_body_is_caught_too(project_copy: Path) -> None:
    glossary = project_copy / "glossary"
    edit(glossary / "claims.yaml", "    verdict: misleading\n    reason: >-\n      The UN Panel", "    verdict: incorrect\n    reason: >-\n      The UN Panel")
    edit(glossary / "annotations" / "000.yaml", "The stray apostrophe", "The odd apostrophe")
    message = _problems(glossary)
    assert f"entry 'claim/{CLAIM}'" in message and "entry 'note/000/n4'" in message


def test_a_new_note_needs_its_first_review_in_the_log(project_copy: Path) -> None:
    glossary = project_copy / "glossary"
    notes = glossary / "annotations" / "004.yaml"
    notes.write_text(notes.read_text(encoding="utf-8") + (
        "  - id: n9\n    kind: context\n    exact: \"Kimsuky\"\n    body: A new note.\n"), encoding="utf-8")
    message = _problems(glossary)
    assert "entry 'note/004/n9': has no entry in the corrections log" in message
    assert f"state: '{states(glossary)['note/004/n9']}', kind: review" in message


def test_review_dates_order_and_targets_are_checked(project_copy: Path) -> None:
    glossary = project_copy / "glossary"
    edit(glossary / "claims.yaml", '    reviewed: "2026-12-01"\n    evidence: [forkast', '    reviewed: "2026-11-21"\n    evidence: [forkast')
    _append(glossary, "  - {date: '2026-01-01', target: claim/no-such-claim, kind: review, state: '000000000000'}\n")
    message = _problems(glossary)
    assert "the claim says reviewed: '2026-11-21' but its latest log entry is dated 2026-12-01" in message
    assert "the log is kept in date order, but 2026-01-01 comes after 2026-12-01" in message
    assert "there is no item 'claim/no-such-claim'" in message


def test_a_correction_needs_what_changed_and_why(project_copy: Path) -> None:
    glossary = project_copy / "glossary"
    _append(glossary, "  - {date: '2026-12-02', target: term/cambodia, kind: correction, state: '000000000000'}\n")
    message = _problems(glossary)
    assert "corrections.yaml" in message and "'what' is missing" in message


def test_corrections_page_lists_corrections_newest_first_with_review_dates(site: Path, corpus: Corpus) -> None:
    page = BeautifulSoup((site / "corrections" / "index.html").read_text(encoding="utf-8"), "html.parser")
    dates = [t["datetime"] for t in page.select(".reader-correction__head time")]
    assert len(dates) == sum(e.kind == "correction" for e in corpus.corrections)
    assert dates == sorted(dates, reverse=True)
    heads = [h.get_text(" ", strip=True) for h in page.select(".reader-correction__head")]
    assert any(f"claim/{CLAIM}" in h for h in heads)
    for article in corpus.articles:
        item = page.find(id=f"corrections-article-{article}")
        assert item.time["datetime"] == corrections.reviewed_on(corpus, article)
    assert not page.find(string=re.compile("Suggest a correction"))  # no repository configured


def test_each_article_page_says_when_it_was_last_reviewed(site: Path, corpus: Corpus) -> None:
    for article in corpus.articles:
        html = BeautifulSoup((site / "articles" / article / "index.html").read_text(encoding="utf-8"), "html.parser")
        line = html.select_one(".reader-reviewed")
        assert line.time["datetime"] == corrections.reviewed_on(corpus, article) == "2026-12-01"
        assert line.a["href"] == f"../../corrections/#corrections-article-{article}"


def test_methods_page_links_the_log_and_the_feed(site: Path) -> None:
    html = BeautifulSoup((site / "methods" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"] for a in html.select("#corrections ~ p a")}
    assert {"../corrections/", "../corrections.xml"} <= hrefs


def test_feed_parses_and_carries_every_correction_dated_from_the_data(site: Path, corpus: Corpus) -> None:
    data = (site / "corrections.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.author == "The annotated reader" and parsed.version == "atom10"
    fixes = [e for e in corpus.corrections if e.kind == "correction"]
    review_days = {e.date for e in corpus.corrections if e.kind == "review"}
    assert len(parsed.entries) == len(fixes) + len(review_days)
    titles = [e.title for e in parsed.entries]
    assert f"Correction: claim {CLAIM}" in titles
    assert parsed.feed.updated == max(e.date for e in corpus.corrections) + "T00:00:00+00:00"
    assert {e.updated[:10] for e in parsed.entries} == {e.date for e in corpus.corrections}
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)
    assert [e.updated for e in parsed.entries] == sorted((e.updated for e in parsed.entries), reverse=True)
    # Built in another process at another time, the same data gives the same bytes.
    assert corrections.feed(corpus, "", "corrections/") == data


def test_suggest_links_point_at_the_issue_form_and_the_yaml_line(corpus: Corpus) -> None:
    assert corrections.suggest_url(None, corpus, f"claim/{CLAIM}") is None
    url = corrections.suggest_url("https://git.example.org/owner/reader/", corpus, f"claim/{CLAIM}")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://git.example.org/owner/reader/issues/new"
    query = parse_qs(parts.query)
    assert query["title"] == [f"Correction: claim/{CLAIM}"]
    file, line = re.search(r"Data: (\S+), line (\d+)", query["body"][0]).groups()
    assert file == "glossary/claims.yaml"
    assert (Path(__file__).parent.parent / file).read_text(encoding="utf-8").splitlines()[int(line) - 1] == f"  - id: {CLAIM}"
    note = corrections.suggest_url("https://git.example.org/owner/reader", corpus, "note/002/n8")
    assert "glossary%2Fannotations%2F002.yaml%2C+line+" in note


def test_a_configured_repository_puts_suggest_links_on_the_page(corpus: Corpus) -> None:
    with_repo = str(corrections.page(corpus, "https://git.example.org/owner/reader", "../corrections.xml"))
    without = str(corrections.page(corpus, None, "../corrections.xml"))
    assert with_repo.count("Suggest a correction") == len(corpus.articles) + sum(e.kind == "correction" for e in corpus.corrections)
    assert "issues/new?" in with_repo and "Suggest a correction" not in without



def test_corrections_page_puts_the_latest_correction_first(corpus: Corpus) -> None:
    later = Correction(date="2026-12-09", target="term/cambodia", kind="correction", state="0" * 12,
                       what="A later change.", why="A later reason.")
    log = copy.copy(corpus)
    log.corrections = (*corpus.corrections, later)
    html = BeautifulSoup(str(corrections.page(log, None, "corrections.xml")), "html.parser")
    first, second = html.select(".reader-correction")[:2]
    assert first["id"] == "correction-2026-12-09-term-cambodia"
    assert second.time["datetime"] == "2026-12-01"
