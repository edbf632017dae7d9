"""Every free-text field of the data, found by walking the JSON Schemas.

A field counts as free text when its schema is a string with no pattern, enum
or constant (ids, dates and addresses have patterns), other than the parts of a
quote selector, which must match the article's words. Walking the
schemas rather than listing fields by hand means a text field added later is
covered by the hostile-data tests without anyone remembering to add it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parent.parent / "glossary" / "schemas"
Path_ = tuple[str | int, ...]


@cache
def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _resolve(node: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
    """Follow ``$ref`` chains to the schema that describes a value."""
    while "$ref" in node:
        file, _, fragment = node["$ref"].partition("#")
        base = file or base
        node = _schema(base)
        for part in filter(None, fragment.split("/")):
            node = node[part]
    return node, base


QUOTE_PARTS = {"exact", "prefix", "suffix"}  # selectors: they must match the article's own words


def is_free_text(node: dict[str, Any], base: str) -> bool:
    """True for a string schema with no pattern, enum or constant that is not part of a quote."""
    if str(node.get("$ref", "")).rsplit("/", 1)[-1] in QUOTE_PARTS:
        return False
    node, _ = _resolve(node, base)
    return node.get("type") == "string" and not {"pattern", "enum", "const"} & node.keys()


def schema_for(data_file: Path) -> str:
    """The schema a data file follows: ``annotations/001.yaml`` → ``annotations.schema.json``."""
    folder = data_file.parent.name
    stem = {"annotations": "annotations", "sources": "source"}.get(folder, data_file.stem)
    return f"{stem}.schema.json"


def text_fields(data: Any, schema: str) -> Iterator[Path_]:
    """The path of every free-text value in one parsed data file."""

    def walk(value: Any, node: dict[str, Any], base: str, path: Path_) -> Iterator[Path_]:
        node, base = _resolve(node, base)
        if isinstance(value, dict):
            for key, item in value.items():
                sub = node.get("properties", {}).get(key)
                if sub is not None:
                    yield from visit(item, sub, base, (*path, key))
        elif isinstance(value, list) and "items" in node:
            for index, item in enumerate(value):
                yield from visit(item, node["items"], base, (*path, index))

    def visit(value: Any, node: dict[str, Any], base: str, path: Path_) -> Iterator[Path_]:
        if isinstance(value, str):
            if is_free_text(node, base):
                yield path
        else:
            yield from walk(value, node, base, path)

    yield from walk(data, _schema(schema), schema, ())


def schema_text_fields() -> set[tuple[str, str]]:
    """(schema, dotted field with ``*`` for list items) for every free-text field any schema defines."""
    found: set[tuple[str, str]] = set()

    def walk(node: dict[str, Any], base: str, path: tuple[str, ...], schema: str, seen: frozenset[str]) -> None:
        ref = node.get("$ref")
        if ref in seen:
            return
        if is_free_text(node, base):
            found.add((schema, ".".join(path)))
        resolved, base = _resolve(node, base)
        for key, sub in resolved.get("properties", {}).items():
            walk(sub, base, (*path, key), schema, seen | {ref} if ref else seen)
        if isinstance(resolved.get("items"), dict):
            walk(resolved["items"], base, (*path, "*"), schema, seen | {ref} if ref else seen)
        for sub in resolved.get("anyOf", []) + resolved.get("oneOf", []):
            walk(sub, base, path, schema, seen)

    for path in sorted(SCHEMAS.glob("*.schema.json")):
        if path.name != "defs.schema.json":
            walk(_schema(path.name), path.name, (), path.name, frozenset())
    return found


def dotted(path: Path_) -> str:
    """``('claims', 3, 'reason')`` → ``claims.*.reason``."""
    return ".".join("*" if isinstance(step, int) else step for step in path)
