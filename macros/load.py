"""Load ``glossary/`` into a :class:`~macros.model.Corpus`, checking everything on the way.

Order: parse each file (YAML syntax, UTF-8), validate it against its schema,
build the typed records, then check what no schema can: checksums, unique ids
across files, references between records, and that every quote anchors exactly
once. All problems are gathered and raised together as one
:class:`~macros.errors.DataError`, so invalid data never yields a page.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import anchor, corrections, data_cache
from .errors import DataError, DataProblem, did_you_mean
from .model import (
    Anchor,
    Appearance,
    Article,
    Claim,
    Comparison,
    Corpus,
    Correction,
    Event,
    Evidence,
    Mention,
    Note,
    Paragraph,
    Quote,
    Reference,
    Reliability,
    Report,
    Term,
    Verdict,
)
from .schema import validate
from .text import sha256_hex, split_paragraphs
from .yamlfile import EntryLines, load_yaml, read_text

PROJECT_DIR = Path(__file__).resolve().parent.parent


class _Problems(list[DataProblem]):
    """The problems found so far."""

    def add(self, **fields: Any) -> None:
        self.append(DataProblem(**fields))


@dataclass(frozen=True)
class _Read:
    """One data file as a build read it: its content's digest, what it holds and what was wrong with it."""

    digest: str | None  # None when it could not be read
    pickled: bytes | None  # what it holds, None when it could not be parsed
    problems: tuple[DataProblem, ...]  # the reason it could not be parsed, or what its schema found


# The last reading of each file, by path, schema and the name messages give it: ``mkdocs serve`` rebuilds
# after every edit in one process, and only a file whose content changed is parsed and validated again.
# What a file holds is kept pickled: a tenth of its size as objects, twenty times quicker to load than
# its YAML, and a fresh copy for each build.
_READ: dict[tuple[Path, str, str], _Read] = {}


def _read(path: Path, schema: str, shown_as: str) -> tuple[Any, tuple[DataProblem, ...]]:
    """What one file holds (None if it cannot be parsed) and its problems; parsed and validated once per
    content, in this process (``mkdocs serve``) and across builds (:mod:`macros.data_cache`)."""
    digest = _digest(path)
    known = _READ.get((path, schema, shown_as))
    if (known is None or known.digest != digest) and digest is not None:
        known = data_cache.kept(digest, schema, shown_as)
        if isinstance(known, _Read) and known.digest == digest:
            _READ[(path, schema, shown_as)] = known
    if isinstance(known, _Read) and known.digest == digest:
        return (None if known.pickled is None else pickle.loads(known.pickled)), known.problems  # noqa: S301 - pickled here
    data, problem = load_yaml(path, shown_as)
    if problem:
        found: tuple[DataProblem, ...] = (problem,)
    elif data is None:
        found = (DataProblem(file=shown_as, problem="is empty", suggestion=f"see glossary/schemas/{schema}.schema.json"),)
    else:
        found = tuple(validate(data, schema, shown_as))
    if digest is not None and _digest(path) == digest:  # not edited while it was read
        read = _Read(digest, None if data is None else pickle.dumps(data, pickle.HIGHEST_PROTOCOL), found)
        _READ[(path, schema, shown_as)] = read
        data_cache.keep(read, digest, schema, shown_as)
    return data, found


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def load_corpus(glossary_dir: Path | None = None) -> Corpus:
    """Read, validate and resolve all the data; raise DataError listing every problem.

    Data that loaded cleanly is kept whole (:mod:`macros.data_cache`), keyed by every file of the folder
    and the code that builds it: the next build with the same files unpickles it instead of resolving
    a thousand articles' quotes and ids again. Data with problems is never kept, so they are found and
    reported every time; on a miss each file still comes from the cache of its own content.
    """
    root = glossary_dir or PROJECT_DIR / "glossary"
    inputs = _inputs(root)
    kept = data_cache.kept(inputs, "corpus", str(root))
    if isinstance(kept, Corpus):
        return kept
    corpus = _load_corpus(root)
    if _inputs(root) == inputs:  # not edited while it was read
        data_cache.keep(corpus, inputs, "corpus", str(root))
    return corpus


def _inputs(root: Path) -> str:
    """A digest of every file under ``root`` (its path and bytes) and of :data:`macros.data_cache.BUILDERS`."""
    digest = hashlib.sha256()
    builders = [data_cache.PACKAGE / name for name in data_cache.BUILDERS]
    for path in [*builders, *sorted(p for p in root.rglob("*") if p.is_file())]:
        content = path.read_bytes()
        digest.update(f"{path.relative_to(root) if path.is_relative_to(root) else path.name}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def _load_corpus(root: Path) -> Corpus:
    """:func:`load_corpus` itself, from the files."""
    base = root.parent
    problems = _Problems()
    lines = EntryLines()

    @cache
    def shown(path: Path) -> str:
        return path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)

    def document(path: Path, schema: str) -> Any:
        data, found = _read(path, schema, shown(path))
        problems.extend(found)
        if data is None:
            return None
        lines.add(shown(path), data)
        return None if found else data

    corpus = Corpus()
    raw: dict[str, Any] = {"sources": [], "notes": {}}  # parsed entries whose states the corrections log records
    unreadable: set[str] = set()  # kinds whose file failed: ids pointing at them are not checked

    def kind_document(name: str) -> Any:
        data = document(root / f"{name}.yaml", name)
        if data is None:
            unreadable.add(name)
        return data

    refs_doc = kind_document("references")
    if refs_doc:
        for entry in _unique(refs_doc["references"], "reference", shown(root / "references.yaml"), problems):
            corpus.references[entry["id"]] = Reference(**entry)
    verdicts_doc = kind_document("verdicts")
    if verdicts_doc:
        for rank, entry in enumerate(_unique(verdicts_doc["verdicts"], "verdict", shown(root / "verdicts.yaml"), problems), 1):
            corpus.verdicts[entry["id"]] = Verdict(rank=rank, **entry)
    for path in sorted((root / "sources").glob("*.yaml")):
        data = document(path, "source")
        if data:
            raw["sources"].append(data)
        article = _article(data, path, shown, problems) if data else None
        if article and _unique_key(article.id, corpus.articles, shown(path), "article", problems):
            corpus.articles[article.id] = article
        else:
            corpus.unreadable_articles.add(path.stem)
    terms_doc = kind_document("terms")
    if terms_doc:
        _check_sorted(terms_doc["terms"], shown(root / "terms.yaml"), problems)
        for entry in _unique(terms_doc["terms"], "term", shown(root / "terms.yaml"), problems):
            corpus.terms[entry["id"]] = Term(**_tuples(entry))
        _check_aliases(corpus.terms.values(), shown(root / "terms.yaml"), problems)
    claims_doc = kind_document("claims")
    if claims_doc:
        for entry in _unique(claims_doc["claims"], "claim", shown(root / "claims.yaml"), problems):
            claim = _claim(entry, corpus, shown(root / "claims.yaml"), "verdicts" not in unreadable, problems)
            if claim:
                corpus.claims[claim.id] = claim
    for path in sorted((root / "annotations").glob("*.yaml")):
        data = document(path, "annotations")
        if data:
            raw["notes"][data["article"]] = data["notes"]
            notes = _notes(data, path.stem, corpus, shown(path), problems)
            if notes is not None and _unique_key(data["article"], corpus.notes, shown(path), "annotations of article", problems):
                corpus.notes[data["article"]] = notes
    events_doc = kind_document("events")
    if events_doc:
        for entry in _unique(events_doc["events"], "event", shown(root / "events.yaml"), problems):
            corpus.events[entry["id"]] = _event(entry, corpus, shown(root / "events.yaml"), problems)
    comparisons_doc = kind_document("comparisons")
    if comparisons_doc:
        for entry in _unique(comparisons_doc["comparisons"], "comparison", shown(root / "comparisons.yaml"), problems):
            corpus.comparisons[entry["id"]] = _comparison(entry, corpus, shown(root / "comparisons.yaml"), problems)
    _check_links(corpus, shown, root, unreadable, lines, problems)
    if (root / "corrections.yaml").is_file():
        log_doc = kind_document("corrections")
        if log_doc and not problems:  # the log is checked against data that is otherwise sound
            _corrections(log_doc, raw, claims_doc, terms_doc, corpus, shown, root, problems)
    if problems:
        raise DataError(lines.fill(problems))
    return corpus


def _unique(entries: list[dict[str, Any]], kind: str, file: str, problems: _Problems) -> Iterator[dict[str, Any]]:
    """Yield entries whose id was not seen before in this list; report the repeats."""
    seen: dict[str, int | None] = {}
    for entry in entries:
        if entry["id"] in seen:
            first = seen[entry["id"]]
            problems.add(
                file=file, entry=entry["id"], field="id", line=getattr(entry, "line", None),
                problem=f"the {kind} id '{entry['id']}' is used twice" + (f" (first at line {first})" if first else ""),
                suggestion="give one of them another id",
            )
            continue
        seen[entry["id"]] = getattr(entry, "line", None)
        yield entry


def _unique_key(key: str, existing: dict[str, Any], file: str, kind: str, problems: _Problems) -> bool:
    if key in existing:
        problems.add(file=file, entry=key, problem=f"{kind} '{key}' is defined in another file too", suggestion="keep one file per article")
        return False
    return True


def _tuples(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: tuple(value) if isinstance(value, list) else value for key, value in entry.items()}


def _article(data: dict[str, Any], path: Path, shown: Any, problems: _Problems) -> Article | None:
    file = shown(path)
    capture_path = path.parent / "captures" / data["capture"]
    if not data["capture"].startswith(data["id"] + "_"):
        problems.add(file=file, entry=data["id"], field="capture", problem=f"'{data['capture']}' does not start with the article id '{data['id']}_'")
    if path.stem != data["id"]:
        problems.add(file=file, entry=data["id"], field="id", problem=f"the file is named {path.name} but the id is '{data['id']}'", suggestion=f"rename it {data['id']}.yaml")
    if not capture_path.is_file():
        known = [p.name for p in capture_path.parent.glob("*.txt")]
        problems.add(file=file, entry=data["id"], field="capture", problem=f"no capture file {shown(capture_path)}", suggestion=did_you_mean(data["capture"], known))
        return None
    text, problem = read_text(capture_path, shown(capture_path))
    if problem or text is None:
        problems.append(problem or DataProblem(file=shown(capture_path), problem="cannot be read"))
        return None
    actual = sha256_hex(capture_path.read_bytes())
    if actual != data["sha256"]:
        problems.add(
            file=file, entry=data["id"], field="sha256",
            problem=f"the capture {data['capture']} no longer matches its checksum (it has {actual})",
            suggestion="the article texts are never edited: restore the capture from version control",
        )
    paragraphs = _with_roles(split_paragraphs(text), data, file, problems)
    reliability = data.get("reliability")
    fields = {k: v for k, v in data.items() if k in {"outlet_url", "title_note"}}
    return Article(
        id=data["id"], capture=data["capture"], sha256=data["sha256"], title=data["title"],
        outlet=data["outlet"], author=data["author"], published=data["published"], url=data["url"],
        provenance=data["provenance"], text=text, paragraphs=paragraphs,
        provenance_refs=tuple(data.get("provenance_refs", ())),
        reliability=Reliability(**_tuples(reliability)) if reliability else None,
        **fields,
    )


def _with_roles(paragraphs: tuple[Paragraph, ...], data: dict[str, Any], file: str, problems: _Problems) -> tuple[Paragraph, ...]:
    """Mark the headline, subheadings and furniture named in the source record."""
    roles: dict[str, tuple[str, str | None]] = {}
    named: list[tuple[str, str]] = []
    if "headline" in data:
        named.append(("headline", data["headline"]))
        roles[data["headline"]] = ("headline", None)
    for pid in data.get("subheadings", ()):
        named.append(("subheadings", pid))
        roles[pid] = ("subheading", None)
    for group in data.get("furniture", ()):
        for pid in group["paragraphs"]:
            named.append(("furniture", pid))
            roles[pid] = ("furniture", group["label"])
    ids = [p.id for p in paragraphs]
    for field, pid in named:
        if pid not in ids:
            problems.add(file=file, entry=data["id"], field=field, problem=f"there is no paragraph {pid} (the capture has p1 to p{len(ids)})")
    return tuple(
        Paragraph(p.id, p.number, p.text, p.offset, *roles[p.id]) if p.id in roles else p for p in paragraphs
    )


def _check_sorted(entries: list[dict[str, Any]], file: str, problems: _Problems) -> None:
    ids = [e["id"] for e in entries]
    for before, after in zip(entries, entries[1:]):
        if after["id"] < before["id"]:
            problems.add(
                file=file, entry=after["id"], line=getattr(after, "line", None),
                problem=f"terms are kept in alphabetical order of id, but '{after['id']}' comes after '{before['id']}'",
                suggestion=f"move it before '{next(i for i in sorted(ids) if i > after['id'])}'",
            )
            return


def _check_aliases(terms: Iterable[Term], file: str, problems: _Problems) -> None:
    """No spelling may name two terms: the term linker would not know which to link."""
    owner: dict[str, str] = {}
    for term in terms:
        for spelling in term.spellings:
            key = spelling.casefold()
            if key in owner and owner[key] != term.id:
                problems.add(
                    file=file, entry=term.id, field="aliases",
                    problem=f"the spelling '{spelling}' also names term '{owner[key]}'",
                    suggestion="keep it on one term and list the other under 'related'",
                )
            owner.setdefault(key, term.id)


def _quote(entry: dict[str, Any]) -> Quote:
    return Quote(entry["exact"], entry.get("prefix", ""), entry.get("suffix", ""))


def _anchor(article_id: str, quote: Quote, corpus: Corpus, where: dict[str, Any], problems: _Problems) -> Anchor | None:
    article = corpus.articles.get(article_id)
    if article is None and article_id in corpus.unreadable_articles:
        return None  # the article's own problem is reported; its quotes cannot be checked
    if article is None:
        problems.add(**where, field="article", problem=f"unknown article '{article_id}'", suggestion=did_you_mean(article_id, corpus.articles))
        return None
    found = anchor.locate(article, quote)
    if isinstance(found, anchor.AnchorFailure):
        problems.add(**where, field="exact", problem=found.problem, suggestion=found.suggestion)
        return None
    return found


def _claim(entry: dict[str, Any], corpus: Corpus, file: str, check_verdict: bool, problems: _Problems) -> Claim | None:
    where = {"file": file, "entry": entry["id"], "line": getattr(entry, "line", None)}
    if check_verdict and entry["verdict"] not in corpus.verdicts:
        labels = {verdict.label: verdict.id for verdict in corpus.verdicts.values()}
        scale = "use an id from the scale: " + ", ".join(f"'{v.id}' ({v.label})" for v in corpus.verdicts.values())
        problems.add(**{**where, "line": entry.line_of("verdict")}, field="verdict", problem=f"'{entry['verdict']}' is not on the verdict scale (glossary/verdicts.yaml)",
                     suggestion=did_you_mean(entry["verdict"], corpus.verdicts, labels) or scale)
    appearances = []
    for number, item in enumerate(entry["appearances"], 1):
        quote = _quote(item)
        place = {**where, "line": getattr(item, "line", where["line"])}
        found = _anchor(item["article"], quote, corpus, {**place, "entry": f"{entry['id']} (appearance {number})"}, problems)
        if found:
            appearances.append(Appearance(article=item["article"], stance=item["stance"], quote=quote, anchor=found))
    fields = {k: entry[k] for k in ("id", "statement", "verdict", "reason", "reviewed", "settle") if k in entry}
    return Claim(**fields, evidence=tuple(entry["evidence"]), appearances=tuple(appearances))


def _anchored(items: list[dict[str, Any]], entry_id: str, corpus: Corpus, file: str, problems: _Problems) -> list[tuple[dict[str, Any], Quote, Anchor]]:
    """Anchor each quoted item of an entry; report the ones that do not anchor."""
    found = []
    for number, item in enumerate(items, 1):
        quote = _quote(item)
        where = {"file": file, "entry": f"{entry_id} (item {number})", "line": getattr(item, "line", None)}
        place = _anchor(item["article"], quote, corpus, where, problems)
        if place:
            found.append((item, quote, place))
    return found


def _event(entry: dict[str, Any], corpus: Corpus, file: str, problems: _Problems) -> Event:
    mentions = tuple(
        Mention(item["article"], quote, place)
        for item, quote, place in _anchored(entry.get("mentions", []), entry["id"], corpus, file, problems)
    )
    fields = _tuples({k: v for k, v in entry.items() if k != "mentions"})
    return Event(mentions=mentions, **fields)


def _comparison(entry: dict[str, Any], corpus: Corpus, file: str, problems: _Problems) -> Comparison:
    quoted = ("exact", "prefix", "suffix")
    reports = tuple(
        Report(quote=quote, anchor=place, **{k: v for k, v in item.items() if k not in quoted})
        for item, quote, place in _anchored(entry["reports"], entry["id"], corpus, file, problems)
    )
    evidence = tuple(Evidence(**_tuples(item)) for item in entry["evidence"])
    fields = {k: v for k, v in entry.items() if k not in ("reports", "evidence")}
    return Comparison(reports=reports, evidence=evidence, **fields)


def _notes(data: dict[str, Any], stem: str, corpus: Corpus, file: str, problems: _Problems) -> tuple[Note, ...] | None:
    article_id = data["article"]
    if stem != article_id:
        problems.add(file=file, entry=article_id, field="article", problem=f"the file is named {stem}.yaml but holds notes on article '{article_id}'", suggestion=f"rename it {article_id}.yaml")
    notes = []
    for entry in _unique(data["notes"], "note", file, problems):
        quote = _quote(entry)
        found = _anchor(article_id, quote, corpus, {"file": file, "entry": entry["id"], "line": getattr(entry, "line", None)}, problems)
        if found:
            fields = _tuples({k: v for k, v in entry.items() if k not in ("exact", "prefix", "suffix")})
            notes.append(Note(article=article_id, quote=quote, anchor=found, **fields))
    return tuple(notes)


def _check_links(corpus: Corpus, shown: Any, root: Path, unreadable: set[str], lines: EntryLines, problems: _Problems) -> None:
    """Every id that one record gives for another must name a record that exists.

    Ids pointing into a file that could not be read are not checked: its own
    problem is already reported, and "unknown id" for each would only bury it.
    """

    def need(ids: Iterable[str], known: dict[str, Any], kind: str, file: str, entry: str, field: str) -> None:
        if f"{kind}s" in unreadable:
            return
        for wanted in ids:
            if wanted not in known:
                problems.add(file=file, entry=entry, field=field, line=lines.find(file, entry, field, wanted),
                             problem=f"unknown {kind} '{wanted}'", suggestion=did_you_mean(wanted, known))

    refs = corpus.references
    for article in corpus.articles.values():
        file = shown(root / "sources" / f"{article.id}.yaml")
        need(article.provenance_refs, refs, "reference", file, article.id, "provenance_refs")
        if article.reliability:
            need(article.reliability.refs, refs, "reference", file, article.id, "reliability/refs")
    terms_file = shown(root / "terms.yaml")
    for term in corpus.terms.values():
        need(term.related, corpus.terms, "term", terms_file, term.id, "related")
        need(term.refs, refs, "reference", terms_file, term.id, "refs")
    claims_file = shown(root / "claims.yaml")
    for claim in corpus.claims.values():
        need(claim.evidence, refs, "reference", claims_file, claim.id, "evidence")
    events_file = shown(root / "events.yaml")
    for event in corpus.events.values():
        need(event.refs, refs, "reference", events_file, event.id, "refs")
        need(event.terms, corpus.terms, "term", events_file, event.id, "terms")
    comparisons_file = shown(root / "comparisons.yaml")
    for comparison in corpus.comparisons.values():
        for item in comparison.evidence:
            need(item.refs, refs, "reference", comparisons_file, comparison.id, "evidence/refs")
    for article_id, notes in corpus.notes.items():
        file = shown(root / "annotations" / f"{article_id}.yaml")
        for note in notes:
            need(note.refs, refs, "reference", file, note.id, "refs")
            need(note.terms, corpus.terms, "term", file, note.id, "terms")


def _corrections(log_doc: dict[str, Any], raw: dict[str, Any], claims_doc: dict[str, Any], terms_doc: dict[str, Any],
                 corpus: Corpus, shown: Any, root: Path, problems: _Problems) -> None:
    """Read the corrections log, check it against the data, and note where each logged item is written."""
    file = shown(root / "corrections.yaml")
    corpus.corrections = tuple(
        Correction(line=getattr(entry, "line", None), **_tuples(entry)) for entry in log_doc["entries"]
    )
    for entry in corpus.corrections:
        for ref in entry.refs:
            if ref not in corpus.references:
                problems.add(file=file, line=entry.line, entry=entry.target, field="refs",
                             problem=f"unknown reference '{ref}'", suggestion=did_you_mean(ref, corpus.references))
    states = corrections.current_states(claims_doc["claims"], terms_doc["terms"], raw["notes"], raw["sources"])
    reviewed = {f"claim/{c.id}": c.reviewed for c in corpus.claims.values()}
    problems.extend(corrections.check(corpus.corrections, states, reviewed, file))

    def place(kind: str, path: Path, entries: list[dict[str, Any]], prefix: str = "") -> dict[str, tuple[str, int | None]]:
        return {f"{kind}/{prefix}{e['id']}": (shown(path), getattr(e, "line", None)) for e in entries}

    corpus.places = place("claim", root / "claims.yaml", claims_doc["claims"]) | place("term", root / "terms.yaml", terms_doc["terms"])
    for article_id, notes in raw["notes"].items():
        corpus.places |= place("note", root / "annotations" / f"{article_id}.yaml", notes, f"{article_id}/")
    for source in raw["sources"]:
        corpus.places[f"article/{source['id']}"] = corpus.places[f"reliability/{source['id']}"] = (
            shown(root / "sources" / f"{source['id']}.yaml"), getattr(source, "line", None))
