"""Serving rebuilds after every edit: only a data file whose content changed is validated again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import load

from .conftest import PROJECT


def test_only_the_changed_file_is_validated_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(PROJECT / "glossary", glossary)
    checked: list[str] = []
    real = load.validate
    monkeypatch.setattr(load, "validate", lambda data, schema, shown: checked.append(shown) or real(data, schema, shown))
    monkeypatch.setattr(load, "_VALIDATION", {})
    load.load_corpus(glossary)
    files = len(checked)
    assert files >= 10
    checked.clear()
    load.load_corpus(glossary)
    assert checked == []
    events = glossary / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    load.load_corpus(glossary)
    assert checked == ["glossary/events.yaml"]
