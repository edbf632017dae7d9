"""Each template override is Material's own file with one marked change, and stays in step with it.

When Material is upgraded and one of these fails, copy the new file from Material and make the
change again (each override's header says what it is).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from .conftest import PROJECT

MATERIAL = Path(material.__file__).parent / "templates"
# (override, what our copy says, what Material's says)
CHANGES = {
    "base.html": [
        ('{#- READER: autocomplete removed from the two toggles -#}\n    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
         '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'),
        ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
         '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'),
    ],
    "main.html": [
        ('{% extends "base.html" %}\n{% block extrahead %}{% if page and page.meta and page.meta.reader_jsonld %}'
         '<script type="application/ld+json">{{ page.meta.reader_jsonld }}</script>{% endif %}{% endblock %}\n',
         '{% extends "base.html" %}\n'),
    ],
    "partials/nav-item.html": [('{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}', 'tabindex="{{ tabindex }}"')],
    "partials/search.html": [("role=\"dialog\" aria-label=\"{{ lang.t('search') }}\"", 'role="dialog"')],
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_the_override_is_materials_file_but_for_its_marked_change(name: str) -> None:
    ours = (PROJECT / "overrides" / name).read_text(encoding="utf-8")
    header = re.match(r"\{#-.*?-#\}\n", ours, re.S)
    assert header and "READER" in header.group(0), f"{name} has no header saying what it changes"
    undone = ours[header.end():]
    for changed, original in CHANGES[name]:
        assert changed in undone, f"{name} no longer has its change: {changed[:60]}"
        undone = undone.replace(changed, original)
    assert undone == (MATERIAL / name).read_text(encoding="utf-8")
