"""Make a PDF of the print edition with headless Chromium.

    python tools/print_pdf.py [--out dist/reader.pdf]

Builds the site into a temporary folder and prints its ``print`` page, A4, with Chromium (Debian's
``/usr/bin/chromium``, driven by Playwright). Check the result by rendering pages to PNG, e.g.
``pdftoppm -png -r 50 dist/reader.pdf dist/page``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def make_pdf(out: Path) -> Path:
    """Build the offline site and print its print edition to ``out``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="reader-print-") as scratch:
        site = Path(scratch) / "site"
        env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=PROJECT, env=env, capture_output=True, text=True, check=False,
        )
        if build.returncode != 0:
            raise SystemExit(f"the build failed:\n{build.stderr}")
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto((site / "print.html").as_uri())
            page.emulate_media(media="print", color_scheme="light")
            page.pdf(path=str(partial), format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
            browser.close()
        os.replace(partial, out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "dist" / "reader.pdf")
    path = make_pdf(parser.parse_args().out)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
