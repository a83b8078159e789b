#!/usr/bin/env python3
"""The earliest a build with the Pagefind index can end, against plain MkDocs + Material on the same pages.

    python bench/search_floor.py --count 20000 --runs 2 --out /dev/shm/floor

A build cannot start Pagefind before the texts are parsed and the records exist, and cannot end before Pagefind
has written its bundle. This measures those two steps alone, on an otherwise idle machine, for a synthetic
collection (``bench/generate.py``, seed 1, about 1,000 words a resolution, as ``build_bench.py``):

1. **records**: every text parsed with the parse cache empty, on every core (``ParseCache.parse_all``), the records
   made into a work folder (``pagefind_index.new_work_folder``) and written as the pages Pagefind reads
   (``pagefind_feed.write_pages``);
2. **Pagefind**: its command as ``pagefind_feed`` runs it (``run_pagefind``: one worker thread), alone on the machine.

Their sum is a floor: the build also renders and writes every page, which here runs on no core of its own. Then
plain MkDocs + Material builds the same pages (``build_bench``'s ``plain``), in the same run, for the ratio.
Prints and writes ``--results``/search_floor_<count>.json (medians and each run).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "plugins"))

import build_bench  # noqa: E402
from resolutions.cache import ParseCache, sources_under  # noqa: E402
from resolutions.data import search_records  # noqa: E402
from resolutions.mkdocs_adapter import pagefind_feed, pagefind_index  # noqa: E402
from resolutions.site.collection import own_pages  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def records_step(docs: Path, cache: Path) -> tuple[Path, dict]:
    """Parse ``docs`` with an empty cache in ``cache``, make the records in a work folder (``tempfile``'s folder) and
    write them as pages there, as a build and its indexing process do; the work folder and seconds of each part."""
    shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    resolutions = ParseCache(cache).parse_all(sources_under(docs))
    parsed = time.perf_counter()
    work = Path(pagefind_index.new_work_folder(search_records.records(own_pages(resolutions))))
    recorded = time.perf_counter()
    pages = pagefind_feed.write_pages(str(work / pagefind_feed.RECORDS_FILE), str(work / pagefind_feed.PAGES_FOLDER))
    written = time.perf_counter()
    return work, {"pages": pages, "parse_s": round(parsed - started, 2), "records_s": round(recorded - parsed, 2),
                  "write_pages_s": round(written - recorded, 2), "total_s": round(written - started, 2)}


def pagefind_step(work: Path) -> dict:
    """Pagefind's command on the pages of ``work``, alone: wall and CPU seconds, peak memory, bundle size."""
    bundle = work / "bundle"
    cpu_before = _children_cpu()
    started = time.perf_counter()
    problems = pagefind_feed.run_pagefind(str(work / pagefind_feed.PAGES_FOLDER), str(bundle))
    wall = time.perf_counter() - started
    if problems:
        raise SystemExit("\n".join(problems))
    meta = next(bundle.glob("pagefind.*.pf_meta"))
    return {"wall_s": round(wall, 2), "cpu_s": round(_children_cpu() - cpu_before, 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "page_list_bytes": meta.stat().st_size,
            "wasm_bytes": (bundle / f"wasm.{pagefind_feed.LANGUAGE}.pagefind").stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20000, help="synthetic resolutions (default 20000)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each step (default 2)")
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="work folder (default bench/out)")
    parser.add_argument("--results", type=Path, default=BENCH / "results", help="where the JSON goes")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain MkDocs + Material build")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    specs, _ = build_bench.prepare_size(args.out, args.count, 1, 1000, [] if args.no_plain else ["plain"])
    docs = args.out / f"n{args.count}" / "ours" / "docs"
    tempfile.tempdir = str(args.out)  # the work folder on the same file system as the sites, as build_bench has it
    runs = []
    for run in range(args.runs):
        work, records = records_step(docs, args.out / "floor-cache")
        try:
            indexed = pagefind_step(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        plain = None
        if specs:
            figures = build_bench.run_once(specs[0], args.out / f"plain-{run}.log")
            plain = {"wall_s": figures.wall_s, "cpu_s": figures.cpu_s, "returncode": figures.returncode}
        runs.append({"records": records, "pagefind": indexed, "plain": plain,
                     "floor_s": round(records["total_s"] + indexed["wall_s"], 2)})
        print(json.dumps(runs[-1]), flush=True)
    shutil.rmtree(args.out / "floor-cache", ignore_errors=True)
    floor = statistics.median(r["floor_s"] for r in runs)
    plain_wall = statistics.median(r["plain"]["wall_s"] for r in runs) if specs else None
    report = {
        "command": "python bench/search_floor.py " + " ".join(
            build_bench._project_relative(a) for a in sys.argv[1:]),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "commit": build_bench._git_commit(),
        "machine": build_bench._machine(), "count": args.count, "runs": runs,
        "median_floor_s": floor, "median_plain_wall_s": plain_wall,
        "floor_over_plain": round(floor / plain_wall, 3) if plain_wall else None,
        "each_run_floor_over_plain": [round(r["floor_s"] / r["plain"]["wall_s"], 3) for r in runs] if specs else None,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / f"search_floor_{args.count}.json").write_text(json.dumps(report, indent=1) + "\n",
                                                                   encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "runs"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
