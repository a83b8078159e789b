#!/usr/bin/env python3
"""Measure the preview: how long after saving an edit ``mkdocs serve`` serves the new page.

    python bench/serve_bench.py --count 5000 [--edits 5] [--port 8765] [--seed 1]

Generates a synthetic collection with ``bench/generate.py`` (under ``bench/out/serve-<count>/``, reused when
present), starts ``mkdocs serve`` on it on a loopback port, then edits one resolution ``--edits`` times. Each
edit adds a preambular paragraph citing another resolution of the collection; the time counted runs from the
write until the server returns both the edited page showing the new paragraph and the cited page listing
the edited resolution under "Cited by" (so the backlink is checked, not only the edited page). Prints each
time and the median, and writes ``bench/results/serve.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/generate.py, engineer F1)

MKDOCS_YML = """\
site_name: Serve benchmark
docs_dir: docs
theme:
  name: material
  custom_dir: {templates}
plugins:
  - resolutions:
      folder: resolutions
"""


def prepare(count: int, seed: int) -> tuple[Path, list[Path]]:
    project = BENCH / "out" / f"serve-{count}"
    sources = project / "docs" / "resolutions"
    if not sources.is_dir() or len(list(sources.glob("*.md"))) != count:
        sources.mkdir(parents=True, exist_ok=True)
        generate.write_collection(sources, count, seed)
    (project / "docs" / "index.md").write_text("# Serve benchmark\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(MKDOCS_YML.format(templates=ROOT / "site_templates"), encoding="utf-8")
    return project, sorted(sources.glob("A_RES_*.md"))


def page_path(source: Path) -> str:
    # A_RES_77_10.md -> A/RES/77/10/ (the generator's General Assembly files only)
    return "/".join(source.stem.split("_")) + "/"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(condition, timeout: float, interval: float = 0.05) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=5000)
    options.add_argument("--edits", type=int, default=5)
    options.add_argument("--port", type=int, default=8765)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--timeout", type=float, default=900.0, help="seconds to wait for the first build")
    args = options.parse_args(argv)

    project, sources = prepare(args.count, args.seed)
    edited = sources[len(sources) // 2]
    targets = [s for s in sources if s != edited][: args.edits]
    base = f"http://127.0.0.1:{args.port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{args.port}", "--no-strict"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=open(project / "serve.log", "w"),
    )
    original = edited.read_text(encoding="utf-8")
    times: list[float] = []
    try:
        first = wait_for(lambda: "Serve benchmark" in fetch(base), args.timeout, interval=1.0)
        if first is None:
            print("the first build did not finish in time; see", project / "serve.log")
            return 1
        print(f"first build served after {time.perf_counter() - started:.1f} s")
        edited_url = base + page_path(edited)
        for number, target in enumerate(targets, start=1):
            number_printed = target.stem.split("_")[2] + "/" + target.stem.split("_")[3]
            marker = f"benchmark edit {number} {int(time.time())}"
            text = original.replace(
                "The General Assembly,",
                f"The General Assembly,\n\nRecalling its resolution {number_printed} ({marker}),", 1)
            cited_url = base + page_path(target)
            edited_symbol = "/".join(edited.stem.split("_")[2:])
            time.sleep(1.0)  # let the previous rebuild settle, so each edit is measured on its own
            written = time.perf_counter()
            edited.write_text(text, encoding="utf-8")
            shown = wait_for(lambda: marker in fetch(edited_url), 120)
            cited_ok = wait_for(lambda: edited_symbol in fetch(cited_url).split('id="cited-by"')[-1], 60)
            total = time.perf_counter() - written
            if shown is None or cited_ok is None:
                print(f"edit {number}: not shown in time (page {shown}, backlink {cited_ok})")
                continue
            times.append(total)
            print(f"edit {number}: page and backlink served after {total:.2f} s")
    finally:
        edited.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    if not times:
        return 1
    median = statistics.median(times)
    print(f"median of {len(times)} edits at {args.count} resolutions: {median:.2f} s")
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / "serve.json").write_text(json.dumps({
        "command": "python bench/serve_bench.py " + " ".join(argv),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
        "count": args.count, "edit_seconds": [round(t, 3) for t in times], "median_seconds": round(median, 3),
    }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
