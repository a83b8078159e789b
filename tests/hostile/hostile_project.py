"""A small project in a temporary folder for the hostile-input tests: write sources, run the tools, compare.

``Project`` holds a ``mkdocs.yml`` (Material, this repository's templates, the ``resolutions`` plugin with its
parse cache in memory, so that a build writes nothing but ``site/``) and a ``docs/`` folder. ``check`` runs
``resolutions check`` and ``build`` runs ``mkdocs build`` as a user does (a new process: the exit code is
real). ``outside_site`` is the state of everything in the temporary folder but ``site/``: equal before and
after a run means nothing outside the site folder was written, removed or changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench_scripts import load

ROOT = Path(__file__).resolve().parents[2]
INPUTS = load("hostile_bench")
"""The hostile inputs are made by bench/hostile_bench.py, which times what these tests check."""
SAMPLE_TEXT = INPUTS.SAMPLE_TEXT
resolution = INPUTS.resolution

MKDOCS_YML = """\
site_name: Hostile input
docs_dir: docs
site_dir: site
theme:
  name: material
plugins:
  - resolutions:
      folder: resolutions
      cache_dir: ""
{options}"""


@dataclass
class Run:
    """How a command ended and what it printed (stdout and stderr together)."""

    returncode: int
    log: str

    def diagnostic(self, where: str, code: str) -> str:
        """The one printed line ``where: ... [code]`` (``where`` is ``path:line``); fails when absent."""
        lines = [line for line in self.log.splitlines() if f"{where}: " in line and line.rstrip().endswith(f"[{code}]")]
        assert lines, f"no '{where}: ... [{code}]' line in:\n{self.log}"
        return lines[0]


class Project:
    def __init__(self, root: Path, **options: object) -> None:
        self.root = root
        self.docs = root / "docs"
        (self.docs / "resolutions").mkdir(parents=True)
        (self.docs / "index.md").write_text("# Hostile input\n", encoding="utf-8")
        extra = "".join(f"      {key}: {str(value).lower() if isinstance(value, bool) else value}\n"
                        for key, value in options.items())
        (root / "mkdocs.yml").write_text(
            MKDOCS_YML.format(options=extra), encoding="utf-8"
        )

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, content: str | bytes) -> str:
        """Write ``docs/<relative>``; returns its path as diagnostics show it (``docs/resolutions/x.md``)."""
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return f"docs/{relative}"

    def link(self, relative: str, target: str | Path) -> str:
        """Make ``docs/<relative>`` a symbolic link to ``target``; returns its shown path."""
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
        return f"docs/{relative}"

    def check(self, *paths: str) -> Run:
        return self._run([sys.executable, "-m", "resolutions.cli", "check", *(paths or ["docs/resolutions"])])

    def build(self, *args: str) -> Run:
        return self._run([sys.executable, "-m", "mkdocs", "build", *args])

    def _run(self, command: list[str]) -> Run:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        done = subprocess.run(command, cwd=self.root, capture_output=True, text=True, env=env, timeout=300)
        return Run(done.returncode, done.stdout + done.stderr)

    def outside_site(self) -> dict[str, tuple]:
        """Every path of the temporary folder but ``site/``, with its kind, size, time and link target."""
        state: dict[str, tuple] = {}
        top = self.root.parent
        for folder, dirs, files in os.walk(top):  # links are not followed: they are recorded as links
            if Path(folder) == self.root:
                dirs[:] = [d for d in dirs if d != "site"]
            for name in dirs + files:
                path = Path(folder, name)
                info = path.lstat()
                target = os.readlink(path) if path.is_symlink() else None
                # The project folder's own time changes when site/ is made: its entries are compared instead.
                changed = None if path == self.root else info.st_mtime_ns
                state[path.relative_to(top).as_posix()] = (info.st_mode, info.st_size, changed, target)
        return state


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.log, run.log
