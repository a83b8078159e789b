#!/usr/bin/env python3
"""Set up the project in ./.venv and run one task: build, serve or test.

Usage (needs only Python 3.11+):
    python3 dev.py serve     # preview the site from content/ at http://127.0.0.1:8000
    python3 dev.py build     # build the site into site/ (strict)
    python3 dev.py test      # run the test suite
Extra arguments are passed on to mkdocs or pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def _requirements_fingerprint() -> str:
    # Reinstall only when the project's declared dependencies change.
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit("mkdocs-resolutions needs Python 3.11 or newer")
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = _requirements_fingerprint()
    if not STAMP.exists() or STAMP.read_text() != fingerprint:
        print("Installing the project and its test dependencies into .venv ...", flush=True)
        subprocess.run([str(BIN / "python"), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(BIN / "python"), "-m", "pip", "install", "-q", "-e", ".[test]"], cwd=ROOT, check=True)
        STAMP.write_text(fingerprint)


def ensure_browser_tools() -> None:
    """Install axe-core for the accessibility checks when npm is available (browser tests skip otherwise)."""
    browser_dir = ROOT / "tests" / "browser"
    if (browser_dir / "package.json").exists() and not (browser_dir / "node_modules").exists():
        if subprocess.run(["which", "npm"], capture_output=True).returncode == 0:
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=browser_dir, check=False)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"build", "serve", "test"}:
        print(__doc__)
        return 2
    task, extra = argv[0], argv[1:]
    # Material prints a banner about MkDocs 2.0 on every build; the project pins mkdocs<2 and keeps its adapter
    # small for that move (all MkDocs code is in mkdocs_adapter/), so the banner only hides the diagnostics a newcomer should read.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    ensure_environment()
    if task == "build":
        return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", *extra], cwd=ROOT).returncode
    if task == "serve":
        return subprocess.run([str(BIN / "mkdocs"), "serve", *extra], cwd=ROOT).returncode
    ensure_browser_tools()
    return subprocess.run([str(BIN / "python"), "-m", "pytest", *_parallel(extra), *extra], cwd=ROOT).returncode


def _parallel(extra: list[str]) -> list[str]:
    """pytest-xdist's options: one worker per core, the tests that share a costly fixture kept on one worker and
    sent out in collection order (tests/conftest.py); none when the command line already chooses (``-n 0`` runs
    in one process)."""
    chosen = any(arg.startswith(("-n", "--numprocesses", "--dist")) or arg.endswith("no:xdist") for arg in extra)
    return [] if chosen else ["-n", "auto", "--dist", "loadscope", "--no-loadscope-reorder"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
