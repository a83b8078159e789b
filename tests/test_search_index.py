"""The compact search index: finds by symbol, number and words; stays small per query; search.js agrees."""

from __future__ import annotations

import functools
import itertools
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from resolutions.data import search_index
from resolutions.model import Footnote, Paragraph, Resolution
from resolutions.data.search_index import (
    IndexClient,
    SearchDocument,
    SearchIndexBuilder,
    build_search_files,
    document_for,
    files_reader,
    first_result_download,
    query_terms,
    symbol_key,
)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "site_templates" / "assets" / "search.js"


def resolution(symbol: str, number: str, title: str, paragraphs: list[str], footnote: str = "") -> Resolution:
    operative = tuple(Paragraph(f"para-{i}", "operative", str(i), text, 10 + i)
                      for i, text in enumerate(paragraphs, start=1))
    notes = (Footnote("1", "fn-1", footnote, 40),) if footnote else ()
    return Resolution(
        source=f"{symbol}.md", kind="resolution", body="General Assembly", symbol=symbol, number=number,
        title=title, session=number.split("/")[0], session_text=None, agenda_items=(), issued=None,
        adopted="1996-12-13", meeting=None, proponent=None, documents=(), enacting_formula=None, preamble=(),
        operative=operative, sections=(), parts=(), annexes=(), footnotes=notes, citations=(), vote=None,
    )


SAMPLE = [
    resolution("A/RES/51/148", "51/148", "Cooperation between the United Nations and the International "
               "Organization for Migration", ["Welcomes the cooperation agreement", "Requests the Secretary-General "
               "to report on the protection of migrants"], footnote="Official Records, Supplement No. 49"),
    resolution("A/RES/51/149", "51/149", "Question of Western Sahara", ["Reaffirms the right of peoples"]),
    resolution("A/RES/51/1480", "51/1480", "A made-up neighbour of 51/148", ["Notes the report"]),
    resolution("S/RES/1325 (2000)", "1325 (2000)", "Women and peace and security",
               ["Urges Member States to ensure increased representation of women at all decision-making levels"]),
    resolution("A/RES/52/1", "52/1", "Côte d'Ivoire", ["Takes note of the élections"]),
]


def index_for(resolutions: list[Resolution]) -> IndexClient:
    documents = [document_for(r, r.symbol.replace(" ", "") + "/") for r in resolutions]
    return IndexClient(files_reader(build_search_files(documents)))


@pytest.mark.parametrize("query, expected_url", [
    ("51/148", "A/RES/51/148/"),
    ("A/RES/51/148", "A/RES/51/148/"),
    ("a/res/51/148", "A/RES/51/148/"),
    ("S/RES/1325 (2000)", "S/RES/1325(2000)/"),
    ("S/RES/1325(2000)", "S/RES/1325(2000)/"),
    ("1325 (2000)", "S/RES/1325(2000)/"),
    ("1325", "S/RES/1325(2000)/"),
    ("migration", "A/RES/51/148/"),
    ("protection of migrants", "A/RES/51/148/#para-2"),
    ("representation women", "S/RES/1325(2000)/#para-1"),
    ("Western Sahar", "A/RES/51/149/"),
    ("cote d'ivoire", "A/RES/52/1/"),
    ("elections", "A/RES/52/1/#para-1"),
    ("supplement", "A/RES/51/148/#fn-1"),
])
def test_first_result(query: str, expected_url: str) -> None:
    hits = index_for(SAMPLE).search(query)
    assert hits, f"no result for {query!r}"
    assert hits[0].url == expected_url


def test_exact_symbol_outranks_the_symbol_it_begins() -> None:
    urls = [hit.url for hit in index_for(SAMPLE).search("51/148")]
    assert urls[:2] == ["A/RES/51/148/", "A/RES/51/1480/"]


def test_no_result_for_absent_word_and_for_stop_words_only() -> None:
    client = index_for(SAMPLE)
    assert client.search("zanzibar") == []
    assert client.search("the of and") == []


@pytest.mark.parametrize("query, terms", [
    ("A/RES/51/148", ["a/res/51/148"]),
    ("S/RES/1325 (2000).", ["s/res/1325(2000)"]),
    ("resolution 51/148, para", ["resolution", "51/148", "para"]),
    ("The Rights of the Child", ["rights", "child"]),
    ("(Rights)", ["rights"]),
    ("1325 (2000)", ["1325(2000)"]),
    ("Réfugiés", ["refugies"]),
])
def test_query_terms(query: str, terms: list[str]) -> None:
    assert query_terms(query) == terms


def test_symbol_key() -> None:
    assert symbol_key("S/RES/1325 (2000)") == "s/res/1325(2000)"
    assert symbol_key("A/RES/75/253 B") == "a/res/75/253b"


def synthetic_documents(count: int, seed: int = 5) -> list[SearchDocument]:
    """Many documents with a Zipf-like vocabulary, so some words are in nearly every document."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(4000)] + ["development", "rights", "peace", "security"]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    documents = []
    for n in range(count):
        blocks = []
        for p in range(12):
            text = " ".join(rng.choices(vocabulary, cum_weights=weights, k=40))
            blocks.append((f"para-{p + 1}", text + " development rights"))
        symbol = f"A/RES/{n // 300 + 1}/{n % 300 + 1}"
        documents.append(SearchDocument(symbol + "/", symbol, f"Title {n} peace", "2000-01-01",
                                        (symbol_key(symbol), symbol_key(symbol[6:])), tuple(blocks)))
    return documents


@functools.lru_cache(maxsize=None)
def synthetic_files(count: int) -> tuple:
    return tuple(build_search_files(synthetic_documents(count)))


def test_files_stay_small_as_the_collection_grows() -> None:
    files = synthetic_files(1000)
    sizes = {f.dest_uri: len(f.content.encode()) for f in files}
    manifest = json.loads(next(f.content for f in files if f.dest_uri.endswith("manifest.json")))
    assert manifest["documents"] == 1000
    largest_shard = max(size for name, size in sizes.items() if "/t/" in name)
    assert largest_shard < 4 * search_index.SHARD_BYTES
    # A word in every document keeps only MAX_POSTINGS postings but records the true count.
    client = IndexClient(files_reader(files))
    client.search("development")
    shard = next(v for k, v in client._cache.items() if k.startswith("t/") and "development" in v)
    assert shard["development"][0] == 1000
    assert (len(shard["development"]) - 1) // 3 == search_index.MAX_POSTINGS


def test_first_result_download_counts_what_a_query_fetches() -> None:
    reader = files_reader(synthetic_files(1000))
    measured = first_result_download(reader, "development rights peace", script_bytes=1000)
    assert 3 <= measured["files"] <= 3 + 1 + 2 + search_index.RESULTS_SHOWN
    assert measured["bytes"] < 1_000_000
    assert measured["gzip_bytes"] < measured["bytes"]
    symbol_query = first_result_download(reader, "A/RES/3/7")
    assert symbol_query["bytes"] < 100_000  # manifest, one or two shards (the prefix), a few document chunks


def test_every_document_is_findable_by_its_symbol() -> None:
    documents = synthetic_documents(400)
    client = IndexClient(files_reader(build_search_files(documents)))
    for document in documents[::37]:
        assert client.search(document.symbol)[0].url == document.url


def test_builder_reuses_terms_of_unchanged_documents() -> None:
    documents = synthetic_documents(20)
    builder = SearchIndexBuilder()
    first = builder.build(documents)
    memo = dict(builder._memo)
    edited = list(documents)
    edited[3] = SearchDocument(**{**documents[3].__dict__, "title": "A brand new zanzibar title"})
    second = builder.build(edited)
    assert all(builder._memo[id(d)][1] is memo[id(d)][1] for i, d in enumerate(edited) if i != 3)
    assert IndexClient(files_reader(second)).search("zanzibar")[0].url == documents[3].url
    assert IndexClient(files_reader(first)).search("zanzibar") == []
    assert second == build_search_files(edited)  # the memo never changes the output


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed: search.js is checked against Python only with it")
def test_search_js_ranks_like_the_python_client(tmp_path: Path) -> None:
    documents = [document_for(r, r.symbol.replace(" ", "") + "/") for r in SAMPLE] + synthetic_documents(300)
    files = build_search_files(documents)
    for f in files:
        target = tmp_path / f.dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.content, encoding="utf-8")
    queries = ["51/148", "A/RES/51/148", "S/RES/1325 (2000)", "1325", "migrants protection", "Western Sahar",
               "cote d'ivoire", "development w1", "w12 w3", "peace", "a/res/1/", "zanzibar", "the"]
    harness = f"""
const api = require({json.dumps(str(SCRIPT))});
const fs = require("fs");
const folder = {json.dumps(str(tmp_path / search_index.INDEX_FOLDER))};
const client = new api.IndexClient(name => Promise.resolve(
  fs.existsSync(folder + "/" + name) ? JSON.parse(fs.readFileSync(folder + "/" + name, "utf8")) : null));
const queries = {json.dumps(queries)};
Promise.all(queries.map(q => client.search(q))).then(all => {{
  console.log(JSON.stringify(all.map(hits => hits.map(h => [h.url, h.score]))));
}});
"""
    output = subprocess.run([NODE, "-e", harness], capture_output=True, text=True, check=True, timeout=60).stdout
    from_js = json.loads(output)
    reader = files_reader(files)
    for query, js_hits in zip(queries, from_js):
        py_hits = [[hit.url, hit.score] for hit in IndexClient(reader).search(query)]
        assert js_hits == py_hits, query


def test_rebuild_after_edits_equals_a_full_build() -> None:
    documents = synthetic_documents(150)
    builder = SearchIndexBuilder()
    builder.build(documents)
    edited = list(documents)
    edited[7] = SearchDocument(**{**documents[7].__dict__, "title": "Zanzibar", "blocks": (("para-1", "w1 fresh"),)})
    edited[99] = SearchDocument(**{**documents[99].__dict__, "blocks": documents[99].blocks[:3]})
    assert builder.build(edited) == build_search_files(edited)
    assert IndexClient(files_reader(builder.build(edited))).search("zanzibar")[0].url == documents[7].url
    restored = builder.build(documents)  # and back: terms that disappeared come back, none is left over
    assert restored == build_search_files(documents)
    reordered = documents[1:] + documents[:1]  # other numbering: a full build, still the same result
    assert builder.build(reordered) == build_search_files(reordered)


def test_builder_without_memo_writes_the_same_files() -> None:
    # A one-off build holds one document's terms at a time; same output.
    documents = synthetic_documents(150)
    one_off = SearchIndexBuilder(remember=False)
    assert one_off.build(documents) == SearchIndexBuilder().build(documents)
    assert one_off._previous is None and not one_off._memo
