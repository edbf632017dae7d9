"""The integrity suite: links, anchors, citations, valid HTML. Each check is also shown to fail
when what it guards is broken."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.model import Corpus
from macros.registers import citing_places

from .conftest import PROJECT, require, serve
from .integrity import broken_links, leaked_source

VNU = PROJECT / "tests" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def site_copy(site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may break."""
    return Path(shutil.copytree(site, tmp_path / "site"))


# ---------------------------------------------------------------- links and anchors

def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_the_link_check_catches_a_dead_link_and_a_dead_anchor(site_copy: Path) -> None:
    page = site_copy / "articles" / "002" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="#p7"', 'href="#p700"', 1).replace('href="../../glossary/', 'href="../../glossry/', 1)
    page.write_text(html, encoding="utf-8")
    found = broken_links(site_copy)
    assert "articles/002/index.html: #p700 (no id 'p700' there)" in found
    assert any("glossry/" in f and "(no such file)" in f for f in found)


def linkchecker(root: Path) -> subprocess.CompletedProcess[str]:
    """LinkChecker crawling the site over loopback, external links not followed."""
    with serve(root) as url:
        command = [sys.executable, "-m", "linkcheck", "--no-status", "--no-warnings", "--threads=4", url]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def test_linkchecker_finds_no_broken_link(site: Path) -> None:
    result = linkchecker(site)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 errors found" in result.stdout


def test_linkchecker_reports_a_broken_link(site_copy: Path) -> None:
    page = site_copy / "methods" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="../claims/"', 'href="../nowhere/"', 1), encoding="utf-8")
    result = linkchecker(site_copy)
    assert result.returncode == 1 and "nowhere" in result.stdout


# ---------------------------------------------------------------- citations and macros

def test_external_addresses_are_well_formed(corpus: Corpus) -> None:
    addresses = [a.url for a in corpus.articles.values() if a.url != "unknown"]
    for ref in corpus.references.values():
        addresses += [ref.url] + ([ref.archive_url] if ref.archive_url else [])
    for address in addresses:
        parts = urlsplit(address)
        assert parts.scheme in ("http", "https") and parts.netloc and " " not in address, address


def test_an_archived_copy_is_shown_exactly_where_one_exists(site: Path, corpus: Corpus) -> None:
    html = BeautifulSoup((site / "bibliography" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for reference in corpus.references.values():
        entry = html.find(id=f"ref-{reference.id}")
        archived = [a["href"] for a in entry.find_all("a") if a.get_text() == "Archived copy"]
        assert archived == ([reference.archive_url] if reference.archive_url else []), reference.id


def test_every_uncited_reference_is_reported(build_log: str, corpus: Corpus) -> None:
    uncited = set(corpus.references) - set(citing_places(corpus))
    for ref in uncited:
        assert f"reference '{ref}' is defined but never cited" in build_log
    assert build_log.count("is defined but never cited") == len(uncited)


def test_every_unused_term_is_reported(build_log: str, site: Path, corpus: Corpus) -> None:
    unused = {t for t in corpus.terms if f"glossary term '{t}' is not mentioned" in build_log}
    said = {t for t in corpus.terms
            if "No paragraph of the articles names it." in (site / "glossary" / t / "index.html").read_text(encoding="utf-8")}
    assert said == unused


def test_nothing_looks_like_an_unresolved_macro(site: Path) -> None:
    assert leaked_source(site) == []


def test_the_leak_check_catches_a_leaked_macro(site_copy: Path) -> None:
    page = site_copy / "glossary" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "{{ term('x') }}", encoding="utf-8")
    assert leaked_source(site_copy) == ["glossary/index.html: '{{'"]


# ---------------------------------------------------------------- valid HTML

def vnu(root: Path) -> list[dict[str, str]]:
    """The Nu Html Checker's errors on every page."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(root)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    return [m for m in json.loads(result.stderr or '{"messages": []}')["messages"] if m["type"] == "error"]


def test_every_page_is_valid_html(site: Path) -> None:
    require(VNU, "the Nu Html Checker (npm vnu-jar)")
    errors = vnu(site)
    assert errors == [], [f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors][:20]


def test_the_html_check_catches_invalid_markup(site_copy: Path) -> None:
    require(VNU, "the Nu Html Checker (npm vnu-jar)")
    page = site_copy / "timeline" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<ol", '<ol tabindex=""', 1), encoding="utf-8")
    errors = vnu(site_copy)
    assert len(errors) == 1 and "tabindex" in errors[0]["message"]
