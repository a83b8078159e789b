"""Index views on hand-built resolutions: grouping, ordering, titles, counts, timeline placement, URLs."""

from __future__ import annotations

from collections import Counter

from resolutions.parse import agendas
from resolutions.site import indexes, views
from resolutions.model import AgendaItem, Meeting, Part, Resolution, Vote


def make(
    symbol: str,
    *,
    number: str | None = None,
    title: str = "A title",
    body: str | None = "General Assembly",
    session: str | None = "51",
    items: tuple[tuple[str, str | None], ...] = (("161", None),),
    meeting: Meeting | None = None,
    adopted: str | None = "1996-12-13",
    vote: Vote | None = None,
    kind: str = "resolution",
    parts: tuple[Part, ...] = (),
    session_text: str | None = "Fifty-first session",
) -> Resolution:
    """A resolution with only the fields the indexes read."""
    return Resolution(
        source=f"{symbol.replace('/', '_')}.md",
        kind=kind,
        body=body,
        symbol=symbol,
        number=number or symbol.split("/", 2)[-1],
        title=title,
        session=session,
        session_text=session_text,
        agenda_items=tuple(AgendaItem(n, t, 5) for n, t in items),
        issued=None,
        adopted=adopted,
        meeting=meeting,
        proponent=None,
        documents=(),
        enacting_formula=None,
        preamble=(),
        operative=(),
        sections=(),
        parts=parts,
        annexes=(),
        footnotes=(),
        citations=(),
        vote=vote,
    )


def plenary(number: int, date: str, resumed: bool = False, record: str | None = None) -> Meeting:
    return Meeting(number=number, kind="plenary", resumed=resumed, date=date, line=40, record=record)


def by_uri(pages):
    return {p.src_uri: p for p in pages}


def test_natural_order_of_agenda_items():
    printed = ["78 (a)", "100", "20 (b)", "20", "3 (a)", "20 (a)"]
    assert sorted(printed, key=views.natural_key) == ["3 (a)", "20", "20 (a)", "20 (b)", "78 (a)", "100"]


def test_meeting_labels_say_what_the_resolution_page_says():
    # One rule (labels.meeting_text): a front matter's kind "plenary meeting" is not written "meeting meeting".
    assert views.meeting_label(Meeting(84, "plenary meeting", False, None, 1)) == "84th plenary meeting"
    assert views.meeting_label(Meeting(4213, "meeting", False, None, 1)) == "4213th meeting"
    assert views.meeting_label(Meeting(None, "plenary", False, None, 1)) == "Plenary meeting"


def test_session_ids_and_urls_per_body():
    ga = make("A/RES/51/148")
    sc = make("S/RES/134 (1960)", body="Security Council", session="1960")
    ecosoc = make("E/RES/2021/1", body="Economic and Social Council", session="2021")
    emergency = make("A/RES/ES-11/1", session="ES-11")
    nobody = make("S/RES/1 (1946)", body=None, session="1946")
    assert [views.session_id(r) for r in (ga, sc, ecosoc, emergency, nobody)] == [
        "51", "sc-1960", "ecosoc-2021", "es-11", "sc-1946"
    ]
    assert views.session_url(ga) == "sessions/51/"
    assert views.agenda_item_url(ga, AgendaItem("78 (a)", None, 1)) == "sessions/51/agenda/78-a/"
    assert views.session_id(make("A/RES/1/1", session=None)) is None
    assert views.session_url(make("A/RES/1/1", session=None)) is None


def test_timeline_url_points_at_the_meeting_anchor_on_its_year_page():
    res = make("A/RES/51/148", meeting=plenary(84, "1996-12-13"))
    url = views.timeline_url(res)
    assert url == "timeline/1996/#m-1996-12-13-ga-84"
    pages = by_uri(indexes.index_pages([res]))
    year = pages["timeline/1996/index.md"].context
    anchors = [m["anchor"] for month in year["months"] for m in month["meetings"]]
    assert anchors == ["m-1996-12-13-ga-84"]
    assert views.timeline_url(make("A/RES/51/1", adopted=None)) is None


def test_every_resolution_under_each_of_its_agenda_items_once():
    a = make("A/RES/51/1", items=(("20", None), ("78 (a)", None)))
    b = make("A/RES/51/2", items=(("78 (a)", None), ("78 (a)", None)))  # printed twice: listed once
    c = make("A/RES/51/10", items=(("20 (a)", None),))
    pages = by_uri(indexes.index_pages([c, b, a]))
    agenda = pages["sessions/51/agenda/index.md"].context["agenda_items"]
    assert [i["number"] for i in agenda] == ["20", "20 (a)", "78 (a)"]
    listed = {i["number"]: [r["symbol"] for r in i["resolutions"]] for i in agenda}
    assert listed == {"20": ["A/RES/51/1"], "20 (a)": ["A/RES/51/10"], "78 (a)": ["A/RES/51/1", "A/RES/51/2"]}
    item_page = pages["sessions/51/agenda/78-a/index.md"]
    assert item_page.template == "agenda_item.html"
    assert [r["symbol"] for r in item_page.context["item"]["resolutions"]] == ["A/RES/51/1", "A/RES/51/2"]


def test_agenda_titles_from_cover_page_then_agenda_file_then_not_known():
    a = make("A/RES/51/1", items=(("20", "Printed title"), ("21", None), ("22", None)))
    titles = {("51", "20"): "File title for 20", ("51", "21"): "File title for 21"}
    agenda = by_uri(indexes.index_pages([a], agenda_titles=titles))["sessions/51/agenda/index.md"].context
    got = {i["number"]: (i["title"], i["title_source"]) for i in agenda["agenda_items"]}
    assert got == {
        "20": ("Printed title", "cover page"),
        "21": ("File title for 21", "agenda file"),
        "22": (views.TITLE_NOT_KNOWN, None),
    }


def test_session_counts_match_the_resolutions():
    rs = [
        make("A/RES/51/1", vote=Vote("without vote")),
        make("A/RES/51/2", vote=Vote("recorded vote", 150, 2, 10)),
        make("A/RES/51/3", vote=None),
        make("A/DEC/51/401", number="51/401", kind="decision"),
        make("A/RES/50/1", session="50", adopted="1995-12-01"),
    ]
    pages = by_uri(indexes.index_pages(rs))
    counts = pages["sessions/51/index.md"].context["counts"]
    assert counts == {"total": 4, "resolutions": 3, "decisions": 1, "recorded_votes": 1, "without_vote": 1,
                      "unanimous": 0, "vote_not_printed": 2}
    overview = pages["resolutions/index.md"].context
    assert overview["total"] == 5
    assert [s["id"] for b in overview["bodies"] for s in b["sessions"]] == ["51", "50"]  # newest first
    listed = pages["resolutions/51/index.md"].context["resolutions"]
    assert [r["symbol"] for r in listed] == ["A/RES/51/1", "A/RES/51/2", "A/RES/51/3", "A/DEC/51/401"]
    assert listed[1]["vote"] == "recorded vote 150–2–10"


def test_bodies_in_order_and_only_overviews_in_nav():
    rs = [
        make("E/RES/2021/1", body="Economic and Social Council", session="2021", adopted="2021-07-21"),
        make("S/RES/134 (1960)", number="134 (1960)", body="Security Council", session="1960", adopted="1960-04-01"),
        make("A/RES/51/1"),
    ]
    pages = indexes.index_pages(rs)
    overview = by_uri(pages)["resolutions/index.md"].context
    assert [b["body"] for b in overview["bodies"]] == ["General Assembly", "Security Council", "Economic and Social Council"]
    assert sorted(p.src_uri for p in pages if p.in_nav) == ["resolutions/index.md", "timeline/index.md"]
    assert len({p.src_uri for p in pages}) == len(pages)


def test_meetings_in_order_with_their_resolutions_and_records():
    rs = [
        make("A/RES/51/3", meeting=plenary(84, "1996-12-13")),
        make("A/RES/51/1", meeting=plenary(56, "1996-11-04", resumed=True)),
        make("A/RES/51/2", meeting=plenary(84, "1996-12-13")),
        make("A/RES/51/4", meeting=plenary(85, "1996-12-16", record="A/51/PV.85")),
    ]
    session = by_uri(indexes.index_pages(rs))["sessions/51/index.md"].context
    meetings = session["meetings"]
    assert [m["label"] for m in meetings] == ["56th (resumed) plenary meeting", "84th plenary meeting", "85th plenary meeting"]
    assert [[r["symbol"] for r in m["resolutions"]] for m in meetings] == [["A/RES/51/1"], ["A/RES/51/2", "A/RES/51/3"], ["A/RES/51/4"]]
    assert [m["record"] for m in meetings] == ["A/51/PV.56", "A/51/PV.84", "A/51/PV.85"]
    assert meetings[1]["record_url"] == "https://undocs.org/A/51/PV.84"


def test_timeline_groups_by_year_and_month_and_places_each_adoption_once():
    rs = [
        make("A/RES/51/1", meeting=plenary(56, "1996-11-04")),
        make("A/RES/51/2", meeting=plenary(84, "1996-12-13")),
        make("A/RES/51/3", meeting=plenary(84, "1996-12-13")),
        make("A/RES/51/200", meeting=plenary(90, "1997-01-20")),
        make("A/RES/51/201", meeting=None, adopted=None),  # no date: cannot be placed
        make("S/RES/1 (1946)", number="1 (1946)", body="Security Council", session="1946",
             meeting=Meeting(1, "meeting", False, "1946-01-25", 3), adopted="1946-01-25"),
    ]
    pages = by_uri(indexes.index_pages(rs))
    y1996 = pages["timeline/1996/index.md"].context
    assert [m["label"] for m in y1996["months"]] == ["November 1996", "December 1996"]
    placed = Counter(
        r["symbol"]
        for year in ("1946", "1996", "1997")
        for month in pages[f"timeline/{year}/index.md"].context["months"]
        for m in month["meetings"]
        for r in m["resolutions"]
    )
    assert placed == Counter({"A/RES/51/1": 1, "A/RES/51/2": 1, "A/RES/51/3": 1, "A/RES/51/200": 1, "S/RES/1 (1946)": 1})
    overview = pages["timeline/index.md"].context
    assert [d["label"] for d in overview["decades"]] == ["1940s", "1990s"]
    years = [y["year"] for d in overview["decades"] for y in d["years"]]
    assert years == ["1946", "1996", "1997"]
    assert overview["decades"][1]["years"][0]["next_url"] == "timeline/1997/"


def test_parts_adopted_at_different_meetings_appear_at_each():
    parts = (
        Part("A", None, (), (), (), plenary(70, "2020-12-10"), "2020-12-10", 10),
        Part("B", None, (), (), (), plenary(71, "2020-12-11"), "2020-12-11", 20),
        Part("C", None, (), (), (), plenary(71, "2020-12-11"), "2020-12-11", 30),
    )
    res = make("A/RES/75/100 A-C", number="75/100", session="75", meeting=None, adopted=None, parts=parts)
    meetings = by_uri(indexes.index_pages([res]))["sessions/75/index.md"].context["meetings"]
    assert [(m["number"], [r["part"] for r in m["resolutions"]]) for m in meetings] == [(70, ["A"]), (71, ["B, C"])]
    assert views.timeline_url(res) == "timeline/2020/#m-2020-12-10-ga-70"


def test_links_in_contexts_point_at_generated_pages():
    rs = [make("A/RES/51/1", meeting=plenary(84, "1996-12-13"), items=(("20", None), ("78 (a)", "T")))]
    pages = indexes.index_pages(rs)
    generated = {p.src_uri[: -len("index.md")] for p in pages}
    resolution_pages = {"A/RES/51/1/"}

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key.endswith("url") and isinstance(inner, str) and "://" not in inner:
                    yield inner
                else:
                    yield from walk(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from walk(inner)

    for page in pages:
        for url in walk(dict(page.context)):
            target = url.split("#")[0]
            assert target in generated | resolution_pages, (page.src_uri, url)


def test_url_for_is_used_for_resolution_links():
    rs = [make("A/RES/51/1")]
    pages = by_uri(indexes.index_pages(rs, url_for=lambda s: "/x/" + s.replace("/", "-") + "/"))
    assert pages["resolutions/51/index.md"].context["resolutions"][0]["url"] == "x/A-RES-51-1/"


def test_agenda_file_parsing_and_problems(tmp_path):
    folder = tmp_path / "agendas"
    folder.mkdir()
    (folder / "51.yml").write_text(
        'items:\n  "161": Cooperation between the United Nations\n    and the IOM\n  "78 (a)": Trade\n  "78 (a)": Again\n  "9": \n',
        encoding="utf-8",
    )
    (folder / "sc-1960.yaml").write_text("session: SC-1960\nitems:\n  '1': Admission\n", encoding="utf-8")
    (folder / "bad.yml").write_text("items: [1, 2\n", encoding="utf-8")
    titles, problems = agendas.read_agenda_titles(tmp_path)
    assert titles == {
        ("51", "161"): "Cooperation between the United Nations and the IOM",
        ("51", "78 (a)"): "Trade",
        ("sc-1960", "1"): "Admission",
    }
    assert sorted((p.path, p.code) for p in problems) == [
        ("agendas/51.yml", "AGD005"), ("agendas/51.yml", "AGD006"), ("agendas/bad.yml", "AGD001")
    ]
    assert all(p.line > 0 for p in problems)
    assert agendas.read_agenda_titles(tmp_path / "nowhere") == ({}, [])


def test_agenda_file_titles_reach_the_agenda_pages(tmp_path):
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "51.yml").write_text("items:\n  78(a): Sustainable development\n", encoding="utf-8")
    titles, _ = agendas.read_agenda_titles(tmp_path)
    page = by_uri(indexes.index_pages([make("A/RES/51/1", items=(("78 (a)", None),))], titles))
    assert page["sessions/51/agenda/78-a/index.md"].context["item"]["title"] == "Sustainable development"


def test_duplicate_symbols_and_missing_symbols_are_listed_once_or_not_at_all():
    from dataclasses import replace

    first = make("A/RES/51/1", title="First")
    second = replace(make("A/RES/51/1", title="Second"), source="copy.md")
    nameless = replace(make("A/RES/51/2"), symbol=None)
    pages = by_uri(indexes.index_pages([first, second, nameless]))
    listed = pages["resolutions/51/index.md"].context["resolutions"]
    assert [(r["symbol"], r["title"]) for r in listed] == [("A/RES/51/1", "First")]
    assert pages["sessions/51/index.md"].context["counts"]["total"] == 1


def test_a_resolution_page_links_its_session_agenda_items_and_meeting():
    res = make("A/RES/51/148", items=(("20", None), ("78 (a)", None)), meeting=plenary(84, "1996-12-13"))
    assert views.session_url(res) == "sessions/51/"
    assert [views.agenda_item_url(res, item) for item in res.agenda_items] == [
        "sessions/51/agenda/20/", "sessions/51/agenda/78-a/"]
    assert views.timeline_url(res) == "timeline/1996/#m-1996-12-13-ga-84"
    unknown = make("A/RES/1/1", session=None, adopted=None)
    assert (views.session_url(unknown), views.agenda_item_url(unknown, "20"), views.timeline_url(unknown)) == (None, None, None)


class _Recorder:
    """A resolution (or a part, meeting, agenda item) that records the name of every attribute read from it."""

    def __init__(self, wrapped, seen: dict[str, set[str]], kind: str = "resolution") -> None:
        self._wrapped, self._seen, self._kind = wrapped, seen, kind

    def __getattr__(self, name: str):
        self._seen.setdefault(self._kind, set()).add(name)
        value = getattr(self._wrapped, name)
        if name == "parts":
            return tuple(_Recorder(part, self._seen, "part") for part in value)
        if name == "agenda_items":
            return tuple(_Recorder(item, self._seen, "agenda item") for item in value)
        if name == "meeting" and value is not None:
            return _Recorder(value, self._seen, "meeting")
        return value


def _varied_collection() -> list[Resolution]:
    vote = Vote(outcome="recorded vote", in_favour=150, against=2, abstaining=3)
    parted = make("A/RES/51/200", parts=(
        Part(label="A", title="", preamble=(), operative=(), sections=(), meeting=plenary(80, "1996-12-10"),
             adopted="1996-12-10", line=10),
        Part(label="B", title="", preamble=(), operative=(), sections=(), meeting=plenary(88, "1996-12-16"),
             adopted=None, line=30),
    ))
    return [
        make("A/RES/51/148", meeting=plenary(84, "1996-12-13"), vote=vote),
        make("A/RES/51/149", items=(("161", "Title"), ("20 (b)", None))),
        make("S/RES/1325 (2000)", body="Security Council", session="2000", meeting=plenary(4213, "2000-10-31")),
        make("A/DEC/51/400", kind="decision"),
        parted,
    ]


def test_index_pages_read_only_the_fields_their_memo_compares():
    seen: dict[str, set[str]] = {}
    recorded = [_Recorder(res, seen) for res in _varied_collection()]
    assert indexes.index_pages(recorded) == indexes.index_pages(_varied_collection())
    assert seen["resolution"] - {"parts"} <= set(indexes.INDEXED_FIELDS), "add the new field to indexes.INDEXED_FIELDS"
    assert seen["part"] <= {"label", "meeting", "adopted"}, "add the new part field to indexes.index_inputs"
    # Line numbers are left out of the memo's inputs: the index pages must never show them.
    assert "line" not in seen["meeting"] and "line" not in seen["agenda item"]
    assert {"title", "symbol", "agenda_items"} <= seen["resolution"] and {"label", "meeting"} <= seen["part"]


def test_the_memo_rebuilds_exactly_when_an_index_field_changes():
    from dataclasses import replace

    memo = indexes.IndexPagesMemo()
    collection = _varied_collection()
    first = memo.index_pages(collection, None)
    assert not memo.reused and first == indexes.index_pages(collection)
    # A new parse of the same text (new objects, equal fields): the same pages, not rebuilt.
    again = memo.index_pages(_varied_collection(), None)
    assert memo.reused and all(a is b for a, b in zip(first, again))
    # A change the indexes do not show (the paragraphs, and the meeting line moved by a new paragraph): reused.
    edited = [replace(collection[0], footnotes=(), meeting=replace(collection[0].meeting, line=99))] + collection[1:]
    memo.index_pages(edited, None)
    assert memo.reused
    retitled = [replace(collection[0], title="A new title")] + collection[1:]
    pages = memo.index_pages(retitled, None)
    assert not memo.reused and pages == indexes.index_pages(retitled)
    assert any("A new title" in repr(page.context) for page in pages)
    memo.index_pages(retitled, {("51", "161"): "Agenda title from a file"})
    assert not memo.reused
