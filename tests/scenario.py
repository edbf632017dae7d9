"""Scenario sites: a tiny project in a folder (its own ``mkdocs.yml``, a few pages, a little data),
built by the project's own package as it is installed, as mkdocs-macros' own tests build theirs.

Nothing of the code is copied: the configuration names the project's page hooks and theme overrides
where they are, mkdocs-macros imports the ``macros`` package from the path (``PYTHONPATH``), and the
stylesheets and script are linked into ``docs/assets`` rather than copied, so a browser sees the
site as the real one looks. The data is written here, entry by entry, so a test states every record
its site holds.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .conftest import PROJECT, mkdocs_build

REFERENCE = {"id": "example-report", "title": "An example report", "publisher": "Example Press", "date": "2024",
             "url": "https://example.org/report"}

# The hand-written pages of a scenario: each calls the macro that fills it.
PAGES = {
    "index.md": "# Home\n\n{{ articles_table() }}\n",
    "articles/index.md": "# The articles\n\n{{ articles_table() }}\n",
    "compare.md": "# Compare the sources\n\n{{ comparisons() }}\n\n## Claims by article { #matrix }\n\n{{ claim_matrix() }}\n",
    "glossary.md": "---\nhide: [toc]\n---\n\n# Glossary\n\n{{ glossary() }}\n",
    "claims.md": "---\nhide: [toc]\n---\n\n# Claims register\n\n{{ claims_register() }}\n",
    "timeline.md": "# Timeline\n\n{{ timeline() }}\n",
    "bibliography.md": "# References\n\n{{ bibliography() }}\n",
    "reading.md": "# How to read an article\n\nThe notes, flags and links beside the text.\n",
    "print.md": "# Print edition\n\n{{ print_all() }}\n",
    "methods.md": "# Methods\n\n## The verdict scale\n\n{{ verdict_scale() }}\n\n## Source reliability { #reliability }\n\nGrades.\n",
}
NAV = [
    {"Home": "index.md"},
    {"Articles": ["articles/index.md"]},
    {"How to read": "reading.md"},
    {"Compare": "compare.md"},
    {"Glossary": "glossary.md"},
    {"Claims": "claims.md"},
    {"Timeline": "timeline.md"},
    {"References": "bibliography.md"},
    {"Print edition": "print.md"},
    {"Methods": "methods.md"},
]


class _RealConfig(yaml.SafeLoader):
    """Reads the real ``mkdocs.yml``, whose ``!ENV`` values a scenario leaves unset."""


_RealConfig.add_constructor("!ENV", lambda loader, node: None)


def config() -> dict[str, Any]:
    """The scenario's ``mkdocs.yml``: the real site's theme, validation, plugins and Markdown, its hooks
    and overrides named where the project has them, and the scenario's short navigation."""
    real = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_RealConfig)  # noqa: S506 - a safe loader
    plugins = {name: options for item in real["plugins"] for name, options in (item.items() if isinstance(item, dict) else [(item, {})])}
    macros = {k: v for k, v in plugins["macros"].items() if k not in ("module_name", "on_error_fail")}
    return {
        "site_name": "A scenario",
        "strict": True,
        "use_directory_urls": True,
        "validation": real["validation"],
        "theme": {**real["theme"], "custom_dir": str(PROJECT / "overrides")},
        "extra": {"generator": False},
        "extra_css": real["extra_css"],
        "extra_javascript": real["extra_javascript"],
        "hooks": [str(PROJECT / "macros" / "page_hooks.py")],
        "plugins": [{"search": plugins["search"]}, {"macros": {**macros, "modules": ["macros"]}}],
        "markdown_extensions": real["markdown_extensions"],
        "nav": NAV,
    }


@dataclass
class Scenario:
    """A project folder being written: data added entry by entry, then built."""

    root: Path
    articles: dict[str, str] = field(default_factory=dict)  # id → capture text
    terms: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    comparisons: list[dict[str, Any]] = field(default_factory=list)

    def write(self) -> None:
        """Write the configuration, the pages and all the data."""
        docs, glossary = self.root / "docs", self.root / "glossary"
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(config(), sort_keys=False), encoding="utf-8")
        for path, text in PAGES.items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(text, encoding="utf-8")
        (docs / "assets").mkdir(exist_ok=True)
        for part in ("stylesheets", "javascripts"):
            link = docs / "assets" / part
            if not link.exists():
                link.symlink_to(PROJECT / "docs" / "assets" / part, target_is_directory=True)
        (glossary / "sources" / "captures").mkdir(parents=True, exist_ok=True)
        dump = {"allow_unicode": True, "sort_keys": False}
        shutil.copy2(PROJECT / "glossary" / "verdicts.yaml", glossary / "verdicts.yaml")  # the published scale
        (glossary / "references.yaml").write_text(yaml.safe_dump({"references": [REFERENCE]}, **dump), encoding="utf-8")
        (glossary / "terms.yaml").write_text(yaml.safe_dump({"terms": sorted(self.terms, key=lambda t: t["id"])}, **dump), encoding="utf-8")
        (glossary / "claims.yaml").write_text(yaml.safe_dump({"claims": self.claims}, **dump), encoding="utf-8")
        (glossary / "events.yaml").write_text("events: []\n", encoding="utf-8")
        (glossary / "comparisons.yaml").write_text(yaml.safe_dump({"comparisons": self.comparisons}, **dump), encoding="utf-8")
        for article_id, text in self.articles.items():
            article_files(self.root, article_id, text)

    def build(self, site: Path) -> subprocess.CompletedProcess[str]:
        """Write the project and build it."""
        self.write()
        return build(self.root, site)


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """Build a scenario's project strictly, with the project's package from the path."""
    return mkdocs_build(project, site, PYTHONPATH=str(PROJECT))


def article_files(project: Path, article_id: str, text: str, title: str | None = None) -> list[Path]:
    """The only two files a contributor writes for a new article: its capture and its record."""
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    capture = project / "glossary" / "sources" / "captures" / f"{article_id}_{digest[:16]}.txt"
    record = project / "glossary" / "sources" / f"{article_id}.yaml"
    capture.write_bytes(data)
    record.write_text(
        yaml.safe_dump({
            "id": article_id, "capture": capture.name, "sha256": digest, "title": title or text.splitlines()[0],
            "outlet": "Example Outlet", "author": "unknown", "published": "unknown", "url": "unknown",
            "provenance": "Written for this test.", "headline": "p1",
        }, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return [capture, record]


def files_of(root: Path) -> dict[str, bytes]:
    """Every file under a folder, by path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def claim(claim_id: str, statement: str, verdict: str, appearances: Iterable[tuple[str, str, str]]) -> dict[str, Any]:
    """A claim record: each appearance is (article, stance, exact words)."""
    return {"id": claim_id, "statement": statement, "verdict": verdict, "reason": "Because the evidence says so.",
            "reviewed": "2026-01-01", "evidence": [REFERENCE["id"]],
            "appearances": [{"article": a, "stance": s, "exact": e} for a, s, e in appearances]}
