"""One table of note kinds (``macros/kinds.py``): the schema, the pages, the styles and the export follow it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.kinds import CLAIM_KIND, KINDS, LOOKS, NOTE_KINDS, STANCES
from macros.model import Corpus

from .conftest import PROJECT


def test_the_schema_allows_exactly_the_note_kinds_of_the_table() -> None:
    schema = json.loads((PROJECT / "glossary" / "schemas" / "annotations.schema.json").read_text(encoding="utf-8"))
    kind = schema["properties"]["notes"]["items"]["properties"]["kind"]
    assert kind["enum"] == list(NOTE_KINDS)


def test_the_schema_allows_exactly_the_stances_of_the_table() -> None:
    schema = json.loads((PROJECT / "glossary" / "schemas" / "claims.schema.json").read_text(encoding="utf-8"))
    appearance = schema["properties"]["claims"]["items"]["properties"]["appearances"]["items"]
    assert appearance["properties"]["stance"]["enum"] == list(STANCES)


CSS = PROJECT / "docs" / "assets" / "stylesheets" / "reader.css"
LOOKS_CSS = "assets/stylesheets/looks.css"  # written by the build from the table
# The layer switch that hides each look: a note kind's own, the claim flags' for every stance.
LAYER_OF_LOOK = {**{kind: kind for kind in NOTE_KINDS}, **{stance.look: CLAIM_KIND for stance in STANCES.values()}}


def look_rules(css: str) -> dict[str, str]:
    """Each look's rule: ``.reader-look--x { … }``, by look."""
    return dict(re.findall(r"\.md-typeset \.reader-look--([a-z]+) \{ (--reader-look: [^}]*)\}", css))


def test_the_looks_are_the_note_kinds_and_the_stances_each_hidden_by_its_layer_with_a_glyph_of_its_own() -> None:
    assert {look.id: look.layer for look in LOOKS.values()} == LAYER_OF_LOOK
    assert all(look.layer in KINDS for look in LOOKS.values())
    assert len({look.glyph for look in LOOKS.values()}) == len(LOOKS), "two looks share a glyph"
    assert len({look.colour for look in LOOKS.values()}) == len(LOOKS), "two looks share a colour"
    for look in LOOKS.values():  # each is written into the stylesheet as it is
        assert re.fullmatch(r"[^\"\\\s]+", look.glyph) and re.fullmatch(r"--[a-z-]+", look.colour), look


def test_every_looks_colour_token_has_a_value_in_both_schemes() -> None:
    light, dark = CSS.read_text(encoding="utf-8").split('[data-md-color-scheme="slate"]', 1)
    for look in LOOKS.values():
        for scheme in (light, dark):
            assert re.search(rf"{look.colour}:", scheme) and re.search(rf"{look.colour}-bg:", scheme), look.id


def test_the_built_stylesheet_draws_each_look_as_the_table_says(site: Path) -> None:
    rules = look_rules((site / LOOKS_CSS).read_text(encoding="utf-8"))
    assert rules.keys() == LOOKS.keys()
    for look in LOOKS.values():
        assert rules[look.id] == (f"--reader-look: var({look.colour}); --reader-look-bg: var({look.colour}-bg); "
                                  f'--reader-glyph: "{look.glyph}"; '), look.id
    assert look_rules(CSS.read_text(encoding="utf-8")) == {}, "a look drawn by hand in reader.css"
    for page in ("articles/002/index.html", "reading/index.html"):
        links = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select('link[rel="stylesheet"]')
        hrefs = [link["href"].split("?")[0] for link in links]
        ours = [h for h in hrefs if "assets/stylesheets/" in h and "/main." not in h and "/palette." not in h]
        assert ours[0].endswith("reader.css") and ours[1].endswith("looks.css"), (page, ours)  # colours first, then the looks


def selectors(css: str) -> list[str]:
    """Every selector of the stylesheet's rules, a selector list split at its top-level commas."""
    found = []
    for group in re.findall(r"([^{}]+)\{[^{}]*\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        depth, start = 0, 0
        for i, char in enumerate(group + ","):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == "," and depth == 0:
                found.append(" ".join(group[start:i].split()))
                start = i + 1
    return found


def test_each_layer_switch_hides_exactly_the_looks_of_its_layer(site: Path) -> None:
    every = selectors(CSS.read_text(encoding="utf-8") + (site / LOOKS_CSS).read_text(encoding="utf-8"))
    for layer in KINDS:
        chosen = [selector for selector in every if f".reader-hide-{layer} " in selector]
        for hides in ("mark.reader-hl", "a.reader-marker, details.reader-note"):  # its passages, its markers and notes
            hidden = {look for selector in chosen if hides in selector for look in re.findall(r"\.reader-look--([a-z]+)", selector)}
            assert hidden == {look for look, of in LAYER_OF_LOOK.items() if of == layer}, (layer, hides)


def test_article_pages_show_a_switch_per_kind_and_give_each_marker_and_note_a_look(site: Path, corpus: Corpus) -> None:
    html = BeautifulSoup((site / "articles" / "002" / "index.html").read_text(encoding="utf-8"), "html.parser")
    switches = [box["data-layer"] for box in html.select(".reader-toggles input[data-layer]")]
    assert switches == [*KINDS, "glossary"]
    markers = html.select("a.reader-marker")
    assert markers and len(markers) == len(html.select("details.reader-note"))
    for marker in markers:
        key = marker["id"].removeprefix("mark-")
        note = html.find(id=f"note-{key}")
        looks = [c.removeprefix("reader-look--") for c in marker["class"] if c.startswith("reader-look--")]
        assert len(looks) == 1 and looks[0] in LOOKS and f"reader-look--{looks[0]}" in note["class"], key


def test_the_export_gives_each_kind_its_motivation(site: Path) -> None:
    collection = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    items = collection["first"]["items"] if "first" in collection else collection["items"]
    motivations = {item["motivation"] for item in items}
    assert motivations == {kind.motivation for kind in KINDS.values()}
