"""Data errors written for the contributor who will meet them.

Every problem found while loading or checking ``glossary/`` becomes one
:class:`DataProblem` naming the file, the entry, the field, what is wrong and,
where one can be guessed, a fix. Problems are collected, not raised one by one,
so a contributor sees every mistake of a change in a single failed build.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    """One thing wrong with the data, located as precisely as it can be."""

    file: str
    problem: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        text = ", ".join(parts) + f": {self.problem}"
        if self.suggestion:
            text += f"; {self.suggestion}"
        return text


class DataError(Exception):
    """Raised once, at the end of loading, when any problem was found."""

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the reader's data (glossary/):"
        super().__init__("\n".join([heading, *(f"  - {p}" for p in self.problems)]))


def did_you_mean(wrong: str, known: Iterable[str], spellings: Mapping[str, str] | None = None) -> str | None:
    """Return "did you mean 'x'?" for the closest known id, or None when nothing is close.

    Capitals are ignored; ``spellings`` maps other ways of writing an id (such as its label) to it.
    """
    names = {name.casefold(): name for name in known}
    names.update({other.casefold(): name for other, name in (spellings or {}).items()})
    key = wrong.casefold()
    if key not in names:
        matches = difflib.get_close_matches(key, list(names), n=1, cutoff=0.6)
        key = matches[0] if matches else ""
    return f"did you mean '{names[key]}'?" if key else None
