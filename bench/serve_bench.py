#!/usr/bin/env python3
"""Measure the preview: how long after saving an edit ``mkdocs serve`` serves the new page.

    python bench/serve_bench.py --count 5000 [--edits 5] [--port 8765] [--seed 1] [--browser]

Generates a synthetic collection with ``bench/generate.py`` (under ``bench/out/serve-<count>/``, reused when
present), starts ``mkdocs serve`` on it on a loopback port, then edits one resolution ``--edits`` times. Each
edit adds a preambular paragraph citing another resolution of the collection; the time counted runs from the
write until both the edited page shows the new paragraph and the cited page lists the edited resolution under
"Cited by" (so the backlink is checked, not only the edited page). Prints each time and the median, and writes
``bench/results/serve.json`` (with the mode that ran).

Two modes:

- default (``http``): polls the server over HTTP for the edited page, then for the cited page;
- ``--browser``: what a reader sees. The edited resolution's page is open in headless Chromium (Debian's
  ``/usr/bin/chromium`` through Playwright, never a download) before the write; the first time is until that
  open page, reloaded by MkDocs' live-reload script (the benchmark never navigates it), shows the new paragraph;
  the second is until the cited page, loaded afresh in the browser, lists the edited resolution under "Cited by".
  Both are counted from the write.
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

import generate  # noqa: E402  (bench/generate.py)

MKDOCS_YML = """\
site_name: Serve benchmark
docs_dir: docs
theme:
  name: material
  font: false
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
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
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


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]  # as tests/browser/harness.py


class BrowserProbe:
    """A Chromium page for ``--browser``: an open page that live-reload reloads, and fresh loads of others."""

    def __init__(self, base_url: str) -> None:
        from playwright.sync_api import sync_playwright  # only --browser needs Playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        self.page = self._browser.new_page()
        # Only the preview server: a request to another host would wait on the network, not on the preview.
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                        else route.abort())

    def open(self, url: str) -> None:
        """Load ``url`` and tag its document (a reload replaces the document, so the tag goes with it)."""
        response = self.page.goto(url, wait_until="load")
        if response is None or not response.ok:
            raise RuntimeError(f"{url}: HTTP {response.status if response else 'no response'}")
        self.page.evaluate("() => { window.__serveBenchTag = true; }")

    def reloaded_showing(self, text: str) -> bool:
        """Whether the open page was reloaded (not the tagged document) and its text contains ``text``."""
        from playwright.sync_api import Error

        try:  # between two documents of a reload the page has no context to evaluate in
            return self.page.evaluate(
                "(text) => window.__serveBenchTag !== true && !!document.body && document.body.innerText.includes(text)",
                text)
        except Error:
            return False

    def cited_by_lists(self, url: str, number: str) -> bool:
        """Load ``url`` afresh: does its "Cited by" list ``number``?"""
        self.page.goto(url, wait_until="load")
        return number in self.page.locator("#cited-by-list .res-cited-by__number").all_inner_texts()

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=5000)
    options.add_argument("--edits", type=int, default=5)
    options.add_argument("--port", type=int, default=8765)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--timeout", type=float, default=900.0, help="seconds to wait for the first build")
    options.add_argument("--browser", action="store_true",
                         help="measure in headless Chromium: the open page's live-reload, then the cited page")
    args = options.parse_args(argv)
    mode = "browser" if args.browser else "http"
    if args.browser and not CHROMIUM.exists():
        print(f"--browser needs {CHROMIUM} (apt-get install -y chromium) and Playwright's Python package")
        return 1

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
    page_times: list[float] = []
    browser = None
    try:
        first = wait_for(lambda: "Serve benchmark" in fetch(base), args.timeout, interval=1.0)
        if first is None:
            print("the first build did not finish in time; see", project / "serve.log")
            return 1
        print(f"first build served after {time.perf_counter() - started:.1f} s")
        if args.browser:
            browser = BrowserProbe(base)
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
            if browser is not None:
                browser.open(edited_url)  # the reader has the page open when the edit is saved
            written = time.perf_counter()
            edited.write_text(text, encoding="utf-8")
            if browser is None:
                shown = wait_for(lambda: marker in fetch(edited_url), 120)
                cited_ok = wait_for(lambda: edited_symbol in fetch(cited_url).split('id="cited-by"')[-1], 60)
            else:
                shown = wait_for(lambda: browser.reloaded_showing(marker), 120)
                cited_ok = wait_for(lambda: browser.cited_by_lists(cited_url, edited_symbol), 60)
            total = time.perf_counter() - written
            if shown is None or cited_ok is None:
                print(f"edit {number}: not shown in time (page {shown}, backlink {cited_ok})")
                continue
            times.append(total)
            if browser is None:
                print(f"edit {number}: page and backlink served after {total:.2f} s")
            else:
                page_times.append(shown)
                print(f"edit {number}: open page reloaded showing the edit after {shown:.2f} s, "
                      f"cited page showing the backlink after {total:.2f} s")
    finally:
        if browser is not None:
            browser.close()
        edited.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    if not times:
        return 1
    median = statistics.median(times)
    if page_times:
        print(f"median of {len(page_times)} edits at {args.count} resolutions, open page reloaded showing the "
              f"edit: {statistics.median(page_times):.2f} s")
    print(f"median of {len(times)} edits at {args.count} resolutions ({mode}), page and backlink: {median:.2f} s")
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    record = {
        "command": "python bench/serve_bench.py " + " ".join(argv),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
        "mode": mode,
        "measures": ("write -> open Chromium page reloaded by live-reload shows the edit (page_seconds), then "
                     "-> cited page loaded afresh in Chromium lists the backlink (edit_seconds)"
                     if args.browser else
                     "write -> server returns the edited page with the edit and the cited page with the "
                     "backlink, polled over HTTP (edit_seconds)"),
        "count": args.count, "edit_seconds": [round(t, 3) for t in times], "median_seconds": round(median, 3),
    }
    if page_times:
        record["page_seconds"] = [round(t, 3) for t in page_times]
        record["page_median_seconds"] = round(statistics.median(page_times), 3)
    (results / "serve.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
