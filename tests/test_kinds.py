"""One table of note kinds (``macros/kinds.py``): the schema, the pages, the styles and the export follow it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.kinds import KINDS, LOOKS, NOTE_KINDS, STANCES

from .conftest import PROJECT


def test_the_schema_allows_exactly_the_note_kinds_of_the_table() -> None:
    schema = json.loads((PROJECT / "glossary" / "schemas" / "annotations.schema.json").read_text(encoding="utf-8"))
    kind = schema["properties"]["notes"]["items"]["properties"]["kind"]
    assert kind["enum"] == list(NOTE_KINDS)


def test_the_schema_allows_exactly_the_stances_of_the_table() -> None:
    schema = json.loads((PROJECT / "glossary" / "schemas" / "claims.schema.json").read_text(encoding="utf-8"))
    appearance = schema["properties"]["claims"]["items"]["properties"]["appearances"]["items"]
    assert appearance["properties"]["stance"]["enum"] == list(STANCES)


def test_every_look_has_its_colours_in_both_schemes_and_its_class() -> None:
    css = (PROJECT / "docs" / "assets" / "stylesheets" / "reader.css").read_text(encoding="utf-8")
    light, dark = css.split('[data-md-color-scheme="slate"]', 1)
    for look in LOOKS:
        for scheme in (light, dark):
            assert re.search(rf"--reader-{look}:", scheme) and re.search(rf"--reader-{look}-bg:", scheme), look
        assert re.search(rf"\.reader-look--{look} {{ --reader-look: var\(--reader-{look}\);", css), look


def test_article_pages_show_a_switch_glyph_and_label_per_kind(site: Path) -> None:
    html = BeautifulSoup((site / "articles" / "002" / "index.html").read_text(encoding="utf-8"), "html.parser")
    switches = [box["data-layer"] for box in html.select(".reader-toggles input[data-layer]")]
    assert switches == [*KINDS, "glossary"]
    glyphs = {**{k.id: k.glyph for k in KINDS.values()}, **{s.look: s.glyph for s in STANCES.values()}}
    for marker in html.select("a.reader-marker"):
        look = next(c.removeprefix("reader-look--") for c in marker["class"] if c.startswith("reader-look--"))
        assert marker["data-glyph"] == glyphs[look], marker["id"]


def test_the_export_gives_each_kind_its_motivation(site: Path) -> None:
    collection = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    items = collection["first"]["items"] if "first" in collection else collection["items"]
    motivations = {item["motivation"] for item in items}
    assert motivations == {kind.motivation for kind in KINDS.values()}
