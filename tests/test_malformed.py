"""Hostile and broken files: exploding YAML, control and invisible characters, and no tracebacks.

Each test puts one defect into a copy of glossary/ and reads the message a
contributor would get: file, line, entry, field, the character's code point and
a fix.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.errors import DataError, DataProblem
from macros.load import load_corpus
from macros.yamlfile import load_yaml

from .conftest import PROJECT, edit, mkdocs_build
from .schema_fields import schema_for, text_fields
from .test_load import add_note, only, problems


@pytest.fixture
def glossary(project_copy: Path) -> Path:
    return project_copy / "glossary"


def laughs(levels: int = 9) -> str:
    """A terms file whose nine lines expand to 9**levels strings ("billion laughs")."""
    lines = ["terms:", "- id: aml", "  name: Anti-money laundering (AML)", "  kind: technical",
             "  definition: x", '  aliases: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"  related{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_yaml_anchors_and_aliases_are_refused_at_once(glossary: Path) -> None:
    (glossary / "terms.yaml").write_text(laughs(), encoding="utf-8")
    started = time.perf_counter()
    _, problem = load_yaml(glossary / "terms.yaml", "glossary/terms.yaml")
    assert time.perf_counter() - started < 0.5
    assert problem is not None and (problem.file, problem.line) == ("glossary/terms.yaml", 6)
    assert "anchor '&a0'" in problem.problem and "not allowed" in problem.problem
    assert problem.suggestion == "write the value out in full where it is needed"


def test_an_alias_is_named_with_its_line(glossary: Path) -> None:
    edit(glossary / "terms.yaml", "  definition: Controls", "  definition: *nowhere")
    problem = only(problems(glossary))
    assert problem.file == "glossary/terms.yaml" and problem.line == 8
    assert "not valid YAML" in problem.problem  # an alias with no anchor is a syntax error


CAPPED_BUILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
{payload}
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
cli()
"""


def capped_build(project: Path, payload: str = "", limit: int = 400 * 2**20) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` in a Python whose address space is capped, with a time limit too."""
    script = CAPPED_BUILD.format(limit=limit, payload=payload)
    return subprocess.run([sys.executable, "-c", script, str(project / "site")], cwd=project, capture_output=True,
                          text=True, timeout=120, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_the_alias_attack_fails_the_build_in_bounded_memory(project_copy: Path) -> None:
    (project_copy / "glossary" / "terms.yaml").write_text(laughs(), encoding="utf-8")
    result = capped_build(project_copy)
    assert result.returncode != 0 and "MemoryError" not in result.stderr and "Traceback" not in result.stderr
    assert "glossary/terms.yaml:6: uses the YAML anchor '&a0'" in result.stderr


def test_the_memory_cap_is_real(project_copy: Path) -> None:
    """The same capped Python cannot hold 600 MB: the bound above means something."""
    result = capped_build(project_copy, payload="hog = bytearray(600 * 2**20)")
    assert result.returncode != 0 and "MemoryError" in result.stderr


def test_a_raw_nul_byte_names_the_file_line_and_code_point(glossary: Path) -> None:
    edit(glossary / "terms.yaml", "  definition: Controls", "  definition: Con\x00trols")
    problem = only(problems(glossary))
    assert str(problem).startswith("glossary/terms.yaml:8: holds U+0000 (a control character) at column 18")
    assert "delete it" in (problem.suggestion or "")


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("terms.yaml", "  definition: Controls", "  definition: Con\x00trols", "glossary/terms.yaml:8: holds U+0000 (a control character)"),
    ("terms.yaml", "  definition: Controls", "  definition: Con\u202etrols",
     "glossary/terms.yaml:8, entry 'aml', field 'definition': holds U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("terms.yaml", "  definition: Controls", "  definition: &d Controls", "glossary/terms.yaml:8: uses the YAML anchor '&d'"),
    ("terms.yaml", "  kind: technical\n", "  kind: technical\n  kind: unit\n", "the field 'kind' is given twice"),
    ("comparisons.yaml", "value: 6800", "value: .nan", "nan is not a finite number"),
])
def test_a_hostile_file_fails_the_build_with_one_message_and_no_traceback(
    project_copy: Path, tmp_path: Path, file: str, old: str, new: str, message: str,
) -> None:
    edit(project_copy / "glossary" / file, old, new)
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0 and message in result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr


@pytest.mark.parametrize(("escape", "code_point"), [
    ("\\0", "U+0000 (a control character)"),
    ("\\e", "U+001B (a control character)"),
    ("\\x85", "U+0085 (a control character)"),
    ("\\r", "U+000D (a control character)"),
    ("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\\u200F", "U+200F RIGHT-TO-LEFT MARK"),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),  # the character itself, not an escape
])
def test_a_control_or_bidi_character_names_entry_field_and_code_point(glossary: Path, escape: str, code_point: str) -> None:
    edit(glossary / "terms.yaml", "  definition: Controls that banks", f'  definition: "Controls{escape} that banks')
    edit(glossary / "terms.yaml", "to evade them.\n", 'to evade them."\n')
    problem = only(problems(glossary))
    assert (problem.file, problem.line, problem.entry, problem.field) == ("glossary/terms.yaml", 8, "aml", "definition")
    assert problem.problem == f'holds {code_point} after "Controls", which the data may not contain'


def test_every_text_of_every_file_is_checked_for_bidi_controls(glossary: Path) -> None:
    """The override is put into every free-text field the schemas define, in every file."""
    poisoned = 0
    for data_file in sorted(glossary.rglob("*.yaml")):
        data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        for path in list(text_fields(data, schema_for(data_file))):
            *parents, last = path
            holder = functools.reduce(lambda node, step: node[step], parents, data)
            holder[last] = "\u202e" + holder[last]
            poisoned += 1
        data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = [p for p in problems(glossary) if "U+202E" in p.problem]
    assert poisoned > 50 and len(found) == poisoned
    unplaced = [str(p) for p in found if not (p.line and p.field)]
    assert unplaced == []
    assert sum(p.entry is not None for p in found) > 50  # the entry too, wherever the record has an id




def test_a_field_given_twice_in_one_entry(glossary: Path) -> None:
    add_note(glossary, "001", "  - id: n3\n    kind: context\n    exact: Office 39 from\n    body: One.\n    body: Two.\n")
    problem = only(problems(glossary))
    assert (problem.file, problem.line) == ("glossary/annotations/001.yaml", 7)
    assert problem.problem == "is not valid YAML, column 5: the field 'body' is given twice (first at line 6)"

@pytest.mark.parametrize("written", [".nan", ".inf", "-.Inf"])
def test_a_figure_that_is_not_a_finite_number(glossary: Path, written: str) -> None:
    text = (glossary / "comparisons.yaml").read_text(encoding="utf-8")
    line = text[:text.index("value: 6800")].count("\n") + 1
    edit(glossary / "comparisons.yaml", "value: 6800", f"value: {written}")
    problem = only(problems(glossary))
    assert problem.line == line and problem.field is not None and problem.field.endswith("value")
    assert problem.problem.endswith("is not a finite number") and problem.suggestion == "write the figure in digits"

@pytest.mark.parametrize(("exact", "hint"), [
    ("Office\u200b 39 from", 'the quote has an invisible U+200B ZERO WIDTH SPACE after "Office"'),
    ("Office\u200b39 from", 'the quote has an invisible U+200B ZERO WIDTH SPACE after "Office" where the article has U+0020 SPACE'),
    ("Of\u00adfice 39 from", 'the quote has an invisible U+00AD SOFT HYPHEN after "Of"'),
    ("Office\u00a039 from", 'the article has U+0020 SPACE after "Office" where the quote has U+00A0 NO-BREAK SPACE'),
])
def test_a_quote_with_an_invisible_character_says_which_and_where(glossary: Path, exact: str, hint: str) -> None:
    add_note(glossary, "001", f'  - id: n3\n    kind: context\n    exact: "{exact}"\n    body: A note.\n')
    problem = only(problems(glossary))
    assert (problem.entry, problem.field) == ("n3", "exact")
    assert problem.suggestion == f"p3 has these words, but {hint}"


def test_a_quote_missing_the_articles_no_break_space(glossary: Path) -> None:
    add_note(glossary, "000", '  - id: n1\n    kind: context\n    exact: "South Korea.  The intelligence unit"\n    body: A note.\n')
    problem = only(problems(glossary))
    assert problem.suggestion == (
        'p3 has these words, but the article has U+00A0 NO-BREAK SPACE after "South Korea." where the quote has U+0020 SPACE'
    )


def test_a_prefix_with_an_invisible_character(glossary: Path) -> None:
    add_note(glossary, "002", "  - id: n1\n    kind: context\n    exact: the NIS\n"
             "    prefix: \"criminal organizations,\u200b said \"\n    body: A note.\n")
    problem = only(problems(glossary))
    assert problem.suggestion == (
        'in the prefix/suffix, p13: the quote has an invisible U+200B ZERO WIDTH SPACE after "ganizations,"'
    )


@pytest.mark.parametrize(("written", "suggestion"), [
    ("Mostly True", "use an id from the scale: 'supported' (Supported), 'contested' (Contested between sources)"),
    ("Contested between sources", "did you mean 'contested'?"),
    ("Misattributed", "did you mean 'misattributed'?"),
    ("contestd", "did you mean 'contested'?"),
])
def test_a_verdict_written_as_a_label_is_not_on_the_scale(glossary: Path, written: str, suggestion: str) -> None:
    text = (glossary / "claims.yaml").read_text(encoding="utf-8")
    verdict_line = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("verdict:"))
    first = text.splitlines()[verdict_line - 1]
    edit(glossary / "claims.yaml", first, first.split(":")[0] + f": {written}")
    problem = only(problems(glossary))
    assert (problem.line, problem.field) == (verdict_line, "verdict")
    assert problem.problem == f"'{written}' is not on the verdict scale (glossary/verdicts.yaml)"
    assert (problem.suggestion or "").startswith(suggestion)


# Characters that break YAML, or data, when one slips in somewhere.
NOISE = st.sampled_from([":", "- ", "[", "]", "{", "\"", "'", "&a ", "*a", "!!python/object ", "\n", "\n  ", "\t",
                         "\x00", "\x1b", "\u202e", "\ufeff", "#", "|", ">", "%", "@", "`", "?", "0", "~", "\\"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(["references.yaml", "terms.yaml", "claims.yaml", "verdicts.yaml", "events.yaml",
                             "comparisons.yaml", "corrections.yaml", "sources/002.yaml", "annotations/001.yaml"]),
       where=st.floats(0, 1), cut=st.integers(0, 40), noise=NOISE)
def test_no_damage_to_a_file_gives_anything_but_data_problems(project_copy: Path, file: str, where: float, cut: int, noise: str) -> None:
    """Whatever is cut from or slipped into a file, loading ends in the corpus or in DataError, never a crash."""
    path = project_copy / "glossary" / file
    original = (PROJECT / "glossary" / file).read_text(encoding="utf-8")
    at = int(where * len(original))
    path.write_text(original[:at] + noise + original[at + cut:], encoding="utf-8")
    try:
        load_corpus(project_copy / "glossary")
    except DataError as error:
        assert error.problems and all(isinstance(p, DataProblem) and p.file for p in error.problems)
    finally:
        path.write_text(original, encoding="utf-8")

