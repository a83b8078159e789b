#!/usr/bin/env python3
"""Hostile-input benchmark: how long each hostile or broken input costs, against the bound it must stay under.

One responsibility: make each hostile input of tests/hostile/ (and the largest input the limits still let in),
time the step that reads it, compare with its bound, print a table and write ``bench/results/hostile.json``.
Exit status 1 when a bound is exceeded. Times are wall-clock seconds, the median of ``--repeat`` runs (the
machine is shared: the bounds are generous, the figures are what to read). The tests check what happens
(the code, path:line, exit code); this script checks how long it takes, so no test depends on timing.

    python bench/hostile_bench.py [--repeat 3] [--out bench/results/hostile.json]

The input makers (``alias_bomb``, ``hundred_thousand_lines``...) are used by tests/hostile/ too.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SAMPLE_TEXT = (ROOT / "content" / "resolutions" / "A_RES_51_148.md").read_text(encoding="utf-8")
DEFAULT_OUTPUT = BENCH / "results" / "hostile.json"


# --- the inputs ------------------------------------------------------------------------------------------------


def resolution(number: str = "51/148", front: str | None = None) -> str:
    """The sample resolution renumbered (``51/149`` gives symbol ``A/RES/51/149``), with a front matter."""
    session, serial = number.split("/")
    body = SAMPLE_TEXT.replace("A/RES/51/148", f"A/RES/{session}/{serial}").replace("51/148.", f"{number}.")
    return f"---\n{front}\n---\n{body}" if front is not None else body


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Nested YAML aliases: ``width ** levels`` values once expanded (387 million for the defaults), ~1 KB."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    lines.append(f"title: *a{levels - 1}")
    return "\n".join(lines)


def hundred_thousand_lines() -> str:
    """A resolution of 100,000 lines (1.4 MB): over the size limit."""
    return resolution() + "".join(f"{n}. Decides to keep line {n} of a long file;\n" for n in range(6, 100_000))


def largest_readable(limit: int) -> str:
    """Operative paragraphs up to just under the size limit: the most text a file may make the parser read."""
    text, lines, n = resolution(), [], 6
    size = len(text.encode())
    while True:
        line = f"{n}. Decides to keep paragraph {n} of a long file;\n\n"
        if size + len(line) > limit:
            return text + "".join(lines)
        lines.append(line)
        size += len(line)
        n += 1


def footnotes(count: int) -> str:
    """``count`` footnote markers in one paragraph and their ``count`` notes."""
    markers = " ".join(f"Notes[^{n}]" for n in range(count))
    notes = "\n".join(f"[^{n}]: Note {n}." for n in range(count))
    return resolution().replace("The General Assembly,", f"The General Assembly,\n\n{markers}\n") + notes + "\n"


def deep_nesting(depth: int) -> str:
    """Block quotes ``depth`` deep, a list ``depth // 4`` deep (its indentation grows as depth²), brackets and
    emphasis ``depth`` deep."""
    quotes = ">" * depth + " quoted deep down\n\n"
    items = "".join("  " * level + "- item\n" for level in range(depth // 4))
    brackets = "[" * depth + "\n\n" + "*" * depth + "emphasis" + "*" * depth + "\n"
    return SAMPLE_TEXT + "\n" + quotes + items + "\n" + brackets


def looping_docs(docs: Path) -> None:
    """A docs folder with two folder links into each other and a folder linked to itself."""
    (docs / "resolutions" / "a").mkdir(parents=True)
    (docs / "resolutions" / "b").mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "resolutions" / "A_RES_51_148.md").write_text(resolution(), encoding="utf-8")
    os.symlink("../b", docs / "resolutions" / "a" / "to_b")
    os.symlink("../a", docs / "resolutions" / "b" / "to_a")
    os.symlink(".", docs / "resolutions" / "again")


def large_docs(docs: Path, count: int) -> None:
    """A docs folder of ``count`` small files in folders of 500, and no link: the link check's usual cost."""
    for n in range(count):
        folder = docs / "resolutions" / f"s{n // 500}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"r{n}.md").write_text("x\n", encoding="utf-8")


# --- the cases ---------------------------------------------------------------------------------------------------


def _parse_case(text: str) -> Callable[[Path], Callable[[], object]]:
    def prepare(folder: Path) -> Callable[[], object]:
        from resolutions.parse import parser

        path = folder / "x.md"
        path.write_text(text, encoding="utf-8")
        return lambda: parser.parse_file(path)
    return prepare


def _agenda_case(text: str) -> Callable[[Path], Callable[[], object]]:
    def prepare(_folder: Path) -> Callable[[], object]:
        from resolutions.parse import agendas

        return lambda: agendas.parse_agenda_file(text, "agendas/51.yml", "51")
    return prepare


def _links_case(make: Callable[[Path], None]) -> Callable[[Path], Callable[[], object]]:
    def prepare(folder: Path) -> Callable[[], object]:
        from resolutions.parse.docs_links import link_problems

        make(folder / "docs")
        return lambda: link_problems(str(folder / "docs"))
    return prepare


def _build_loop(folder: Path) -> Callable[[], object]:
    """``mkdocs build`` of a docs folder with link loops, to its error (process start included)."""
    looping_docs(folder / "docs")
    (folder / "mkdocs.yml").write_text(
        "site_name: Loops\ntheme:\n  name: material\n"
        "plugins:\n  - resolutions:\n      cache_dir: ''\n", encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")

    def run() -> object:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=folder, capture_output=True, env=env,
                              timeout=600)
        assert done.returncode == 1 and b"DOC002" in done.stderr, done.stderr[-2000:]
        return done
    return run


def cases() -> list[tuple[str, float, Callable[[Path], Callable[[], object]]]]:
    """(name, bound in seconds, prepare(folder) -> the timed call)."""
    from resolutions.parse.limits import SOURCE_BYTES

    return [
        ("front matter: impossible dates (RES209)", 0.5,
         _parse_case(resolution(front="issued: 2020-02-30\nadopted: 0000-01-01"))),
        ("front matter: alias bomb, 9^9 values (RES212)", 0.5, _parse_case(resolution(front=alias_bomb()))),
        ("front matter: 5,000-digit number (RES202)", 0.5, _parse_case(resolution(front="session: " + "9" * 5000))),
        ("front matter: 320-char symbol, 300-digit session (RES213)", 0.5,
         _parse_case(resolution(front="symbol: A/RES/" + "1" * 320 + "\nsession: " + "9" * 300))),
        ("agenda file: alias bomb (AGD007)", 0.5,
         _agenda_case("items:\n  '161': Migration\n" + alias_bomb().replace("title:", "body:"))),
        ("file of 100,000 lines, 1.4 MB (RES004, not read)", 0.5, _parse_case(hundred_thousand_lines())),
        (f"largest file read ({SOURCE_BYTES:,} bytes of paragraphs)", 30.0,
         _parse_case(largest_readable(SOURCE_BYTES))),
        ("10,000 footnotes", 15.0, _parse_case(footnotes(10_000))),
        ("deep nesting (1,000 levels)", 15.0, _parse_case(deep_nesting(1000))),
        ("link check: two loops and a self-loop (DOC002)", 1.0, _links_case(looping_docs)),
        ("link check: 20,000 files, no link (every build pays it)", 1.0, _links_case(lambda d: large_docs(d, 20_000))),
        ("mkdocs build with link loops, to its error", 20.0, _build_loop),
    ]


def measure(repeat: int) -> list[dict]:
    results = []
    for name, bound, prepare in cases():
        with tempfile.TemporaryDirectory(prefix="hostile-bench-") as folder:
            call = prepare(Path(folder))
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                call()
                times.append(time.perf_counter() - start)
        median = statistics.median(times)
        results.append({"case": name, "seconds": round(median, 4), "bound": bound, "within": median <= bound})
        print(f"{median:9.3f} s  (bound {bound:5.1f} s)  {'ok  ' if median <= bound else 'OVER'}  {name}", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (the median is reported)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="where to write the figures (JSON)")
    args = parser.parse_args(argv)
    results = measure(args.repeat)
    report = {
        "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "cases": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    over = [r["case"] for r in results if not r["within"]]
    print(f"{len(results) - len(over)} of {len(results)} within their bounds; figures in {args.out}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
