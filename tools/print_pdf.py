"""Typeset the print edition with WeasyPrint into a PDF/A-3b file.

    python tools/print_pdf.py [--out dist/reader.pdf]

The edition is one HTML document (:func:`macros.edition.edition_html`) laid out by its own
CSS for Paged Media: footnotes on the page of their marker, running heads, page numbers and a
table of contents with page numbers. The PDF is PDF/A-3b and tagged; its title, authors and dates
come from the data and ``SOURCE_DATE_EPOCH``, and its identifier is a hash of its content, so
the same commit gives the same bytes. WeasyPrint needs Pango and HarfBuzz (Debian:
``libpango-1.0-0``, ``libpangoft2-1.0-0``, ``libharfbuzz-subset0``); the fonts are Liberation
(``fonts-liberation``) and Noto CJK (``fonts-noto-cjk``). Chromium is not used: it has no
``float: footnote`` or ``target-counter()``, which the footnotes and the contents rely on.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from build_info import PROJECT, commit, source_date_epoch

VARIANT = "pdf/a-3b"


def edition(epoch: int, revision: str) -> str:
    """The print edition's HTML, from the project's data."""
    sys.path.insert(0, str(PROJECT))
    from macros.load import load_corpus
    from macros.plan import plan_article
    from macros.edition import edition_html
    from macros.terms import TermMatcher

    corpus = load_corpus()
    matcher = TermMatcher(corpus.terms.values())
    plans = [plan_article(corpus, article_id, matcher) for article_id in corpus.articles]
    return edition_html(corpus, plans, epoch, revision)


def render(html: str, out: Path) -> Path:
    """Typeset ``html`` to ``out`` as tagged PDF/A-3b, written under a temporary name first."""
    import weasyprint

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        weasyprint.HTML(string=html, base_url=str(PROJECT)).write_pdf(partial, pdf_variant=VARIANT, pdf_tags=True)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "dist" / "reader.pdf")
    args = parser.parse_args(argv)
    path = render(edition(source_date_epoch(), commit()), args.out)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
