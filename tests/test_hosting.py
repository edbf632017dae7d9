"""The hosting configurations: tests before any deploy, strict builds from the same pinned lock."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml

from .conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def workflow() -> dict[str, Any]:
    return yaml.safe_load((PROJECT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))


def needs(job: dict[str, Any]) -> set[str]:
    wanted = job.get("needs", [])
    return {wanted} if isinstance(wanted, str) else set(wanted)


def waits_for(jobs: dict[str, Any], name: str, other: str) -> bool:
    """Whether job ``name`` runs only after job ``other`` succeeded, directly or through another job."""
    direct = needs(jobs.get(name, {}))
    return other in direct or any(waits_for(jobs, job, other) for job in direct)


def deploy_problems(flow: dict[str, Any]) -> list[str]:
    """What would let a commit be published without its tests passing, or a failure replace the site."""
    jobs = flow["jobs"]
    found = []
    test = jobs.get("test", {})
    if not any(".ci/run" in step.get("run", "").splitlines() for step in test.get("steps", [])):
        found.append("no test job runs .ci/run")
    image = test.get("container", {}).get("image", "") if isinstance(test.get("container"), dict) else ""
    if not re.fullmatch(r"(python:3\.11-(bookworm|trixie))|(debian:(bookworm|trixie))", image):
        found.append(f"the test job does not run in a Debian container with Python 3.11 ({image!r})")
    if test.get("env", {}).get("CI") != "true":
        found.append("the test job does not set CI=true, so missing checkers would be skipped, not fail")
    for name, job in jobs.items():
        if name != "test" and not waits_for(jobs, name, "test"):
            if name == "deploy" or any("upload-pages-artifact" in s.get("uses", "") for s in job.get("steps", [])):
                found.append(f"job '{name}' does not need the test job")
        for part in (job, *job.get("steps", [])):
            if part.get("continue-on-error") or re.search(r"always\(\)|failure\(\)|cancelled\(\)", str(part.get("if", ""))):
                found.append(f"job '{name}' goes on after a failure")
    if not waits_for(jobs, "deploy", "build"):
        found.append("the deploy job does not need the build job")
    return found


def test_the_github_pages_workflow_builds_strictly_from_the_lock() -> None:
    flow = workflow()
    steps = flow["jobs"]["build"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "pip install -r requirements.lock" in commands
    assert "mkdocs build --strict" in commands and "SOURCE_DATE_EPOCH" in commands
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_nothing_is_deployed_unless_the_tests_passed_on_the_same_commit() -> None:
    assert deploy_problems(workflow()) == []


@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda f: f["jobs"]["deploy"].update(needs=["build"]) or f["jobs"]["build"].pop("needs"), "job 'deploy' does not need the test job"),
    (lambda f: f["jobs"]["deploy"].update(needs=["test"]), "the deploy job does not need the build job"),
    (lambda f: f["jobs"]["build"].pop("needs"), "job 'build' does not need the test job"),
    (lambda f: f["jobs"]["deploy"].update({"if": "${{ always() }}"}), "job 'deploy' goes on after a failure"),
    (lambda f: f["jobs"]["test"]["steps"][-1].update({"continue-on-error": True}), "job 'test' goes on after a failure"),
    (lambda f: f["jobs"]["test"]["steps"][-1].update(run=".venv/bin/python -m pytest"), "no test job runs .ci/run"),
    (lambda f: f["jobs"]["test"].pop("container"), "the test job does not run in a Debian container"),
])
def test_the_deploy_check_catches_a_workflow_that_skips_the_tests(breakage: Any, expected: str) -> None:
    broken = copy.deepcopy(workflow())
    breakage(broken)
    assert any(problem.startswith(expected) for problem in deploy_problems(broken)), deploy_problems(broken)


def test_ci_runs_the_readme_test_command_then_the_browser_tests_again() -> None:
    script = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"\*\*Run the whole test suite:\*\*\n\n```sh\n(.+)\n```", README).group(1)  # type: ignore[union-attr]
    lines = [line.strip() for line in script.splitlines() if line.strip() and not line.startswith("#")]
    at = lines.index(command)
    assert any(re.fullmatch(r"\.venv/bin/python -m pytest tests/browser\b.*", line) for line in lines[at + 1:])


def test_read_the_docs_builds_strictly_from_the_lock_at_its_own_address() -> None:
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2 and config["build"]["tools"]["python"] == "3.11"
    install, build = config["build"]["commands"]
    assert install == "python -m pip install -r requirements.lock"
    assert 'SITE_URL="$READTHEDOCS_CANONICAL_URL"' in build
    assert "mkdocs build --strict" in build and '--site-dir "$READTHEDOCS_OUTPUT/html"' in build
