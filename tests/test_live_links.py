"""Opt-in: every external address still answers. Off by default and never in CI (no network there).

    READER_LIVE_LINKS=1 .venv/bin/python -m pytest tests/test_live_links.py
"""

from __future__ import annotations

import os

import pytest
import requests

from macros.model import Corpus

pytestmark = pytest.mark.skipif(
    os.environ.get("READER_LIVE_LINKS") != "1" or bool(os.environ.get("CI")),
    reason="live check of external links: set READER_LIVE_LINKS=1 (never in CI)",
)


def test_every_external_address_answers(corpus: Corpus) -> None:
    addresses = {a.url for a in corpus.articles.values() if a.url != "unknown"}
    for ref in corpus.references.values():
        addresses |= {ref.url, *([ref.archive_url] if ref.archive_url else [])}
    dead = []
    for address in sorted(addresses):
        try:
            status = requests.get(address, timeout=20, allow_redirects=True, headers={"User-Agent": "annotated-reader link check"}).status_code
        except requests.RequestException as error:
            dead.append(f"{address}: {type(error).__name__}")
            continue
        if status >= 400:
            dead.append(f"{address}: HTTP {status}")
    assert dead == []
