"""The build checks the links in finished HTML itself: a broken one fails the strict build and names
the data file, line, entry and field it was written in, in the served and the offline build alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import edit, mkdocs_build

EVENTS = "glossary/events.yaml"


def _first_event(project: Path) -> tuple[str, int]:
    """The first event, which has a description, and the line its entry starts on."""
    lines = (project / EVENTS).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("- id: "))
    assert any(line.startswith("  description: ") for line in lines[start : start + 8])
    return lines[start].removeprefix("- id: ").strip(), start + 1


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_a_broken_link_in_the_data_fails_the_build_naming_its_entry(project_copy: Path, tmp_path: Path, offline: bool) -> None:
    event, line = _first_event(project_copy)
    edit(project_copy / EVENTS, "  description: ", "  description: See [p99](/articles/002.md#p99), [gone](/nowhere.md) and [old](../002/#p9). ")
    result = mkdocs_build(project_copy, tmp_path / "out", **({"OFFLINE": "true"} if offline else {}))
    assert result.returncode != 0
    where = f"{EVENTS}:{line}, entry '{event}', field 'description'"
    assert f"{where}: the link '/articles/002.md#p99' is broken: 'articles/002.md' has no anchor '#p99'" in result.stderr
    assert f"{where}: the link '/nowhere.md' is broken: the page 'nowhere.md' does not exist" in result.stderr
    assert f"{where}: the link '../002/#p9' is not a documentation path" in result.stderr
    assert "Traceback" not in result.stderr


def test_links_in_the_data_are_rewritten_for_each_build(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy / EVENTS, "  description: ", "  description: See [the paragraph](/articles/002.md#p9). ")
    for offline, expected in ((False, "../articles/002/#p9"), (True, "articles/002.html#p9")):
        out = tmp_path / ("offline" if offline else "served")
        result = mkdocs_build(project_copy, out, **({"OFFLINE": "true"} if offline else {}))
        assert result.returncode == 0, result.stderr
        page = (out / ("timeline.html" if offline else "timeline/index.html")).read_text(encoding="utf-8")
        assert f'href="{expected}"' in page, expected
        assert not re.search(r'href="/[^"]*\.md', page), "a documentation path was left in the page"


def test_hand_written_markdown_may_link_to_ids_of_the_finished_html(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy / "docs" / "index.md", "## The articles", "See [paragraph 9](articles/002.md#p9) and [a bad one](articles/002.md#p999).\n\n## The articles")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert "'#p9'" not in result.stderr  # known to MkDocs: the finished HTML's ids are the page's anchors
    assert "contains a link 'articles/002.md#p999', but the doc 'articles/002.md' does not contain an anchor '#p999'" in result.stderr
