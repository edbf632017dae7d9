"""While serving, a rebuild renders only the templates whose values an edit changed, and the pages it
writes are the pages a fresh build of the edited project writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from macros import kept_renders

from .conftest import edit

# What ``mkdocs serve`` does, in one process: build once, then after each edit load the configuration
# again and rebuild into the same folder. It prints how many renderings each rebuild used and made.
SERVING = """
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

class Said(logging.Handler):
    def emit(self, record):
        if record.levelno >= logging.WARNING:
            print("WARNING " + record.getMessage().splitlines()[0])

logging.getLogger("mkdocs").addHandler(Said())

project, site, command = sys.argv[1], sys.argv[2], sys.argv[3]
edits = json.loads(sys.argv[4])

def config():
    loaded = load_config(config_file=project + "/mkdocs.yml", site_dir=site)
    loaded.site_url = "http://127.0.0.1:8000/"
    return loaded

first = config()
first.plugins.on_startup(command=command, dirty=False)
build(first)
for path, old, new in edits:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    try:
        build(config())
    except Abort:
        print("WARNING the build stopped")
    from macros import kept_renders
    print(json.dumps(kept_renders.counts()))
"""


def run(project: Path, site: Path, command: str, edits: list[tuple[str, str, str]]) -> list[list[int] | None]:
    """How many renderings each rebuild after an edit used and made (None: none kept)."""
    return [json.loads(line) for line in serve(project, site, command, edits) if line.startswith(("[", "null"))]


def serve(project: Path, site: Path, command: str, edits: list[tuple[str, str, str]]) -> list[str]:
    """What the builds printed: the counts after each rebuild, and every warning."""
    done = subprocess.run([sys.executable, "-c", SERVING, str(project), str(site), command, json.dumps(edits)],
                          cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


def pages(site: Path) -> dict[str, bytes]:
    """Every file the build wrote, but the sitemap's compressed copy (gzip stamps it with the time)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


TITLE = "title: North Korean Economy by the Numbers\n"  # the first reference: the References page shows it


@pytest.mark.parametrize("edited", ["data", "template"])
def test_a_rebuild_while_serving_writes_what_a_fresh_build_writes(project_copy: Path, tmp_path: Path, edited: str) -> None:
    data = (str(project_copy / "glossary" / "references.yaml"), TITLE, "title: Edited while serving\n")
    template = (str(project_copy / "macros" / "templates" / "claim.html.j2"), '<h2 id="reason">Why</h2>',
                '<h2 id="reason">Why it is rated so</h2>')
    edits = [data] if edited == "data" else [data, template]
    served = run(project_copy, tmp_path / "served", "serve", edits)
    # The same project, as edited, built once from nothing.
    assert run(project_copy, tmp_path / "fresh", "build", []) == []
    fresh, rebuilt = pages(tmp_path / "fresh"), pages(tmp_path / "served")
    assert fresh.keys() == rebuilt.keys()
    assert [name for name in fresh if fresh[name] != rebuilt[name]] == []
    assert b"Edited while serving" in rebuilt["bibliography/index.html"]
    used, made = served[-1]  # type: ignore[misc]
    if edited == "data":
        # One reference's title changed: the pages that cite it are rendered again, not the others.
        assert 0 < made < used / 4, (made, used)
    else:
        # A template changed: nothing kept from before it can be trusted.
        assert made == used
        assert b"Why it is rated so" in rebuilt["claims/bureau-121-employs-6000-hackers/index.html"]


def test_a_rebuild_while_serving_still_reports_a_broken_link_on_a_page_it_did_not_render_again(project_copy: Path, tmp_path: Path) -> None:
    broken = (str(project_copy / "glossary" / "events.yaml"), "  description: ", "  description: See [p99](/articles/002.md#p99). ")
    title = (str(project_copy / "glossary" / "references.yaml"), TITLE, "title: Edited while serving\n")
    said = serve(project_copy, tmp_path / "served", "serve", [broken, title])
    counts = [i for i, line in enumerate(said) if line.startswith("[")]
    assert len(counts) == 2
    for rebuild in (said[: counts[0]], said[counts[0] + 1 : counts[1]]):
        assert any("glossary/events.yaml" in line and "'/articles/002.md#p99' is broken" in line for line in rebuild), rebuild
        assert "WARNING the build stopped" in rebuild  # strict, as the project is
    used, made = json.loads(said[counts[1]])
    assert made < used / 4  # the timeline, where the link is, came from the last build


def test_a_build_that_does_not_serve_keeps_nothing(project_copy: Path, tmp_path: Path) -> None:
    assert run(project_copy, tmp_path / "site", "build", [("mkdocs.yml", "site_name:", "site_name:")]) == [None]


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "figures").mkdir(parents=True)
    (folder / "a.html.j2").write_text("{{ x }}", encoding="utf-8")
    (folder / "figures" / "b.html.j2").write_text("{{ y }}", encoding="utf-8")
    yield folder
    kept_renders.new_build(False, folder)


class Renders:
    """A stand-in for Jinja that counts what it is asked to render."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def __call__(self, template: str, **values: object) -> Markup:
        def render() -> Markup:
            self.made.append(f"{template} {values}")
            return Markup(f"<p>{values}</p>")

        return kept_renders.rendered(template, values, render)


def test_the_same_values_are_rendered_once_across_builds(templates: Path) -> None:
    render = Renders()
    kept_renders.new_build(True, templates)
    assert render("a.html.j2", x=1) == render("a.html.j2", x=1) == Markup("<p>{'x': 1}</p>")
    render("a.html.j2", x=Markup(""))
    kept_renders.new_build(True, templates)
    render("a.html.j2", x=1)
    render("a.html.j2", x=Markup(""))  # an empty rendering is kept too
    render("a.html.j2", x=2)  # other values
    render("figures/b.html.j2", x=1)  # another template
    assert render.made == ["a.html.j2 {'x': 1}", "a.html.j2 {'x': Markup('')}", "a.html.j2 {'x': 2}",
                           "figures/b.html.j2 {'x': 1}"]
    assert kept_renders.counts() == (4, 2)


def test_a_build_keeps_only_what_it_used(templates: Path) -> None:
    render = Renders()
    kept_renders.new_build(True, templates)
    render("a.html.j2", x=1)
    kept_renders.new_build(True, templates)
    render("a.html.j2", x=2)  # x=1 is not used in this build ...
    kept_renders.new_build(True, templates)
    render("a.html.j2", x=1)  # ... so the next one renders it again
    assert render.made == ["a.html.j2 {'x': 1}", "a.html.j2 {'x': 2}", "a.html.j2 {'x': 1}"]


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_any_change_to_the_templates_forgets_every_rendering(templates: Path, change: str) -> None:
    render = Renders()
    kept_renders.new_build(True, templates)
    render("a.html.j2", x=1)
    before = kept_renders.templates_version(templates)
    nested = templates / "figures" / "b.html.j2"
    if change == "edit":
        nested.write_text("{{ y }}!", encoding="utf-8")
    elif change == "add":
        (templates / "figures" / "c.html.j2").write_text("", encoding="utf-8")
    else:
        nested.unlink()
    assert kept_renders.templates_version(templates) != before
    kept_renders.new_build(True, templates)
    render("a.html.j2", x=1)
    assert len(render.made) == 2


def test_without_serving_every_rendering_is_made(templates: Path) -> None:
    render = Renders()
    kept_renders.new_build(False, templates)
    render("a.html.j2", x=1)
    render("a.html.j2", x=1)
    assert len(render.made) == 2 and kept_renders.counts() is None
