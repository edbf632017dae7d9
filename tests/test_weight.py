"""Pages stay light: every page of the built site but the print edition, article pages included, is
under 100 KiB of HTML, and no page repeats one tooltip more than a dozen times."""

from __future__ import annotations

import collections
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from macros.model import Corpus

LIMIT = 100 * 1024  # bytes of HTML
REPEATS = 12  # times one page may show the same tooltip

def tooltips(html: str) -> collections.Counter[str]:
    """How often each tooltip text occurs: ``title`` attributes, and the titles of drawn shapes."""
    page = BeautifulSoup(html, "html.parser")
    found = collections.Counter(str(tag["title"]) for tag in page.find_all(title=True))
    found.update(tag.get_text() for tag in page.select("svg title"))
    return found


def too_heavy(site: Path) -> dict[str, list[str]]:
    """Each page that is too heavy or too repetitive, with what is wrong with it."""
    exempt = {"print/"}  # every article and its notes on one page, to print
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        page = path.parent.relative_to(site).as_posix() + "/" if path.name == "index.html" else path.relative_to(site).as_posix()
        page = "" if page == "./" else page
        wrong = []
        size = path.stat().st_size
        if size > LIMIT and page not in exempt:
            wrong.append(f"{size / 1024:.0f} KiB of HTML")
        wrong += [f"the tooltip {text[:40]!r} {count} times" for text, count in tooltips(path.read_text(encoding="utf-8")).items()
                  if count > REPEATS]
        if wrong:
            found[page] = wrong
    return found


def test_every_page_is_light_and_repeats_no_tooltip(site: Path, corpus: Corpus) -> None:
    assert too_heavy(site) == {}
    assert all((site / "articles" / article_id / "index.html").is_file() for article_id in corpus.articles)  # all weighed


def test_the_weight_check_sees_a_heavy_page_and_a_repeated_tooltip(site: Path, corpus: Corpus, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "site"))
    heaviest = max(corpus.articles, key=lambda article_id: (copy / "articles" / article_id / "index.html").stat().st_size)
    for page in (copy / "glossary" / "index.html", copy / "articles" / heaviest / "index.html"):
        html = page.read_text(encoding="utf-8")
        room = LIMIT - len(html.encode("utf-8"))  # just past the limit: one more note's worth
        page.write_text(html.replace("</article>", "<p>padding</p>" * (room // 14 + 100) + "</article>", 1), encoding="utf-8")
    claims = copy / "claims" / "index.html"
    html = claims.read_text(encoding="utf-8")
    claims.write_text(html.replace("</article>", '<a href="#" title="Same words">x</a>' * (REPEATS + 1) + "</article>", 1), encoding="utf-8")
    found = too_heavy(copy)
    assert any("KiB of HTML" in wrong for wrong in found["glossary/"])
    assert any("KiB of HTML" in wrong for wrong in found[f"articles/{heaviest}/"])
    assert f"the tooltip 'Same words' {REPEATS + 1} times" in found["claims/"]
    assert "print/" not in found
