"""The page hook's link rewriting: each address resolved once per page, attributes found by name."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from macros import links


def _page(files: Files, src: str) -> SimpleNamespace:
    file = files.get_file_from_path(src)
    return SimpleNamespace(file=file, url=file.url, present_anchor_ids=set())


def test_addresses_are_rewritten_from_the_page_and_each_is_noted_once(tmp_path: Path) -> None:
    files = Files([File(p, str(tmp_path), str(tmp_path / "site"), True) for p in ("index.md", "glossary.md", "articles/002.md")])
    links.new_build(tmp_path)
    links.resolve('<h2 id="term-a">A</h2><h2 id="term-b">B</h2><h2 valid="no">', _page(files, "glossary.md"), files)
    page = _page(files, "articles/002.md")
    html = ('<a href="/glossary.md#term-a">a</a> <a href="/glossary.md#term-a">a</a> <a href="/glossary.md#term-b">b</a>'
            '<a xhref="/index.md">y</a> <a href="#p1" id="m1">1</a><p id="p1">'
            '<a href="/nowhere.md#p2">z</a>')
    out = links.resolve(html, page, files)
    assert out.count('href="../../glossary/#term-a"') == 2 and 'href="../../glossary/#term-b"' in out
    assert 'xhref="/index.md"' in out  # not an href
    assert 'href="/nowhere.md#p2"' in out  # a missing page is left as it is, and reported
    assert page.present_anchor_ids == {"m1", "p1"}
    assert links._book.ids["glossary.md"] == {"term-a", "term-b"}
    assert [w[1:3] for w in links._book.wanted].count(("glossary.md", "term-a")) == 1
    assert links.problems(tmp_path / "site") == [
        "docs/articles/002.md: the generated link '/nowhere.md#p2' is broken: the page 'nowhere.md' does not exist"]
