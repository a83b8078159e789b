"""Large and deeply nested sources: a file over the size limit is an error and is not read; many footnotes and
deep nesting parse without a crash. (Their time bounds are measured by bench/hostile_bench.py.)"""

from __future__ import annotations

from hostile_project import SAMPLE_TEXT, no_traceback, resolution
from resolutions.parse.limits import SOURCE_BYTES


def hundred_thousand_lines() -> str:
    return resolution() + "".join(f"{n}. Decides to keep line {n} of a long file;\n" for n in range(6, 100_000))


def footnotes(count: int) -> str:
    markers = " ".join(f"Notes[^{n}]" for n in range(count))
    notes = "\n".join(f"[^{n}]: Note {n}." for n in range(count))
    return resolution().replace("The General Assembly,", f"The General Assembly,\n\n{markers}\n") + notes + "\n"


def deep_nesting(depth: int) -> str:
    quotes = ">" * depth + " quoted deep down\n\n"
    items = "".join("  " * level + "- item\n" for level in range(depth // 4))  # indentation grows as depth²
    brackets = "[" * depth + "\n\n" + "*" * depth + "emphasis" + "*" * depth + "\n"
    return SAMPLE_TEXT + "\n" + quotes + items + "\n" + brackets


def test_a_file_over_the_size_limit_is_an_error_and_is_not_read(project):
    text = hundred_thousand_lines()
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
    path = project.write("resolutions/notes.md", footnotes(10_000))
    run = project.check()
    assert run.returncode == 0, run.log
    assert "RES106" not in run.log and "RES107" not in run.log  # every marker found its note
    assert path


def test_deep_nesting_is_read_without_a_crash(project):
    project.write("resolutions/deep.md", deep_nesting(1000))
    run = project.check()
    no_traceback(run)
    assert run.returncode == 0, run.log
