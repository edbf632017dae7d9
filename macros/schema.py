"""JSON Schema validation of the data files, with errors that name the entry.

The schemas live in ``glossary/schemas/`` so that editors with a YAML language
server can use them too. jsonschema reports a path such as
``terms/3/aliases``; this module turns it into the entry's id, its line and the
field. The same check refuses control and bidirectional-control characters in
any text of the file, and numbers that are not finite, which no schema can
express for every field at once.

A file is first checked by jsonschema-rs, a compiled validator many times quicker;
only a file it finds invalid goes through jsonschema, whose errors carry the
keywords and values the messages are made from. jsonschema-rs reads ``pattern``
as JSON Schema defines it (ECMA-262, where ``$`` is the end of the text), while
Python's ``re`` lets ``$`` match before a final line break; what only the former
refuses (an id ending in a line break) is reported with its message.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .characters import describe, forbidden, where_in
from .errors import DataProblem, did_you_mean
from .yamlfile import LocatedDict

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "glossary" / "schemas"


@cache
def _validator(name: str) -> Draft202012Validator:
    """A validator for one schema, its ``$ref``s to the shared definitions put in place once.

    jsonschema resolves a ``$ref`` again every time it meets one, which was most of the cost of
    checking the data; the schemas are not recursive, so each reference is replaced by what it
    names (in an ``allOf``, so its siblings still apply and its errors read the same).
    """
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMA_DIR.glob("*.schema.json"))}
    registry = Registry().with_resources((name_, Resource.from_contents(body)) for name_, body in schemas.items())
    resolver = registry.resolver()

    def inline(node: Any, base: str) -> Any:
        if isinstance(node, list):
            return [inline(item, base) for item in node]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            file, _, _ = node["$ref"].partition("#")
            target = resolver.lookup(node["$ref"] if file else f"{base}{node['$ref']}").contents
            rest = {key: inline(value, base) for key, value in node.items() if key != "$ref"}
            return {**rest, "allOf": [*rest.get("allOf", []), inline(target, file or base)]}
        return {key: inline(value, base) for key, value in node.items()}

    top = f"{name}.schema.json"
    return Draft202012Validator(inline(schemas[top], top), registry=registry)


@cache
def _quick(name: str) -> Any:
    """The same schema compiled by jsonschema-rs, formats unchecked as jsonschema leaves them."""
    return jsonschema_rs.Draft202012Validator(_validator(name).schema, validate_formats=False)


def validate(document: Any, schema: str, shown_as: str) -> list[DataProblem]:
    """Check one parsed file against ``glossary/schemas/<schema>.schema.json``, and its characters and numbers."""
    quick = _quick(schema)
    if quick.is_valid(document):
        return list(_forbidden_values(document, shown_as))
    errors = sorted(_validator(schema).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    found = [_problem(error, document, shown_as) for error in errors]
    forbidden = list(_forbidden_values(document, shown_as))
    if not found:  # jsonschema-rs also refuses what the character and number check reports (NaN)
        told = {(p.entry, p.field) for p in forbidden}
        found = [problem for problem in (_quick_problem(e, document, shown_as, schema) for e in quick.iter_errors(document))
                 if (problem.entry, problem.field) not in told]
    return found + forbidden


def _quick_problem(error: Any, document: Any, shown_as: str, schema: str) -> DataProblem:
    """A problem only jsonschema-rs finds, located like the others, in its own words."""
    entry, field, line = _locate(document, error.instance_path)
    return DataProblem(file=shown_as, entry=entry, field=field, line=line, problem=error.message,
                       suggestion=f"see glossary/schemas/{schema}.schema.json")


def _locate(document: Any, path: Iterable[str | int]) -> tuple[str | None, str | None, int | None]:
    """The innermost entry with an id on a path into a document, the field inside it, and its line."""
    entry: str | None = document.get("id") if isinstance(document, dict) else None
    line: int | None = getattr(document, "line", None)
    node: Any = document
    field_path: list[str] = []
    for step in path:
        holder, node = node, node[step]
        if isinstance(holder, LocatedDict) and isinstance(step, str):
            line = holder.field_lines.get(step) or line
        if isinstance(node, LocatedDict):
            line = node.line or line
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            entry, field_path = node["id"], []
        else:
            field_path.append(str(step))
    return entry, "/".join(field_path) or None, line


def _problem(error: ValidationError, document: Any, shown_as: str) -> DataProblem:
    """Locate a validation error: the innermost entry with an id, and the field inside it."""
    entry, field, line = _locate(document, error.absolute_path)
    return DataProblem(
        file=shown_as, entry=entry, field=field, line=line, problem=_describe(error), suggestion=_suggest(error),
    )


def _leaves(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every scalar in a parsed document, field names included, with the path to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path, node


def _forbidden_values(document: Any, shown_as: str) -> Iterator[DataProblem]:
    """What no schema refuses for every field at once: control and bidirectional-control
    characters in any text, and numbers that are not finite (``.nan``, ``.inf``)."""
    for path, value in _leaves(document):
        found = next(forbidden(value), None) if isinstance(value, str) else None
        if found:
            index, char = found
            problem = f"holds {describe(char)} {where_in(value, index)}, which the data may not contain"
            suggestion = "delete it (it is invisible, or reorders the text on screen); in a quoted value, remove the escape that writes it"
        elif isinstance(value, float) and not math.isfinite(value):
            problem, suggestion = f"{value} is not a finite number", "write the figure in digits"
        else:
            continue
        entry, field, line = _locate(document, path)
        yield DataProblem(file=shown_as, entry=entry, field=field, line=line, problem=problem, suggestion=suggestion)


def _describe(error: ValidationError) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing (required)")
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field").replace(
            " were unexpected", " are not known fields"
        ).replace(" was unexpected", " is not a known field")
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(repr, error.validator_value))}"
    if error.validator == "pattern" or error.validator == "anyOf":
        description = error.schema.get("description") or _first_description(error)
        return f"{error.instance!r} is not valid" + (f": expected {description[0].lower()}{description[1:]}" if description else "")
    if error.validator == "type":
        return f"{_yaml_kind(error.instance)} where {_SCHEMA_KINDS.get(str(error.validator_value), error.validator_value)} is expected"
    return error.message


_SCHEMA_KINDS = {"array": "a list", "object": "a mapping", "string": "text", "number": "a number",
                 "integer": "a whole number", "boolean": "true or false"}


def _yaml_kind(value: Any) -> str:
    """How a contributor would call a YAML value: 'the list [...]', 'the text "x"'."""
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "nothing"
    return f"the number {value!r}"


def _first_description(error: ValidationError) -> str | None:
    for sub in error.context or ():
        description = sub.schema.get("description")
        if description:
            return description
    return None


def _suggest(error: ValidationError) -> str | None:
    if error.validator == "enum" and isinstance(error.instance, str):
        return did_you_mean(error.instance, map(str, error.validator_value))
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(error.schema.get("properties", {}))
        for extra in error.instance:
            if extra not in known:
                hint = did_you_mean(extra, known)
                if hint:
                    return hint
    return None
