"""Read one YAML file of the data, keeping the line of every mapping.

PyYAML's safe loader is used as it is, except that mappings come back as
:class:`LocatedDict`, a ``dict`` that remembers the line it started on, so an
error about an entry can point at that line. PyYAML has no such option, hence
this small subclass rather than another YAML library.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataProblem


class LocatedDict(dict[str, Any]):
    """A YAML mapping that knows the (1-based) line it starts on."""

    line: int | None = None


# libyaml's C parser when PyYAML was built with it (the wheels are), the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, whose mappings are :class:`LocatedDict`."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    mapping = LocatedDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
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
    """Parse a YAML file; a syntax error becomes a problem with its line and column."""
    text, problem = read_text(path, shown_as)
    if problem:
        return None, problem
    try:
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
