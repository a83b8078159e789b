"""The JSON contract: exact keys and values, schema validity, round trip, every corpus file."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from resolutions.data import export
from resolutions.data.export import dumps, load_schema, resolution_from_dict, resolution_to_dict
from resolutions.data.json_text import compact_json
from resolutions.model import (
    AgendaItem,
    Annex,
    Citation,
    Diagnostic,
    Footnote,
    Mark,
    Meeting,
    Paragraph,
    Part,
    Resolution,
    Section,
    Table,
    Vote,
)

VALIDATOR = jsonschema.Draft202012Validator(load_schema())


def sample() -> Resolution:
    """A/RES/51/148 as the parser should read it (built by hand, so this test does not depend on the parser)."""
    meeting = Meeting(number=84, kind="plenary", resumed=False, date="1996-12-13", line=45, record="A/51/PV.84")
    return Resolution(
        source="content/resolutions/A_RES_51_148.md",
        kind="resolution",
        body="General Assembly",
        symbol="A/RES/51/148",
        number="51/148",
        title="Cooperation between the United Nations and the International Organization for Migration",
        session="51",
        session_text="Fifty-first session",
        agenda_items=(AgendaItem(number="161", title=None, line=14),),
        issued="1997-02-04",
        adopted="1996-12-13",
        meeting=meeting,
        proponent="[without reference to a Main Committee (A/51/L.53 and Add.1)]",
        documents=("A/51/L.53", "A/51/L.53/Add.1"),
        enacting_formula="The General Assembly,",
        preamble=(
            Paragraph(
                id="pp-1", kind="preamble", number=None, line=23,
                text="Recalling its resolution 47/4 of 16 October 1992, by which it granted observer status",
                marks=(Mark(kind="citation", start=14, end=29, value="0"),),
            ),
        ),
        operative=(
            Paragraph(
                id="para-1", kind="operative", number="1", line=33,
                text="Takes note with satisfaction of the conclusion;",
                marks=(Mark(kind="footnote", start=47, end=47, value="1"),),
                items=(
                    Paragraph(id="para-1-a", kind="item", number="a", text="first", line=34,
                              items=(Paragraph(id="para-1-a-i", kind="item", number="i", text="deep", line=35),)),
                ),
            ),
        ),
        sections=(Section(label="I", title="General", preamble=(), operative=(), line=36),),
        parts=(),
        annexes=(
            Annex(
                label="Annex", id="annex", title="Agreement", line=50,
                blocks=(
                    Paragraph(id="annex-p-1", kind="text", number=None, text="Article 1", line=52),
                    Table(id="table-1", header=("State", "Votes"), rows=(("A", "1"), ("B", "2")), line=54),
                ),
            ),
        ),
        footnotes=(Footnote(mark="1", id="fn-1", text="E/1996/90.", line=49),),
        citations=(
            Citation(symbol="A/RES/47/4", kind="resolution", paragraph=None, text="resolution 47/4", where="pp-1", line=23),
            Citation(symbol="E/1996/90", kind="document", paragraph=None, text="E/1996/90", where="fn-1", line=49),
        ),
        vote=Vote(outcome="without vote"),
        draft="A/51/L.53",
        diagnostics=(Diagnostic("content/resolutions/A_RES_51_148.md", 12, "warning", "RES999", "an example, expected none"),),
    )


def with_parts() -> Resolution:
    part_meeting = Meeting(number=56, kind="plenary", resumed=True, date="2020-12-31", line=90)
    parts = tuple(
        Part(
            label=label, title=f"Part {label}", preamble=(), enacting_formula="The General Assembly,",
            operative=(Paragraph(id=f"part-{label.lower()}-para-1", kind="operative", number="1", text="Decides;", line=80),),
            sections=(), meeting=part_meeting, adopted="2020-12-31", line=70,
        )
        for label in ("A", "B")
    )
    return dataclasses.replace(
        sample(), symbol="A/RES/75/253 A-B", number="75/253", parts=parts, meeting=None, adopted=None,
        session="ES-11", agenda_items=(AgendaItem("20", None, 10), AgendaItem("78 (a)", "Oceans", 11)), vote=Vote(
            outcome="recorded vote", in_favour=2, against=0, abstaining=1,
            in_favour_members=("A", "B"), abstaining_members=("C",),
        ),
    )


def test_sample_export_has_the_contract_keys_and_values():
    d = resolution_to_dict(sample())
    for key in ("source", "symbol", "body", "number", "title", "session", "agenda_items", "issued", "adopted",
                "meeting", "proponent", "documents", "preamble", "operative", "parts", "annexes", "footnotes",
                "citations", "vote", "diagnostics"):
        assert key in d, key
    assert d["source"] == "content/resolutions/A_RES_51_148.md"
    assert d["symbol"] == "A/RES/51/148"
    assert d["body"] == "General Assembly"
    assert d["number"] == "51/148"
    assert d["session"] == "51"
    assert d["agenda_items"] == ["161"]
    assert d["agenda"] == [{"number": "161", "title": None, "line": 14}]
    assert d["issued"] == "1997-02-04"
    assert d["adopted"] == "1996-12-13"
    assert d["meeting"] == {
        "number": 84, "kind": "plenary", "resumed": False, "date": "1996-12-13", "record": "A/51/PV.84", "line": 45,
    }
    assert d["documents"] == ["A/51/L.53", "A/51/L.53/Add.1"]
    assert d["preamble"][0] == {
        "id": "pp-1", "kind": "preamble", "number": None, "line": 23,
        "text": "Recalling its resolution 47/4 of 16 October 1992, by which it granted observer status",
        "marks": [{"kind": "citation", "start": 14, "end": 29, "value": "0"}], "items": [],
    }
    para = d["operative"][0]
    assert (para["id"], para["number"]) == ("para-1", "1")
    assert para["items"][0]["items"][0]["id"] == "para-1-a-i"
    assert d["footnotes"] == [{"mark": "1", "id": "fn-1", "text": "E/1996/90.", "line": 49, "marks": []}]
    assert d["citations"][0] == {
        "symbol": "A/RES/47/4", "kind": "resolution", "paragraph": None, "text": "resolution 47/4",
        "where": "pp-1", "line": 23,
    }
    assert d["vote"] == {
        "outcome": "without vote", "in_favour": None, "against": None, "abstaining": None,
        "in_favour_members": [], "against_members": [], "abstaining_members": [], "source": "front matter",
    }
    assert d["annexes"][0]["blocks"][0]["type"] == "paragraph"
    assert d["annexes"][0]["blocks"][1] == {
        "type": "table", "id": "table-1", "header": ["State", "Votes"], "rows": [["A", "1"], ["B", "2"]], "line": 54,
    }
    assert d["diagnostics"] == [{
        "path": "content/resolutions/A_RES_51_148.md", "line": 12, "severity": "warning", "code": "RES999",
        "message": "an example, expected none",
    }]
    assert d["parts"] == []


def test_parts_export():
    d = resolution_to_dict(with_parts())
    assert [p["label"] for p in d["parts"]] == ["A", "B"]
    part = d["parts"][0]
    assert set(part) >= {"label", "title", "preamble", "operative", "meeting", "adopted"}
    assert part["meeting"]["resumed"] is True and part["meeting"]["number"] == 56
    assert part["adopted"] == "2020-12-31"
    assert d["meeting"] is None
    assert d["agenda_items"] == ["20", "78 (a)"]
    assert d["session"] == "ES-11"


@pytest.mark.parametrize("res", [sample(), with_parts()], ids=["sample", "parts"])
def test_export_validates_against_the_schema(res):
    errors = sorted(VALIDATOR.iter_errors(json.loads(dumps(res))), key=str)
    assert errors == []


@pytest.mark.parametrize("res", [sample(), with_parts()], ids=["sample", "parts"])
def test_round_trip_gives_an_equal_model(res):
    assert resolution_from_dict(json.loads(dumps(res))) == res


def test_schema_rejects_a_wrong_shape():
    d = resolution_to_dict(sample())
    assert not VALIDATOR.is_valid({**d, "session": 51})
    assert not VALIDATOR.is_valid({**d, "adopted": "13 December 1996"})
    assert not VALIDATOR.is_valid({k: v for k, v in d.items() if k != "symbol"})
    assert not VALIDATOR.is_valid({**d, "surprise": 1})


def test_every_model_field_is_exported():
    """A field added to the model must be added to the contract (export, schema, docs/json.md)."""
    from pathlib import Path

    d = resolution_to_dict(sample())
    fields = {f.name for f in dataclasses.fields(Resolution)}
    assert fields <= set(d), fields - set(d)
    schema_keys = set(load_schema()["properties"])
    # A site's index.json adds its series and neighbouring editions (data/series_data.py), optional in the schema.
    assert schema_keys == set(d) | {"series", "previous", "next"}
    assert not {"series", "previous", "next"} & set(load_schema()["required"])
    doc = (Path(__file__).resolve().parent.parent / "docs" / "json.md").read_text(encoding="utf-8")
    for key in d:
        assert f"`{key}`" in doc, key


def test_dumps_keeps_unicode_and_indents():
    res = dataclasses.replace(sample(), title="Côte d’Ivoire")
    text = dumps(res, indent=2)
    assert "Côte d’Ivoire" in text
    assert text.startswith('{\n  "source"')
    assert "\n" not in dumps(res, indent=None)


def test_schema_is_shipped_as_package_data():
    from importlib import resources

    assert resources.files("resolutions").joinpath("data", "schema", export.SCHEMA_FILE).is_file()


@pytest.mark.corpus
def test_every_corpus_file_exports_valid_json_that_round_trips(corpus_dir, corpus_parsed):
    failures = []
    record_disagreements = set()
    for path, res in corpus_parsed.items():
        if any(d.code == "RES211" for d in res.diagnostics):
            record_disagreements.add(path.name)
        d = json.loads(dumps(res, indent=None))
        errors = list(VALIDATOR.iter_errors(d))
        if errors:
            failures.append(f"{path}: {errors[0].json_path}: {errors[0].message[:200]}")
        elif resolution_from_dict(d) != res:
            failures.append(f"{path}: round trip differs")
    assert failures == [], f"{len(failures)} files: " + "\n".join(failures[:10])
    # The front matter's meeting record contradicts the printed meeting exactly where the truth files
    # note that the XML's record symbol names another meeting (ECOSOC's free-text notes are not in the
    # front matter).
    noted = {
        truth.name.replace(".truth.json", ".md")
        for truth in corpus_dir.rglob("*.truth.json")
        if any(note.startswith("metadata record") and "disagrees with the printed meeting" in note for note in json.loads(truth.read_text("utf-8"))["notes"])
    }
    assert record_disagreements == noted


def test_collection_json_validates_against_the_collection_schema():
    from referencing import Registry, Resource

    from resolutions.data import datasets

    resolution_schema = load_schema()
    registry = Registry().with_resource(resolution_schema["$id"], Resource.from_contents(resolution_schema))
    validator = jsonschema.Draft202012Validator(load_schema(export.COLLECTION_SCHEMA_FILE), registry=registry)
    citing = dataclasses.replace(
        with_parts(),
        citations=(Citation(symbol="A/RES/51/148", kind="resolution", paragraph="2", text="resolution 51/148",
                            where="para-1", line=30),),
    )
    files = datasets.site_files([sample(), citing], url_for=lambda symbol: symbol + "/")
    [collection] = [json.loads(f.text()) for f in files if f.dest_uri == datasets.COLLECTION_JSON]
    assert sorted(validator.iter_errors(collection), key=str) == []
    assert [entry["resolution"]["symbol"] for entry in collection["resolutions"]] == ["A/RES/51/148", "A/RES/75/253 A-B"]
    assert not validator.is_valid({**collection, "resolutions": [{"url": "x/", "json": "x/index.json", "resolution": {}}]})


@pytest.mark.parametrize("name", [export.SCHEMA_FILE, export.COLLECTION_SCHEMA_FILE])
def test_shipped_schemas_are_valid_draft_2020_12(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(
    "res",
    [
        sample(),
        with_parts(),
        dataclasses.replace(
            sample(),
            title='Quotes " and \\ and\ttabs, Côte d’Ivoire',
            unplaced=(
                Paragraph(id="u-1", kind="text", number=None, text="x", line=3,
                          table=Table(id="table-2", header=(), rows=(("a\nb",),), line=4)),
            ),
        ),
    ],
    ids=["sample", "parts", "escapes-and-paragraph-table"],
)
def test_compact_json_is_json_dumps_of_the_dict(res):
    """compact_json writes the text itself (faster): it must stay the exact characters of the dict's JSON."""
    expected = json.dumps(resolution_to_dict(res), ensure_ascii=False, separators=(",", ":"))
    assert compact_json(res) == expected
