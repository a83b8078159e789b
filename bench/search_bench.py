#!/usr/bin/env python3
"""Measure the search: how long Pagefind takes to index a collection, how big the bundle is, and what a reader
downloads before the first results appear.

    python bench/search_bench.py --count 1000            # synthetic collection (bench/generate.py), indexed
    python bench/search_bench.py --site SITE_DIR         # a site already built with the plugin

``--count``: parses the collection, makes the records (``search_records``) and runs the Pagefind process over
them the way a build does (``PagefindBundle``), timing each step (wall time, and the CPU time of the processes
it starts); then builds the symbol lookup and measures the downloads on the result. ``--site``: only the
downloads. Downloads are measured in Debian's Chromium: for each typical query, a fresh browser (cold cache)
opens ``search/?q=...`` of the site served on 127.0.0.1 and every request of the search (its script,
Pagefind's script, WebAssembly, index chunks and fragments, the symbol lookup) is counted until the results
show: bytes as stored and as a static host sends them (text files gzip-compressed; Pagefind's index files are
compressed already). Writes ``bench/results/search.json``.

``measure_site(site_dir, queries)`` is what the build benchmark calls on a built site.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from search_quality import CHROMIUM, CHROMIUM_ARGS, served  # noqa: E402

SEARCH_PATHS = ("pagefind/", "search-symbols/", "assets/search.js")
"""Site paths whose downloads belong to the search."""

TEXT_SUFFIXES = (".js", ".json", ".css")
"""Files a static host compresses on the way (Pagefind's own index files are stored compressed)."""


def typical_queries(number: str) -> dict[str, str]:
    """Queries a reader types: a symbol's number, one, two and three words, a phrase, rarer words (among the
    build benchmark's queries too), words with "of" and "the"."""
    return {"number": number, "one word": "sustainable", "two words": "human rights",
            "three words": "cooperation international development", "phrase": '"climate change"',
            "rare word": "desertification", "two rarer words": "migrant workers",
            "words with of and the": "rights of the child"}


def measure_site(site_dir: Path, queries: dict[str, str], browser=None) -> dict:
    """Bundle size and, per query, the downloads before the first results (``files``, ``bytes``, ``gzip_bytes``)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return measure_site(site_dir, queries, launched)
            finally:
                launched.close()
    figures: dict = {"bundle": _folder_size(site_dir / "pagefind"),
                     "symbol_lookup": _folder_size(site_dir / "search-symbols"), "queries": {}}
    requested: list[str] = []
    with served(site_dir, requested) as base:
        for name, query in queries.items():
            context = browser.new_context()  # a cold cache for each query
            page = context.new_page()
            page.goto(base + "search/?q=" + quote(query), wait_until="load")
            page.wait_for_selector(".res-search-page__results li", timeout=60_000)
            page.wait_for_timeout(300)  # the last fragments of the page of results
            paths = sorted({unquote(p).lstrip("/") for p in requested if p.lstrip("/").startswith(SEARCH_PATHS)})
            requested.clear()
            raw = [(site_dir / p).read_bytes() for p in paths if (site_dir / p).is_file()]
            sent = [len(gzip.compress(data, 6)) if path.endswith(TEXT_SUFFIXES) else len(data)
                    for path, data in zip(paths, raw)]
            kinds: dict[str, int] = {}
            for path, size in zip(paths, sent):
                kinds[_kind(path)] = kinds.get(_kind(path), 0) + size
            figures["queries"][name] = {"query": query, "files": len(raw), "bytes": sum(map(len, raw)),
                                        "gzip_bytes": sum(sent), "gzip_bytes_by_kind": kinds}
            context.close()
    worst = max(figures["queries"].values(), key=lambda q: q["gzip_bytes"])
    figures["first_result_gzip_bytes_worst"] = worst["gzip_bytes"]
    return figures


def _kind(path: str) -> str:
    """What a downloaded search file is: script, wasm, meta, entry, filter, index, fragment or symbols."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith("search-symbols/"):
        return "symbols"
    for kind, pattern in (("index", ".pf_index"), ("fragment", ".pf_fragment"), ("filter", ".pf_filter"),
                          ("meta", ".pf_meta"), ("wasm", "wasm."), ("entry", "pagefind-entry.json")):
        if pattern in name:
            return kind
    return "script"


def _folder_size(folder: Path) -> dict[str, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def index_collection(count: int, out: Path) -> tuple[dict, str]:
    """Generate, parse and index ``count`` resolutions into ``out`` (a site folder); timings, and one number."""
    import generate
    from resolutions.data import search_records
    from resolutions.mkdocs_adapter.pagefind_index import PagefindBundle
    from resolutions.parse.parser import parse_file

    sources = Path(tempfile.mkdtemp(prefix="search-bench-"))
    paths = generate.write_collection(sources, count, 1, 1000)
    started = time.perf_counter()
    resolutions = [parse_file(path) for path in paths]
    parsed = time.perf_counter()
    shutil.rmtree(sources)
    pages = [(res, res.symbol.replace(" ", "") + "/") for res in resolutions if res.symbol]
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    bundle = PagefindBundle()
    problems = bundle.start(search_records.records(pages), str(out))
    records_written = time.perf_counter()
    problems += bundle.finish()
    indexed = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    for data_file in search_records.symbol_lookup_files(pages):
        target = out / data_file.dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = data_file.data()
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    lookup_done = time.perf_counter()
    if problems:
        raise SystemExit("\n".join(problems))
    number = next(res.number for res, _ in pages if res.symbol.startswith("A/RES/"))
    return {"count": count, "parse_seconds": round(parsed - started, 2),
            "records_seconds_in_build_process": round(records_written - parsed, 2),
            "pagefind_wall_seconds": round(indexed - parsed, 2),
            "pagefind_cpu_seconds": round((children.ru_utime + children.ru_stime)
                                          - (children_before.ru_utime + children_before.ru_stime), 2),
            "pagefind_peak_rss_mb": round(children.ru_maxrss / 1024),
            "symbol_lookup_seconds": round(lookup_done - indexed, 2)}, number


def _search_page(site: Path) -> None:
    """A minimal search page with the site's script, for a bundle indexed without a whole build."""
    (site / "search").mkdir(parents=True, exist_ok=True)
    (site / "assets").mkdir(exist_ok=True)
    theme = ROOT / "plugins" / "resolutions" / "mkdocs_adapter" / "theme"
    (site / "assets" / "search.js").write_bytes((theme / "assets" / "search.js").read_bytes())
    template = (theme / "resolutions_search.html").read_text(encoding="utf-8")
    body = template.split("{% block content %}")[1].split("{% endblock %}")[0].replace("{{ page.title | e }}", "Search")
    (site / "search" / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><body><script id="__config" type="application/json">{"base": ".."}</script>'
        f'{body}<script src="../assets/search.js"></script></body></html>',
        encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, help="index a synthetic collection of this many resolutions")
    parser.add_argument("--site", type=Path, help="a site built with the plugin")
    args = parser.parse_args()
    if not args.count and not args.site:
        parser.error("give --count or --site")
    result: dict = {}
    if args.count:
        site = Path(tempfile.mkdtemp(prefix="search-bench-site-"))
        try:
            result, number = index_collection(args.count, site)
            _search_page(site)
            result.update(measure_site(site, typical_queries(number)))
        finally:
            shutil.rmtree(site)
    else:
        result.update(measure_site(args.site, typical_queries("1/1")))
    result.update(command="python bench/search_bench.py " + " ".join(sys.argv[1:]),
                  date=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  machine=f"{platform.machine()}, {os.cpu_count()} cores, shared with other work")
    out = BENCH / "results" / "search.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
