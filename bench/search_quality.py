#!/usr/bin/env python3
"""Measure how well the site's search answers the query set: success@1, success@3 and MRR, per kind of query.

    python bench/search_quality.py --site SITE_DIR [--label new] [--queries tests/search_queries.yml]

Serves a built site (usually the whole development corpus, see tests/browser/test_search_quality.py) on
127.0.0.1, opens ``search/?q=...`` for the first query of the set in Debian's Chromium, types the others into
the search page's box, and reads the links of the result list (``.res-search-page__results a``) in order, as a reader sees them. A result counts when its page is
one of the query's relevant documents (a page is known by the symbol of its ``index.json`` twin). Writes
``bench/results/search_quality_<label>.json`` and prints one line per kind.

``run_queries(site_dir, queries)`` and ``scores(ranked)`` are what the browser test calls.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, urlsplit

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
QUERIES = ROOT / "tests" / "search_queries.yml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
RANKS_READ = 10
"""Results read per query (MRR counts a first relevant result below this rank as 0)."""


def load_queries(path: Path = QUERIES) -> list[dict]:
    """The query set: dicts with ``kind``, ``query`` and ``relevant`` (symbols)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    requested: list[str] | None = None

    def log_message(self, format: str, *args: object) -> None:
        if self.requested is not None:
            self.requested.append(urlsplit(self.path).path)


@contextmanager
def served(site_dir: Path, requested: list[str] | None = None) -> Iterator[str]:
    """The base URL of ``site_dir`` served on 127.0.0.1 until the block ends; the path of every request is
    appended to ``requested`` when given (those of Pagefind's web worker too, which the browser's events miss)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"requested": requested}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="search-quality-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_queries(site_dir: Path, queries: list[dict], browser=None) -> list[list[str]]:
    """For each query, the symbols of the results the search page lists, best first (at most ``RANKS_READ``);
    in ``browser`` (a Playwright browser) when given, else in a Chromium of its own."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return run_queries(site_dir, queries, launched)
            finally:
                launched.close()
    symbol_of = functools.lru_cache(maxsize=None)(functools.partial(_symbol_of_path, site_dir))
    ranked: list[list[str]] = []
    with served(site_dir) as base:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        # The first query through the page's URL (as a shared link), the others typed into its box (Pagefind's
        # script and WebAssembly are then loaded once, as for a reader searching several times).
        for number, item in enumerate(queries):
            if number == 0:
                page.goto(base + "search/?q=" + quote(item["query"]), wait_until="load")
            else:
                page.fill("[data-res-search-page] input[name=q]", item["query"])
                page.press("[data-res-search-page] input[name=q]", "Enter")
            page.wait_for_function(
                "() => { const s = document.querySelector('[data-res-search-status]');"
                " return s && s.textContent && s.textContent !== 'Searching\u2026'; }", timeout=30_000)
            hrefs = page.eval_on_selector_all(".res-search-page__results a", "links => links.map(a => a.href)")
            symbols = [symbol_of(urlsplit(href).path) for href in hrefs[:RANKS_READ]]
            ranked.append([s for s in symbols if s])
        context.close()
    return ranked


def _symbol_of_path(site_dir: Path, path: str) -> str:
    twin = site_dir / path.lstrip("/") / "index.json"
    try:
        return json.loads(twin.read_text(encoding="utf-8")).get("symbol") or ""
    except (OSError, ValueError):
        return ""


def scores(queries: list[dict], ranked: list[list[str]]) -> dict[str, dict[str, float]]:
    """success@1, success@3 and MRR for every kind of query and for all of them."""
    groups: dict[str, list[int | None]] = {}
    for item, symbols in zip(queries, ranked):
        relevant = set(item["relevant"])
        rank = next((position for position, symbol in enumerate(symbols, 1) if symbol in relevant), None)
        groups.setdefault(item["kind"], []).append(rank)
        groups.setdefault("all", []).append(rank)
    return {kind: {"queries": len(ranks),
                   "success@1": sum(1 for r in ranks if r == 1) / len(ranks),
                   "success@3": sum(1 for r in ranks if r is not None and r <= 3) / len(ranks),
                   "mrr": sum(1 / r for r in ranks if r) / len(ranks)}
            for kind, ranks in groups.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a site built with the resolutions plugin")
    parser.add_argument("--label", default="new", help="name of the results file (old, new)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    args = parser.parse_args()
    queries = load_queries(args.queries)
    started = time.perf_counter()
    ranked = run_queries(args.site, queries)
    table = scores(queries, ranked)
    misses = [{"query": q["query"], "kind": q["kind"], "got": r[:3]} for q, r in zip(queries, ranked)
              if not set(q["relevant"]) & set(r[:3])]
    out = BENCH / "results" / f"search_quality_{args.label}.json"
    # The site is a build in a temporary folder: its path would only name the machine it ran on.
    out.write_text(json.dumps({"scores": table, "misses_at_3": misses}, indent=1) + "\n", encoding="utf-8")
    for kind, figures in table.items():
        print(f"{kind:7} n={figures['queries']:3}  success@1 {figures['success@1']:.0%}  "
              f"success@3 {figures['success@3']:.0%}  MRR {figures['mrr']:.2f}")
    print(f"({time.perf_counter() - started:.0f} s; misses at 3 in {out.relative_to(ROOT)})", file=sys.stderr)


if __name__ == "__main__":
    main()
