"""annotations.jsonld as open data: W3C conformance, addresses, selector context and a round trip.

The W3C Web Annotation Data Model suite is run from a copy of web-platform-tests' files at a pinned
commit (see ``SUITE_ADDRESS``), checked against ``tests/data/w3c-annotation-model.sha256``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest

from macros.model import Corpus
from macros.plan import appearance_key

from .conftest import PROJECT, mkdocs_build
from .w3c_annotation_model import MUST_TESTS, Suite, must_failures

SUITE_ADDRESS = "https://github.com/Spec-Ops/web-platform-tests/tree/c07a244ceef0d0833f61f2efa227bc1c65371c9c"
# A copy of that tree's LICENSE.md and annotation-model/{annotations,collections,definitions}.
SUITE_HOME = Path(os.environ.get("READER_W3C_SUITE", PROJECT.parent / "shared" / "web-platform-tests"))
SUITE_MANIFEST = PROJECT / "tests" / "data" / "w3c-annotation-model.sha256"
SITE_URL = "https://example.org/reader/"
CONTEXT_CHARS = 32


@pytest.fixture(scope="module")
def suite() -> Suite:
    """The pinned W3C suite; skipped when it is not beside the project, as in CI, which checks out this repository alone."""
    if not (SUITE_HOME / "annotation-model").is_dir():
        pytest.skip(f"the W3C annotation-model suite ({SUITE_ADDRESS}) is not in {SUITE_HOME}"
                    " (shared/web-platform-tests/ beside the project, or the folder READER_W3C_SUITE names)")
    assert unpinned(SUITE_HOME) == [], "the copy differs from the pinned commit's files"
    return Suite(SUITE_HOME / "annotation-model")


def unpinned(home: Path) -> list[str]:
    """The suite's files that are missing from a copy or differ from the pinned commit's."""
    wrong = []
    for line in SUITE_MANIFEST.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        path = home / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            wrong.append(name)
    return wrong


@pytest.fixture(scope="module")
def absolute_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with SITE_URL set."""
    out = tmp_path_factory.mktemp("absolute")
    result = mkdocs_build(PROJECT, out, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(params=["site", "offline_site", "absolute_site"])
def build(request: pytest.FixtureRequest) -> tuple[Path, str]:
    """Each of the three builds, with the base its addresses are relative to ("" for the site root)."""
    return request.getfixturevalue(request.param), SITE_URL if request.param == "absolute_site" else ""


def collection_of(site: Path) -> dict[str, Any]:
    return json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))


def built_file(site: Path, base: str, address: str) -> Path:
    """The file of the built site that an address in the export names."""
    path = urldefrag(address).url
    if base:
        assert path.startswith(base), f"{address} is not under {base}"
        path = path.removeprefix(base)
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def addresses(collection: dict[str, Any]) -> list[str]:
    """Every annotation id and target source: the export's addresses of the site's own pages."""
    return [address for item in collection["first"]["items"] for address in (item["id"], item["target"]["source"])]


def links(collection: dict[str, Any]) -> list[str]:
    """The source of every linking body: a reference's address, or a claim's entry in the register."""
    return [b["source"] for item in collection["first"]["items"] for b in item["body"] if b.get("purpose") == "linking"]


def is_web_address(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def test_the_suite_copy_is_the_pinned_one_and_has_the_must_tests(suite: Suite) -> None:
    for test in MUST_TESTS.values():
        assert json.loads((suite.root / test).read_text(encoding="utf-8"))["assertions"]
    assert (SUITE_HOME / "LICENSE.md").read_text(encoding="utf-8").count("3-clause BSD") >= 1


def test_a_changed_or_missing_suite_file_is_found(suite: Suite, tmp_path: Path) -> None:
    copy_home = tmp_path / "wpt"
    shutil.copytree(SUITE_HOME, copy_home)
    (copy_home / "annotation-model" / "definitions" / "id.json").write_text("{}", encoding="utf-8")
    (copy_home / "LICENSE.md").unlink()
    assert unpinned(copy_home) == ["LICENSE.md", "annotation-model/definitions/id.json"]


def test_every_annotation_the_collection_and_its_page_pass_the_w3c_musts(suite: Suite, build: tuple[Path, str]) -> None:
    collection = collection_of(build[0])
    assert collection["total"] == len(collection["first"]["items"]) > 100
    assert must_failures(suite, collection) == []


def test_the_w3c_musts_fail_the_export_as_it_was(suite: Suite, site: Path) -> None:
    """The earlier export: a purpose on a linking web resource, a relative collection id, a page without id."""
    collection = copy.deepcopy(collection_of(site))
    collection["id"] = "annotations.jsonld"
    del collection["first"]["id"]
    collection["first"]["items"][0]["body"].append({"id": "https://example.org/", "type": "Text", "purpose": "linking"})
    failures = must_failures(suite, collection)
    assert [f.split(": ")[1] for f in failures] == [
        "collections/5.1-collectionIdValidated.json",
        "collections/pages/5.2-pageIdValidated.json",
        "annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json",
    ]
    assert failures[2].startswith(collection["first"]["items"][0]["id"])


def test_the_harness_rules_for_expected_results_skips_and_skipped_failures(tmp_path: Path) -> None:
    suite = Suite(tmp_path)  # inline assertions only
    needs_id = {"type": "object", "required": ["id"], "title": "has an id"}
    needs_type = {"type": "object", "required": ["type"], "title": "has a type"}
    doc = {"type": "Annotation"}
    assert [o.passed for o in suite.run_assertions([needs_id, needs_type], doc)] == [False, True]
    assert [o.passed for o in suite.run_assertions([{**needs_id, "expectedResult": "invalid"}], doc)] == [True]
    skipping = {**needs_id, "onUnexpectedResult": "failAndSkip"}
    assert [o.passed for o in suite.run_assertions([skipping, needs_type], doc)] == [False]
    assert [o.passed for o in suite.run_assertions([{**needs_id, "onUnexpectedResult": "passAndAbort"}, needs_type], doc)] == [False]
    optional = {**needs_id, "assertionType": "may"}
    assert suite.run_assertions([optional, needs_type], doc, skip_failures=("may",))[0].assertion == "has a type"
    uri = {"properties": {"id": {"type": "string", "format": "uri"}}, "title": "id is a uri"}
    assert [o.passed for o in suite.run_assertions([uri], {"id": "annotations.jsonld"})] == [False]
    assert [o.passed for o in suite.run_assertions([uri], {"id": "urn:uuid:0"})] == [True]


def test_with_site_url_every_id_and_address_is_absolute_and_resolves(absolute_site: Path) -> None:
    collection = collection_of(absolute_site)
    assert collection["id"] == f"{SITE_URL}annotations.jsonld"
    assert collection["first"]["id"].startswith(collection["id"] + "#")
    assert collection["first"]["partOf"] == collection["id"]
    for address in addresses(collection):
        assert built_file(absolute_site, SITE_URL, address).is_file(), address
    assert all(is_web_address(link) for link in links(collection))
    register = [link for link in links(collection) if link.startswith(SITE_URL)]
    assert register and all(re.fullmatch(rf"{re.escape(SITE_URL)}claims/[a-z0-9-]+/", link) for link in register)


@pytest.mark.parametrize("fixture", ["site", "offline_site"])
def test_without_site_url_addresses_are_relative_to_the_site_root_and_say_so(fixture: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(fixture)
    collection = collection_of(site)
    assert "relative to the site root" in collection["rdfs:comment"]
    assert collection["id"].startswith("urn:uuid:") and collection["first"]["id"].startswith("urn:uuid:")
    for address in addresses(collection):
        assert not urlsplit(address).scheme and not address.startswith("/"), address
        assert built_file(site, "", address).is_file(), address
    assert all(is_web_address(link) for link in links(collection)), "only references are linked, by their own address"


def paragraphs_holding(corpus: Corpus, article_id: str, selector: dict[str, str]) -> list[tuple[str, int]]:
    """(paragraph id, start of the exact words) wherever the selector's whole text lies in one paragraph."""
    whole = selector["prefix"] + selector["exact"] + selector["suffix"]
    found = []
    for paragraph in corpus.articles[article_id].paragraphs:
        at = paragraph.text.find(whole)
        while at != -1:
            found.append((paragraph.id, at + len(selector["prefix"])))
            at = paragraph.text.find(whole, at + 1)
    return found


def text_quote(item: dict[str, Any]) -> dict[str, Any]:
    """The TextQuoteSelector an annotation's paragraph selector is refined by."""
    selector = item["target"]["selector"]
    assert selector["type"] == "CssSelector" and re.fullmatch(r"#p\d+", selector["value"]), selector
    return selector["refinedBy"]


def article_of(source: str) -> str:
    return re.search(r"articles/([^/]+?)(?:/|\.html)$", source).group(1)


def context_problems(collection: dict[str, Any], corpus: Corpus) -> list[str]:
    """Annotations whose quote is not once in its capture, or whose context is not the paragraph's 32 characters."""
    problems = []
    for item in collection["first"]["items"]:
        selector, article_id = text_quote(item), article_of(item["target"]["source"])
        article = corpus.articles[article_id]
        capture = (PROJECT / "glossary" / "sources" / "captures" / article.capture).read_text(encoding="utf-8")
        found = paragraphs_holding(corpus, article_id, selector)
        if selector["type"] != "TextQuoteSelector" or len(found) != 1 or f"#{found[0][0]}" != item["target"]["selector"]["value"]:
            problems.append(f"{item['id']}: not in exactly one paragraph")
            continue
        if capture.count(selector["prefix"] + selector["exact"] + selector["suffix"]) != 1:
            problems.append(f"{item['id']}: not once in the capture")
        text, start = article.paragraph(found[0][0]).text, found[0][1]
        end = start + len(selector["exact"])
        if (selector["prefix"], selector["suffix"]) != (text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]):
            problems.append(f"{item['id']}: context is not the paragraph's {CONTEXT_CHARS} characters either side")
    return problems


def test_context_is_up_to_32_characters_of_the_paragraph_and_the_quote_occurs_once_in_the_capture(
    site: Path, corpus: Corpus
) -> None:
    assert context_problems(collection_of(site), corpus) == []


def test_context_problems_are_found(site: Path, corpus: Corpus) -> None:
    collection = collection_of(site)
    items = collection["first"]["items"]
    shorter = next(i for i in items if len(text_quote(i)["prefix"]) == CONTEXT_CHARS)
    text_quote(shorter)["prefix"] = text_quote(shorter)["prefix"][1:]
    crossing = next(i for i in items if len(text_quote(i)["prefix"]) < CONTEXT_CHARS and i is not shorter)
    text_quote(crossing)["prefix"] = "\n" + text_quote(crossing)["prefix"]
    assert sorted(context_problems(collection, corpus)) == sorted([
        f"{shorter['id']}: context is not the paragraph's 32 characters either side",
        f"{crossing['id']}: not in exactly one paragraph",
    ])


def round_trip(collection: dict[str, Any], site: Path, corpus: Corpus) -> Counter[tuple[str, str, str]]:
    """(article, note or claim, exact words) of each annotation, resolved through its page and paragraph.

    An annotation whose page lacks its paragraph or its note, or whose quote is not in exactly one
    paragraph, gives a triple marked with "?", which no data triple equals.
    """
    claim_of = {(a.article, appearance_key(c, a)): c.id for c in corpus.claims.values() for a in c.appearances}
    triples: Counter[tuple[str, str, str]] = Counter()
    for item in collection["first"]["items"]:
        source, selector = item["target"]["source"], text_quote(item)
        page = built_file(site, "", source).read_text(encoding="utf-8")
        article_id = article_of(source)
        key = urldefrag(item["id"]).fragment.removeprefix("note-")
        found = paragraphs_holding(corpus, article_id, selector)
        resolved = len(found) == 1 and f'id="{found[0][0]}"' in page and f'id="note-{key}"' in page
        notes = {n.id for n in corpus.notes.get(article_id, ())}
        name = key if key in notes else claim_of.get((article_id, key), f"?{key}")
        triples[(article_id, name if resolved else f"?{name}", selector["exact"])] += 1
    return triples


def data_triples(corpus: Corpus) -> Counter[tuple[str, str, str]]:
    triples: Counter[tuple[str, str, str]] = Counter(
        (n.article, n.id, n.quote.exact) for notes in corpus.notes.values() for n in notes
    )
    triples.update((a.article, c.id, a.quote.exact) for c in corpus.claims.values() for a in c.appearances)
    return triples


def test_round_trip_rebuilds_every_note_and_claim_quote_and_nothing_else(site: Path, corpus: Corpus) -> None:
    assert round_trip(collection_of(site), site, corpus) == data_triples(corpus)


def test_round_trip_notices_a_lost_an_extra_or_a_changed_annotation(site: Path, corpus: Corpus) -> None:
    expected = data_triples(corpus)
    lost = collection_of(site)
    del lost["first"]["items"][0]
    assert round_trip(lost, site, corpus) != expected
    extra = collection_of(site)
    extra["first"]["items"].append(extra["first"]["items"][0])
    assert round_trip(extra, site, corpus) != expected
    changed = collection_of(site)
    changed["first"]["items"][0]["id"] = changed["first"]["items"][1]["id"]
    assert round_trip(changed, site, corpus) != expected
