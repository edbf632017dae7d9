"""The quick validator (jsonschema-rs) accepts nothing that jsonschema refuses, so taking its word for
a valid file never lets a bad one through: checked on every data file and on damaged copies of the
first entry of each list in it (each field dropped, retyped or emptied, an unknown field added).
Where only it refuses a file (a pattern's ``$`` before a final line break), the build says so."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.schema import _quick, _validator, validate
from macros.yamlfile import load_yaml

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary"
FILES = [
    *((GLOSSARY / f"{name}.yaml", name) for name in ("references", "verdicts", "terms", "claims", "events", "comparisons", "corrections")),
    *((path, "source") for path in sorted((GLOSSARY / "sources").glob("*.yaml"))),
    *((path, "annotations") for path in sorted((GLOSSARY / "annotations").glob("*.yaml"))),
]
REPLACEMENTS: tuple[Any, ...] = (7, 2.5, "", " ", "x\n", "a\u00a0b", None, True, [], {}, ["x"], {"id": "x"})


def damaged(node: Any) -> Iterator[Any]:
    """Copies of ``node`` with one thing wrong, down the first item of every list."""
    if isinstance(node, dict):
        yield {**node, "unknown-field": "x"}
        for key, value in node.items():
            yield {k: v for k, v in node.items() if k != key}
            for replacement in REPLACEMENTS:
                yield {**node, key: replacement}
            for inner in damaged(value):
                yield {**node, key: inner}
    elif isinstance(node, list) and node:
        yield []
        yield [*node, node[0]]  # a repeated item
        for inner in damaged(node[0]):
            yield [inner, *node[1:]]


@pytest.mark.parametrize(("path", "schema"), FILES, ids=[f"{p.parent.name}/{p.name}" for p, _ in FILES])
def test_the_quick_validator_agrees_with_jsonschema(path: Path, schema: str) -> None:
    document, problem = load_yaml(path, path.name)
    assert problem is None and document is not None
    checked = 0
    for candidate in [document, *damaged(copy.deepcopy(document))]:
        if _quick(schema).is_valid(candidate):
            assert not any(True for _ in _validator(schema).iter_errors(candidate)), (path.name, str(candidate)[:2000])
        else:
            assert validate(candidate, schema, path.name), (path.name, str(candidate)[:2000])
        checked += 1
    assert checked > 20, checked


def test_a_file_the_quick_validator_refuses_gets_jsonschemas_messages() -> None:
    document, _ = load_yaml(GLOSSARY / "verdicts.yaml", "verdicts.yaml")
    document["verdicts"][0]["tag"] = 7
    [problem] = validate(document, "verdicts", "glossary/verdicts.yaml")
    assert problem.entry == document["verdicts"][0]["id"] and problem.field == "tag" and "7" in problem.problem


def test_an_id_ending_in_a_line_break_is_refused() -> None:
    document, _ = load_yaml(GLOSSARY / "verdicts.yaml", "verdicts.yaml")
    document["verdicts"][1]["id"] = "misleading\n"
    [problem] = validate(document, "verdicts", "glossary/verdicts.yaml")
    assert problem.field == "id" and "does not match" in problem.problem and problem.line
