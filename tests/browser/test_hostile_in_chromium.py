"""Pages built from hostile data run none of it in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..conftest import serve


def test_no_hostile_script_runs(browser: Any, hostile_site: Path) -> None:
    with serve(hostile_site) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
        assert len(pages) >= 10
        for path in pages:  # every page, with the data's text in its title, navigation and content
            page.goto(url + path)
            page.wait_for_load_state("load")
            page.evaluate("document.querySelectorAll('body *').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))")
            assert page.evaluate("window.__pwned") is None, path
        context.close()
    assert dialogs == []
