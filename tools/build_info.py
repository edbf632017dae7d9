"""What a reproducible build is stamped with: the commit and its date (``SOURCE_DATE_EPOCH``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def git(*args: str) -> str | None:
    """A git command's output in the project, or None outside a checkout."""
    try:
        result = subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip()


def source_date_epoch() -> int:
    """The build's timestamp: $SOURCE_DATE_EPOCH, else the last commit's, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    committed = git("log", "-1", "--format=%ct")
    return int(committed) if committed else 0


def commit() -> str:
    """The commit being built, or "unknown" outside a checkout."""
    return git("rev-parse", "HEAD") or "unknown"
