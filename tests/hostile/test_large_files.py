"""Large and deeply nested sources: a file over the size limit is an error and is not read; many footnotes and
deep nesting parse without a crash. (Their time bounds are measured by bench/hostile_bench.py.)"""

from __future__ import annotations

from hostile_project import INPUTS, no_traceback, resolution
from resolutions.parse.limits import SOURCE_BYTES


def test_a_file_over_the_size_limit_is_an_error_and_is_not_read(project):
    text = INPUTS.hundred_thousand_lines()
    assert len(text.encode()) > SOURCE_BYTES
    path = project.write("resolutions/huge.md", text)
    other = project.write("resolutions/other.md", resolution("51/149", "colour: blue"))
    before = project.outside_site()
    run = project.check()
    assert run.returncode == 1
    assert f"expected at most {SOURCE_BYTES:,} bytes" in run.diagnostic(f"{path}:0", "RES004")
    run.diagnostic(f"{other}:2", "RES204")
    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{path}:0", "RES004")
    no_traceback(built)
    assert project.outside_site() == before


def test_ten_thousand_footnotes_are_read(project):
    path = project.write("resolutions/notes.md", INPUTS.footnotes(10_000))
    run = project.check()
    assert run.returncode == 0, run.log
    assert "RES106" not in run.log and "RES107" not in run.log  # every marker found its note
    assert path


def test_deep_nesting_is_read_without_a_crash(project):
    project.write("resolutions/deep.md", INPUTS.deep_nesting(1000))
    run = project.check()
    no_traceback(run)
    assert run.returncode == 0, run.log
