"""The archive: a BagIt bag in one reproducible file, valid for the Library of Congress's bagit,
checked by our own verify, never half-written; and the captures served with the site."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import bagit
import pytest

from macros.model import Corpus

from .conftest import PROJECT

TOOLS = ("archive.py", "print_pdf.py", "build_info.py")
BAGIT_CLI = Path(sys.executable).parent / "bagit.py"


def run(*args: str, cwd: Path = PROJECT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(cwd / "tools" / "archive.py"), *args],
        cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **env},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The archive and the PDF, as one build command writes them."""
    out = tmp_path_factory.mktemp("archive")
    result = run("build", "--out", str(out / "reader.tar.gz"), "--pdf", str(out / "reader.pdf"))
    assert result.returncode == 0, result.stderr
    return out / "reader.tar.gz", out / "reader.pdf"


@pytest.fixture(scope="module")
def archive(built: tuple[Path, Path]) -> Path:
    return built[0]


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


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(into, filter="data")
    return into / "reader-archive"


def read(archive: Path, name: str) -> bytes:
    with tarfile.open(archive, "r:gz") as tar:
        return tar.extractfile(f"reader-archive/{name}").read()  # type: ignore[union-attr]


def test_the_bag_holds_the_offline_site_exports_captures_data_pdf_and_provenance(archive: Path) -> None:
    with tarfile.open(archive, "r:gz") as tar:
        names = {n.removeprefix("reader-archive/") for n in tar.getnames()}
    for needed in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                   "data/site/index.html", "data/site/articles/002.html", "data/site/search/search_index.js",
                   "data/site/annotations.jsonld", "data/site/claims.jsonld", "data/site/glossary.json",
                   "data/site/captures/002_7777c8118384ee84.txt", "data/captures/002_7777c8118384ee84.txt",
                   "data/glossary/claims.yaml", "data/reader.pdf", "data/PROVENANCE.json"):
        assert needed in names, needed
    assert not any(n.startswith(("manifest-sha512", "tagmanifest-sha512", "manifest-md5")) for n in names)
    provenance = read(archive, "data/PROVENANCE.json").decode()
    assert '"mkdocs": "1.6.1"' in provenance and '"commit"' in provenance and '"built"' in provenance


def test_bag_info_names_the_source_the_commit_and_the_commit_date(archive: Path) -> None:
    info = dict(line.split(": ", 1) for line in read(archive, "bag-info.txt").decode().splitlines())
    assert info["Source-Organization"] == "The annotated reader"
    assert "North Korea" in info["External-Description"]
    built_from = json.loads(read(archive, "data/PROVENANCE.json"))["commit"]
    assert re.fullmatch(r"[0-9a-f]{40}", built_from) and info["External-Identifier"] == f"git commit {built_from}"
    day = subprocess.run(["git", "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", built_from], cwd=PROJECT,
                         capture_output=True, text=True, env={**os.environ, "TZ": "UTC"}).stdout.strip()
    assert info["Bagging-Date"] == day
    assert info["Payload-Oxum"] and info["Bag-Software-Agent"].startswith("bagit.py")


def test_the_unpacked_bag_is_valid_for_bagit_and_the_pdf_is_the_one_in_dist(built: tuple[Path, Path], tmp_path: Path) -> None:
    archive, pdf = built
    bag = bagit.Bag(str(unpack(archive, tmp_path)))
    bag.validate()
    assert set(bag.algorithms) == {"sha256"}
    result = subprocess.run([str(BAGIT_CLI), "--validate", bag.path], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (Path(bag.path) / "data" / "reader.pdf").read_bytes() == pdf.read_bytes()


def test_a_good_archive_verifies(archive: Path) -> None:
    result = run("verify", str(archive))
    assert result.returncode == 0, result.stdout
    assert "every file matches its manifests" in result.stdout


@pytest.mark.parametrize("name", ["data/site/glossary.json", "bag-info.txt"])
def test_one_changed_byte_fails_verify_and_bagit(archive: Path, tmp_path: Path, name: str) -> None:
    original = read(archive, name)
    flipped = original[:10] + bytes([original[10] ^ 1]) + original[11:]  # same size: only a digest can tell
    broken = rewrite(archive, tmp_path / "broken.tar.gz", change={name: flipped})
    result = run("verify", str(broken))
    assert result.returncode == 1 and result.stdout.splitlines()[0] == f"altered: {name}"
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(unpack(broken, tmp_path / "unpacked"))).validate()
    cli = subprocess.run([str(BAGIT_CLI), "--validate", str(tmp_path / "unpacked" / "reader-archive")],
                         capture_output=True, text=True, check=False)
    assert cli.returncode != 0


def test_verify_names_a_file_altered_missing_or_added(archive: Path, tmp_path: Path) -> None:
    broken = rewrite(
        archive, tmp_path / "broken.tar.gz",
        change={"data/site/glossary.json": b"{}", "data/captures/004_d8e54b2875811338.txt": None},
        add={"data/site/extra.html": b"<p>not in the manifest</p>", "extra-tag.txt": b"unlisted"},
    )
    result = run("verify", str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:4] == [
        "missing: data/captures/004_d8e54b2875811338.txt",
        "altered: data/site/glossary.json",
        "added: data/site/extra.html",
        "added: extra-tag.txt",
    ]


def test_the_same_commit_gives_the_same_bytes_in_other_folders(tmp_path: Path) -> None:
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout.strip()
    digests = []
    for name in ("first", "second"):
        clone = tmp_path / name / "reader"
        subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(clone)], check=True)
        subprocess.run(["git", "checkout", "--quiet", head], cwd=clone, check=True)
        result = run("build", cwd=clone)
        assert result.returncode == 0, result.stderr
        digests.append([hashlib.sha256((clone / "dist" / f).read_bytes()).hexdigest()
                        for f in ("reader-archive.tar.gz", "reader.pdf")])
    assert digests[0] == digests[1]


def test_a_failed_build_leaves_the_last_good_files_in_place(built: tuple[Path, Path], project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "tools").mkdir()
    for tool in TOOLS:
        (project_copy / "tools" / tool).write_bytes((PROJECT / "tools" / tool).read_bytes())
    (tmp_path / "dist").mkdir()
    out, pdf = tmp_path / "dist" / "reader.tar.gz", tmp_path / "dist" / "reader.pdf"
    out.write_bytes(built[0].read_bytes())
    pdf.write_bytes(built[1].read_bytes())
    (project_copy / "docs" / "index.md").write_text("{{ no_such_macro() }}\n", encoding="utf-8")
    result = run("build", "--out", str(out), "--pdf", str(pdf), cwd=project_copy)
    assert result.returncode == 1 and "the offline build failed" in result.stderr
    assert out.read_bytes() == built[0].read_bytes() and pdf.read_bytes() == built[1].read_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["reader.pdf", "reader.tar.gz"]


def test_the_site_serves_each_capture_byte_for_byte_under_its_own_name(site: Path, corpus: Corpus) -> None:
    for article in corpus.articles.values():
        served = site / "captures" / article.capture
        assert served.read_bytes() == (PROJECT / "glossary" / "sources" / "captures" / article.capture).read_bytes()
        assert hashlib.sha256(served.read_bytes()).hexdigest() == article.sha256
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "captures/" not in index
