"""The built pages without the indentation and blank lines their templates leave (the page hook's
``on_post_page``, as each page is written).

Material's templates indent their markup and leave a blank line for every tag that prints nothing,
about 6 KiB of each page. A run of white space that holds a line break is shown as one space
wherever white space collapses, so it is cut to one line break there; the elements whose white space
is shown as written (``pre``, ``textarea``, code, which Material prints as written, scripts, styles and
drawings) are left as they are, and so is white space other than spaces, tabs and line breaks (a
no-break space is text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

AS_WRITTEN = re.compile(r"<(pre|textarea|code|kbd|script|style|svg)\b")  # the opening tag of each
# A line break and the white space after it. The look-ahead lets the engine pass over a line break
# that is not followed by more white space without trying the rest (a quarter faster than
# ``\n[ \t\r\n]+``, which means the same).
LINE_BREAK_RUN = re.compile(r"\n(?=[ \t\r\n])[ \t\r\n]*")


def elements(html: str) -> Iterator[tuple[int, int]]:
    """Where each element kept as written starts and ends in ``html`` (up to the first closing tag of its
    name, as the templates never nest one in another of its kind)."""
    position = 0
    while (opening := AS_WRITTEN.search(html, position)) is not None:
        closing = f"</{opening.group(1)}>"
        end = html.find(closing, opening.end())
        end = len(html) if end < 0 else end + len(closing)
        yield opening.start(), end
        position = end


def compact(html: str) -> str:
    """``html`` with each run of white space that holds a line break cut to one line break, outside the
    elements that show their white space as written. An element with no such run (most are icons on one
    line) is compacted with the text around it, which leaves it as it is."""
    parts, position = [], 0
    for start, end in elements(html):
        if LINE_BREAK_RUN.search(html, start, end):
            parts += LINE_BREAK_RUN.sub("\n", html[position:start]), html[start:end]
            position = end
    parts.append(LINE_BREAK_RUN.sub("\n", html[position:]))
    return "".join(parts)
