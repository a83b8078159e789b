"""Reading a built site's search files in tests: the pages Pagefind indexed, the symbol lookup's answers, and a
site's files without the Pagefind bundle (whose filter files are named differently at every run)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from resolutions.data import search_records
from resolutions.data.search_records import lookup_key, shard_of


def fragments(site_dir: Path) -> list[dict]:
    """Every page Pagefind indexed in ``site_dir/pagefind``: url, content, anchors, filters, meta."""
    found = []
    for path in sorted((site_dir / search_records.PAGEFIND_FOLDER / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data[len(b"pagefind_dcd"):]))
    return found


def without_pagefind(files: dict[str, bytes]) -> dict[str, bytes]:
    """A site's files (path -> content) without the Pagefind bundle, whose filter files are named differently at
    every run (Pagefind writes their values in no fixed order): compare bundles with ``fragments``."""
    return {name: content for name, content in files.items() if not name.startswith("pagefind/")}


def symbol_lookup(site_dir: Path, query: str) -> list[list[str]]:
    """What the symbol lookup of ``site_dir`` answers for ``query``, the way search.js reads it."""
    folder = site_dir / search_records.SYMBOLS_FOLDER
    shards = json.loads((folder / "shards.json").read_text(encoding="utf-8"))["shards"]
    key = lookup_key(query)
    return json.loads((folder / f"{shard_of(key, shards)}.json").read_text(encoding="utf-8")).get(key, [])
