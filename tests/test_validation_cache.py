"""Serving rebuilds after every edit: only a data file whose content changed is parsed and validated again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import load

from .conftest import PROJECT


def test_only_the_changed_file_is_parsed_and_validated_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    parsed: list[str] = []
    checked: list[str] = []
    parse, validate = load.load_yaml, load.validate
    monkeypatch.setattr(load, "load_yaml", lambda path, shown: parsed.append(shown) or parse(path, shown))
    monkeypatch.setattr(load, "validate", lambda data, schema, shown: checked.append(shown) or validate(data, schema, shown))
    monkeypatch.setattr(load, "_READ", {})
    first = load.load_corpus(glossary)
    assert len(parsed) >= 10 and sorted(checked) == sorted(parsed)
    parsed.clear()
    checked.clear()
    assert load.load_corpus(glossary) == first
    assert parsed == [] and checked == []
    events = glossary / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    load.load_corpus(glossary)
    assert parsed == checked == ["glossary/events.yaml"]


def test_a_file_broken_and_mended_is_read_again_each_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    monkeypatch.setattr(load, "_READ", {})
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
