"""Re-record the corrections log's states for a copy of the data whose texts a test rewrote."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.corrections import current_states


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def states(glossary: Path) -> dict[str, str]:
    """Every logged item's state as the files in ``glossary`` now have it."""
    return current_states(
        _read(glossary / "claims.yaml")["claims"],
        _read(glossary / "terms.yaml")["terms"],
        {p.stem: _read(p)["notes"] for p in sorted((glossary / "annotations").glob("*.yaml"))},
        [_read(p) for p in sorted((glossary / "sources").glob("*.yaml"))],
    )


def restate(glossary: Path) -> None:
    """Give every log entry its item's present state, as if each change had been logged."""
    log_file = glossary / "corrections.yaml"
    log = _read(log_file)
    now = states(glossary)
    for entry in log["entries"]:
        entry["state"] = now.get(entry["target"], entry["state"])
    log_file.write_text(yaml.safe_dump(log, allow_unicode=True, sort_keys=False), encoding="utf-8")
