"""The reader's templates are compiled once and kept between builds, never served stale or broken."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.bccache import bc_magic

from macros.compiled import bytecode_cache

TEMPLATE = "{% for x in items %}\n  <li>{{ x }}</li>\n{% endfor %}\n"


def _environment(templates: Path, folder: Path, compiled: list[str], **options: Any) -> jinja2.Environment:
    """An environment like the reader's that notes each template it compiles."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=bytecode_cache(options, folder),
                                     **options)
    compile_source = environment.compile

    def counted(source: str, name: str | None = None, filename: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(name))
        return compile_source(source, name, filename, *args, **kwargs)

    environment.compile = counted  # type: ignore[method-assign]
    return environment


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "list.html.j2").write_text(TEMPLATE, encoding="utf-8")
    return folder


def test_a_new_process_renders_from_the_cache_and_an_edited_template_is_compiled_again(templates: Path, tmp_path: Path) -> None:
    cache, compiled = tmp_path / "cache", []
    first = _environment(templates, cache, compiled, trim_blocks=True, autoescape=True).get_template("list.html.j2").render(items=["<a>"])
    assert compiled == ["list.html.j2"] and any(cache.iterdir())
    again = _environment(templates, cache, compiled, trim_blocks=True, autoescape=True).get_template("list.html.j2").render(items=["<a>"])
    assert again == first == "  <li>&lt;a&gt;</li>\n" and compiled == ["list.html.j2"]  # not compiled again
    (templates / "list.html.j2").write_text(TEMPLATE.replace("<li>", "<li class=x>"), encoding="utf-8")
    edited = _environment(templates, cache, compiled, trim_blocks=True, autoescape=True).get_template("list.html.j2")
    assert "class=x" in edited.render(items=[1]) and compiled == ["list.html.j2"] * 2


def test_an_environment_with_other_options_never_runs_code_compiled_with_these(templates: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    trimmed = _environment(templates, cache, [], trim_blocks=True, autoescape=True).get_template("list.html.j2").render(items=["<a>"])
    untrimmed = _environment(templates, cache, [], trim_blocks=False, autoescape=False).get_template("list.html.j2").render(items=["<a>"])
    assert trimmed == "  <li>&lt;a&gt;</li>\n"
    assert untrimmed == "\n  <li><a></li>\n"


def test_a_cache_that_cannot_be_made_read_or_written_only_costs_a_compilation(templates: Path, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert bytecode_cache({}, tmp_path / "a-file" / "cache") is None  # no folder can be made there
    cache, compiled = tmp_path / "cache", []
    gone = _environment(templates, cache, compiled, trim_blocks=True)
    shutil.rmtree(cache)  # removed while the build runs: the compiled template cannot be written
    assert gone.get_template("list.html.j2").render(items=[1]) == "  <li>1</li>\n"
    _environment(templates, cache, compiled, trim_blocks=True).get_template("list.html.j2")
    for entry in cache.iterdir():  # cut short in its header, as by a full disk: read as missing
        entry.write_bytes(entry.read_bytes()[: len(bc_magic) + 1])
    cut = _environment(templates, cache, compiled, trim_blocks=True).get_template("list.html.j2")
    assert cut.render(items=[2]) == "  <li>2</li>\n" and compiled == ["list.html.j2"] * 3
