"""A build killed while it works ends quietly: no process or thread of it prints a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from hostile_project import resolution


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_build_prints_no_traceback(project):
    for number in range(148, 160):
        project.write(f"resolutions/A_RES_51_{number}.md", resolution(f"51/{number}"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project.root, stderr=subprocess.PIPE, text=True, env=env
    )
    assert build.stderr is not None
    seen = []
    for line in build.stderr:
        seen.append(line)
        if "Building documentation" in line:
            os.kill(build.pid, signal.SIGKILL)
            break
    rest = build.stderr.read()  # to the end: every process holding stderr has ended
    build.wait()
    assert build.returncode == -signal.SIGKILL, "".join(seen)
    assert "Traceback" not in rest and "BrokenPipeError" not in rest, rest
