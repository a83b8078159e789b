#!/usr/bin/env python3
"""Measure the compact search index: its size, its build time, and what a reader downloads per query.

    python bench/search_bench.py --count 20000            # synthetic collection (bench/generate.py)
    python bench/search_bench.py --site SITE_DIR          # a site already built with the plugin

For each typical query (a symbol, a printed number, one, two and three words, a word being typed) it reports
the bytes the search script fetches before showing the first page of results (manifest, term shards,
document chunks, plus search.js itself), stored and gzip-compressed. Writes ``bench/results/search.json``.

``measure_site(site_dir)`` is the function the build benchmark calls on a built site.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from resolutions.data import search_index  # noqa: E402
from resolutions.data.search_index import first_result_download  # noqa: E402

SCRIPT = ROOT / "site_templates" / "assets" / "search.js"


def typical_queries(symbol: str, number: str) -> dict[str, str]:
    """Queries a reader types: the symbol, the number, common and rarer words, a word half typed."""
    return {"symbol": symbol, "number": number, "one word": "sustainable", "two words": "human rights",
            "three words": "cooperation international development", "word being typed": "migra"}


def measure(reader, queries: dict[str, str]) -> dict[str, dict[str, int]]:
    script_bytes = SCRIPT.stat().st_size
    return {name: first_result_download(reader, query, script_bytes=script_bytes) for name, query in queries.items()}


def folder_reader(index_dir: Path):
    def read(name: str) -> bytes | None:
        path = index_dir / name
        return path.read_bytes() if path.is_file() else None
    return read


def index_totals(index_dir: Path) -> dict[str, int]:
    files = [p for p in index_dir.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files),
            "manifest_bytes": (index_dir / "manifest.json").stat().st_size}


def measure_site(site_dir: str | Path) -> dict:
    """Search figures of a built site: index totals and downloads per typical query (None without index)."""
    index_dir = Path(site_dir) / search_index.INDEX_FOLDER
    if not (index_dir / "manifest.json").is_file():
        return {}
    reader = folder_reader(index_dir)
    first_chunk = json.loads(reader("d/0.json"))
    symbol = first_chunk[0][1]
    number = symbol.split("/RES/")[-1] if "/RES/" in symbol else symbol
    return {"index": index_totals(index_dir), "queries": measure(reader, typical_queries(symbol, number))}


def measure_synthetic(count: int, seed: int) -> dict:
    import generate  # bench/generate.py
    from resolutions.cache import ParseCache, sources_under
    from resolutions.symbols import symbol_path

    folder = BENCH / "out" / f"search-{count}"
    if not folder.is_dir() or len(list(folder.glob("*.md"))) != count:
        generate.write_collection(folder, count, seed)
    started = time.perf_counter()
    resolutions = ParseCache(BENCH / "out" / "parse-cache").parse_all(sources_under(folder))
    parsed = time.perf_counter() - started
    pages = [(r, symbol_path(r.symbol) + "/") for r in resolutions if r.symbol]
    started = time.perf_counter()
    files = search_index.SearchIndexBuilder().build_for_pages(pages)
    built = time.perf_counter() - started
    sizes = [len(f.content.encode() if isinstance(f.content, str) else f.content) for f in files]
    reader = search_index.files_reader(files)
    symbol = pages[len(pages) // 2][0].symbol
    number = pages[len(pages) // 2][0].number or symbol
    return {
        "count": count, "parse_seconds": round(parsed, 2), "index_build_seconds": round(built, 2),
        "index": {"files": len(files), "bytes": sum(sizes), "largest_file_bytes": max(sizes),
                  "manifest_bytes": sizes[-1]},
        "queries": {name: {"query": query, **figures} for (name, query), figures in
                    zip(typical_queries(symbol, number).items(),
                        measure(reader, typical_queries(symbol, number)).values())},
    }


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=1000)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--site", help="measure a built site instead of a synthetic collection")
    args = options.parse_args(argv)
    figures = measure_site(args.site) if args.site else measure_synthetic(args.count, args.seed)
    figures.update({
        "command": "python bench/search_bench.py " + " ".join(argv),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
    })
    print(json.dumps(figures, indent=2))
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / "search.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
