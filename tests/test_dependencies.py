"""Every direct dependency is pinned, and pinned the same way in pyproject.toml and the lock."""

from __future__ import annotations

import re
import tomllib

from .conftest import PROJECT


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)==([^\s;#]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_direct_dependencies_are_exact_pins_that_the_lock_agrees_with() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [d for group in project["optional-dependencies"].values() for d in group]
    assert all("==" in d for d in declared), declared
    lock = pins((PROJECT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    for name, version in pins(declared).items():
        assert lock.get(name) == version, name
    assert lock["mkdocs"].startswith("1.")  # mkdocs<2: MkDocs 2 has no plugins
