"""Data files parsed and checked once, not in every build: a cache keyed by content.

Every ``mkdocs build`` is a new process, which would parse and validate every file of ``glossary/``
again: at a thousand articles, two thousand files and a tenth of the build. What a file held and the
problems found in it are kept in ``.cache/data/`` at the root of the repository (git ignores it and
``mkdocs serve`` does not watch it), one entry per file, named after a digest of the file's bytes, the
schema it was checked against, the name messages give it, and the code and schemas that read and
check it. An edited file, schema or checker therefore misses and is read again; an entry that cannot
be read, written or unpickled is taken as missing and only makes the build slower. Deleting the
folder is always safe.

The entries are pickles, which only this code writes, in the checkout's own folder: loading one is
as trusted as importing the checkout's modules.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
FOLDER = PACKAGE.parent / ".cache" / "data"
# What decides what a file holds and what is wrong with it: the checker's code and the schemas.
CHECKERS = ("load.py", "yamlfile.py", "schema.py", "characters.py", "errors.py", "model.py")
LIBRARIES = ("PyYAML", "jsonschema", "jsonschema-rs")
# What else decides the corpus built from the files, which ``load.load_corpus`` keeps whole.
BUILDERS = ("anchor.py", "text.py", "corrections.py")


@cache
def _version() -> str:
    """A digest of the code, schemas and libraries that read and check the data."""
    digest = hashlib.sha256(repr((sys.version, [metadata.version(name) for name in LIBRARIES])).encode())
    for path in [*(PACKAGE / name for name in CHECKERS), *sorted((PACKAGE.parent / "glossary" / "schemas").glob("*.json"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _entry(folder: Path, content: str, schema: str, shown_as: str) -> Path:
    name = hashlib.sha256("\0".join((_version(), schema, shown_as, content)).encode()).hexdigest()
    return folder / f"{name}.pickle"


def kept(content: str, schema: str, shown_as: str) -> Any:
    """What was kept for a file whose bytes have the digest ``content``, or None."""
    try:
        return pickle.loads(_entry(FOLDER, content, schema, shown_as).read_bytes())  # noqa: S301 - written by keep()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None


def keep(value: Any, content: str, schema: str, shown_as: str) -> None:
    """Keep ``value`` for the file whose bytes have the digest ``content``."""
    path = _entry(FOLDER, content, schema, shown_as)
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        partial.replace(path)  # whole or not at all, for a build running beside this one
    except OSError:
        pass
