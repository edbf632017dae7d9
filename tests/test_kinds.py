"""One table of note kinds (``macros/kinds.py``): the schema, the pages, the styles and the export follow it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.kinds import KINDS, NOTE_KINDS

from .conftest import PROJECT


def test_the_schema_allows_exactly_the_note_kinds_of_the_table() -> None:
    schema = json.loads((PROJECT / "glossary" / "schemas" / "annotations.schema.json").read_text(encoding="utf-8"))
    kind = schema["properties"]["notes"]["items"]["properties"]["kind"]
    assert kind["enum"] == list(NOTE_KINDS)


def test_every_kind_has_its_colours_in_both_schemes() -> None:
    css = (PROJECT / "docs" / "assets" / "stylesheets" / "reader.css").read_text(encoding="utf-8")
    light, dark = css.split('[data-md-color-scheme="slate"]', 1)
    for kind in KINDS:
        for scheme in (light, dark):
            assert re.search(rf"--reader-{kind}:", scheme) and re.search(rf"--reader-{kind}-bg:", scheme), kind


def test_article_pages_show_a_switch_glyph_and_label_per_kind(site: Path) -> None:
    html = BeautifulSoup((site / "articles" / "002" / "index.html").read_text(encoding="utf-8"), "html.parser")
    switches = [box["data-layer"] for box in html.select(".reader-toggles input[data-layer]")]
    assert switches == [*KINDS, "glossary"]
    for marker in html.select("a.reader-marker"):
        kind = KINDS[next(c.removeprefix("reader-marker--") for c in marker["class"] if c.startswith("reader-marker--"))]
        assert marker["data-glyph"] == kind.glyph and kind.label in marker["aria-label"]


def test_the_export_gives_each_kind_its_motivation(site: Path) -> None:
    collection = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    items = collection["first"]["items"] if "first" in collection else collection["items"]
    motivations = {item["motivation"] for item in items}
    assert motivations == {kind.motivation for kind in KINDS.values()}
