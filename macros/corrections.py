"""The corrections log: every change to a published verdict, reason, note, definition or grade.

``glossary/corrections.yaml`` lists, in date order, the first review of every
item and each correction made to it later. Each entry records the *state* the
item was left in: the first twelve hex digits of a SHA-256 of its reviewed text
(see :func:`current_states`). The build compares every item with the state of
its latest entry, so a change cannot be published without its log entry: the
message names the entry to add, state included.

From the same entries come the Corrections page (newest first), each article's
"reviewed on" date and an Atom feed of corrections and new reviews, dated from
the data so that two builds of one commit are byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from . import addresses
from .errors import DataProblem, did_you_mean
from .finished import hold
from .model import Correction, Corpus
from .templating import render_html

FEED = "corrections.xml"  # written at the site's root
PAGE = "/corrections.md"
_KINDS = {"claim": "claim", "note": "note", "term": "glossary term", "reliability": "reliability grade", "article": "article"}
_NAMESPACE = uuid.UUID("6f1c2a1e-7d0b-5a52-9a53-3c1f0d0e8b17")  # the reader's own, for feed entry ids


def digest(*parts: object) -> str:
    """The state of an item: a short SHA-256 of its reviewed fields, in order."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def current_states(
    claims: Iterable[Mapping[str, Any]],
    terms: Iterable[Mapping[str, Any]],
    notes: Mapping[str, Iterable[Mapping[str, Any]]],
    sources: Iterable[Mapping[str, Any]],
) -> dict[str, str]:
    """Every logged item's target (``claim/x``, ``note/002/n8`` …) and its state now.

    It takes the parsed YAML entries, so the same states can be computed for a
    copy of the data that does not load (as a test that rewrites every text does).
    """
    states = {f"claim/{c['id']}": digest(c["verdict"], c["reason"]) for c in claims}
    states |= {f"term/{t['id']}": digest(t["definition"], t.get("details")) for t in terms}
    for article, entries in notes.items():
        states |= {f"note/{article}/{n['id']}": digest(n["kind"], n["body"]) for n in entries}
    for source in sources:
        states[f"article/{source['id']}"] = digest(source["sha256"])
        if "reliability" in source:
            grade = source["reliability"]
            states[f"reliability/{source['id']}"] = digest(grade["source"], grade["information"], *grade["reasons"])
    return states


def check(log: Sequence[Correction], states: Mapping[str, str], reviewed: Mapping[str, str], file: str) -> list[DataProblem]:
    """What is wrong with the log against the data now; each problem says the entry to add.

    ``reviewed`` maps each claim's target to its ``reviewed`` date, which must be
    the date of the claim's latest entry.
    """
    problems = []
    latest: dict[str, Correction] = {}
    for before, entry in zip((None, *log), log):
        if before and entry.date < before.date:
            problems.append(DataProblem(file=file, line=entry.line, entry=entry.target, field="date",
                                        problem=f"the log is kept in date order, but {entry.date} comes after {before.date}",
                                        suggestion="move the entry down to its date"))
        if entry.target not in states:
            problems.append(DataProblem(file=file, line=entry.line, entry=entry.target, field="target",
                                        problem=f"there is no item '{entry.target}'",
                                        suggestion=did_you_mean(entry.target, states)))
        latest[entry.target] = entry
    for target, state in states.items():
        entry = latest.get(target)
        add = f"date: 'YYYY-MM-DD', target: {target}, state: '{state}'"
        if entry is None and target.startswith("article/"):
            continue  # an article nobody has reviewed yet: nothing published about it to correct
        if entry is None:
            problems.append(DataProblem(file=file, entry=target, problem="has no entry in the corrections log",
                                        suggestion=f"add its first review: {{{add}, kind: review}}"))
        elif entry.state != state:
            problems.append(DataProblem(
                file=file, line=entry.line, entry=target, field="state",
                problem=f"the {_kind(target)} differs from the state its latest log entry records "
                        f"({entry.date}, state {entry.state}); it is now {state}",
                suggestion=f"add a correction entry saying what changed and why: {{{add}, kind: correction, what: …, why: …}}",
            ))
        elif target in reviewed and reviewed[target] != entry.date:
            problems.append(DataProblem(file=file, line=entry.line, entry=target, field="date",
                                        problem=f"the claim says reviewed: '{reviewed[target]}' but its latest log entry is dated {entry.date}",
                                        suggestion="give the claim the date of its latest review or correction"))
    return problems


def _kind(target: str) -> str:
    return _KINDS.get(target.split("/", 1)[0], "item")


def concerns(target: str, article_id: str, corpus: Corpus) -> bool:
    """Whether a log entry's item belongs to an article (its notes, grade, text or a claim it makes)."""
    kind, _, rest = target.partition("/")
    if kind in ("note", "reliability", "article"):
        return rest.split("/", 1)[0] == article_id
    if kind == "claim" and rest in corpus.claims:
        return any(a.article == article_id for a in corpus.claims[rest].appearances)
    return False


def reviewed_on(corpus: Corpus, article_id: str) -> str | None:
    """The date of the latest review or correction of anything in an article."""
    return max((e.date for e in corpus.corrections if concerns(e.target, article_id, corpus)), default=None)


def item_address(corpus: Corpus, target: str) -> str | None:
    """Where an item is shown, as a documentation path."""
    kind, _, rest = target.partition("/")
    if kind == "claim":
        return addresses.claim(rest)
    if kind == "term":
        return addresses.term(rest)
    if kind == "note":
        article, _, note = rest.partition("/")
        return addresses.note(article, note)
    return addresses.article_page(rest) if rest in corpus.articles else None


def suggest_url(repository: str | None, corpus: Corpus, target: str) -> str | None:
    """The repository's new-issue form, filled in with the item and its file and line; None with no repository.

    ``repository`` is the project's web address (``extra.repository`` in mkdocs.yml),
    on a host whose issue form is ``<repository>/issues/new`` (GitHub, Gitea, Forgejo).
    """
    if not repository:
        return None
    file, line = corpus.places.get(target, (None, None))
    where = f"{file}, line {line}" if file and line else file or "glossary/"
    body = f"Item: {target}\nData: {where}\n\nWhat is wrong, and the evidence (a public address):\n"
    return f"{repository.rstrip('/')}/issues/new?" + urlencode({"title": f"Correction: {target}", "body": body})


def _described(corpus: Corpus, entry: Correction, repository: str | None) -> dict[str, Any]:
    return {
        "entry": entry,
        "kind": _kind(entry.target),
        "anchor": entry_anchor(entry),
        "address": item_address(corpus, entry.target),
        "suggest": suggest_url(repository, corpus, entry.target),
        "references": [corpus.references[r] for r in entry.refs],
    }


def entry_anchor(entry: Correction) -> str:
    """The fragment id of a correction on the Corrections page."""
    return "correction-" + entry.date + "-" + entry.target.replace("/", "-")


def page(corpus: Corpus, repository: str | None, feed_href: str) -> Markup:
    """The Corrections page: the feed, each article's review date, then every correction newest first."""
    corrections = [e for e in reversed(corpus.corrections) if e.kind == "correction"]
    reviews = [e for e in reversed(corpus.corrections) if e.kind == "review" and e.what]
    articles = [
        {"article": a, "reviewed": reviewed_on(corpus, a.id), "suggest": suggest_url(repository, corpus, f"article/{a.id}")}
        for a in corpus.articles.values()
    ]
    return render_html(
        "corrections.html.j2",
        corrections=[_described(corpus, e, repository) for e in corrections],
        reviews=[_described(corpus, e, repository) for e in reviews],
        articles=articles,
        feed_href=feed_href,
    )


def reviewed_line(corpus: Corpus, article_id: str) -> Markup:
    """One line for an article's page: when it was last reviewed, and where its corrections are."""
    return render_html("reviewed.html.j2", date=reviewed_on(corpus, article_id), article=article_id, page=PAGE)


def relative_to_page(path: str, page_url: str) -> str:
    """A site-root file's address relative to a page's URL (``corrections/`` or ``corrections.html``)."""
    return posixpath.relpath(path, posixpath.dirname(page_url) or ".")


def register_macros(env: Any, corpus: Corpus) -> None:
    """The macros of the Corrections page, the Methods page and the articles' review line."""
    repository = env.conf["extra"].get("repository")

    @env.macro
    def corrections_log() -> str:
        """Every correction newest first, each article's review date, and the feed."""
        return hold(page(corpus, repository, relative_to_page(FEED, env.page.url)))

    @env.macro
    def corrections_feed() -> str:
        """The address of the corrections feed, relative to the page that asks."""
        return relative_to_page(FEED, env.page.url)

    @env.macro
    def reviewed_on_line(article_id: str) -> str:
        """When an article was last reviewed, with a link to its corrections."""
        return hold(reviewed_line(corpus, article_id)) if article_id in corpus.articles else ""


def write_feed(corpus: Corpus, site_url: str, directory_urls: bool, site_dir: Path) -> None:
    """Write the feed at the site's root; its link to the Corrections page is absolute when the site's address is set."""
    page_url = "corrections/" if directory_urls else "corrections.html"
    base = site_url.rstrip("/") + "/" if site_url else ""
    (site_dir / FEED).write_bytes(feed(corpus, site_url, base + page_url))


def _moment(date: str) -> datetime:
    return datetime.fromisoformat(date).replace(tzinfo=timezone.utc)


def feed(corpus: Corpus, site_url: str, page_url: str) -> bytes:
    """An Atom feed, newest first: one entry per correction, and one per day of reviews.

    Every date comes from the log, so the bytes depend on the data alone.
    ``page_url`` is the Corrections page's address (absolute when the site's is set).
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    from feedgen.feed import FeedGenerator  # here, not at the top: lxml is slow to import, and only the feed needs it

    generator = FeedGenerator()
    generator.id(f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed')}")
    generator.title("The annotated reader: corrections and reviews")
    generator.author({"name": "The annotated reader"})  # Atom (RFC 4287) requires an author
    generator.link(href=page_url, rel="alternate")
    generator.link(href=base + FEED, rel="self")
    generator.language("en")
    generator.updated(_moment(max((e.date for e in corpus.corrections), default="1970-01-01")))
    items = [
        (entry.date, f"{entry.date}:{entry.target}", f"Correction: {_kind(entry.target)} {entry.target.split('/', 1)[1]}",
         f"{entry.what} Why: {entry.why}", f"{page_url}#{entry_anchor(entry)}")
        for entry in corpus.corrections if entry.kind == "correction"
    ]
    reviews = [e for e in corpus.corrections if e.kind == "review"]
    for day, group in groupby(reviews, key=lambda e: e.date):
        day_entries = list(group)
        counts = Counter(_kind(e.target) for e in day_entries)
        summary = "Reviewed: " + ", ".join(f"{n} × {kind}" for kind, n in counts.items()) + "."
        notes = dict.fromkeys(e.what for e in day_entries if e.what)
        items.append((day, f"{day}:reviews", f"Reviews published on {day}", " ".join([summary, *notes]), page_url))
    for date, key, title, summary, link in sorted(items, key=lambda item: item[0], reverse=True):  # newest first
        _feed_entry(generator, key, date, title, summary, link)
    return generator.atom_str(pretty=True)


def _feed_entry(generator: Any, key: str, date: str, title: str, summary: str, link: str) -> None:
    item = generator.add_entry(order="append")
    item.id(f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}")
    item.title(title)
    item.summary(summary)
    item.link(href=link)
    item.updated(_moment(date))
    item.published(_moment(date))
