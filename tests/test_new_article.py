"""An article is two files, its capture and its record, and every page it needs follows from the data.

Shown on scenario sites (``tests/scenario.py``): a corpus of one article builds into a whole site,
and a sixth article added to five, by exactly two new files and no other change, gains its page,
its place in the navigation, its glossary mentions, its matrix column and its place in the print
edition. The articles each check goes through are read back from the data, never listed here.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from macros.load import load_corpus
from macros.model import Corpus

from .scenario import Scenario, article_files, build, claim, files_of

TERM = {"id": "lazarus-group", "name": "Lazarus Group", "kind": "organisation", "aliases": ["Lazarus"],
        "definition": "A group of hackers.", "refs": ["example-report"]}


def text_of(n: int) -> str:
    """The capture of the n-th article of a scenario: a headline and two paragraphs."""
    return (f"Report number {n} on the Lazarus Group\n"
            f"The Lazarus Group stole {n + 1} million dollars, the agency said in report {n}.\n"
            f"Nobody else confirmed report {n}.\n")


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def nav_links(site: Path) -> list[str]:
    """The addresses in the home page's site navigation, in order."""
    return [a["href"] for a in page(site, ".").select("nav.md-nav--primary a[href]")]


def scenario_of(root: Path, articles: int) -> Scenario:
    """A project with this many articles, one term they all name, and a claim each of them makes."""
    scenario = Scenario(root / "project", terms=[TERM])
    scenario.articles = {f"{n:03d}": text_of(n) for n in range(1, articles + 1)}
    scenario.claims = [claim("lazarus-stole-millions", "The Lazarus Group stole millions.", "contested",
                             [(article_id, "asserts", "stole") for article_id in scenario.articles])]
    return scenario


def built(scenario: Scenario, site: Path) -> Corpus:
    """Build the scenario strictly and return its data as the build read it."""
    result = scenario.build(site)
    assert result.returncode == 0, result.stderr
    return load_corpus(scenario.root / "glossary")


def assert_has_its_pages(site: Path, corpus: Corpus, article_id: str) -> None:
    """The article's page, its navigation entry, its rows in the indexes, the claims it makes, its
    column in the matrix and its place in the print edition."""
    article = page(site, f"articles/{article_id}")
    for paragraph in corpus.articles[article_id].paragraphs:
        assert article.find(id=paragraph.id).get_text() == paragraph.text
    assert article.select_one("a.reader-term[href$='glossary/lazarus-group/']")
    assert f"articles/{article_id}/" in nav_links(site)
    assert f"articles/{article_id}/" in {a["href"] for a in page(site, ".").select("article table a")}
    assert f"{article_id}/" in {a["href"] for a in page(site, "articles").select("article table a")}
    term = page(site, "glossary/lazarus-group")
    assert term.select_one(f"a[href$='articles/{article_id}/#p2']")
    for claim_id in {c.id for c in corpus.claims.values() for a in c.appearances if a.article == article_id}:
        assert page(site, "claims").select_one(f"#claim-{claim_id} a[href*='articles/{article_id}/#quote-']")
        assert page(site, f"claims/{claim_id}").select_one(f"a[href*='articles/{article_id}/#quote-']")
    assert article_id in [th.get_text() for th in page(site, "compare").select(".reader-matrix thead th")]
    assert corpus.articles[article_id].title in page(site, "print").get_text()


def test_one_article_makes_a_whole_site(tmp_path: Path) -> None:
    scenario = scenario_of(tmp_path, 1)
    corpus = built(scenario, tmp_path / "site")
    assert len(corpus.articles) == 1
    assert not {"macros", "overrides"} & {p.name for p in scenario.root.iterdir()}  # the project's own code builds it
    for article_id in corpus.articles:
        assert_has_its_pages(tmp_path / "site", corpus, article_id)
    glossary = page(tmp_path / "site", "glossary")
    assert [a["href"] for a in glossary.select("a.reader-index__name")] == ["lazarus-group/"]


def test_an_article_alone_gets_indexes_that_say_what_is_missing(tmp_path: Path) -> None:
    scenario = Scenario(tmp_path / "project", articles={"001": text_of(1)})  # no term, no claim
    corpus = built(scenario, tmp_path / "site")
    site = tmp_path / "site"
    assert page(site, "articles/001").find(id="p2").get_text() == corpus.articles["001"].paragraphs[1].text
    for path, words in (("claims", "No claim has been reviewed yet."), ("glossary", "The glossary has no terms yet.")):
        index = page(site, path)
        assert index.select_one(".reader-empty").get_text() == words
        assert not index.select("form.reader-filter, .reader-index")
    compare = page(site, "compare")
    assert compare.select_one(".reader-empty") and not compare.select(".reader-matrix")


def test_a_sixth_article_takes_two_files_and_changes_nothing_else(tmp_path: Path) -> None:
    scenario = scenario_of(tmp_path, 5)
    before = built(scenario, tmp_path / "site-5")
    files = files_of(scenario.root)
    last = list(before.articles)[-1]
    new = f"{int(last) + 1:03d}"

    added = article_files(scenario.root, new, text_of(int(new)))
    after_files = files_of(scenario.root)
    assert {path for path in after_files if after_files[path] != files.get(path)} == {
        p.relative_to(scenario.root).as_posix() for p in added}
    assert len(added) == 2 and set(files) <= set(after_files)

    site = tmp_path / "site-6"
    result = build(scenario.root, site)  # the project as it now is, two files later
    assert result.returncode == 0, result.stderr
    after = load_corpus(scenario.root / "glossary")
    assert list(after.articles) == [*before.articles, new]
    assert_has_its_pages(site, after, new)
    nav = nav_links(site)
    assert nav.index(f"articles/{last}/") < nav.index(f"articles/{new}/")
    for article_id in before.articles:  # and every other article keeps its own
        assert_has_its_pages(site, after, article_id)


def test_articles_are_grouped_in_the_navigation_beyond_fifty() -> None:
    from macros.pages import GROUP, groups

    ids = [f"{n:03d}" for n in range(GROUP + 3)]
    assert groups(ids[:GROUP]) == [("", ids[:GROUP])]
    assert groups(ids) == [(f"000–{GROUP - 1:03d}", ids[:GROUP]), (f"{GROUP:03d}–{GROUP + 2:03d}", ids[GROUP:])]
