"""Broken data fails with the file, the entry, the field, the problem and a suggestion.

Each test breaks one thing in a copy of glossary/ and reads the message a
contributor would get.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.errors import DataError, DataProblem
from macros.load import load_corpus

from .conftest import edit


def problems(glossary: Path) -> list[DataProblem]:
    with pytest.raises(DataError) as caught:
        load_corpus(glossary)
    return list(caught.value.problems)


def only(found: list[DataProblem]) -> DataProblem:
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


@pytest.fixture
def glossary(project_copy: Path) -> Path:
    return project_copy / "glossary"


def add_note(glossary: Path, article: str, body: str) -> Path:
    path = glossary / "annotations" / f"{article}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'article: "{article}"\nnotes:\n{body}', encoding="utf-8")
    return path


def add_term(glossary: Path, term_id: str, name: str, extra: str = "") -> None:
    """Append a term at the end of terms.yaml (where the entries are top-level list items)."""
    entry = f"- id: {term_id}\n  name: {name}\n  kind: unit\n  definition: A test term.\n"
    if extra:
        entry += f"  {extra}\n"
    with (glossary / "terms.yaml").open("a", encoding="utf-8") as terms:
        terms.write(entry)


def add_claim(glossary: Path, body: str) -> None:
    (glossary / "claims.yaml").write_text("claims:\n" + body, encoding="utf-8")


def test_the_real_data_loads(corpus: object) -> None:
    assert corpus


def test_malformed_yaml_names_line_and_column(glossary: Path) -> None:
    edit(glossary / "references.yaml", "  title: N. Korea estimated", "  title: [N. Korea estimated")
    problem = only(problems(glossary))
    assert problem.file == "glossary/references.yaml"
    assert problem.line is not None and "column" in problem.problem
    assert "not valid YAML" in str(problem)


def test_a_file_that_is_not_utf8(glossary: Path) -> None:
    (glossary / "terms.yaml").write_bytes("terms: []\n# caf\xe9\n".encode("latin-1"))
    problem = only(problems(glossary))
    assert problem.file == "glossary/terms.yaml"
    assert "not UTF-8" in problem.problem and problem.suggestion == "save the file as UTF-8"


def test_a_misspelt_reference_id_gets_a_suggestion(glossary: Path) -> None:
    edit(glossary / "sources" / "000.yaml", "upi-2016-07-07-nk-6000-hackers]", "upi-2016-07-07-nk-600-hackers]")
    problem = only(problems(glossary))
    assert (problem.file, problem.entry, problem.field) == ("glossary/sources/000.yaml", "000", "provenance_refs")
    assert problem.problem == "unknown reference 'upi-2016-07-07-nk-600-hackers'"
    assert problem.suggestion == "did you mean 'upi-2016-07-07-nk-6000-hackers'?"


def test_a_missing_required_field(glossary: Path) -> None:
    edit(glossary / "sources" / "001.yaml", "author: unknown\n", "")
    problem = only(problems(glossary))
    assert problem.entry == "001" and "'author' is missing" in problem.problem


def test_a_misspelt_field_name_gets_a_suggestion(glossary: Path) -> None:
    edit(glossary / "sources" / "001.yaml", "outlet: VideoSlotsGames", "outlte: VideoSlotsGames")
    found = problems(glossary)
    assert any("'outlte'" in p.problem and p.suggestion == "did you mean 'outlet'?" for p in found), found


def test_a_date_that_is_not_a_date(glossary: Path) -> None:
    edit(glossary / "sources" / "002.yaml", 'published: "2024-02-14"', 'published: "14 Feb 2024"')
    problem = only(problems(glossary))
    assert (problem.entry, problem.field) == ("002", "published")
    assert "calendar date" in problem.problem


def test_an_address_that_is_not_http(glossary: Path) -> None:
    edit(glossary / "references.yaml", "url: https://donga.com/en/", "url: ftp://donga.com/en/")
    problem = only(problems(glossary))
    assert (problem.entry, problem.field) == ("donga-en-2024-07-31-8400-hackers", "url")
    assert "http or https" in problem.problem


def test_the_same_id_twice(glossary: Path) -> None:
    path = glossary / "references.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "- id: donga-en-2024-07-31-8400-hackers\n  title: T\n  publisher: P\n  date: '2024'\n  url: https://example.org/\n",
        encoding="utf-8",
    )
    problem = only(problems(glossary))
    assert problem.entry == "donga-en-2024-07-31-8400-hackers"
    assert "used twice (first at line" in problem.problem


def test_an_edited_capture_fails_its_checksum(glossary: Path) -> None:
    capture = glossary / "sources" / "captures" / "004_d8e54b2875811338.txt"
    capture.write_text(capture.read_text(encoding="utf-8").replace("audacious", "bold", 1), encoding="utf-8")
    problem = only(problems(glossary))
    assert (problem.file, problem.entry, problem.field) == ("glossary/sources/004.yaml", "004", "sha256")
    assert "no longer matches its checksum" in problem.problem
    assert "never edited" in (problem.suggestion or "")


def test_furniture_must_name_a_paragraph_that_exists(glossary: Path) -> None:
    edit(glossary / "sources" / "002.yaml", "paragraphs: [p2]", "paragraphs: [p99]")
    problem = only(problems(glossary))
    assert problem.field == "furniture" and "no paragraph p99 (the capture has p1 to p25)" in problem.problem


def test_a_quote_that_occurs_nowhere_gets_a_hint(glossary: Path) -> None:
    add_note(glossary, "000", "  - id: n1\n    kind: context\n    exact: \"South Korea's Defense Security Command\"\n    body: A note.\n")
    problem = only(problems(glossary))
    assert (problem.file, problem.entry, problem.field) == ("glossary/annotations/000.yaml", "n1", "exact")
    assert "does not occur in article 000" in problem.problem
    assert "other quotation marks" in (problem.suggestion or "") and "South Korea’s" in (problem.suggestion or "")


def test_a_quote_that_occurs_twice_asks_for_context(glossary: Path) -> None:
    add_note(glossary, "002", "  - id: n1\n    kind: context\n    exact: the NIS\n    body: A note.\n")
    problem = only(problems(glossary))
    assert "occurs" in problem.problem and "times in article 002" in problem.problem
    assert "prefix" in (problem.suggestion or "")


def test_context_makes_a_repeated_quote_unique(glossary: Path) -> None:
    add_note(glossary, "002", "  - id: n1\n    kind: context\n    exact: the NIS\n    prefix: 'Some of its clients were South Korean criminal organizations, said '\n    body: A note.\n")
    (glossary / "corrections.yaml").unlink()  # the notes were replaced: this test is about anchoring, not the log
    corpus = load_corpus(glossary)
    assert corpus.notes["002"][0].anchor.paragraph == "p13"


def test_a_quote_across_two_paragraphs(glossary: Path) -> None:
    add_note(glossary, "004", "  - id: n1\n    kind: context\n    exact: 'of attacks. South Korean authorities'\n    body: A note.\n")
    problem = only(problems(glossary))
    assert problem.suggestion == "a quote must lie inside one paragraph: split it into two notes"


def test_an_empty_quote(glossary: Path) -> None:
    add_note(glossary, "004", "  - id: n1\n    kind: context\n    exact: '   '\n    body: A note.\n")
    problem = only(problems(glossary))
    assert problem.field == "exact"


def test_an_unknown_term_in_a_note(glossary: Path) -> None:
    add_note(glossary, "001", "  - id: n3\n    kind: context\n    exact: Office 39 from\n    body: A note.\n    terms: [ofice-39]\n")
    problem = only(problems(glossary))
    assert str(problem) == (
        "glossary/annotations/001.yaml:7, entry 'n3', field 'terms': unknown term 'ofice-39'; did you mean 'office-39'?"
    )


def test_a_verdict_not_on_the_scale(glossary: Path) -> None:
    add_claim(glossary, "  - id: c1\n    statement: S.\n    verdict: contestd\n    reason: R.\n    reviewed: '2026-11-21'\n"
              "    evidence: []\n    appearances:\n      - article: '004'\n        stance: asserts\n        exact: approximately 8,400\n")
    problem = only(problems(glossary))
    assert (problem.entry, problem.field) == ("c1", "verdict")
    assert problem.suggestion == "did you mean 'contested'?"


def test_a_claim_on_an_unknown_article(glossary: Path) -> None:
    add_claim(glossary, "  - id: c1\n    statement: S.\n    verdict: contested\n    reason: R.\n    reviewed: '2026-11-21'\n"
              "    evidence: []\n    appearances:\n      - article: '040'\n        stance: asserts\n        exact: approximately 8,400\n")
    problem = only(problems(glossary))
    assert problem.problem == "unknown article '040'" and problem.suggestion == "did you mean '004'?"


def test_a_stance_not_allowed(glossary: Path) -> None:
    add_claim(glossary, "  - id: c1\n    statement: S.\n    verdict: contested\n    reason: R.\n    reviewed: '2026-11-21'\n"
              "    evidence: []\n    appearances:\n      - article: '004'\n        stance: assert\n        exact: approximately 8,400\n")
    problem = only(problems(glossary))
    assert (problem.entry, problem.field) == ("c1", "appearances/0/stance")
    assert problem.suggestion == "did you mean 'asserts'?"


def test_an_alias_that_names_two_terms(glossary: Path) -> None:
    add_term(glossary, "zz-office", "Bureau Thirty-Nine", "aliases: [Office 39]")
    problem = only(problems(glossary))
    assert problem.entry == "zz-office" and "also names term 'office-39'" in problem.problem
    lines = (glossary / "terms.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.line is not None and lines[problem.line - 1] == "  aliases: [Office 39]"


def test_terms_out_of_order(glossary: Path) -> None:
    add_term(glossary, "aaa", "Aaa")
    problem = only(problems(glossary))
    assert problem.entry == "aaa" and problem.suggestion == "move it before 'aml'"


def test_every_problem_is_reported_at_once(glossary: Path) -> None:
    edit(glossary / "sources" / "001.yaml", "author: unknown\n", "")
    edit(glossary / "sources" / "002.yaml", 'published: "2024-02-14"', 'published: "soon"')
    assert len(problems(glossary)) == 2


def break_first_list(path: Path, key: str, bogus: str) -> None:
    """Put an unknown id first in the first list under ``key:`` (flow or block style)."""
    text = path.read_text(encoding="utf-8")
    flow = re.search(rf"^(\s*-?\s*{key}:\s*)\[", text, re.M)
    block = re.search(rf"^(\s*){key}:\n(\s*)- ", text, re.M)
    if flow and (not block or flow.start() < block.start()):
        text = text[: flow.end()] + f"{bogus}, " + text[flow.end():]
    else:
        assert block, f"no {key} list in {path}"
        insert = block.end() - 2
        text = text[:insert] + f"- {bogus}\n{block.group(2)}" + text[insert:]
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("file", "key", "kind", "field"), [
    ("sources/002.yaml", "provenance_refs", "reference", "provenance_refs"),
    ("sources/002.yaml", "refs", "reference", "reliability/refs"),
    ("terms.yaml", "related", "term", "related"),
    ("terms.yaml", "refs", "reference", "refs"),
    ("claims.yaml", "evidence", "reference", "evidence"),
    ("annotations/002.yaml", "refs", "reference", "refs"),
    ("events.yaml", "refs", "reference", "refs"),
    ("events.yaml", "terms", "term", "terms"),
    ("comparisons.yaml", "refs", "reference", "evidence/refs"),
])
def test_an_unknown_id_in_any_field_that_refers_to_another_record(glossary: Path, file: str, key: str, kind: str, field: str) -> None:
    break_first_list(glossary / file, key, "no-such-id")
    problem = only(problems(glossary))
    assert problem.file == f"glossary/{file}" and problem.field == field
    assert problem.problem == f"unknown {kind} 'no-such-id'"
    lines = (glossary / file).read_text(encoding="utf-8").splitlines()
    assert problem.line is not None and "no-such-id" in lines[problem.line - 1]  # the line that names it


@pytest.mark.parametrize("file", ["events.yaml", "comparisons.yaml", "claims.yaml"])
def test_an_unknown_article_anywhere(glossary: Path, file: str) -> None:
    text = (glossary / file).read_text(encoding="utf-8")
    broken, count = re.subn(r"article: ['\"](\d{3})['\"]", 'article: "999"', text, count=1)
    assert count == 1
    (glossary / file).write_text(broken, encoding="utf-8")
    problem = only(problems(glossary))
    assert problem.problem == "unknown article '999'" and problem.file == f"glossary/{file}"


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("comparisons.yaml", "value: 6800", 'value: "six thousand eight hundred"', "the text 'six thousand eight hundred' where a number is expected"),
    ("terms.yaml", "  aliases:\n  - AML", "  aliases: AML", "the text 'AML' where a list is expected"),
    ("claims.yaml", "    appearances:\n", "    appearances: {}\n    old_appearances:\n", "a mapping where a list is expected"),
])
def test_a_value_of_the_wrong_type(glossary: Path, file: str, old: str, new: str, message: str) -> None:
    edit(glossary / file, old, new)
    found = problems(glossary)
    assert any(message in p.problem for p in found), "\n".join(map(str, found))


def test_the_same_article_id_in_two_files(glossary: Path) -> None:
    copy = glossary / "sources" / "005.yaml"
    copy.write_text((glossary / "sources" / "002.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    found = problems(glossary)
    assert any("article '002' is defined in another file too" in p.problem for p in found), found
    assert any(p.suggestion == "rename it 002.yaml" for p in found)
