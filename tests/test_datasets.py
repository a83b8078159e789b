"""Data exports on hand-built resolutions: collection JSON and citation graph, CSV, Atom feed, index.json."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest

from resolutions.data import datasets
from resolutions.data import export
from resolutions.site.collection import Collection
from resolutions.model import Citation, Meeting, Resolution, Vote

from test_views import make, plenary

ATOM = "{http://www.w3.org/2005/Atom}"


def citing(res: Resolution, *citations: Citation) -> Resolution:
    from dataclasses import replace

    return replace(res, citations=citations)


@pytest.fixture()
def collection_of_three():
    old = make("A/RES/47/4", title="Observer status for the IOM", session="47", adopted="1992-10-16",
               meeting=plenary(34, "1992-10-16"), vote=Vote("without vote"))
    new = citing(
        make("A/RES/51/148", title="Cooperation between the UN and the IOM", meeting=plenary(84, "1996-12-13"),
             vote=Vote("recorded vote", 150, 2, 10)),
        Citation("A/RES/47/4", "resolution", None, "resolution 47/4", "pp-1", 20),
        Citation("A/RES/47/4", "resolution", None, "resolution 47/4", "pp-1", 20),  # same block: one edge
        Citation("A/RES/50/123", "resolution", None, "resolution 50/123", "para-5", 30),  # not in the collection
    )
    formula = make("A/RES/51/149", title="=HYPERLINK(\"x\")", adopted="1996-12-13")
    return [old, new, formula]


def files_by_uri(files):
    return {f.dest_uri: f.text() for f in files}


def test_files_written_in_one_pass_are_the_files_made_one_by_one(collection_of_three, tmp_path):
    from resolutions.mkdocs_adapter.site_folder import write_files
    from resolutions.site.site_plan import GeneratedTogether

    from site_files import site_files

    built = Collection.build(collection_of_three)
    one_by_one = datasets.site_files(collection_of_three, lambda s: s + "/", "https://example.org/un/", built)
    together = datasets.site_files(collection_of_three, lambda s: s + "/", "https://example.org/un/", built,
                                   together=True)
    assert isinstance(together[0], GeneratedTogether) and len(together) == 3  # with the CSV and the feed
    assert write_files(str(tmp_path / "pass"), together) == []
    assert site_files(tmp_path / "pass") == {f.dest_uri: f.data() for f in one_by_one}


def test_site_files_names(collection_of_three):
    files = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/", "https://example.org/un/"))
    assert set(files) == {
        "A/RES/47/4/index.json", "A/RES/51/148/index.json", "A/RES/51/149/index.json",
        "resolutions.json", "resolutions.csv", "feed.xml",
    }


def test_index_json_is_the_parse_json_contract_and_round_trips(collection_of_three):
    files = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/"))
    data = json.loads(files["A/RES/51/148/index.json"])
    # The site's index.json adds the resolution's series and neighbouring editions (none here) at the end.
    assert list(data)[-3:] == ["series", "previous", "next"]
    assert {key: data.pop(key) for key in ("series", "previous", "next")} == dict.fromkeys(("series", "previous", "next"))
    assert data == export.resolution_to_dict(collection_of_three[1])
    assert export.resolution_from_dict(data) == collection_of_three[1]


def test_collection_json_has_every_resolution_and_the_resolved_graph(collection_of_three):
    files = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/", "https://example.org/un"))
    document = json.loads(files["resolutions.json"])
    assert document["count"] == 3
    assert [e["url"] for e in document["resolutions"]][0] == "https://example.org/un/A/RES/47/4/"
    models = [export.resolution_from_dict(e["resolution"]) for e in document["resolutions"]]
    assert models == collection_of_three
    assert document["citations"] == [
        {"from": "A/RES/51/148", "to": "A/RES/47/4", "where": "pp-1", "paragraph": None,
         "text": "resolution 47/4", "href": "A/RES/47/4/"}
    ]
    assert "United Nations" in document["notice"]


def test_csv_one_row_per_resolution(collection_of_three):
    text = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/"))["resolutions.csv"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["symbol"] for r in rows] == ["A/RES/47/4", "A/RES/51/148", "A/RES/51/149"]
    assert tuple(rows[0]) == datasets.CSV_COLUMNS
    second = rows[1]
    assert (second["session"], second["agenda_items"], second["meeting"], second["meeting_record"]) == (
        "51", "161", "84th plenary meeting", "A/51/PV.84"
    )
    assert (second["vote"], second["in_favour"], second["against"], second["abstaining"]) == ("recorded vote", "150", "2", "10")
    assert rows[2]["title"].startswith("'=")  # not run as a spreadsheet formula


def test_feed_is_atom_with_the_required_elements(collection_of_three):
    text = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/", "https://example.org/"))["feed.xml"]
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "https://undocs.org/A/RES/51/148", "https://undocs.org/A/RES/51/149", "https://undocs.org/A/RES/47/4"
    ]
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}updated").text.endswith("T00:00:00Z")
        alternate = [l for l in entry.findall(f"{ATOM}link") if l.get("type") == "text/html"]
        assert alternate and alternate[0].get("href").startswith("https://example.org/")
    assert feed.find(f"{ATOM}updated").text == "1996-12-13T00:00:00Z"


def test_feed_is_limited_and_deterministic():
    many = [make(f"A/RES/51/{n}", adopted=f"1996-12-{n % 28 + 1:02d}") for n in range(1, 80)]
    first = files_by_uri(datasets.site_files(many, lambda s: s + "/"))["feed.xml"]
    again = files_by_uri(datasets.site_files(list(reversed(many)), lambda s: s + "/"))["feed.xml"]
    assert len(ET.fromstring(first).findall(f"{ATOM}entry")) == datasets.FEED_ENTRIES
    assert first == again


def test_no_file_for_unsafe_urls_duplicates_or_missing_symbols():
    from dataclasses import replace

    good = make("A/RES/51/1")
    duplicate = replace(make("A/RES/51/1"), source="other.md")
    nameless = replace(make("A/RES/51/2"), symbol=None)
    files = datasets.site_files([good, duplicate, nameless], lambda s: "../../etc/" if s.endswith("/1") else s + "/")
    assert not any(".." in f.dest_uri for f in files)
    files = datasets.site_files([good, duplicate, nameless], lambda s: s + "/")
    assert sorted(f.dest_uri for f in files if f.dest_uri.endswith("index.json")) == ["A/RES/51/1/index.json"]


def test_prebuilt_collection_is_used(collection_of_three):
    built = Collection.build(collection_of_three)
    same = datasets.site_files(collection_of_three, lambda s: s + "/", collection=built)
    assert files_by_uri(same) == files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/"))


def test_meeting_records_derived_per_body_or_left_empty():
    ecosoc = make("E/RES/2021/1", body="Economic and Social Council", session="2021",
                  meeting=Meeting(8, "plenary", False, "2021-07-21", 3))
    other = make("A/HRC/RES/47/1", body="Human Rights Council", session="47",
                 meeting=Meeting(40, "meeting", False, "2021-07-12", 3))
    text = files_by_uri(datasets.site_files([ecosoc, other], lambda s: s + "/"))["resolutions.csv"]
    assert [r["meeting_record"] for r in csv.DictReader(io.StringIO(text))] == ["E/2021/SR.8", ""]


def test_exported_models_validate_against_the_schema(collection_of_three):
    jsonschema = pytest.importorskip("jsonschema")
    schema = export.load_schema()
    files = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/"))
    document = json.loads(files["resolutions.json"])
    for entry in document["resolutions"]:
        jsonschema.validate(entry["resolution"], schema)
    jsonschema.validate(json.loads(files["A/RES/51/148/index.json"]), schema)


def assert_atom_rfc4287(feed: ET.Element) -> None:
    """The RFC 4287 constraints a reader relies on (no offline Atom validator is packaged on PyPI)."""
    import re
    from urllib.parse import urlparse

    rfc3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
    assert feed.tag == f"{ATOM}feed"

    def exactly_one(parent: ET.Element, name: str) -> ET.Element:
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) == 1, (name, len(found))
        return found[0]

    for name in ("id", "title", "updated"):
        exactly_one(feed, name)
    assert rfc3339.match(feed.find(f"{ATOM}updated").text)
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        ids.append(exactly_one(entry, "id").text)
        assert urlparse(ids[-1]).scheme, ids[-1]  # an IRI, not a relative reference
        assert exactly_one(entry, "title").text
        assert rfc3339.match(exactly_one(entry, "updated").text)
        assert feed_has_author or entry.find(f"{ATOM}author") is not None
        alternates = [(l.get("type"), l.get("hreflang")) for l in entry.findall(f"{ATOM}link") if l.get("rel", "alternate") == "alternate"]
        assert len(alternates) == len(set(alternates))  # at most one alternate per type and language
        assert entry.find(f"{ATOM}content") is not None or alternates  # else content is required
    assert len(ids) == len(set(ids))


def test_feed_meets_rfc4287(collection_of_three):
    for site_url in ("https://example.org/", None):
        text = files_by_uri(datasets.site_files(collection_of_three, lambda s: s + "/", site_url))["feed.xml"]
        assert_atom_rfc4287(ET.fromstring(text.encode("utf-8")))


def test_a_csv_written_in_chunks_is_the_same_file_with_every_cell_guarded():
    from resolutions.data.spreadsheet import csv_chunks, csv_text

    rows = [(f"A/RES/{n}", "=1+1" if n % 3 == 0 else f"a, \"quoted\" {n}", None, n) for n in range(7)]
    chunks = list(csv_chunks(("symbol", "title", "empty", "n"), rows, rows_per_chunk=2))
    assert len(chunks) == 4 and chunks[0].startswith("symbol,title,empty,n\r\n")
    text = "".join(chunks)
    assert text == csv_text(("symbol", "title", "empty", "n"), rows)
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[1] == ["A/RES/0", "'=1+1", "", "0"] and parsed[2] == ["A/RES/1", 'a, "quoted" 1', "", "1"]
    assert len(parsed) == 8
    assert list(csv_chunks(("symbol",), [])) == ["symbol\r\n"]


def test_a_csv_row_is_written_as_the_csv_module_writes_it():
    from resolutions.data.spreadsheet import csv_text, formula_safe_cell

    cells = ["", "plain", "a, b", 'say "no"', '"', ",", "line\nbreak", "cr\ronly", "cr\rlf\r\n", " spaced ", "tab\there",
             "“curly” — dash", "'quote", "semi;colon", "=SUM(A1)", "+1", "-2", "@x", "\tlead", 12, 3.5, None]
    rows = [cells, cells[::-1], [""], ["", ""], ['"'], ["x"]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["c"])
    guarded = [[formula_safe_cell(c) for c in row] for row in rows]  # the guard is tested on its own above
    writer.writerows(guarded)
    assert csv_text(["c"], rows) == buffer.getvalue()
    assert list(csv.reader(io.StringIO(csv_text(["c"], rows))))[1:] == [[str(c) for c in row] for row in guarded]
