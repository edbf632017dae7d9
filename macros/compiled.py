"""The reader's templates compiled once, not in every build: Jinja's bytecode cache.

Every ``mkdocs build`` is a new process, which would compile the templates in ``macros/templates/``
again: a tenth of a build of the real site. Jinja's file-system bytecode cache keeps the compiled
templates in ``.cache/jinja/`` at the root of the repository, which git ignores and ``mkdocs serve``
does not watch (a write there would start another rebuild). Each entry is named after the template's
path and checked against a digest of its source, so an edited template is compiled again; Jinja does
not check the options an environment compiles with, so the names here carry a digest of those too. A
cache that cannot be made, read or written only makes the build slower.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache, with an entry that cannot be read or written taken as missing."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, pickle.UnpicklingError):  # Jinja takes a cut code part as missing, not a cut header
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


FOLDER = Path(__file__).resolve().parent.parent / ".cache" / "jinja"


def bytecode_cache(options: dict[str, Any], folder: Path = FOLDER) -> jinja2.BytecodeCache | None:
    """The cache for an environment that compiles with ``options``."""
    digest = hashlib.sha256(repr((sorted(options.items()), metadata.version("Jinja2"), sys.version)).encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Cache(str(folder), pattern=f"{digest}-%s.jinja")
