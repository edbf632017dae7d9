"""Build and verify the archive: a BagIt bag (RFC 8493) in one reproducible file, and the PDF.

    python tools/archive.py build [--out dist/reader-archive.tar.gz] [--pdf dist/reader.pdf]
    python tools/archive.py verify dist/reader-archive.tar.gz

The archive is a gzipped tar holding one bag, ``reader-archive/``, made with the Library of
Congress's ``bagit`` library (SHA-256 manifests only). Its payload, under ``data/``:

- ``site/``: the offline build (``OFFLINE=true``), which opens from ``file://``, with the open-data
  exports (``annotations.jsonld``, ``claims.jsonld``, ``glossary.json``) and the captures
  (``captures/``) at its root;
- ``captures/``: the five article captures, byte for byte;
- ``glossary/``: the data the site was built from (its captures are the ones above);
- ``reader.pdf``: the print edition, PDF/A-3b (``tools/print_pdf.py``), also written to ``--pdf``;
- ``PROVENANCE.json``: the commit, the build date and the version of every installed package.

``bag-info.txt`` names the source organisation, describes the bag, gives the commit as the
external identifier and dates the bag from ``SOURCE_DATE_EPOCH`` (the last commit's time). Every
tar and gzip header is fixed too, so the same commit gives the same bytes in any folder at any
time. Both files are written beside their destination and renamed into place only when
complete, so a failed build never leaves a half-written file where the last good one was.

``verify`` reads the archive as it is, without unpacking it, checks every file against the bag's
manifests and names each one altered, missing or added; ``bagit.py --validate`` on the unpacked
bag is the independent check.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import bagit

import print_pdf
from build_info import PROJECT, commit, git, source_date_epoch

TOP = "reader-archive"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
ORGANISATION = "The annotated reader"
DESCRIPTION = (
    "Five news articles on North Korea's cyber operations, each as it was captured, with the"
    " project's notes, glossary and reviewed claims: the offline website with its open-data"
    " exports, the captures, the data it is built from, the print edition as PDF/A-3b and the"
    " build's provenance."
)


class ArchiveError(Exception):
    """The archive could not be built."""


def provenance(epoch: int) -> dict[str, object]:
    """Which commit, when, and with exactly which software the site was built."""
    return {
        "commit": commit(),
        "uncommitted_changes": bool(git("status", "--porcelain")),
        "source_date_epoch": epoch,
        "built": datetime.fromtimestamp(epoch, UTC).isoformat(),
        "python": platform.python_version(),
        "dependencies": dict(sorted(
            (d.metadata["Name"].lower(), d.version) for d in metadata.distributions() if d.metadata["Name"]
        )),
    }


def bag_info(epoch: int) -> dict[str, str]:
    """The bag's metadata (``bag-info.txt``), all of it fixed by the commit."""
    return {
        "Source-Organization": ORGANISATION,
        "External-Description": DESCRIPTION,
        "External-Identifier": f"git commit {commit()}",
        "Bagging-Date": datetime.fromtimestamp(epoch, UTC).date().isoformat(),
    }


def _build_site(into: Path, epoch: int) -> None:
    env = {**os.environ, "OFFLINE": "true", "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(into)],
        cwd=PROJECT, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise ArchiveError(f"the offline build failed:\n{result.stderr}")


def stage(folder: Path, epoch: int) -> Path:
    """Lay out and bag everything the archive holds in ``folder/reader-archive``; return that path."""
    root = folder / TOP
    _build_site(root / "site", epoch)
    shutil.copytree(PROJECT / "glossary" / "sources" / "captures", root / "captures")
    shutil.copytree(PROJECT / "glossary", root / "glossary", ignore=shutil.ignore_patterns("__pycache__", "captures"))
    print_pdf.render(print_pdf.edition(epoch, commit()), root / "reader.pdf")
    (root / "PROVENANCE.json").write_text(json.dumps(provenance(epoch), indent=1) + "\n", encoding="utf-8")
    logging.getLogger("bagit").setLevel(logging.WARNING)
    bagit.make_bag(str(root), bag_info(epoch), checksums=["sha256"])
    # The library lists tag files in the order the file system gives them; sorted, the bytes
    # depend only on the files. The lines themselves are unchanged, so the bag stays valid.
    tagmanifest = root / TAGMANIFEST
    tagmanifest.write_text("".join(sorted(tagmanifest.read_text(encoding="utf-8").splitlines(keepends=True))), encoding="utf-8")
    return root


def _write_tar(root: Path, out: Path, epoch: int) -> None:
    """A tar.gz whose bytes depend only on the files: sorted entries, fixed owners, times, modes."""
    with out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch) as zipped:
        with tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in [root, *sorted(root.rglob("*"))]:
                info = tar.gettarinfo(str(path), arcname=(Path(TOP) / path.relative_to(root)).as_posix())
                info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
                info.mode = 0o755 if path.is_dir() else 0o644
                if path.is_file():
                    with path.open("rb") as data:
                        tar.addfile(info, data)
                else:
                    tar.addfile(info)


def _replace_atomically(source: Path, out: Path) -> None:
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def build(out: Path, pdf: Path) -> tuple[Path, Path]:
    """Build the archive at ``out`` and the print edition at ``pdf``, each atomically."""
    epoch = source_date_epoch()
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reader-archive-") as scratch:
        root = stage(Path(scratch), epoch)
        archive = Path(scratch) / "archive.tar.gz"
        _write_tar(root, archive, epoch)
        _replace_atomically(archive, out)
        _replace_atomically(root / "data" / "reader.pdf", pdf)
    return out, pdf


def _manifest(text: str) -> dict[str, str]:
    """A BagIt manifest as {path: digest}; paths are percent-encoded only for CR, LF and %."""
    listed = {}
    for line in text.splitlines():
        digest, _, name = line.partition(" ")
        listed[name.lstrip(" ").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")] = digest
    return listed


def verify(archive: Path) -> list[str]:
    """Check an archive against its bag's manifests; name every file altered, missing or added."""
    problems: list[str] = []
    with tarfile.open(archive, "r:gz") as tar:
        files = {m.name.removeprefix(f"{TOP}/"): m for m in tar.getmembers() if m.isfile()}

        def read(name: str) -> bytes:
            return tar.extractfile(files[name]).read()  # type: ignore[union-attr]

        if MANIFEST not in files or TAGMANIFEST not in files:
            return [f"missing: {name} (nothing to verify against)" for name in (MANIFEST, TAGMANIFEST) if name not in files]
        listed = {**_manifest(read(MANIFEST).decode("utf-8")), **_manifest(read(TAGMANIFEST).decode("utf-8"))}
        for name, digest in sorted(listed.items()):
            if name not in files:
                problems.append(f"missing: {name}")
            elif hashlib.sha256(read(name)).hexdigest() != digest:
                problems.append(f"altered: {name}")
        problems += [f"added: {name}" for name in sorted(set(files) - set(listed) - {TAGMANIFEST})]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="build the bag and the print edition")
    make.add_argument("--out", type=Path, default=PROJECT / "dist" / "reader-archive.tar.gz")
    make.add_argument("--pdf", type=Path, default=PROJECT / "dist" / "reader.pdf")
    check = commands.add_parser("verify", help="check an archive against its bag's manifests")
    check.add_argument("archive", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            paths = build(args.out, args.pdf)
        except ArchiveError as error:
            print(error, file=sys.stderr)
            return 1
        for path in paths:
            print(f"wrote {path} (sha256 {hashlib.sha256(path.read_bytes()).hexdigest()})")
        return 0
    problems = verify(args.archive)
    for problem in problems:
        print(problem)
    print(f"{args.archive}: " + ("does not match its manifests" if problems else "every file matches its manifests"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
