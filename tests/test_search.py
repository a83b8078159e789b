"""The site's search index: Pagefind records from the model, the symbol lookup, and the bundle a build writes.

What a user relies on: every spelling of a symbol a reader types finds its document first (the lookup key and
the shard search.js computes are the ones the index was written with); a record holds the page's text with an
anchor before every paragraph, its filters and its readable date, escaped; ``mkdocs build`` writes a Pagefind
bundle of every resolution page under the site folder, and a Pagefind that cannot run is reported, not hidden.
The browser side (ranking, excerpts, filters, keyboard) is checked in tests/browser/test_search_journey.py.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

from resolutions.data import search_records
from resolutions.data.search_records import (
    lookup_key,
    record_html,
    shard_of,
    symbol_keys,
    symbol_lookup_files,
)
from resolutions.mkdocs_adapter.pagefind_index import PagefindBundle
from resolutions.parse import parser
from search_bundle import fragments

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "sites" / "basic" / "docs" / "resolutions"


@pytest.fixture(scope="module")
def fixtures():
    return [parser.parse_file(p) for p in sorted(FIXTURES.rglob("*.md"))]


def _by_symbol(resolutions, symbol):
    return next(r for r in resolutions if r.symbol == symbol)


# -- the symbol lookup ---------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, key", [
    ("S/RES/1325 (2000)", "s/res/1325(2000)"),
    ("A / RES / 51 / 148.", "a/res/51/148"),
    ("E/RES/2021/2 B", "e/res/2021/2b"),
    ("Côte", "cote"),
])
def test_lookup_keys_ignore_case_spaces_accents_and_a_final_full_stop(typed, key):
    assert lookup_key(typed) == key


def test_a_resolution_is_found_by_its_symbol_its_number_and_a_security_council_number_alone(fixtures):
    ga = dict(symbol_keys(_by_symbol(fixtures, "A/RES/60/10")))
    assert ga == {"a/res/60/10": 0, "60/10": 0}
    sc = dict(symbol_keys(_by_symbol(fixtures, "S/RES/1600 (2005)")))
    assert sc["s/res/1600(2005)"] == 0 and sc["1600(2005)"] == 0
    assert sc["1600"] == 1  # a shorter form: after any document whose own number it is


def test_a_shorter_spelling_lists_the_document_whose_own_symbol_it_is_first(fixtures):
    base = _by_symbol(fixtures, "A/RES/60/10")
    part_b = dataclasses.replace(base, symbol="E/RES/2021/2 B", number="2021/2 B")
    whole = dataclasses.replace(base, symbol="E/RES/2021/2", number="2021/2")
    pages = [(part_b, "E/RES/2021/2B/"), (whole, "E/RES/2021/2/")]
    files = {f.dest_uri: f.data() for f in symbol_lookup_files(pages)}
    shards = json.loads(files["search-symbols/shards.json"])["shards"]

    def answer(query):
        key = lookup_key(query)
        return [hit[1] for hit in json.loads(files[f"search-symbols/{shard_of(key, shards)}.json"]).get(key, [])]

    assert answer("2021/2") == ["E/RES/2021/2", "E/RES/2021/2 B"]
    assert answer("E/RES/2021/2 B") == ["E/RES/2021/2 B"]
    assert answer("e/res/2021/2") == ["E/RES/2021/2", "E/RES/2021/2 B"]


def test_lookup_files_stay_small_and_every_key_is_in_the_shard_its_hash_names(fixtures):
    base = _by_symbol(fixtures, "A/RES/60/10")
    pages = [(dataclasses.replace(base, symbol=f"A/RES/70/{n}", number=f"70/{n}"), f"A/RES/70/{n}/")
             for n in range(1, 1001)]
    files = {f.dest_uri: json.loads(f.data()) for f in symbol_lookup_files(pages)}
    shards = files.pop("search-symbols/shards.json")["shards"]
    assert shards == len(files) == 5  # 2,000 keys, 400 a file
    for name, content in files.items():
        number = int(name.rsplit("/", 1)[1].removesuffix(".json"))
        assert all(shard_of(key, shards) == number for key in content)
    assert max(len(json.dumps(content)) for content in files.values()) < 80_000
    hit = files[f"search-symbols/{shard_of('70/148', shards)}.json"]["70/148"]
    assert hit == [["A/RES/70/148/", "A/RES/70/148", base.title, "3 November 2005"]]


# -- Pagefind records ----------------------------------------------------------------------------------

def test_a_record_holds_the_text_after_each_paragraphs_anchor_with_filters_and_a_readable_date(fixtures):
    resolution = _by_symbol(fixtures, "A/RES/60/10")
    html = record_html(resolution, "A/RES/60/10/")
    assert f"<h1>{resolution.title}</h1>" in html
    first = resolution.operative[0]
    assert f'<p><i id="{first.id}"></i>' in html
    assert '<meta data-pagefind-meta="date[content]" content="3 November 2005">' in html
    assert '<meta data-pagefind-sort="date[content]" content="2005-11-03">' in html
    filters = search_records.filters_of(resolution)
    assert filters["body"] == ["General Assembly"] and filters["kind"] == ["resolution"]
    assert filters["year"] == ["2005"] and filters["session"] == ["General Assembly, Sixtieth session"]
    assert filters["agenda item"] and all(item.startswith(tuple("0123456789")) for item in filters["agenda item"])


def test_a_record_escapes_source_text_and_leaves_out_what_the_source_does_not_say(fixtures):
    base = _by_symbol(fixtures, "A/RES/60/10")
    paragraph = dataclasses.replace(base.operative[0], text='Decides <script>alert("x")</script> & more')
    hostile = dataclasses.replace(base, title="Title <b>bold</b>", operative=(paragraph,), adopted=None, vote=None)
    html = record_html(hostile, "A/RES/60/10/")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp; more" in html
    filters = search_records.filters_of(hostile)
    assert "year" not in filters and "vote" not in filters
    assert "data-pagefind-sort" not in html  # no date, no guessed one


# -- the bundle ----------------------------------------------------------------------------------------

def test_pagefind_indexes_every_record_with_its_anchors_filters_and_metadata(fixtures, tmp_path):
    pages = [(res, res.symbol.replace(" ", "") + "/") for res in fixtures]
    bundle = PagefindBundle()
    assert bundle.start(search_records.records(pages), str(tmp_path)) == []
    assert bundle.finish() == []
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(fixtures)
    indexed = {fragment["url"]: fragment for fragment in fragments(tmp_path)}
    ten = indexed["/A/RES/60/10/"]
    resolution = _by_symbol(fixtures, "A/RES/60/10")
    assert ten["meta"]["symbol"] == "A/RES/60/10" and ten["meta"]["title"] == resolution.title
    assert ten["filters"]["body"] == ["General Assembly"]
    anchors = {anchor["id"]: anchor for anchor in ten["anchors"]}
    assert resolution.operative[0].id in anchors
    words = ten["content"].split()
    start = anchors[resolution.operative[0].id]["location"]
    assert " ".join(words[start:start + 3]) == " ".join(resolution.operative[0].text.split()[:3])


def test_a_pagefind_that_cannot_run_is_reported(fixtures, tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    bundle = PagefindBundle()
    assert bundle.start(search_records.records([(fixtures[0], "A/")]), str(tmp_path)) == []
    problems = bundle.finish()
    assert problems and problems[0].startswith("search index not built: Pagefind could not run")
    assert not (tmp_path / "pagefind" / "pagefind-entry.json").exists()


def test_a_cancelled_indexing_leaves_nothing_in_the_temporary_folder(fixtures, tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))  # where the bundle makes its work folder
    pages = [(res, res.symbol.replace(" ", "") + "/") for res in fixtures]
    bundle = PagefindBundle()  # stopped before the process has read its records
    assert bundle.start(search_records.records(pages), str(tmp_path / "site")) == []
    bundle.cancel()
    assert list(temporary.iterdir()) == []

    bundle = PagefindBundle()  # stopped once it has written its temporary pages
    assert bundle.start(search_records.records(pages), str(tmp_path / "site")) == []
    deadline = time.monotonic() + 30
    while not any((path / "pages").is_dir() for path in temporary.iterdir()):
        assert time.monotonic() < deadline, "the indexing process wrote no temporary pages"
        time.sleep(0.005)
    bundle.cancel()
    assert list(temporary.iterdir()) == []


def test_an_indexing_process_that_cannot_start_is_reported_and_leaves_nothing(fixtures, tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("resolutions.mkdocs_adapter.pagefind_index.subprocess.Popen", refused)
    pages = [(res, res.symbol.replace(" ", "") + "/") for res in fixtures]
    bundle = PagefindBundle()
    problems = bundle.start(search_records.records(pages), str(tmp_path / "site"))
    assert problems == ["search index not built: the indexing process could not start ([Errno 13] Permission denied)"]
    assert list(temporary.iterdir()) == []
    assert bundle.finish() == []
