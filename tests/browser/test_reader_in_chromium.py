"""The reader as a person uses it, in Chromium: markers, notes, tooltips, layers, phone layout."""

from __future__ import annotations

from typing import Any

import pytest

from macros.kinds import KINDS
from macros.model import Corpus

from ..conftest import ARTICLE_IDS
from ..test_kinds import LAYER_OF_LOOK

PAGES = ["", *(f"articles/{a}/" for a in ARTICLE_IDS),
         "glossary/", "claims/", "compare/", "matrix/", "parallel/", "timeline/", "bibliography/", "methods/", "reading/"]


def focused_id(page: Any) -> str:
    return page.evaluate("(document.activeElement.closest('[id]') || {}).id || ''")


def test_activating_a_marker_opens_and_focuses_its_note_and_back(desktop: Any, base_url: str, corpus: Corpus) -> None:
    desktop.goto(base_url + "articles/001/")
    note = corpus.notes["001"][0]
    desktop.click(f"#mark-{note.id}")
    assert desktop.evaluate(f"document.getElementById('note-{note.id}').open")
    assert focused_id(desktop) == f"note-{note.id}"
    desktop.click(f"#note-{note.id} a[href='#mark-{note.id}']")
    assert focused_id(desktop) == f"mark-{note.id}"


def test_the_keyboard_reaches_a_note_from_its_marker(desktop: Any, base_url: str) -> None:
    desktop.goto(base_url + "articles/001/")
    marker = desktop.locator("a.reader-marker").nth(5)
    key = marker.get_attribute("id").removeprefix("mark-")
    marker.focus()
    desktop.keyboard.press("Enter")
    assert focused_id(desktop) == f"note-{key}"
    assert desktop.evaluate(f"document.getElementById('note-{key}').open")


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_glossary_tooltips_appear_on_hover_and_on_focus(desktop: Any, base_url: str, how: str, corpus: Corpus) -> None:
    desktop.goto(base_url + "articles/002/")
    term = desktop.locator("a.reader-term").first
    term_id = term.get_attribute("href").rstrip("/").split("/")[-1]
    getattr(term, how)()
    tooltip = desktop.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == corpus.terms[term_id].definition


def test_layer_switches_hide_and_show_notes_and_remember(desktop: Any, base_url: str) -> None:
    desktop.goto(base_url + "articles/003/")
    disputed = desktop.locator("details.reader-note[data-verdict]").first
    assert disputed.is_visible()
    desktop.locator("details.reader-display > summary").click()
    desktop.uncheck("input[data-layer='disputed']")
    assert not disputed.is_visible()
    assert desktop.locator("details.reader-note[data-show=context]").first.is_visible()
    desktop.reload()
    assert not desktop.is_checked("input[data-layer='disputed']")
    assert not desktop.locator("details.reader-note[data-verdict]").first.is_visible()
    desktop.locator("details.reader-display > summary").click()
    desktop.check("input[data-layer='disputed']")
    assert disputed.is_visible()


SHOWN_JS = """() => ({
  notes: [...document.querySelectorAll('details.reader-note')].map(n => [n.id, n.getClientRects().length > 0]),
  markers: [...document.querySelectorAll('.reader-article a.reader-marker')].map(m => [m.id, m.getClientRects().length > 0]),
  marks: [...document.querySelectorAll('.reader-article mark.reader-hl')].map(m => [m.className, getComputedStyle(m).backgroundImage !== 'none']),
})"""


def looks_of(classes: str) -> set[str]:
    return {c.removeprefix("reader-look--") for c in classes.split() if c.startswith("reader-look--")}


@pytest.mark.parametrize("layer", list(KINDS))
def test_each_layer_switch_hides_exactly_its_own_notes_markers_and_passages(desktop: Any, base_url: str, layer: str) -> None:
    seen = set()
    for article_id in ARTICLE_IDS:
        desktop.goto(base_url + f"articles/{article_id}/")
        desktop.evaluate("localStorage.clear()")
        desktop.reload()
        looks = {note: looks_of(desktop.get_attribute(f"#{note}", "class")) for note, _ in desktop.evaluate(SHOWN_JS)["notes"]}
        desktop.locator("details.reader-display > summary").click()
        desktop.uncheck(f"input[data-layer='{layer}']")
        shown = desktop.evaluate(SHOWN_JS)
        for note, visible in shown["notes"]:
            (look,) = looks[note]
            assert visible == (LAYER_OF_LOOK[look] != layer), (article_id, note)
            seen.add(LAYER_OF_LOOK[look])
        for marker, visible in shown["markers"]:
            (look,) = looks["note-" + marker.removeprefix("mark-")]
            assert visible == (LAYER_OF_LOOK[look] != layer), (article_id, marker)
        for classes, drawn in shown["marks"]:  # a passage loses its line when any flag over it is hidden
            assert drawn == all(LAYER_OF_LOOK[look] != layer for look in looks_of(classes)), (article_id, classes)
        desktop.check(f"input[data-layer='{layer}']")
        assert all(visible for _, visible in desktop.evaluate(SHOWN_JS)["notes"]), article_id
    assert seen == set(KINDS)  # the articles hold a note of every layer


def test_notes_stand_beside_their_paragraph_on_a_wide_screen(desktop: Any, base_url: str) -> None:
    desktop.goto(base_url + "articles/002/")
    row = desktop.locator(".reader-row:has(.reader-notes)").first
    text = row.locator(".reader-para").bounding_box()
    note = row.locator("details.reader-note").first.bounding_box()
    assert note["x"] >= text["x"] + text["width"]
    assert text["y"] - 1 <= note["y"] < text["y"] + text["height"]


def test_on_a_phone_notes_fold_under_their_paragraph_and_nothing_scrolls_sideways(phone: Any, base_url: str) -> None:
    for path in PAGES:
        phone.goto(base_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path or 'home'} is {width}px wide at 360px"
    phone.goto(base_url + "articles/001/")
    row = phone.locator(".reader-row:has(.reader-notes)").first
    text = row.locator(".reader-para").bounding_box()
    note = row.locator("details.reader-note").first
    assert not note.evaluate("n => n.open")
    assert note.bounding_box()["y"] >= text["y"] + text["height"] - 1
    note.locator("summary").tap()
    assert note.evaluate("n => n.open")


def test_the_claims_register_filters_with_the_choice_in_the_address(desktop: Any, base_url: str, corpus: Corpus) -> None:
    desktop.goto(base_url + "claims/")
    desktop.select_option("select[name='verdict']", "incorrect")
    desktop.wait_for_url("**/claims/?verdict=incorrect")
    visible = desktop.eval_on_selector_all(".reader-index__item", "cs => cs.filter(c => !c.hidden).map(c => c.dataset.verdict)")
    assert visible and set(visible) == {"incorrect"}
    assert len(visible) == sum(c.verdict == "incorrect" for c in corpus.claims.values())
    desktop.reload()  # the address keeps the choice
    assert desktop.input_value("select[name='verdict']") == "incorrect"
    assert desktop.locator(".reader-index__item:visible").count() == len(visible)
    desktop.select_option("select[name='stance']", "qualifies")
    expected = sum(c.verdict == "incorrect" and any(a.stance == "qualifies" for a in c.appearances) for c in corpus.claims.values())
    assert desktop.locator(".reader-index__item:visible").count() == expected
    assert desktop.locator(".reader-filter__empty").is_visible() == (expected == 0)
    desktop.select_option("select[name='verdict']", "")
    desktop.select_option("select[name='stance']", "")
    assert desktop.locator(".reader-index__item:visible").count() == len(corpus.claims)
    desktop.goto(base_url + "claims/?verdict=supported")
    if not any(c.verdict == "supported" for c in corpus.claims.values()):
        desktop.locator(".reader-filter__empty").wait_for(state="visible")  # an honest empty state


def test_no_page_logs_a_console_error(desktop: Any, base_url: str) -> None:
    for path in PAGES:
        desktop.goto(base_url + path)
        desktop.wait_for_load_state("networkidle")
    assert desktop.errors == []


def test_the_behaviour_checks_fail_without_the_reader_script(browser: Any, site: Any, tmp_path: Any) -> None:
    """Break the site (no reader.js) and see the marker and layer checks fail."""
    import shutil

    from ..conftest import serve

    broken = shutil.copytree(site, tmp_path / "site")
    (broken / "assets" / "javascripts" / "reader.js").write_text("", encoding="utf-8")
    with serve(broken) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(url + "articles/001/")
        assert page.locator("details.reader-display").is_hidden()
        marker = page.locator("a.reader-marker").first
        key = marker.get_attribute("id").removeprefix("mark-")
        marker.click()
        assert focused_id(page) != f"note-{key}"  # the link still leads there, but focus stays behind
        context.close()


def test_the_phone_check_catches_sideways_scrolling(phone: Any, base_url: str) -> None:
    phone.goto(base_url + "glossary/")
    phone.evaluate("document.querySelector('article').insertAdjacentHTML('afterbegin', '<pre style=\"width:900px\">x</pre><div style=\"width:900px\">wide</div>')")
    assert phone.evaluate("document.documentElement.scrollWidth") > 360
