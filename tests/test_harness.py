"""The test harness itself: browser tests wait for conditions, and every run reports its skips."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from .conftest import PROJECT

BROWSER_TESTS = PROJECT / "tests" / "browser"


def fixed_waits(source: str) -> list[str]:
    """Calls that wait a fixed time, or cut a condition's wait short, in a test module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in {"sleep", "wait_for_timeout"}:
            found.append(f"line {node.lineno}: {name}()")
        found += [f"line {node.lineno}: {name}(timeout=…)" for k in node.keywords if k.arg == "timeout"]
    return found


def test_no_browser_test_waits_a_fixed_time() -> None:
    found = {path.name: fixed_waits(path.read_text(encoding="utf-8")) for path in sorted(BROWSER_TESTS.glob("*.py"))}
    assert {name: waits for name, waits in found.items() if waits} == {}


def test_the_wait_check_catches_a_sleep_and_a_short_timeout() -> None:
    source = "import time\ndef test(page):\n    time.sleep(1)\n    page.wait_for_timeout(500)\n    page.locator('x').wait_for(timeout=5000)\n"
    assert fixed_waits(source) == ["line 3: sleep()", "line 4: wait_for_timeout()", "line 5: wait_for(timeout=…)"]


SKIPPING = '''
import pytest

@pytest.mark.parametrize("n", range(3))
def test_in_a_browser(n):
    pytest.skip("Chromium (apt-get install chromium) is not installed")

def test_with_java():
    pytest.skip("the Nu Html Checker is not installed")

def test_that_runs():
    pass
'''


def run_pytest(folder: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("CI", None)
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(folder)], cwd=folder,
                            env=env, capture_output=True, text=True, check=False, timeout=120)
    return result.stdout


def test_a_run_ends_by_counting_its_skips_and_saying_what_runs_them(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_terminal_summary  # noqa: F401\n", encoding="utf-8")
    (tmp_path / "test_tools.py").write_text(SKIPPING, encoding="utf-8")
    out = run_pytest(tmp_path)
    summary = out[out.index("4 tests skipped"):]
    assert "    3  Chromium (apt-get install chromium) is not installed" in summary
    assert "    1  the Nu Html Checker is not installed" in summary
    assert "README.md, section 'Every test, locally'" in summary
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "\n### Every test, locally\n" in readme


def test_a_run_without_skips_says_nothing_of_them(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_terminal_summary  # noqa: F401\n", encoding="utf-8")
    (tmp_path / "test_fine.py").write_text("def test_fine():\n    pass\n", encoding="utf-8")
    assert "skipped" not in run_pytest(tmp_path)
