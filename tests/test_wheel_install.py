"""The wheel alone makes a working collection: built from the package's files, installed into a fresh virtual
environment outside the repository, `resolutions new` and `mkdocs build --strict` work there.

Nothing of the repository is on that environment's path: the layouts, their assets and the starter must all
come out of the wheel. Slow (a wheel build and an installation from the package index, about a minute):
marked ``slow``; deselect it with ``-m "not slow"``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_RESOLUTIONS = ROOT / "tests" / "fixtures" / "sites" / "basic" / "docs" / "resolutions"
PACKAGE_FILES = ("pyproject.toml", "README.md", "plugins")
"""What a wheel is built from (a copy, so the build leaves no build/ or egg-info behind in the repository)."""

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result


def test_the_wheel_makes_a_collection_that_builds_strictly(tmp_path):
    # Without the developers' environment: nothing of theirs on the path.
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", "NO_MKDOCS_2_WARNING", "PYTHONHOME"}}
    source = tmp_path / "source"
    source.mkdir()
    for name in PACKAGE_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(ROOT / name, source / name)
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source, cwd=tmp_path, env=env)
    [wheel] = dist.glob("mkdocs_resolutions-*.whl")

    environment = tmp_path / "env"
    # No pip of its own: this run's pip installs into it (--python), the wheel and its dependencies from the
    # package index as a user's pip would, without compiling every dependency's modules ahead of use.
    venv.EnvBuilder(with_pip=False).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    _run(sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "-q", "--no-compile", wheel,
         cwd=tmp_path, env=env)
    where = _run(bin_dir / "python", "-c", "import resolutions; print(resolutions.__file__)", cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(environment)

    _run(bin_dir / "resolutions", "new", "my-collection", cwd=tmp_path, env=env)
    collection = tmp_path / "my-collection"
    shutil.copytree(FIXTURE_RESOLUTIONS, collection / "content" / "resolutions", dirs_exist_ok=True)
    # The workflow installs the same wheel, copied into the collection.
    assert (collection / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"./wheels/{wheel.name}"
    assert (collection / "wheels" / wheel.name).read_bytes() == wheel.read_bytes()

    # As the README says to: Material's end-of-life notice switched off its documented way.
    build = _run(bin_dir / "mkdocs", "build", "--strict", cwd=collection, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    site = collection / "site"
    for page in ("A/RES/51/148", "A/RES/60/10", "A/RES/60/20", "S/RES/1600(2005)", "resolutions", "timeline"):
        assert (site / page / "index.html").is_file(), page
    assert (site / "assets" / "resolutions.css").is_file() and (site / "resolutions.json").is_file()
    assert "unofficial" in (site / "A" / "RES" / "60" / "10" / "index.html").read_text(encoding="utf-8").lower()
    # Only MkDocs' own progress lines: no warning, no notice above them.
    log = (build.stdout + build.stderr).strip().splitlines()
    assert log and all(line.startswith("INFO    -  ") for line in log), log
