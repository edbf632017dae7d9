"""A new article is two files: its capture and its record. Nothing else is touched, and the site
gains its page, its place in the navigation, its glossary mentions, its matrix column and its place in
the print edition."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import mkdocs_build

TEXT = (
    "A new report on the Lazarus Group\n"
    "The Lazarus Group stole more cryptocurrency, the National Intelligence Service said.\n"
    "Kim Jong Un was not mentioned by name in the statement.\n"
)


def add_article(project: Path, article_id: str, text: str = TEXT) -> None:
    """The only two files a contributor writes for a new article."""
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    capture = f"{article_id}_{digest[:16]}.txt"
    (project / "glossary" / "sources" / "captures" / capture).write_bytes(data)
    (project / "glossary" / "sources" / f"{article_id}.yaml").write_text(
        f'id: "{article_id}"\ncapture: {capture}\nsha256: {digest}\n'
        'title: "A new report on the Lazarus Group"\noutlet: Example Outlet\nauthor: unknown\npublished: unknown\n'
        "url: unknown\nprovenance: Written for this test.\nheadline: p1\n",
        encoding="utf-8",
    )


def test_a_sixth_article_takes_two_files(project_copy: Path, tmp_path: Path) -> None:
    add_article(project_copy, "005")
    out = tmp_path / "site"
    result = mkdocs_build(project_copy, out)
    assert result.returncode == 0, result.stderr

    page = BeautifulSoup((out / "articles" / "005" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find(id="p2").get_text() == TEXT.splitlines()[1]
    assert page.select_one("a.reader-term[href$='glossary/lazarus-group/']")

    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = [a["href"] for a in home.select("nav.md-nav--primary a[href]")]
    assert "articles/005/" in nav and nav.index("articles/004/") < nav.index("articles/005/")

    term = BeautifulSoup((out / "glossary" / "lazarus-group" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert term.select_one("a[href$='articles/005/#p1']") and term.select_one("a[href$='articles/005/#p2']")

    matrix = BeautifulSoup((out / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "005" in [th.get_text() for th in matrix.select(".reader-matrix th")]

    print_page = (out / "print" / "index.html").read_text(encoding="utf-8")
    assert "A new report on the Lazarus Group" in print_page


def test_articles_are_grouped_in_the_navigation_beyond_fifty() -> None:
    from macros.pages import GROUP, groups

    ids = [f"{n:03d}" for n in range(GROUP + 3)]
    assert groups(ids[:GROUP]) == [("", ids[:GROUP])]
    assert groups(ids) == [(f"000–{GROUP - 1:03d}", ids[:GROUP]), (f"{GROUP:03d}–{GROUP + 2:03d}", ids[GROUP:])]
