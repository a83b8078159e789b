"""Series of recurring resolutions: the same-title rule, the printed chain, parts, slugs, the API, serve reuse."""

from __future__ import annotations

from dataclasses import replace

from resolutions.model import AgendaItem, Citation, Paragraph, Resolution
from resolutions.site.collection import Collection
from resolutions.site.series import CITATION, TITLE, SeriesIndex, title_key, title_similarity


def make(symbol, title, *, session=None, body="General Assembly", agenda=None, cites=(), kind="resolution"):
    number = symbol.split("RES/")[-1]
    session = session or number.split("/")[0]
    return Resolution(
        source=f"{symbol.replace('/', '_').replace(' ', '_')}.md", kind=kind, body=body, symbol=symbol, number=number,
        title=title, session=session, session_text=None,
        agenda_items=tuple(AgendaItem("1", a, 3) for a in ([agenda] if agenda else [])),
        issued=None, adopted=None, meeting=None, proponent=None, documents=(), enacting_formula="The General Assembly,",
        preamble=(Paragraph("pp-1", "preamble", None, "Recalling its resolutions,", 5),),
        operative=(Paragraph("para-1", "operative", "1", "Decides to remain seized of the matter.", 7),),
        sections=(), parts=(), annexes=(), footnotes=(),
        citations=tuple(Citation(c, "resolution", None, f"resolution {c}", "pp-1", 5) for c in cites), vote=None,
    )


def build(*resolutions):
    return Collection.build(list(resolutions)).series


def test_same_title_across_sessions_is_one_series_in_number_order():
    index = build(make("A/RES/76/99", "Question of Pitcairn"), make("A/RES/74/107", "Question of Pitcairn"),
                  make("A/RES/75/116", "Question of  pitcairn"), make("A/RES/75/1", "Something else"))
    item = index.series_of("A/RES/75/116")
    assert item.editions == ("A/RES/74/107", "A/RES/75/116", "A/RES/76/99")
    assert item.joined_by == (TITLE, TITLE)
    assert item.slug == "question-of-pitcairn"
    assert item.title == "Question of Pitcairn"
    assert index.previous("A/RES/75/116") == "A/RES/74/107"
    assert index.next("A/RES/75/116") == "A/RES/76/99"
    assert index.previous("A/RES/74/107") is None and index.next("A/RES/76/99") is None
    assert index.series_of("A/RES/75/1") is None  # alone: no series
    assert index.previous("A/RES/75/1") is None and index.next(None) is None
    assert len(index) == 1


def test_titles_that_differ_only_by_the_year_or_ordinal_are_the_same_series():
    assert title_key("Questions relating to the proposed programme budget for 2021") == \
        title_key("Questions relating to the proposed programme budget for 2022")
    assert title_key("Report of the Committee on its twenty-third session") == \
        title_key("Report of the Committee on its twenty\u2011fourth session")
    assert title_key("Confidence-building measures") == title_key("Confidencebuilding measures")
    assert title_key("Pitcairn") != title_key("Tokelau")


def test_other_bodies_and_kinds_are_other_series():
    index = build(make("A/RES/74/1", "Road safety"), make("A/RES/75/1", "Road safety"),
                  make("E/RES/2021/1", "Road safety", body="Economic and Social Council"),
                  make("E/RES/2022/1", "Road safety", body="Economic and Social Council"))
    assert index.series_of("A/RES/75/1").editions == ("A/RES/74/1", "A/RES/75/1")
    assert index.series_of("E/RES/2022/1").editions == ("E/RES/2021/1", "E/RES/2022/1")
    assert index.series_of("E/RES/2022/1").slug == "ecosoc-road-safety"


def test_renamed_title_joins_by_the_printed_chain_when_titles_and_agenda_agree():
    agenda = "Promotion and protection of human rights"
    old = make("A/RES/75/192", "Situation of human rights in the Autonomous Republic of Crimea and the city of "
               "Sevastopol, Ukraine", agenda=agenda)
    first = make("A/RES/74/168", old.title, agenda=agenda)
    renamed = make("A/RES/76/179", "Situation of human rights in the temporarily occupied Autonomous Republic of "
                   "Crimea and the city of Sevastopol, Ukraine", agenda=agenda, cites=["A/RES/75/192"])
    index = build(first, old, renamed)
    item = index.series_of("A/RES/76/179")
    assert item.editions == ("A/RES/74/168", "A/RES/75/192", "A/RES/76/179")
    assert item.joined_by == (TITLE, CITATION)
    assert item.title == renamed.title  # the latest title names the series
    assert item.slug.startswith("situation-of-human-rights-in-the-autonomous-republic")  # the first, stable


def test_a_citation_alone_does_not_join_unrelated_texts():
    covid = make("A/RES/74/306", "Comprehensive and coordinated response to the coronavirus disease (COVID-19) "
                 "pandemic", agenda="Global health and foreign policy")
    women = make("A/RES/75/157", "Women and girls and the response to the coronavirus disease (COVID-19)",
                 agenda="Advancement of women", cites=["A/RES/74/306"])
    unlike = make("A/RES/75/2", "International Day of Something", agenda="Global health and foreign policy",
                  cites=["A/RES/74/306"])
    index = build(covid, women, unlike)
    assert len(index) == 0  # different agenda item; different title


def test_the_chain_continues_only_the_last_edition_and_only_once():
    base = make("A/RES/74/20", "Global health and foreign policy: an inclusive approach", agenda="Global health")
    one = make("A/RES/75/130", "Global health and foreign policy: strengthening resilience", agenda="Global health",
               cites=["A/RES/74/20"])
    two = make("A/RES/75/131", "Global health and foreign policy: another theme", agenda="Global health",
               cites=["A/RES/74/20"])
    index = build(base, one, two)
    assert index.series_of("A/RES/74/20").editions == ("A/RES/74/20", "A/RES/75/130")  # same score: lower number
    assert index.series_of("A/RES/75/131") is None


def test_title_similarity_uses_the_heading_before_a_colon():
    assert title_similarity("Global health and foreign policy: a", "Global health and foreign policy: b") == 1.0
    assert title_similarity("Oceans: a", "Oceans: b") < 1.0  # a one-word heading says too little
    assert title_similarity("", "Anything") == 0.0


def test_parts_are_editions_in_order_of_adoption():
    index = build(make("A/RES/75/250", "Financing of the Interim Force"),
                  make("A/RES/75/250 B", "Financing of the Interim Force"),
                  make("A/RES/74/292", "Financing of the Interim Force"),
                  make("A/RES/76/290", "Financing of the Interim Force"))
    assert index.series_of("A/RES/76/290").editions == ("A/RES/74/292", "A/RES/75/250", "A/RES/75/250 B",
                                                        "A/RES/76/290")


def test_slugs_are_safe_and_unique():
    index = build(make("A/RES/74/1", "Ünïcode / ../../etc/passwd <script>"), make("A/RES/75/1", "Unicode etc passwd script"),
                  make("A/RES/74/2", "Unicode: etc; passwd, script!"), make("A/RES/75/2", "Unicode: etc; passwd, script!?"),
                  make("A/RES/74/3", "2020"), make("A/RES/75/3", "2021"))
    slugs = [s.slug for s in index.series]
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert slug and all(c.isascii() and (c.isalnum() or c == "-") for c in slug), slug
        assert not slug.startswith("-") and ".." not in slug


def test_a_duplicate_symbol_is_not_an_edition():
    first = make("A/RES/74/1", "Road safety")
    dup = replace(make("A/RES/74/1", "Road safety"), source="copy.md")
    index = build(first, dup, make("A/RES/75/1", "Road safety"))
    assert index.series_of("A/RES/75/1").editions == ("A/RES/74/1", "A/RES/75/1")


def test_rebuild_with_previous_equals_a_full_build_and_follows_an_edit():
    texts = [make("A/RES/74/107", "Question of Pitcairn"), make("A/RES/75/116", "Question of Pitcairn"),
             make("A/RES/76/99", "Question of Pitcairn"), make("A/RES/75/2", "Road safety")]
    first = Collection.build(texts)
    renamed = replace(texts[1], title="Road safety")
    edited = [texts[0], renamed, texts[2], texts[3]]
    again = Collection.build(edited, previous=first)
    assert again.series == Collection.build(edited).series
    assert again.series.series_of("A/RES/76/99").editions == ("A/RES/74/107", "A/RES/76/99")
    assert again.series.next("A/RES/75/2") == "A/RES/75/116"  # same session: in number order


def test_series_can_be_switched_off():
    texts = [make("A/RES/74/107", "Question of Pitcairn"), make("A/RES/75/116", "Question of Pitcairn")]
    assert len(Collection.build(texts, series=False).series) == 0
    assert len(Collection.build(texts).series) == 1


def test_json_files_carry_series_previous_and_next_and_validate():
    import json

    import jsonschema
    from referencing import Registry, Resource

    from resolutions.data import datasets
    from resolutions.data.export import load_schema
    from resolutions.data.series_data import series_json

    texts = [make("A/RES/74/107", "Question of Pitcairn"), make("A/RES/75/116", "Question of Pitcairn")]
    collection = Collection.build(texts)
    files = {f.dest_uri: f for f in datasets.site_files(texts, collection.url_for, "https://x.org/", collection)}
    data = json.loads(files["A/RES/75/116/index.json"].text())
    assert (data["series"], data["previous"], data["next"]) == ("question-of-pitcairn", "A/RES/74/107", None)
    resolution_schema = load_schema()
    jsonschema.Draft202012Validator(resolution_schema).validate(data)
    whole = json.loads(files["resolutions.json"].text())
    entry = whole["resolutions"][0]
    assert (entry["series"], entry["previous"], entry["next"]) == ("question-of-pitcairn", None, "A/RES/75/116")
    registry = Registry().with_resource(resolution_schema["$id"], Resource.from_contents(resolution_schema))
    jsonschema.Draft202012Validator(load_schema("collection.schema.json"), registry=registry).validate(whole)
    series = json.loads(series_json(collection, "https://x.org/"))
    assert series["count"] == 1 and series["notice"].startswith("Unofficial copies")
    editions = series["series"][0]["editions"]
    assert [e["symbol"] for e in editions] == ["A/RES/74/107", "A/RES/75/116"]
    assert editions[1]["changes_url"] == "https://x.org/A/RES/75/116/changes/"
    assert editions[1]["joined_by"] == "title" and editions[0]["joined_by"] is None


def test_texts_of_one_session_differing_by_a_number_are_parallel_not_editions():
    index = build(make("A/RES/60/1", "Resolution number 1 on testing"), make("A/RES/60/2", "Resolution number 2 on testing"),
                  make("A/RES/61/1", "Resolution number 3 on testing"))
    assert index.series_of("A/RES/60/1") is None
    assert index.series_of("A/RES/61/1").editions == ("A/RES/60/2", "A/RES/61/1")
