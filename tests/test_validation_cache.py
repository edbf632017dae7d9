"""Serving rebuilds after every edit, and every build is a new process: only a data file whose content
changed is parsed and validated again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import data_cache, load

from .conftest import PROJECT


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with nothing kept, on disk or in the process."""
    monkeypatch.setattr(data_cache, "FOLDER", tmp_path / "cache")
    monkeypatch.setattr(load, "_READ", {})


def counting(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The files parsed and the files validated from now on."""
    parsed: list[str] = []
    checked: list[str] = []
    parse, validate = load.load_yaml, load.validate
    monkeypatch.setattr(load, "load_yaml", lambda path, shown: parsed.append(shown) or parse(path, shown))
    monkeypatch.setattr(load, "validate", lambda data, schema, shown: checked.append(shown) or validate(data, schema, shown))
    return parsed, checked


@pytest.mark.parametrize("new_process", [False, True], ids=["serving", "the next build"])
def test_only_the_changed_file_is_parsed_and_validated_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_process: bool) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    parsed, checked = counting(monkeypatch)
    first = load.load_corpus(glossary)
    assert len(parsed) >= 10 and sorted(checked) == sorted(parsed)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == len(parsed) + 1  # and the corpus, whole
    events = glossary / "events.yaml"
    for edited in (False, True):
        parsed.clear()
        checked.clear()
        if new_process:
            monkeypatch.setattr(load, "_READ", {})  # what a new process starts with
        if edited:
            events.write_text(events.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
        assert load.load_corpus(glossary) == first
        assert parsed == checked == (["glossary/events.yaml"] if edited else [])


def test_a_file_broken_and_mended_is_read_again_each_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    load.load_corpus(glossary)
    terms = glossary / "terms.yaml"
    good = terms.read_text(encoding="utf-8")
    terms.write_text(good.replace("  definition:", "  definiton:", 1), encoding="utf-8")
    with pytest.raises(load.DataError, match="definiton"):
        load.load_corpus(glossary)
    with pytest.raises(load.DataError, match="definiton"):  # the problem is remembered with the content
        load.load_corpus(glossary)
    terms.write_text(good, encoding="utf-8")
    assert load.load_corpus(glossary).terms


def test_a_damaged_entry_or_a_changed_checker_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    parsed, _ = counting(monkeypatch)
    first = load.load_corpus(glossary)
    count = len(parsed)
    for entry in (tmp_path / "cache").glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:10])
    parsed.clear()
    monkeypatch.setattr(load, "_READ", {})
    assert load.load_corpus(glossary) == first and len(parsed) == count
    parsed.clear()
    monkeypatch.setattr(load, "_READ", {})
    monkeypatch.setattr(data_cache, "_version", lambda: "another checker")
    assert load.load_corpus(glossary) == first and len(parsed) == count


def test_a_problem_is_kept_with_the_content_and_still_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    terms = glossary / "terms.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("  definition:", "  definiton:", 1), encoding="utf-8")
    with pytest.raises(load.DataError, match="definiton"):
        load.load_corpus(glossary)
    parsed, _ = counting(monkeypatch)
    monkeypatch.setattr(load, "_READ", {})
    with pytest.raises(load.DataError, match="definiton"):
        load.load_corpus(glossary)
    assert parsed == []


def test_the_key_changes_with_a_schema_or_the_checkers_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(PROJECT / "macros", tmp_path / "macros")
    shutil.copytree(PROJECT / "glossary" / "schemas", tmp_path / "glossary" / "schemas")
    monkeypatch.setattr(data_cache, "PACKAGE", tmp_path / "macros")
    seen = set()
    for edited in (None, tmp_path / "glossary" / "schemas" / "terms.schema.json", tmp_path / "macros" / "schema.py"):
        if edited:
            edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        data_cache._version.cache_clear()
        seen.add(data_cache._version())
    data_cache._version.cache_clear()
    assert len(seen) == 3


def test_the_corpus_is_kept_whole_until_any_file_of_the_folder_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    built: list[Path] = []
    build = load._load_corpus
    monkeypatch.setattr(load, "_load_corpus", lambda root: built.append(root) or build(root))
    first = load.load_corpus(glossary)
    monkeypatch.setattr(load, "_READ", {})
    assert load.load_corpus(glossary) == first and built == [glossary]  # the next build unpickles it
    capture = next((glossary / "sources" / "captures").glob("*.txt"))  # a file no schema reads
    capture.write_text(capture.read_text(encoding="utf-8") + "x", encoding="utf-8")
    for _ in range(2):  # data with a problem is never kept: it is found again every time
        with pytest.raises(load.DataError, match="no longer matches its checksum"):
            load.load_corpus(glossary)
    assert len(built) == 3
