"""Reading an article in Chromium, at desktop and phone width, light and dark: flags drawn by their
stance, a readable default, notes that flow without gaps, a way around the page, addresses that last,
labels that are not clipped, and a page that a screen reader and forced colours can use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from macros.kinds import STANCES
from macros.model import Corpus
from macros.plan import appearance_key

from ..conftest import ARTICLE_IDS

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 800}}
WARNING_SHARE = 0.15  # the cap the Methods page publishes


def open_page(browser: Any, size: str, scheme: str = "light", **options: Any) -> Any:
    phone = size == "phone"
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme, is_mobile=phone, has_touch=phone, **options)
    return context.new_page()


@pytest.fixture(params=[(size, scheme) for size in SIZES for scheme in ("light", "dark")], ids=lambda p: "-".join(p))
def reader(request: Any, browser: Any) -> Iterator[Any]:
    """A fresh page at each width and scheme."""
    page = open_page(browser, *request.param)
    yield page
    page.context.close()


# The share of an article's characters drawn in warning style: the warning colour as a background,
# a background image or a text decoration, read from the computed styles.
WARNING_SHARE_JS = """() => {
  const article = document.querySelector('.reader-article');
  const probe = document.createElement('span');
  probe.style.color = 'var(--reader-warning)';
  probe.style.backgroundColor = 'var(--reader-warning-bg)';
  article.appendChild(probe);
  const probed = getComputedStyle(probe);
  const colours = [probed.color, probed.backgroundColor];
  probe.remove();
  const warns = (el) => {
    const s = getComputedStyle(el);
    return colours.includes(s.backgroundColor)
      || colours.some(c => s.backgroundImage.includes(c))
      || (s.textDecorationLine !== 'none' && colours.includes(s.textDecorationColor));
  };
  let all = 0, warned = 0;
  for (const para of article.querySelectorAll('.reader-para, .reader-headline, .reader-subheading')) {
    if (!para.getClientRects().length) continue;
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const n = node.textContent.length;
      all += n;
      for (let el = node.parentElement; el && el !== para.parentElement; el = el.parentElement) {
        if (warns(el)) { warned += n; break; }
      }
    }
  }
  return warned / all;
}"""


def test_every_appearance_shows_its_stance_and_no_contradicting_passage_warns(reader: Any, base_url: str, corpus: Corpus) -> None:
    for article_id in ARTICLE_IDS:
        reader.goto(base_url + f"articles/{article_id}/")
        for claim, appearance in corpus.appearances_by_article.get(article_id, []):
            key = appearance_key(claim, appearance)
            look = STANCES[appearance.stance].look
            marker = reader.locator(f"#mark-{key}")
            assert f"reader-look--{look}" in marker.get_attribute("class"), key
            assert reader.locator(f"#note-{key}.reader-look--{look}").count() == 1, key
            if appearance.stance != "asserts":
                colours = reader.evaluate(
                    """key => {
                      const probe = document.createElement('span');
                      probe.style.color = 'var(--reader-warning)';
                      document.querySelector('.reader-article').appendChild(probe);
                      const warning = getComputedStyle(probe).color;
                      probe.remove();
                      const marks = [...document.querySelectorAll('mark.reader-hl')]
                        .filter(m => (m.dataset.quotes || m.id.replace(/^quote-/, '')) === key);
                      const marker = document.getElementById('mark-' + key);
                      return [warning, getComputedStyle(marker).color,
                              ...marks.flatMap(m => [getComputedStyle(m).backgroundImage, getComputedStyle(m).textDecorationColor])];
                    }""", key)
                warning, *drawn = colours
                assert not any(warning in value for value in drawn), f"{key} contradicts or qualifies, but is drawn as a warning"


def test_the_warning_style_covers_under_fifteen_percent_by_default(reader: Any, base_url: str) -> None:
    for article_id in ARTICLE_IDS:
        reader.goto(base_url + f"articles/{article_id}/")
        share = reader.evaluate(WARNING_SHARE_JS)
        assert share < WARNING_SHARE, f"{article_id}: {share:.0%} of the text is in warning style"


def test_the_measure_sees_warnings_at_full_strength(browser: Any, base_url: str, corpus: Corpus) -> None:
    """The share is measured for real: with every passage at full strength, it passes the cap."""
    page = open_page(browser, "desktop")
    most = max(ARTICLE_IDS, key=lambda a: sum(ap.stance == "asserts" for _, ap in corpus.appearances_by_article.get(a, [])))
    page.goto(base_url + f"articles/{most}/")
    page.locator("details.reader-display summary").click()
    page.check("input[data-strong]")
    assert page.evaluate(WARNING_SHARE_JS) > WARNING_SHARE
    page.reload()  # the switch is remembered
    assert page.evaluate("document.querySelector('.reader-article').classList.contains('reader-strong')")
    page.context.close()


def paragraph_gaps(page: Any) -> tuple[list[float], float]:
    """The white space between each block of the text (paragraph, subheading, folded furniture) and the
    next, below the notes folded under it, if any; and a paragraph's own bottom margin."""
    return page.evaluate("""() => {
      const blocks = [...document.querySelectorAll('.reader-article > .reader-tools ~ .reader-row, .reader-article > .reader-tools ~ details.reader-furniture')];
      const text = b => (b.matches('.reader-row') ? b.querySelector('.reader-para, .reader-subheading') : b).getBoundingClientRect();
      const end = b => {
        const box = text(b);
        const notes = b.matches('.reader-row') && b.querySelector(':scope > .reader-notes');
        const under = notes && notes.getClientRects().length && notes.getBoundingClientRect();
        return under && under.top >= box.bottom - 1 ? Math.max(box.bottom, under.bottom) : box.bottom;
      };
      const gaps = blocks.slice(1).map((b, i) => text(b).top - end(blocks[i]));
      return [gaps, parseFloat(getComputedStyle(document.querySelector('.reader-para')).marginBottom)];
    }""")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("open_all", [False, True], ids=["folded", "every-note-open"])
def test_paragraphs_follow_each_other_without_gaps(browser: Any, base_url: str, size: str, open_all: bool) -> None:
    """No white between two blocks of the text is over three times a paragraph's own margin."""
    page = open_page(browser, size)
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        if open_all:
            page.locator("details.reader-display summary").click()
            page.check("input[data-open-all]")
        gaps, margin = paragraph_gaps(page)
        assert max(gaps, default=0) <= 3 * margin, f"{article_id}: a gap of {max(gaps):.0f}px; a paragraph's margin is {margin:.0f}px"
    page.context.close()


def test_notes_stand_level_with_their_line_and_never_overlap(browser: Any, base_url: str) -> None:
    page = open_page(browser, "desktop")
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        placed = page.evaluate("""() => [...document.querySelectorAll('details.reader-note')]
          .filter(n => n.getClientRects().length)
          .map(n => { const m = document.getElementById('mark-' + n.id.slice(5)).getBoundingClientRect();
                      const b = n.getBoundingClientRect(); return [b.top, b.bottom, m.top, b.left, m.right]; })""")
        for (top, bottom, line, left, marker_right), following in zip(placed, [*placed[1:], None]):
            assert top >= line - 2, "a note stands above its line"
            assert left > marker_right, "a note is not in the margin"
            if following:
                assert following[0] >= bottom, "two notes overlap"
                assert following[0] - max(following[2], bottom) < 12, "a note stands lower than the notes above it require"
        # Opening a note pushes only the notes below it.
        first, second = page.locator("details.reader-note").nth(0), page.locator("details.reader-note").nth(1)
        first.evaluate("n => { n.open = false; }")
        before = second.bounding_box()["y"]
        first.locator("summary").click()
        page.wait_for_function("n => n.open", arg=first.element_handle())
        assert page.locator("details.reader-note").nth(0).bounding_box()["y"] <= before
    page.context.close()


def test_article_pages_carry_the_site_navigation(browser: Any, base_url: str, corpus: Corpus) -> None:
    page = open_page(browser, "desktop")
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        nav = page.locator("nav.md-nav--primary")
        assert nav.is_visible()
        active = nav.locator("a.md-nav__link--active")
        assert active.inner_text().strip() == corpus.articles[article_id].title
    page.context.close()


def test_the_address_keeps_the_paragraph_after_a_click_and_a_direct_visit(browser: Any, base_url: str) -> None:
    page = open_page(browser, "desktop")
    article = ARTICLE_IDS[0]
    page.goto(base_url + f"articles/{article}/")
    page.locator("#p5 a.reader-pilcrow").click()
    page.mouse.wheel(0, 900)
    page.wait_for_function("window.scrollY > 0")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.url.endswith("#p5")
    page.goto(base_url + f"articles/{article}/#p9")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.url.endswith("#p9")
    marker = page.locator("a.reader-marker").nth(2)
    marker.click()
    assert page.url.endswith(marker.get_attribute("href"))
    page.context.close()


def test_a_followed_paragraph_offers_its_citation(browser: Any, base_url: str, corpus: Corpus) -> None:
    page = open_page(browser, "desktop")
    article = corpus.articles[ARTICLE_IDS[1]]
    page.goto(base_url + f"articles/{article.id}/")
    page.locator("#p3 a.reader-pilcrow").click()
    box = page.locator("#p3 + .reader-cite-this")
    box.wait_for(state="visible")
    text = box.locator(".reader-cite-this__text").inner_text()
    assert article.title in text and "paragraph 3" in text and f"articles/{article.id}/#p3" in text and "accessed" in text
    if article.outlet != "unknown":
        assert article.outlet in text
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    box.get_by_role("button", name="Copy the reference").click()
    box.locator(".reader-copied", has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == text
    page.context.close()


def quote_far_down(corpus: Corpus) -> tuple[str, str, str]:
    """(article, paragraph, words): a quote from the last prose paragraph of the longest article."""
    article = max(corpus.articles.values(), key=lambda a: len(a.paragraphs))
    paragraph = [p for p in article.paragraphs if p.role == "prose"][-1]
    words = " ".join(paragraph.text.split()[2:8])
    return article.id, paragraph.id, words


def test_a_text_fragment_link_opens_at_its_quote_and_stays(browser: Any, base_url: str, corpus: Corpus) -> None:
    article, paragraph, words = quote_far_down(corpus)
    page = open_page(browser, "desktop")
    page.goto(base_url + f"articles/{article}/#:~:text={quote(words, safe='').replace('-', '%2D')}")
    page.wait_for_function("window.scrollY > 200")
    box = page.locator(f"#{paragraph}").bounding_box()
    assert 0 <= box["y"] < 900, "the quote is not on screen"
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.locator(f"#{paragraph}").bounding_box()["y"] == box["y"], "the page's scripts moved the text"
    page.context.close()


def test_selecting_words_offers_a_link_to_that_exact_quote(browser: Any, base_url: str, corpus: Corpus) -> None:
    article, paragraph, words = quote_far_down(corpus)
    page = open_page(browser, "desktop")
    page.goto(base_url + f"articles/{article}/")
    page.locator(f"#{paragraph}").scroll_into_view_if_needed()
    page.evaluate("""([id, words]) => {
      const para = document.getElementById(id);
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      const nodes = []; let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.textContent; }
      const start = text.indexOf(words), end = start + words.length;
      const at = (i) => { for (const [n, o] of nodes) if (i <= o + n.textContent.length) return [n, i - o]; };
      const range = document.createRange();
      range.setStart(...at(start)); range.setEnd(...at(end));
      getSelection().removeAllRanges(); getSelection().addRange(range);
    }""", [paragraph, words])
    page.locator(f"#{paragraph}").dispatch_event("mouseup")
    link = page.locator(".reader-quote-link a")
    link.wait_for(state="visible")
    href = link.get_attribute("href")
    assert "#:~:text=" in href
    other = open_page(browser, "desktop")
    other.goto(href)
    other.wait_for_function("window.scrollY > 200")
    assert 0 <= other.locator(f"#{paragraph}").bounding_box()["y"] < 900
    other.context.close()
    page.context.close()


@pytest.mark.parametrize("width", [320, 390, 960])
def test_no_note_summary_clips_its_label(browser: Any, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        clipped = page.evaluate("""() => {
          const out = [];
          for (const summary of document.querySelectorAll('details.reader-note > summary, details.reader-tool > summary')) {
            if (!summary.getClientRects().length) continue;
            const room = summary.getBoundingClientRect();
            const arrow = parseFloat(getComputedStyle(summary).paddingRight);
            for (const label of summary.querySelectorAll(':scope > .reader-tag, details.reader-note > summary > :first-child')) {
              const box = label.getBoundingClientRect();
              if (label.scrollWidth > label.clientWidth + 1 || box.right > room.right - arrow + 1 || box.left < room.left - 1)
                out.push(summary.parentElement.id + ': ' + label.textContent);
            }
            if (summary.scrollWidth > summary.clientWidth + 1) out.push(summary.parentElement.id || summary.textContent);
          }
          return out;
        }""")
        assert clipped == [], f"{article_id} at {width}px: {clipped[:5]}"
    context.close()


def test_the_notes_overview_filters_the_page_with_the_choice_in_the_address(browser: Any, base_url: str, corpus: Corpus) -> None:
    article = max(ARTICLE_IDS, key=lambda a: len(corpus.appearances_by_article.get(a, [])))
    verdict = corpus.appearances_by_article[article][0][0].verdict
    expected = {appearance_key(c, a) for c, a in corpus.appearances_by_article[article] if c.verdict == verdict}
    page = open_page(browser, "desktop")
    page.goto(base_url + f"articles/{article}/")
    overview = page.locator("details.reader-overview")
    overview.locator("summary").click()
    total = len(corpus.notes.get(article, ())) + len(corpus.appearances_by_article[article])
    assert overview.locator("li.reader-index__item").count() == total
    overview.locator("select[name='verdict']").select_option(verdict)
    page.wait_for_url(f"**/articles/{article}/?verdict={verdict}")
    shown = set(page.eval_on_selector_all("details.reader-note", "ns => ns.filter(n => n.getClientRects().length).map(n => n.id.slice(5))"))
    assert shown == expected
    assert page.locator("a.reader-marker:visible").count() == len(expected)
    page.reload()
    assert set(page.eval_on_selector_all("details.reader-note", "ns => ns.filter(n => n.getClientRects().length).map(n => n.id.slice(5))")) == expected
    assert "shown" in page.locator("details.reader-overview > summary").inner_text()
    first = sorted(expected, key=lambda k: page.locator(f"#note-{k}").evaluate("n => n.getBoundingClientRect().top"))[0]
    page.locator("details.reader-overview > summary").click()
    page.locator(f"#reader-note-list a[href='#note-{first}']").click()
    assert page.evaluate(f"document.getElementById('note-{first}').open")
    page.context.close()


def test_the_first_sentence_is_on_a_phone_s_first_screen(browser: Any, base_url: str) -> None:
    page = open_page(browser, "phone")
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        first = page.locator(".reader-article > .reader-row .reader-para").first
        assert first.bounding_box()["y"] < 800, article_id
        about = page.locator("details.reader-about")
        assert about.bounding_box()["height"] < 100
        about.locator("summary").tap()
        assert page.locator(".reader-provenance").is_visible()
    page.context.close()


def test_markers_pilcrows_and_tools_are_targets_a_finger_can_hit(browser: Any, base_url: str) -> None:
    page = open_page(browser, "phone")
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        small = page.evaluate("""() => [...document.querySelectorAll(
            '.reader-article a.reader-marker, .reader-article a.reader-pilcrow, .reader-tools summary, a.reader-tool, details.reader-note > summary')]
          .filter(a => a.getClientRects().length)
          .map(a => a.getBoundingClientRect()).filter(b => b.width < 24 || b.height < 24).length""")
        assert small == 0, f"{article_id}: {small} targets smaller than 24 px"
    page.context.close()


def test_a_screen_reader_hears_each_marker_s_kind_and_verdict(browser: Any, base_url: str, corpus: Corpus) -> None:
    page = open_page(browser, "desktop")
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        for claim, appearance in corpus.appearances_by_article.get(article_id, [])[:4]:
            key = appearance_key(claim, appearance)
            name = page.locator(f"#mark-{key}").evaluate("m => m.getAttribute('aria-label')")
            label = corpus.verdicts[claim.verdict].label
            assert STANCES[appearance.stance].label in name and label in name, name
            snapshot = page.locator(f"#mark-{key}").aria_snapshot()
            assert re.search(re.escape(label), snapshot), snapshot
            page.locator(f"#mark-{key}").focus()
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.closest('details') && document.activeElement.closest('details').id") == f"note-{key}"
            page.locator(f"#note-{key} a[href='#mark-{key}']").click()
            assert page.evaluate("document.activeElement.id") == f"mark-{key}"
    page.context.close()


def test_tags_and_passages_keep_their_shape_in_forced_colours(browser: Any, base_url: str) -> None:
    page = open_page(browser, "desktop", forced_colors="active")
    page.goto(base_url + f"articles/{ARTICLE_IDS[0]}/")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    styles = page.evaluate("""() => [...document.querySelectorAll('.reader-marker[data-tag]')].slice(0, 10).map(m => {
        const s = getComputedStyle(m, '::after'); return [s.borderTopStyle, s.borderTopWidth, s.content]; })""")
    assert styles and all(style != "none" and width != "0px" for style, width, _ in styles)
    marks = page.evaluate("() => [...document.querySelectorAll('mark.reader-hl')].slice(0, 10).map(m => getComputedStyle(m).textDecorationLine)")
    assert marks and all("underline" in line for line in marks)
    page.context.close()


# A tag's frame, as drawn: its border's style, whether it is filled, whether it is round.
FRAMES_JS = """([selector, pseudo]) => [...document.querySelectorAll(selector)].map(el => {
  const s = getComputedStyle(el, pseudo);
  const filled = !/rgba\\(0, 0, 0, 0\\)|transparent/.test(s.backgroundColor);
  return [el.closest('[id]') ? el.closest('[id]').id : '', el.closest('[data-verdict]').dataset.verdict,
          [s.borderTopStyle, filled, parseFloat(s.borderTopLeftRadius) >= 0.5 * parseFloat(s.fontSize)]];
})"""
# The frames the legend promises: dashed for the doubtful, double for the misleading, filled for the false.
SHAPES = {"supported": ("solid", False, True), "contested": ("dashed", False, False), "unverified": ("dashed", False, False),
          "misleading": ("double", False, False), "misattributed": ("double", False, False), "incorrect": ("solid", True, False)}


def test_a_verdict_has_one_frame_in_the_legend_at_its_markers_and_in_its_notes(browser: Any, base_url: str, corpus: Corpus) -> None:
    page = open_page(browser, "desktop")
    page.goto(base_url + "reading/")
    legend = {verdict: tuple(frame) for _, verdict, frame in page.evaluate(FRAMES_JS, ["#verdict-tags ~ table [data-verdict] .reader-tag", None])}
    assert legend == {verdict: SHAPES[verdict] for verdict in corpus.verdicts}
    seen = set()
    for article_id in ARTICLE_IDS:
        page.goto(base_url + f"articles/{article_id}/")
        page.locator("details.reader-overview > summary").click()
        drawn = [*page.evaluate(FRAMES_JS, ["details.reader-note.reader-look--warning > summary > .reader-tag", None]),
                 *page.evaluate(FRAMES_JS, [".reader-overview__list .reader-look--warning .reader-tag", None])]
        markers = page.evaluate(FRAMES_JS.replace("el.closest('[data-verdict]').dataset.verdict", "el.dataset.tag"),
                                ["a.reader-marker.reader-look--warning[data-tag]", "::after"])
        assert len(markers) == len([a for _, a in corpus.appearances_by_article.get(article_id, []) if a.stance == "asserts"])
        for where, verdict, frame in [*drawn, *markers]:
            assert tuple(frame) == legend[verdict], (article_id, where, verdict, frame)
            seen.add(verdict)
    assert len(seen) >= 5, seen  # the articles show nearly every verdict
    page.context.close()


def test_nothing_moves_for_a_reader_who_asks_for_reduced_motion(browser: Any, base_url: str) -> None:
    page = open_page(browser, "desktop", reduced_motion="reduce")
    page.goto(base_url + f"articles/{ARTICLE_IDS[0]}/")
    page.locator("a.reader-marker").first.click()
    page.locator("details.reader-overview > summary").click()
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") != "smooth"
    page.context.close()


# Each check above, run on a copy of the site broken in the one way it guards against, must fail.
BREAKAGES = {
    "contradicting passages drawn as warnings": (
        ".md-typeset .reader-look--record { --reader-look: var(--reader-warning); }"
        ".md-typeset mark.reader-hl.reader-look--record { --reader-line: var(--reader-warning); }",
        lambda browser, url, corpus: test_every_appearance_shows_its_stance_and_no_contradicting_passage_warns(
            _page(browser), url, corpus)),
    "every passage in warning colours": (
        ".md-typeset mark.reader-hl { background: var(--reader-warning-bg) !important; }",
        lambda browser, url, corpus: test_the_warning_style_covers_under_fifteen_percent_by_default(_page(browser), url)),
    "notes in rows beside their paragraph": (
        "@media screen and (min-width: 60em) { .md-typeset .reader-row { display: grid; grid-template-columns: 30rem 1fr; }"
        " .md-typeset .reader-flow details.reader-note { position: static; width: auto; }"
        " .md-typeset .reader-flow .reader-notes, .md-typeset .reader-notes { float: none; grid-column: 2; margin: 0; width: auto; } }",
        lambda browser, url, corpus: test_paragraphs_follow_each_other_without_gaps(browser, url, "desktop", True)),
    "labels that clip": (
        ".md-typeset details.reader-note > summary > .reader-tag { flex: 0 1 auto; min-width: 0; max-width: 2em; overflow: hidden; }",
        lambda browser, url, corpus: test_no_note_summary_clips_its_label(browser, url, 320)),
    "small targets": (
        ".md-typeset .reader-marker { min-width: 0; min-height: 0; line-height: 1; }",
        lambda browser, url, corpus: test_markers_pilcrows_and_tools_are_targets_a_finger_can_hit(browser, url)),
    "passages with no shape in forced colours": (
        "@media (forced-colors: active) { .md-typeset mark.reader-hl { text-decoration: none; } }",
        lambda browser, url, corpus: test_tags_and_passages_keep_their_shape_in_forced_colours(browser, url)),
    "a verdict framed one way in the text and another in its note": (
        '.md-typeset .reader-marker.reader-look--warning[data-tag="incorrect"]::after { background: none; }',
        lambda browser, url, corpus: test_a_verdict_has_one_frame_in_the_legend_at_its_markers_and_in_its_notes(browser, url, corpus)),
    "a note that animates": (
        "@keyframes reader-test-pulse { to { opacity: 0.5; } } .md-typeset details.reader-note { animation: reader-test-pulse 1s infinite; }",
        lambda browser, url, corpus: test_nothing_moves_for_a_reader_who_asks_for_reduced_motion(browser, url)),
}


def _page(browser: Any) -> Any:
    return open_page(browser, "desktop")


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_reading_check_fails_on_a_site_broken_its_way(browser: Any, site: Any, tmp_path: Any, corpus: Corpus, breakage: str) -> None:
    import shutil

    from ..conftest import serve

    broken = shutil.copytree(site, tmp_path / "site")
    css, check = BREAKAGES[breakage]
    stylesheet = broken / "assets" / "stylesheets" / "looks.css"  # the reader's styles and the looks: the last of them
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n" + css, encoding="utf-8")
    with serve(broken) as url, pytest.raises(AssertionError):
        check(browser, url, corpus)
