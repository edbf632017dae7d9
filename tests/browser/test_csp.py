"""The site works under the Content-Security-Policy that README documents."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..conftest import PROJECT, serve
from .conftest import search_for


def documented_policy() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    return re.search(r"```text\n(default-src[^\n]+)\n```", readme).group(1)  # type: ignore[union-attr]


def run_reader(browser: Any, url: str) -> tuple[list[str], int]:
    """Visit pages, open a note and search; return the console errors and the search results."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    for path in ("", "articles/001/", "claims/", "glossary/"):
        page.goto(url + path)
    page.goto(url + "articles/001/")
    page.locator("a.reader-marker").first.click()
    search_for(page, "Gyeongheung")
    page.locator(".md-search-result__item").first.wait_for(state="attached")  # however long the index takes
    results = page.locator(".md-search-result__item").count()
    context.close()
    return errors, results


def test_the_site_works_under_the_documented_policy(browser: Any, site: Path) -> None:
    with serve(site, {"Content-Security-Policy": documented_policy()}) as url:
        errors, results = run_reader(browser, url)
    assert errors == [] and results > 0


def test_the_policy_check_catches_a_violation(browser: Any, site: Path) -> None:
    strict = documented_policy().replace("script-src 'self' 'unsafe-inline'", "script-src 'self'")
    with serve(site, {"Content-Security-Policy": strict}) as url:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(url)
        context.close()
    assert any("Content Security Policy" in e for e in errors)
