#!/usr/bin/env python3
"""Measure the parse cache: cold parse (one process and worker processes), warm from disk, warm from memory.

    python bench/cache_bench.py DIR [--runs 3]

DIR is a folder of resolution sources (e.g. made by ``bench/generate.py``). Prints the median wall time of
each way of getting the parsed collection, and writes nothing but a temporary cache folder (removed after).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from resolutions.cache import ParseCache, sources_under


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder")
    options.add_argument("--runs", type=int, default=3)
    args = options.parse_args(argv)
    sources = sources_under(args.folder)
    figures: dict[str, list[float]] = {"cold, one process": [], "cold, worker processes": [],
                                       "warm, disk": [], "warm, memory": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            figures["cold, one process"].append(
                timed(lambda: ParseCache(Path(folder) / "a", workers=1).parse_all(sources)))
            figures["cold, worker processes"].append(
                timed(lambda: ParseCache(Path(folder) / "b", parallel_min_misses=1).parse_all(sources)))
            figures["warm, disk"].append(timed(lambda: ParseCache(Path(folder) / "a").parse_all(sources)))
            in_memory = ParseCache(None)
            in_memory.parse_all(sources)
            figures["warm, memory"].append(timed(lambda: in_memory.parse_all(sources)))
    print(f"{len(sources)} files, median of {args.runs} runs")
    for name, values in figures.items():
        median = statistics.median(values)
        print(f"  {name:<24} {median:8.2f} s   {1000 * median / max(1, len(sources)):6.2f} ms/file")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
