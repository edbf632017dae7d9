"""The built pages carry no template indentation, and losing it changes nothing a reader sees or a
script reads: white space is cut only where it collapses, and what is shown as written stays."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from macros.compact import compact, elements

# Markup as Material's templates leave it: indented, with blank lines, around each kind of element
# whose white space is shown or read as written.
INDENTED = """<!doctype html>
<html>
  <head>
    <script>
      var lines = `one
        two`;
    </script>
    <style>
      .a::before { content: "x
        y"; }
    </style>
  </head>
  <body>

    <nav class="md-nav">
      <ul>
        <li>
          <a href="../">
            <span class="md-ellipsis">
              Home
            </span>
          </a>
        </li>
      </ul>
    </nav>
    <p>Two\u00a0\u00a0spaces, a tab\there and words
       wrapped over lines,
\u00a0\u00a0one led by no-break spaces.</p>
    <pre><code>def f():
        return 1
</code></pre>
    <pre>a table
      laid out by hand</pre>
    <p>Inline <code>a
      b</code> and <kbd>Ctrl
      C</kbd>.</p>
    <textarea>
      kept
    </textarea>
    <svg><text>a
      b</text></svg>
  </body>
</html>
"""


def outside(html: str) -> str:
    """The page with each element that keeps its white space as written reduced to one character."""
    parts, position = [], 0
    for start, end in elements(html):
        parts += html[position:start], "\x00"
        position = end
    return "".join(parts) + html[position:]


def kept(html: str) -> list[str]:
    return [html[start:end] for start, end in elements(html)]


def text(html: str) -> str:
    """What a reader is shown of the page's running text: its words, spaced as white space collapses."""
    soup = BeautifulSoup(html, "html.parser")
    for kept in soup.find_all(["pre", "textarea", "code", "kbd", "script", "style", "svg"]):
        kept.decompose()
    return " ".join(soup.get_text().split())


def test_compacting_cuts_the_indentation_and_blank_lines() -> None:
    out = compact(INDENTED)
    assert not re.search(r"\n[ \t\n]", outside(out)), outside(out)
    assert '<span class="md-ellipsis">\nHome\n</span>' in out
    assert compact(out) == out


def test_compacting_keeps_what_is_shown_or_read_as_written() -> None:
    out = compact(INDENTED)
    assert kept(out) == kept(INDENTED) and len(kept(out)) == 8
    assert text(out) == text(INDENTED)
    assert "Two\u00a0\u00a0spaces, a tab\there and words\nwrapped over lines,\n\u00a0\u00a0one" in out  # no-break spaces are text


def indented(site: Path) -> list[str]:
    """The built pages that still hold a line break followed by white space outside what is kept."""
    return sorted(
        page.relative_to(site).as_posix() for page in site.rglob("*.html")
        if re.search(r"\n[ \t\n]", outside(page.read_text(encoding="utf-8")))
    )


def test_every_built_page_is_compact(site: Path) -> None:
    assert indented(site) == []


def test_the_compactness_check_sees_an_indented_page(site: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "site"))
    page = copy / "glossary" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "\n    </body>", 1), encoding="utf-8")
    assert indented(copy) == ["glossary/index.html"]
