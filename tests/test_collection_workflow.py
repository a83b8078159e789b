"""The workflow `resolutions new` gives a collection: it lints clean, installs the package, keeps the parse cache,
builds strictly and deploys only from main."""

from __future__ import annotations

import subprocess

import yaml

from resolutions.mkdocs_adapter.plugin import ResolutionsPlugin
from test_workflow import _actionlint
from test_new_collection import STARTER

WORKFLOW = STARTER / "publish.yml"
MAIN_ONLY = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # PyYAML reads the bare key `on` as True (YAML 1.1)
    return data


def _build_steps() -> list[dict]:
    return _workflow()["jobs"]["build"]["steps"]


def test_collection_workflow_passes_actionlint(tmp_path):
    # Linted where a collection keeps it, so actionlint reads it as a workflow of that repository.
    target = tmp_path / ".github" / "workflows" / "publish.yml"
    target.parent.mkdir(parents=True)
    target.write_bytes(WORKFLOW.read_bytes())
    result = subprocess.run([_actionlint(), "-no-color", str(target)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_installs_the_package_then_restores_the_cache_then_builds_strictly():
    runs = [step["run"] for step in _build_steps() if "run" in step]
    assert runs == ["python -m pip install -r requirements.txt", "mkdocs build --strict"]
    uses = [step["uses"].split("@")[0] for step in _build_steps() if "uses" in step]
    assert uses.index("actions/setup-python") < uses.index("actions/cache")
    [cache] = [step for step in _build_steps() if step.get("uses", "").startswith("actions/cache@")]
    plugin = ResolutionsPlugin()
    assert plugin.load_config({}) == ([], [])
    assert cache["with"]["path"] == plugin.config.cache_dir  # where the plugin keeps its parse cache by default
    assert cache["with"]["restore-keys"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    # Material's end-of-life notice does not stand above the build's own messages.
    assert _workflow()["jobs"]["build"]["env"]["NO_MKDOCS_2_WARNING"] == "1"


def test_runs_on_pull_requests_and_deploys_only_from_main():
    workflow = _workflow()
    assert workflow["on"]["push"]["branches"] == ["main"] and "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert (deploy["if"], deploy["needs"]) == (MAIN_ONLY, "build")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    pages_steps = [step for step in _build_steps() if "pages" in step.get("uses", "")]
    assert {step["uses"].split("@")[0] for step in pages_steps} == {
        "actions/configure-pages", "actions/upload-pages-artifact"}
    assert all(step["if"] == MAIN_ONLY for step in pages_steps)
