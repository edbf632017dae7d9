"""The hosting configurations build strictly with the same pinned dependencies."""

from __future__ import annotations

import yaml

from .conftest import PROJECT


def test_the_github_pages_workflow_builds_strictly_from_the_lock() -> None:
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "pip install -r requirements.lock" in commands
    assert "mkdocs build --strict" in commands and "SOURCE_DATE_EPOCH" in commands
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_read_the_docs_builds_strictly_from_the_lock() -> None:
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["mkdocs"] == {"configuration": "mkdocs.yml", "fail_on_warning": True}
    assert config["python"]["install"] == [{"requirements": "requirements.lock"}]
    assert config["build"]["tools"]["python"] == "3.11"
