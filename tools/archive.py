"""Build and verify the offline archive: one file that holds the site and proves what it holds.

    python tools/archive.py build [--out dist/reader-archive.tar.gz]
    python tools/archive.py verify dist/reader-archive.tar.gz

The archive (a gzipped tar whose entries all sit under ``reader-archive/``) holds:

- ``site/``: the offline build (``OFFLINE=true``), which opens from ``file://``, with the open-data
  exports (``annotations.jsonld``, ``claims.jsonld``, ``glossary.json``) at its root;
- ``captures/``: the five article captures, byte for byte;
- ``glossary/``: the data the site was built from (its captures are the ones above);
- ``PROVENANCE.json``: the commit, the build date and the version of every installed package;
- ``MANIFEST.sha256``: the SHA-256 of every other file, in ``sha256sum`` format.

The build is reproducible: the build date is the commit's (``SOURCE_DATE_EPOCH``), and every tar
and gzip header is fixed, so the same commit gives the same bytes in any folder at any time. The
archive is written beside its destination and renamed into place only when complete, so a failed
build never leaves a half-written archive where the last good one was.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
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

PROJECT = Path(__file__).resolve().parent.parent
TOP = "reader-archive"
MANIFEST = "MANIFEST.sha256"


class ArchiveError(Exception):
    """The archive could not be built."""


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip()


def source_date_epoch() -> int:
    """The build's timestamp: $SOURCE_DATE_EPOCH, else the last commit's, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    committed = _git("log", "-1", "--format=%ct")
    return int(committed) if committed else 0


def provenance(epoch: int) -> dict[str, object]:
    """Which commit, when, and with exactly which software the site was built."""
    return {
        "commit": _git("rev-parse", "HEAD") or "unknown",
        "uncommitted_changes": bool(_git("status", "--porcelain")),
        "source_date_epoch": epoch,
        "built": datetime.fromtimestamp(epoch, UTC).isoformat(),
        "python": platform.python_version(),
        "dependencies": dict(sorted(
            (d.metadata["Name"].lower(), d.version) for d in metadata.distributions() if d.metadata["Name"]
        )),
    }


def _build_site(into: Path, epoch: int) -> None:
    env = {**os.environ, "OFFLINE": "true", "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(into)],
        cwd=PROJECT, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise ArchiveError(f"the offline build failed:\n{result.stderr}")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stage(folder: Path, epoch: int) -> Path:
    """Lay out everything the archive holds in ``folder/reader-archive``; return that path."""
    root = folder / TOP
    _build_site(root / "site", epoch)
    shutil.copytree(PROJECT / "glossary" / "sources" / "captures", root / "captures")
    shutil.copytree(PROJECT / "glossary", root / "glossary", ignore=shutil.ignore_patterns("__pycache__", "captures"))
    (root / "PROVENANCE.json").write_text(json.dumps(provenance(epoch), indent=1) + "\n", encoding="utf-8")
    lines = [
        f"{_sha256(path)}  {path.relative_to(root).as_posix()}"
        for path in sorted(p for p in root.rglob("*") if p.is_file())
    ]
    (root / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
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


def build(out: Path) -> Path:
    """Build the archive at ``out``, atomically."""
    epoch = source_date_epoch()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reader-archive-") as scratch:
        root = stage(Path(scratch), epoch)
        partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
        try:
            _write_tar(root, partial, epoch)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    return out


def verify(archive: Path) -> list[str]:
    """Check an archive against its manifest; name every file altered, missing or added."""
    problems: list[str] = []
    with tarfile.open(archive, "r:gz") as tar:
        files = {m.name.removeprefix(f"{TOP}/"): m for m in tar.getmembers() if m.isfile()}
        manifest_member = files.pop(MANIFEST, None)
        if manifest_member is None:
            return [f"missing: {MANIFEST} (nothing to verify against)"]
        listed: dict[str, str] = {}
        for line in tar.extractfile(manifest_member).read().decode("utf-8").splitlines():  # type: ignore[union-attr]
            digest, _, name = line.partition("  ")
            listed[name] = digest
        for name, digest in sorted(listed.items()):
            member = files.get(name)
            if member is None:
                problems.append(f"missing: {name}")
            elif hashlib.sha256(tar.extractfile(member).read()).hexdigest() != digest:  # type: ignore[union-attr]
                problems.append(f"altered: {name}")
        problems += [f"added: {name}" for name in sorted(set(files) - set(listed))]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="build the offline archive")
    make.add_argument("--out", type=Path, default=PROJECT / "dist" / "reader-archive.tar.gz")
    check = commands.add_parser("verify", help="check an archive against its manifest")
    check.add_argument("archive", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            path = build(args.out)
        except ArchiveError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"wrote {path} (sha256 {_sha256(path)})")
        return 0
    problems = verify(args.archive)
    for problem in problems:
        print(problem)
    print(f"{args.archive}: " + ("does not match its manifest" if problems else "every file matches its manifest"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
