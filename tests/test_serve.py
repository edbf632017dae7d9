"""While a contributor's data is broken, `mkdocs serve` keeps serving the last good pages, prints the
problem, and recovers when the data is fixed."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import edit
from .log_states import restate


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The page's HTML with character references resolved, so tests can look for plain words."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return html.unescape(response.read().decode("utf-8"))


def wait_for(condition: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.5)
    raise AssertionError("timed out")


@pytest.fixture
def server(project_copy: Path, tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project_copy, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path)},  # it builds the site in a folder of its own there
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_for(lambda: "Serving on" in log.read_text())
            yield url, project_copy, log
        finally:
            process.terminate()
            process.wait(timeout=20)


def test_serve_keeps_the_last_good_pages_while_the_data_is_broken(server: tuple[str, Path, Path]) -> None:
    url, project, log = server
    page = url + "articles/001/"
    assert "is not the agency" not in fetch(page)
    notes = project / "glossary" / "annotations" / "001.yaml"
    original = notes.read_text(encoding="utf-8")
    # Break the data: an unknown reference.
    edit(notes, "refs: [", "refs: [no-such-reference, ", 1)
    wait_for(lambda: "unknown reference 'no-such-reference'" in log.read_text())
    assert "Serving the last good pages" in log.read_text()
    assert 'id="p3"' in fetch(page)  # still served, as it was
    # Fix it, with a visible change: the server recovers and shows it.
    notes.write_text(original.replace("reverses the initials", "is not the agency's initials", 1), encoding="utf-8")
    restate(project / "glossary")  # and log the change, as the corrections log requires
    wait_for(lambda: "is not the agency's initials" in fetch(page))
