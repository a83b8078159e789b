"""Parse benchmark: the full parser against markdown-it-py's own bare parse of the same files.

Parses every ``*.md`` of the corpus (default ``../shared/corpus``) with ``resolutions.parse.parser.parse_file``
and, separately, with ``MarkdownIt("commonmark").enable("table").parse`` on the same files (read the
same way), several times; reports the median resolutions per second of each and their ratio (target:
the full parse costs at most 3 times the bare parse), prints a table and writes the figures to
``bench/results/parse.json``. Usage and latest figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import json
import os
import platform
import pstats
import statistics
import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt

from resolutions.parse import parser

BENCH = Path(__file__).resolve().parent
DEFAULT_CORPUS = BENCH.parent.parent / "shared" / "corpus"
DEFAULT_OUTPUT = BENCH / "results" / "parse.json"
TARGET_RATIO = 3.0


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    files = [path for path in sorted(corpus.rglob("*.md")) if path.name != "README.md"]
    return files[:limit] if limit else files


# CPU time of this process, not wall time: the benchmark runs on machines shared with other work, and
# waiting for a core is not the parser's cost (``--wall`` measures wall time instead).
CPU_CLOCK = time.process_time
WALL_CLOCK = time.perf_counter


def full_parse(files: list[Path], clock=CPU_CLOCK) -> float:
    """Seconds to parse every file into the model (reading included, as parse_file does)."""
    start = clock()
    for path in files:
        parser.parse_file(path)
    return clock() - start


def bare_parse(files: list[Path], markdown: MarkdownIt, clock=CPU_CLOCK) -> float:
    """Seconds for markdown-it-py's token stream alone, reading the files the same way."""
    start = clock()
    for path in files:
        markdown.parse(path.read_bytes().decode("utf-8"))
    return clock() - start


def measure(files: list[Path], runs: int, clock=CPU_CLOCK) -> dict:
    markdown = MarkdownIt("commonmark").enable("table")
    # One warm-up pass of each, untimed: imports, regex compilation and the OS file cache are not
    # what this benchmark is about.
    full_parse(files[:50])
    bare_parse(files[:50], markdown)
    full_times, bare_times = [], []
    for run in range(runs):
        # Alternate the two so that a change in machine load affects both alike.
        full_times.append(full_parse(files, clock))
        bare_times.append(bare_parse(files, markdown, clock))
        print(f"run {run + 1}/{runs}: full {full_times[-1]:.2f} s, bare {bare_times[-1]:.2f} s", file=sys.stderr)
    full_median = statistics.median(full_times)
    bare_median = statistics.median(bare_times)
    ratio = full_median / bare_median
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "files": len(files),
        "megabytes": round(sum(path.stat().st_size for path in files) / 1e6, 2),
        "runs": runs,
        "clock": "wall time" if clock is WALL_CLOCK else "process CPU time",
        "full": _figures(full_times, len(files)),
        "bare": _figures(bare_times, len(files)),
        "ratio": round(ratio, 2),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
    }


def _figures(times: list[float], files: int) -> dict:
    median = statistics.median(times)
    return {
        "median_seconds": round(median, 3),
        "resolutions_per_second": round(files / median, 1),
        "ms_per_resolution": round(1000 * median / files, 3),
        "seconds": [round(t, 3) for t in times],
    }


def table(result: dict) -> str:
    rows = [
        ("parse", "median s", "resolutions/s", "ms/resolution"),
        *(
            (name, f"{result[key]['median_seconds']:.2f}", f"{result[key]['resolutions_per_second']:.0f}",
             f"{result[key]['ms_per_resolution']:.2f}")
            for key, name in (("full", "full (parser.parse_file)"), ("bare", "bare markdown-it-py"))
        ),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    verdict = "meets" if result["meets_target"] else "MISSES"
    lines.append(
        f"\n{result['files']} files, {result['megabytes']} MB, median of {result['runs']} runs ({result['clock']}): "
        f"full/bare = {result['ratio']:.2f} ({verdict} the target of at most {result['target_ratio']:.0f})"
    )
    return "\n".join(lines)


def profile(files: list[Path], top: int) -> None:
    """Where the full parse spends its time (one pass), sorted by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    full_parse(files)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder walked for *.md")
    options.add_argument("--runs", type=int, default=5, help="timed runs of each parse (default 5)")
    options.add_argument("--limit", type=int, default=None, help="only the first N files (a quick look)")
    options.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the JSON figures")
    options.add_argument("--profile", type=int, metavar="N", default=0,
                         help="instead of timing, profile one full pass and print the N costliest functions")
    options.add_argument("--wall", action="store_true", help="measure wall time instead of CPU time")
    args = options.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"parse_bench: corpus {args.corpus} not found (give --corpus PATH)", file=sys.stderr)
        return 2
    files = corpus_files(args.corpus, args.limit)
    if args.profile:
        profile(files, args.profile)
        return 0
    result = measure(files, max(1, args.runs), WALL_CLOCK if args.wall else CPU_CLOCK)
    result["corpus"] = os.path.relpath(args.corpus, BENCH.parent)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
