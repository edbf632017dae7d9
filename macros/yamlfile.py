"""Read one YAML file of the data, keeping the line of every mapping and field.

PyYAML's safe loader is used as it is, except that mappings come back as
:class:`LocatedDict`, a ``dict`` that remembers the line it started on and the
line of each of its fields, so an error about an entry can point at that line.
PyYAML has no such option, hence this small subclass rather than another YAML
library.

Two things are refused before the file is parsed for data: control characters
in the raw text, which the parser would reject with no file name, and anchors
and aliases, which the data never needs and which let a few lines expand into
gigabytes ("billion laughs").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .characters import describe
from .errors import DataProblem

# Control characters but tab, line feed and carriage return, in the raw text of a file.
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Where an anchor (``&name``) may begin; a quick test that spares most files the event scan.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&\S")


class LocatedDict(dict[str, Any]):
    """A YAML mapping that knows the (1-based) line it starts on, and the line of each field."""

    line: int | None = None
    field_lines: Mapping[str, int] = MappingProxyType({})
    item_lines: Mapping[str, tuple[int, ...]] = MappingProxyType({})

    def line_of(self, field: str, item: object = None) -> int | None:
        """The line of a field, or of one item of a list field when ``item`` is given."""
        if item is not None and field in self.item_lines and isinstance(self.get(field), list):
            for value, line in zip(self[field], self.item_lines[field]):
                if value == item:
                    return line
        return self.field_lines.get(field)


class EntryLines:
    """Where each entry (a mapping with an id) of the files read starts, and its fields."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], LocatedDict] = {}

    def add(self, file: str, document: Any) -> None:
        """Remember the entries of one parsed file, as the file is named in messages."""
        pending = [document]
        while pending:
            node = pending.pop()
            if isinstance(node, LocatedDict) and isinstance(node.get("id"), str):
                self._entries.setdefault((file, node["id"]), node)
            if isinstance(node, dict):
                pending.extend(node.values())
            elif isinstance(node, list):
                pending.extend(node)

    def find(self, file: str, entry: str | None, field: str | None = None, item: object = None) -> int | None:
        """The line of an entry's field (``reliability/refs``), or of ``item`` in that list field."""
        node = self._entries.get((file, entry)) if entry else None
        if node is None:
            return None
        if not field:
            return node.line
        *parents, last = field.split("/")
        for step in parents:
            value = node.get(step)
            if isinstance(value, list):  # a list of mappings: the one holding the item, else the first
                holders = [v for v in value if isinstance(v, LocatedDict)]
                value = next((v for v in holders if isinstance(v.get(last), list) and item in v[last]), holders[0] if holders else None)
            if not isinstance(value, LocatedDict):
                return node.line_of(step) or node.line
            node = value
        return node.line_of(last, item) or node.line

    def fill(self, problems: list[DataProblem]) -> list[DataProblem]:
        """The problems, each given the line of its entry and field where it had none."""
        return [
            replace(p, line=self.find(p.file, p.entry, p.field)) if p.line is None and p.entry else p
            for p in problems
        ]


# libyaml's C parser when PyYAML was built with it (the wheels are), the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, whose mappings are :class:`LocatedDict`."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    first: dict[str, yaml.Mark] = {}
    for key, _ in node.value:  # PyYAML would keep the last of two equal keys without a word
        if isinstance(key, yaml.ScalarNode) and first.setdefault(key.value, key.start_mark) is not key.start_mark:
            raise yaml.constructor.ConstructorError(
                problem=f"the field '{key.value}' is given twice (first at line {first[key.value].line + 1})",
                problem_mark=key.start_mark,
            )
    mapping = LocatedDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.field_lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    mapping.item_lines = {
        key.value: tuple(item.start_mark.line + 1 for item in value.value)
        for key, value in node.value
        if isinstance(value, yaml.SequenceNode)
    }
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings: the schema checks their format, and the model parses them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path, shown_as: str) -> tuple[str | None, DataProblem | None]:
    """Return a file's text, or the problem that kept it from being read as UTF-8."""
    try:
        return path.read_bytes().decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, DataProblem(
            file=shown_as,
            problem=f"is not UTF-8 text (byte {error.object[error.start]:#04x} at offset {error.start})",
            suggestion="save the file as UTF-8",
        )
    except OSError as error:
        return None, DataProblem(file=shown_as, problem=f"cannot be read ({error.strerror})")


def load_yaml(path: Path, shown_as: str) -> tuple[Any, DataProblem | None]:
    """Parse a YAML file; a syntax error, a control character or an anchor becomes a problem with its line."""
    text, problem = read_text(path, shown_as)
    if problem or text is None:
        return None, problem
    try:
        problem = _raw_control(text, shown_as) or _anchor(text, shown_as)
        if problem:
            return None, problem
        return yaml.load(text, Loader=_Loader), None  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        return None, DataProblem(
            file=shown_as,
            line=line,
            problem=f"is not valid YAML{column}: {error.problem or error.context}",
            suggestion="check the indentation and quoting on that line and the one before it",
        )
    except yaml.YAMLError as error:
        return None, DataProblem(file=shown_as, problem=f"is not valid YAML: {error}")


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset in a text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _raw_control(text: str, shown_as: str) -> DataProblem | None:
    """A control character in the file itself (the YAML parser refuses them without saying where)."""
    found = list(_RAW_CONTROL.finditer(text))
    if not found:
        return None
    line, column = _line_and_column(text, found[0].start())
    more = f" (and {len(found) - 1} more in the file)" if len(found) > 1 else ""
    return DataProblem(
        file=shown_as, line=line,
        problem=f"holds {describe(found[0].group())} at column {column}{more}",
        suggestion="delete it: most editors do not show it, so retype the text around it",
    )


def _anchor(text: str, shown_as: str) -> DataProblem | None:
    """The first YAML anchor or alias in a file: the data never needs them, and they can explode."""
    if not _MAYBE_ANCHOR.search(text):
        return None
    for event in yaml.parse(text, Loader=_SafeLoader):
        name = getattr(event, "anchor", None)
        if name is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            return DataProblem(
                file=shown_as, line=event.start_mark.line + 1,
                problem=f"uses the YAML {'alias' if sign == '*' else 'anchor'} '{sign}{name}' "
                f"(column {event.start_mark.column + 1}); anchors and aliases are not allowed in the data",
                suggestion="write the value out in full where it is needed",
            )
    return None
