"""Lighthouse scores of an article page, desktop and mobile, on the site served on 127.0.0.1.

    python benchmarks/lighthouse.py [--page articles/002/]

Lighthouse 12 (Node 20 cannot run 13) is installed from benchmarks/node/package-lock.json on first use.

Builds the site, serves it on a free loopback port the way a static host would (gzip, long cache
lifetimes for assets; Python's plain file server does neither), runs Lighthouse 12 (npm, with
Debian's Chromium) for the desktop and mobile presets, and prints the four category scores.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "benchmarks" / "node" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Host(SimpleHTTPRequestHandler):
    """Serves like a static host would: text compressed with gzip, assets cacheable for a year."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in self.COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


def scores(url: str, preset: str, report: Path) -> dict[str, int]:
    """Run Lighthouse once; the category scores out of 100."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    subprocess.run(command, check=True, env=env, timeout=300)
    result = json.loads(report.read_text(encoding="utf-8"))
    return {name: round((result["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def measure(page: str) -> list[str]:
    """Build, serve and audit ``page``; one line of scores per preset."""
    if not LIGHTHOUSE.exists():  # install it as locked, once
        subprocess.run(["npm", "ci", "--prefix", str(LIGHTHOUSE.parents[2]), "--ignore-scripts", "--no-audit",
                        "--no-fund", "--loglevel=error"], check=True)
    lines = []
    with tempfile.TemporaryDirectory(prefix="reader-lighthouse-") as scratch:
        site = Path(scratch) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                       cwd=PROJECT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
            for preset in ("desktop", "mobile"):
                found = scores(url, preset, Path(scratch) / f"{preset}.json")
                lines.append(f"Lighthouse {preset:7} {page}:" + "".join(f"  {name} {value}" for name, value in found.items()))
        finally:
            server.shutdown()
            server.server_close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="articles/002/")
    print("\n".join(measure(parser.parse_args().page)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
