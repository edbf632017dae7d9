"""The offline archive: complete, verifiable, reproducible, and never half-written."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from .conftest import PROJECT

TOOL = PROJECT / "tools" / "archive.py"


def run(*args: str, cwd: Path = PROJECT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(cwd / "tools" / "archive.py"), *args],
        cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **env},
    )


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "reader.tar.gz"
    result = run("build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def rewrite(archive: Path, out: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> Path:
    """A copy of the archive with some files changed (None removes one) or added."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(out, "w:gz") as target:
        for member in source.getmembers():
            name = member.name.removeprefix("reader-archive/")
            data = source.extractfile(member).read() if member.isfile() else None  # type: ignore[union-attr]
            if name in change:
                data = change[name]
                if data is None:
                    continue
                member.size = len(data)
            target.addfile(member, io.BytesIO(data) if data is not None else None)
        for name, data in (add or {}).items():
            info = tarfile.TarInfo(f"reader-archive/{name}")
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    return out


def test_the_archive_holds_the_offline_site_exports_captures_manifest_and_provenance(archive: Path) -> None:
    with tarfile.open(archive, "r:gz") as tar:
        names = set(tar.getnames())
        provenance = tar.extractfile("reader-archive/PROVENANCE.json").read().decode()  # type: ignore[union-attr]
    for needed in ("site/index.html", "site/articles/002.html", "site/search/search_index.js",
                   "site/annotations.jsonld", "site/claims.jsonld", "site/glossary.json",
                   "captures/002_7777c8118384ee84.txt", "glossary/claims.yaml", "PROVENANCE.json", "MANIFEST.sha256"):
        assert f"reader-archive/{needed}" in names, needed
    assert '"mkdocs": "1.6.1"' in provenance and '"commit"' in provenance and '"built"' in provenance


def test_a_good_archive_verifies(archive: Path) -> None:
    result = run("verify", str(archive))
    assert result.returncode == 0, result.stdout
    assert "every file matches its manifest" in result.stdout


def test_verify_names_a_file_altered_missing_or_added(archive: Path, tmp_path: Path) -> None:
    broken = rewrite(
        archive, tmp_path / "broken.tar.gz",
        change={"site/glossary.json": b"{}", "captures/004_d8e54b2875811338.txt": None},
        add={"site/extra.html": b"<p>not in the manifest</p>"},
    )
    result = run("verify", str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        "missing: captures/004_d8e54b2875811338.txt",
        "altered: site/glossary.json",
        "added: site/extra.html",
    ]


def test_the_same_commit_gives_the_same_bytes_in_other_folders(tmp_path: Path) -> None:
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    digests = []
    for name in ("first", "second"):
        clone = tmp_path / name / "reader"
        subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(clone)], check=True)
        out = tmp_path / f"{name}.tar.gz"
        result = run("build", "--out", str(out), cwd=clone)
        assert result.returncode == 0, result.stderr
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_a_failed_build_leaves_the_last_good_archive_in_place(archive: Path, project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "tools").mkdir()
    (project_copy / "tools" / "archive.py").write_bytes(TOOL.read_bytes())
    (tmp_path / "dist").mkdir()
    out = tmp_path / "dist" / "reader.tar.gz"
    out.write_bytes(archive.read_bytes())
    (project_copy / "docs" / "index.md").write_text("{{ no_such_macro() }}\n", encoding="utf-8")
    result = run("build", "--out", str(out), cwd=project_copy)
    assert result.returncode == 1 and "the offline build failed" in result.stderr
    assert out.read_bytes() == archive.read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["reader.tar.gz"]
