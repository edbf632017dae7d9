"""The parallel view: what each of two articles does with each claim and figure, how the two are lined
up, which pairs get a page, and the pages themselves in the served and the offline build."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.compare import (
    SILENT, Passage, Point, align, lay_out, marked, parallel_chooser, points, sharing_pairs, stances,
)
from macros.model import Corpus

from .conftest import PROJECT
from .scenario import Scenario, build, claim

PAGE_LIMIT = 100_000  # bytes of HTML a page may hold


def passage(paragraph: str, stance: str = "asserts") -> Passage:
    return Passage(paragraph, 0, 1, stance, f"/articles/x.md#{paragraph}", "words")


def expected_stances(corpus: Corpus, claim_id: str, article_id: str) -> list[str]:
    """What claims.yaml says the article does with the claim, each stance once, in reading order."""
    found = sorted((int(a.anchor.paragraph[1:]), a.anchor.start, a.stance)
                   for a in corpus.claims[claim_id].appearances if a.article == article_id)
    return list(dict.fromkeys(stance for _, _, stance in found)) or [SILENT]


def sharing(corpus: Corpus) -> set[tuple[str, str]]:
    """The pairs of articles that some claim or figure names both of, worked out directly from the data."""
    named = [{a.article for a in c.appearances} for c in corpus.claims.values()]
    named += [{r.article for r in c.reports} for c in corpus.comparisons.values()]
    return {(a, b) for a, b in itertools.combinations(corpus.articles, 2) if any({a, b} <= group for group in named)}


# ---------------------------------------------------------------- stances


def test_each_article_s_stance_on_each_claim_is_the_one_the_claims_data_gives(corpus: Corpus) -> None:
    for left, right in itertools.combinations(corpus.articles, 2):
        found = {p.key: p for p in points(corpus, left, right) if p.kind == "claim"}
        treating = {c.id for c in corpus.claims.values() if any(a.article in (left, right) for a in c.appearances)}
        assert set(found) == treating
        for claim_id, point in found.items():
            assert [s for s, _ in stances(point.left)] == expected_stances(corpus, claim_id, left)
            assert [s for s, _ in stances(point.right)] == expected_stances(corpus, claim_id, right)


def test_a_claim_one_article_asserts_and_the_other_contradicts_says_so(corpus: Corpus) -> None:
    point = next(p for p in points(corpus, "001", "002") if p.key == "gambling-site-price" and p.kind == "claim")
    assert [(s, [p.paragraph for p in found]) for s, found in stances(point.left)] == [("asserts", ["p6"])]
    assert [(s, [p.paragraph for p in found]) for s, found in stances(point.right)] == [("contradicts", ["p9"])]


def test_an_article_that_treats_a_claim_two_ways_has_both_stances_in_reading_order() -> None:
    both = (passage("p4", "asserts"), passage("p1", "contradicts"), passage("p9", "asserts"))
    ordered = tuple(sorted(both, key=lambda p: int(p.paragraph[1:])))
    assert [(s, [p.paragraph for p in found]) for s, found in stances(ordered)] == [
        ("contradicts", ["p1"]), ("asserts", ["p4", "p9"])]
    assert stances(()) == [(SILENT, ())]


def test_figures_are_reported_with_whether_the_evidence_gives_them(corpus: Corpus) -> None:
    point = next(p for p in points(corpus, "001", "002") if p.key == "gambling-site-price" and p.kind == "figure")
    assert [(p.stance, p.words, p.matches) for p in point.left] == [("reports", "£5,000 per website, per month", False)]
    assert [(p.stance, p.matches) for p in point.right] == [("reports", True)]


# ---------------------------------------------------------------- alignment


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from("abc")), max_size=12))
def test_the_rows_keep_both_orders_and_level_the_most_shared_points(triples: list[tuple[int, int, str]]) -> None:
    left = [f"p{i}" for i in range(7)]
    right = [f"p{i}" for i in range(7)]
    shared = list(dict.fromkeys((f"p{a}", f"p{b}", label) for a, b, label in triples))
    rows = align(left, right, shared)
    assert [p for r in rows for p in r.left] == left
    assert [p for r in rows for p in r.right] == right
    level = [(r.left[0], r.right[0]) for r in rows if r.shared]
    weight = {(a, b): len({x for l, r, x in shared if (l, r) == (a, b)}) for a, b, _ in shared}
    best = max(
        (sum(weight[p] for p in chain) for size in range(len(weight) + 1) for chain in itertools.combinations(sorted(weight), size)
         if all(a[0] < b[0] and a[1] < b[1] for a, b in zip(chain, chain[1:]))),
        default=0,
    )
    assert sum(weight[p] for p in level) == best


def test_every_point_is_level_or_noted_under_its_paragraphs_on_each_side_that_treats_it() -> None:
    level = Point("claim", "level", (passage("p2"),), (passage("p3", "contradicts"),))
    crossing = Point("claim", "crossing", (passage("p3"),), (passage("p1"),))
    only_left = Point("claim", "only-left", (passage("p1"), passage("p3")), ())
    only_right = Point("figure", "only-right", (), (passage("p2", "reports"),))
    rows = lay_out(["p1", "p2", "p3"], ["p1", "p2", "p3"], [level, crossing, only_left, only_right])
    assert [r.level for r in rows if r.level] == [(level,)]
    noted = {(side, s.paragraph, p.key) for r in rows for side in ("left", "right") for s in getattr(r, side) for p in s.notes}
    assert noted == {("left", "p3", "crossing"), ("right", "p1", "crossing"), ("left", "p1", "only-left"),
                     ("right", "p2", "only-right")}


def test_marked_words_keep_the_paragraph_s_text() -> None:
    text = "The NIS said the sites sold for $5,000 each."
    pieces = marked(text, [(4, 7), (28, 38), (32, 44)])
    assert "".join(t for t, _ in pieces) == text
    assert [t for t, words in pieces if words] == ["NIS", "for $5,000 each."]


# ---------------------------------------------------------------- which pairs


def test_the_pairs_are_exactly_those_sharing_a_claim_or_a_figure(corpus: Corpus) -> None:
    pairs = sharing_pairs(corpus)
    assert {(p.left, p.right) for p in pairs} == sharing(corpus)
    for pair in pairs:
        shared = [p for p in points(corpus, pair.left, pair.right) if p.shared]
        assert (pair.claims, pair.figures) == (sum(p.kind == "claim" for p in shared), sum(p.kind == "figure" for p in shared))


def test_with_one_article_the_chooser_says_a_second_is_needed(corpus: Corpus) -> None:
    first = next(iter(corpus.articles.values()))
    alone = dataclasses.replace(corpus, articles={first.id: first}, claims={}, comparisons={})
    page = BeautifulSoup(parallel_chooser(alone), "html.parser")
    assert sharing_pairs(alone) == []
    assert page.select("form") == [] and page.select("a[data-parallel-pair]") == []
    assert f"only one article so far, article {first.id}" in page.get_text(" ")


def test_two_articles_that_share_nothing_can_still_be_chosen(corpus: Corpus) -> None:
    two = dict(itertools.islice(corpus.articles.items(), 2))
    page = BeautifulSoup(parallel_chooser(dataclasses.replace(corpus, articles=two, claims={}, comparisons={})), "html.parser")
    assert page.select("form[data-parallel-chooser] select") and page.select("a[data-parallel-pair]") == []
    assert [li["data-parallel-article"] for li in page.select("li")] == list(two)
    assert page.get_text(" ").count("Shares no reviewed claim or figure") == 2


# ---------------------------------------------------------------- the built pages


def pair_page(site: Path, left: str, right: str) -> BeautifulSoup:
    return BeautifulSoup((site / "parallel" / f"{left}-{right}" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_site_has_a_page_for_every_sharing_pair_and_no_other(site: Path, corpus: Corpus) -> None:
    made = {tuple(d.name.split("-")) for d in (site / "parallel").iterdir() if d.is_dir()}
    assert made == sharing(corpus)
    chooser = BeautifulSoup((site / "parallel" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["data-parallel-pair"]: a["href"] for a in chooser.select("a[data-parallel-pair]")}
    assert links == {f"{a}-{b}": f"{a}-{b}/" for a, b in made}
    assert [li["data-parallel-article"] for li in chooser.select("li[data-parallel-article]")] == list(corpus.articles)


def test_every_parallel_page_is_under_100_kb(site: Path) -> None:
    for page in [site / "parallel" / "index.html", *(site / "parallel").glob("*/index.html")]:
        assert page.stat().st_size < PAGE_LIMIT, page


def test_each_level_row_names_its_claim_and_what_each_article_does_with_it(site: Path, corpus: Corpus) -> None:
    for left, right in sharing(corpus):
        page = pair_page(site, left, right)
        assert "Both report" not in page.get_text()
        blocks = page.select(".reader-parallel__point")
        assert blocks
        for block in blocks:
            link = block.select_one(".reader-parallel__what a")["href"]
            sides = [(li.select_one(".reader-parallel__article").get_text(), [s.get_text() for s in li.select(".reader-stance")])
                     for li in block.select(".reader-parallel__stance")]
            assert [article for article, _ in sides] == [left, right]
            if "/claims/" in link:
                claim_id = link.rstrip("/").rsplit("/", 1)[1]
                verdict = corpus.verdicts[corpus.claims[claim_id].verdict]
                assert block.select_one(f".reader-verdict-tag--{verdict.id}").get_text() == verdict.label
                for article, said in sides:
                    assert said == expected_stances(corpus, claim_id, article), (left, right, claim_id, article)
            else:
                assert all(said in (["reports"], [SILENT]) for _, said in sides)


def test_a_level_row_sets_its_two_paragraphs_side_by_side_under_what_they_share(site: Path) -> None:
    row = next(r for r in pair_page(site, "001", "002").select(".reader-parallel__row--level")
               if r.select_one("a[href$='claims/gambling-site-price/']"))
    assert [a.get_text() for a in row.select(".reader-parallel__where")] == ["001 ¶6", "002 ¶9"]
    said = {li.select_one(".reader-parallel__article").get_text(): li.select_one(".reader-stance").get_text()
            for li in row.select_one("a[href$='claims/gambling-site-price/']").find_parent(class_="reader-parallel__point")
            .select(".reader-parallel__stance")}
    assert said == {"001": "asserts", "002": "contradicts"}
    passage_links = [a["href"] for a in row.select(".reader-parallel__stance a")]
    assert "../../articles/001/#quote-gambling-site-price-1" in passage_links
    assert "../../articles/002/#quote-gambling-site-price-2" in passage_links


def test_every_cell_names_its_article(site: Path, corpus: Corpus) -> None:
    for left, right in sharing(corpus):
        for column, article in (("left", left), ("right", right)):
            cells = pair_page(site, left, right).select(f".reader-parallel__cell--{column}")
            assert cells and all(c.select_one(".reader-parallel__label").get_text() == f"Article {article}" for c in cells)


def test_the_offline_build_has_the_chooser_and_the_pair_pages(offline_site: Path, corpus: Corpus) -> None:
    chooser = BeautifulSoup((offline_site / "parallel.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in chooser.select("a[data-parallel-pair]")]
    assert {link for link in links} == {f"parallel/{a}-{b}.html" for a, b in sharing(corpus)}
    for link in links:
        page = BeautifulSoup((offline_site / link).read_text(encoding="utf-8"), "html.parser")
        back = page.select_one(".reader-parallel__summary a")["href"]
        assert (offline_site / "parallel" / back).resolve() == (offline_site / "parallel.html").resolve()
        assert all(a["href"].startswith("../articles/") and ".html#" in a["href"] for a in page.select(".reader-parallel__where"))


# ---------------------------------------------------------------- scenario sites


def build_with_parallel_page(scenario: Scenario, site: Path) -> BeautifulSoup:
    """Build a scenario with the real Parallel page in its navigation; return that page."""
    scenario.write()
    (scenario.root / "docs" / "parallel.md").write_text((PROJECT / "docs" / "parallel.md").read_text(encoding="utf-8"), encoding="utf-8")
    config_file = scenario.root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["nav"].append({"Parallel": "parallel.md"})
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build(scenario.root, site)
    assert result.returncode == 0, result.stderr
    return BeautifulSoup((site / "parallel" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_site_of_one_article_says_a_parallel_view_needs_a_second(tmp_path: Path) -> None:
    scenario = Scenario(tmp_path / "project")
    scenario.articles["000"] = "The only article\nIt makes a claim here.\n"
    scenario.claims = [claim("alone", "A claim only one article makes.", "unverified", [("000", "asserts", "makes a claim")])]
    page = build_with_parallel_page(scenario, tmp_path / "site")
    assert "There is only one article so far, article 000" in page.get_text(" ")
    assert page.select("form[data-parallel-chooser]") == [] and page.select("a[data-parallel-pair]") == []
    assert sorted(p.name for p in (tmp_path / "site" / "parallel").iterdir()) == ["index.html"]


def test_only_articles_that_share_a_claim_get_a_pair_page_and_it_says_where_they_disagree(tmp_path: Path) -> None:
    scenario = Scenario(tmp_path / "project")
    for n in range(3):
        scenario.articles[f"{n:03d}"] = f"Article {n}\nArticle {n} says the sites were rented. Article {n} adds a detail.\n"
    scenario.claims = [
        claim("rented", "The sites were rented.", "incorrect",
              [("000", "asserts", "Article 0 says the sites were rented"), ("001", "contradicts", "Article 1 says the sites were rented")]),
        claim("detail", "A detail only one article gives.", "unverified", [("002", "asserts", "Article 2 adds a detail")]),
    ]
    site = tmp_path / "site"
    chooser = build_with_parallel_page(scenario, site)
    assert sorted(p.name for p in (site / "parallel").iterdir() if p.is_dir()) == ["000-001"]
    assert [a["href"] for a in chooser.select("a[data-parallel-pair]")] == ["000-001/", "000-001/"]
    assert "Shares no reviewed claim or figure" in chooser.select_one("li[data-parallel-article='002']").get_text()
    page = pair_page(site, "000", "001")
    (block,) = page.select(".reader-parallel__level .reader-parallel__point")
    assert block.select_one(".reader-parallel__what a")["href"] == "../../claims/rented/"
    assert [li.get_text(" ", strip=True) for li in block.select(".reader-parallel__stance")] == ["000 asserts ¶2", "001 contradicts ¶2"]
    assert "Both report" not in page.get_text() and "claims/detail/" not in str(page)
