"""The print edition's PDF: typeset by WeasyPrint as PDF/A-3b, notes on their marker's page,
a contents page with page numbers, running heads, embedded fonts and metadata from the data."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from pypdf import PdfReader

from macros.edition import TITLE, Footnote, Run, authors, edition_html, pieces, script_runs
from macros.model import Corpus
from macros.plan import ArticlePlan, plan_article
from macros.terms import TermMatcher

from .conftest import PAYLOAD, PROJECT, edit

EPOCH = 1_700_000_000
COMMIT = "0123456789abcdef0123456789abcdef01234567"
CALLS = r"(?:Context|Correction|Disputed claim)"


def _tools() -> None:
    for tool in ("pdftotext", "pdfinfo", "pdftoppm"):
        if not shutil.which(tool):
            if os.environ.get("CI"):
                pytest.fail(f"{tool} is missing; .ci/run installs poppler-utils")
            pytest.skip(f"{tool} (poppler-utils) is not installed")
    try:
        import weasyprint  # noqa: F401 - loads Pango
    except OSError as error:
        if os.environ.get("CI"):
            pytest.fail(f"WeasyPrint cannot load Pango ({error}); .ci/run installs it")
        pytest.skip(f"WeasyPrint cannot load Pango: {error}")


def make_pdf(out: Path, project: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    return subprocess.run([sys.executable, str(project / "tools" / "print_pdf.py"), "--out", str(out)],
                          cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _tools()
    out = tmp_path_factory.mktemp("pdf") / "reader.pdf"
    result = make_pdf(out)
    assert result.returncode == 0, result.stderr
    return out


def page_texts(pdf: Path) -> list[str]:
    """Each page's text in drawing order, a line-end hyphen joined to the next line."""
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                           check=True).stdout).group(1))
    return [
        subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout.replace("-\n", "-")
        for n in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    return page_texts(pdf)


@pytest.fixture(scope="module")
def plans(corpus: Corpus) -> list[ArticlePlan]:
    matcher = TermMatcher(corpus.terms.values())
    return [plan_article(corpus, article_id, matcher) for article_id in corpus.articles]


def misplaced_notes(pages: list[str], plans: list[ArticlePlan]) -> list[str]:
    """Notes not on the page of their marker, each as "article number: marker pages, note pages".

    A marker is the last word before it followed by its number (and the numbers of notes that
    end at the same place, comma-separated); a note starts a line with its number and kind.
    """
    flat = [" ".join(page.split()) for page in pages]
    starts = [next(i for i in range(1, len(pages)) if f"Article {plan.article.id}: " in pages[i]) for plan in plans]
    starts.append(next(i for i in range(starts[-1], len(pages)) if re.search(r"(^|\n)Glossary\n", pages[i])))
    wrong = []
    for plan, first, last in zip(plans, starts, starts[1:], strict=False):
        text = {p.id: p.text for p in plan.article.paragraphs}
        for flag in plan.flags:
            together = sorted(f.number for f in plan.flags_in(flag.paragraph) if f.end == flag.end)
            marker = text[flag.paragraph][: flag.end].split()[-1] + ",".join(map(str, together))
            marked = [n + 1 for n in range(first, last) if marker in flat[n]]
            noted = [n + 1 for n in range(first, last) if re.search(rf"(^|\n){flag.number}\. {CALLS}", pages[n])]
            if len(noted) != 1 or noted[0] not in marked:
                wrong.append(f"{plan.article.id} {flag.number}: marker on {marked}, note on {noted}")
    return wrong


def test_every_note_is_on_the_page_of_its_marker(pages: list[str], plans: list[ArticlePlan]) -> None:
    assert sum(len(plan.flags) for plan in plans) > 50
    assert misplaced_notes(pages, plans) == []


def test_notes_carried_to_a_later_page_are_found(tmp_path: Path, project_copy: Path, plans: list[ArticlePlan]) -> None:
    """The check itself: with the footnote area's margin back, WeasyPrint carries notes over."""
    _tools()
    (project_copy / "tools").mkdir()
    for tool in ("print_pdf.py", "build_info.py"):
        shutil.copy2(PROJECT / "tools" / tool, project_copy / "tools" / tool)
    edit(project_copy / "macros" / "templates" / "print" / "print.css",
         "border-top: 0.5pt solid #888;\n  }", "border-top: 0.5pt solid #888;\n    margin-top: 4mm;\n  }")
    result = make_pdf(tmp_path / "carried.pdf", project_copy)
    assert result.returncode == 0, result.stderr
    assert misplaced_notes(page_texts(tmp_path / "carried.pdf"), plans)


def test_page_one_is_the_cover_with_contents_whose_page_numbers_are_right(pdf: Path, pages: list[str], corpus: Corpus) -> None:
    cover = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "The annotated reader" in cover and "Contents" in cover
    assert len(" ".join(cover.split())) > 1000  # a full page, not a blank one
    for article in corpus.articles.values():
        page = int(re.search(rf"Article {article.id}: .*?(\d+)\n", cover).group(1))
        assert f"Article {article.id}: " in pages[page - 1]
        assert page == 2 or f"Article {article.id}: " not in pages[page - 2]
    for part in ("Glossary", "Claims register", "References"):
        page = int(re.search(rf"\n{part}[ .]*?(\d+)\n", cover).group(1))
        assert re.search(rf"(^|\n){part}\n", pages[page - 1]), part


def test_pages_are_numbered_and_each_article_page_carries_the_articles_title(pages: list[str], corpus: Corpus) -> None:
    for number, page in enumerate(pages, 1):
        assert re.search(rf"(^|\n){number}\n", page), f"page {number} has no page number"
    starts = [next(i for i in range(1, len(pages)) if f"Article {a}: " in pages[i]) for a in corpus.articles]
    for article, first, last in zip(corpus.articles.values(), starts, [*starts[1:], starts[-1] + 2], strict=True):
        for page in pages[first:last]:
            assert article.title in [line.strip() for line in page.splitlines()], article.id


def test_no_screen_only_glyphs_are_printed(pages: list[str]) -> None:
    text = "".join(pages)
    for glyph in ("↩", "ℹ", "✎", "⚑"):
        assert glyph not in text, glyph
    assert "Glossary links" not in text and "Context notes" not in text  # no layer switches


def test_the_pdf_is_pdf_a_3b_with_an_output_intent_embedded_fonts_and_tags(pdf: Path) -> None:
    xmp = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    reader = PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    intent = catalog["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog and catalog["/Lang"] == "en"
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            for part in font.get_object().get("/DescendantFonts", [font]):
                descriptor = part.get_object()["/FontDescriptor"].get_object()
                fonts[descriptor["/FontName"]] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("Noto-Serif-CJK-KR" in name for name in fonts) and any("Noto-Serif-CJK-SC" in name for name in fonts)


def test_korean_and_chinese_names_are_printed(pages: list[str], corpus: Corpus) -> None:
    text = " ".join("".join(pages).split())
    for term in corpus.terms.values():
        if term.original:
            assert " ".join(term.original.split()) in text, term.id


def test_metadata_comes_from_the_data_and_source_date_epoch(pdf: Path, corpus: Corpus) -> None:
    info = PdfReader(pdf).metadata
    assert info.title == TITLE
    assert info.author == ", ".join(authors(corpus)) and "Esther Chung (Korea JoongAng Daily)" in info.author
    assert info.creation_date == datetime.fromtimestamp(EPOCH, UTC) == info.modification_date


def test_the_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    """Two processes typeset the same data and commit into identical files."""
    _tools()
    script = ("import pathlib, sys; sys.path.insert(0, 'tools'); import print_pdf; "
              f"print_pdf.render(print_pdf.edition({EPOCH}, '{COMMIT}'), pathlib.Path(sys.argv[1]))")
    for name in ("first.pdf", "second.pdf"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], cwd=PROJECT, check=True)
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "second.pdf").read_bytes()


def test_pages_render(pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "3", str(pdf), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == 3 and all(p.stat().st_size > 1000 for p in rendered)


def test_markup_in_the_data_reaches_the_edition_as_text(corpus: Corpus) -> None:
    hostile = dataclasses.replace(
        corpus,
        articles={k: dataclasses.replace(a, title=PAYLOAD, provenance=PAYLOAD) for k, a in corpus.articles.items()},
        terms={k: dataclasses.replace(t, name=PAYLOAD + k, definition=PAYLOAD, original=PAYLOAD)
               for k, t in corpus.terms.items()},
        claims={k: dataclasses.replace(c, statement=PAYLOAD, reason=PAYLOAD) for k, c in corpus.claims.items()},
    )
    matcher = TermMatcher(hostile.terms.values())
    html = edition_html(hostile, [plan_article(hostile, a, matcher) for a in hostile.articles], EPOCH, COMMIT)
    document = BeautifulSoup(html, "html.parser")
    assert not document.find_all(["script", "iframe", "img", "svg"])
    assert not [tag for tag in document.find_all(True) if any(a.startswith("on") or a == "style" for a in tag.attrs)]
    assert not [a for a in document.find_all("a") if a.get("href", "").startswith("javascript:")]
    assert "<script>window.__pwned" in document.get_text()  # shown as text, not dropped


def test_korean_and_chinese_runs_get_their_language() -> None:
    assert script_runs("丹东市 (Korean: 단둥)") == (
        Run("丹东市", "zh-Hans"), Run(" (Korean: "), Run("단둥", "ko"), Run(")"),
    )
    assert script_runs("조선로동당 중앙위원회 39호실") == (Run("조선로동당 중앙위원회 39호실", "ko"),)
    assert script_runs("Office 39") == (Run("Office 39"),)


def test_each_footnote_follows_the_words_it_explains() -> None:
    one, two, three = (Footnote(n, "Context", Markup(""), ()) for n in (1, 2, 3))
    cut = pieces("abc def", [(3, two), (3, one), (7, three)])
    assert [("".join(r.text for r in p.runs), [n.number for n in p.notes]) for p in cut] == [
        ("abc", [1, 2]), (" def", [3]),
    ]
    assert [len(pieces(text, [])) for text in ("", "no notes")] == [1, 1]
