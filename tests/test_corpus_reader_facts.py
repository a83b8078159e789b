"""What a reader is told about every document of the development corpus (skips without ../shared/corpus):
no adoption date outside its session or year, each part's meeting shown once, a real title for every
Security Council resolution, the most-cited clause of the collection linkable as a paragraph."""

from __future__ import annotations

import re
import pytest

from resolutions.parse.adoption import session_range
from resolutions.site.collection import Collection
from resolutions.site.labels import meeting_text
from resolutions.site.render import page_title, render_resolution
from resolutions.site.indexes import index_pages
from resolutions.site.views import adoption_meetings, body_of

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus(corpus_parsed):
    return list(corpus_parsed.values())


def _dates(res):
    yield res.adopted
    if res.meeting is not None:
        yield res.meeting.date
    for part in res.parts:
        yield part.adopted
        if part.meeting is not None:
            yield part.meeting.date


def test_no_date_outside_its_session_or_year(corpus):
    outside = []
    for res in corpus:
        limits = session_range(body_of(res), res.session)
        if limits is None:
            continue
        outside += [f"{res.source}: {date} not in {limits}" for date in _dates(res)
                    if date and not limits[0] <= date <= limits[1]]
    assert outside == []


def test_the_indexes_place_every_session_within_its_dates(corpus):
    """The overview's date range of each session and the timeline year of each meeting agree with the
    session (the 71st session read "31 December 1969 – 11 September 2017", SC 1973 ran to 1978)."""
    pages = index_pages(corpus)
    overview = next(page for page in pages if page.src_uri == "resolutions/index.md")
    for body in overview.context["bodies"]:
        for session in body["sessions"]:
            for label in (session["first_date"], session["last_date"]):
                year = int(label[-4:])
                if body["body"] == "Security Council":
                    assert str(year) == session["session"], (session["label"], label)
                elif body["body"] == "General Assembly" and session["session"].isdigit():
                    assert year in (1945 + int(session["session"]), 1946 + int(session["session"])), (session["label"], label)


def test_each_part_shows_its_own_meeting_once(corpus):
    collection = Collection.build(corpus)
    in_parts = [res for res in corpus if len(res.parts) > 1 and collection.page_url(res)]
    assert len(in_parts) > 30
    wrong = []
    for res in in_parts:
        html = render_resolution(res, collection, collection.page_url(res)).body_html
        lines = re.findall(r'<p class="res-meeting">(.*?)</p>', html)
        # One line per part that prints a meeting (two parts at one meeting print it twice, as the source
        # does), and none again for the whole document.
        expected = sum(1 for part in res.parts if part.meeting is not None) or (1 if res.meeting else 0)
        if len(lines) != expected:
            wrong.append(f"{res.source}: {len(lines)} meeting lines for {expected} printed: {lines}")
        for part in res.parts:
            if part.meeting is not None and not any(meeting_text(part.meeting) in line for line in lines):
                wrong.append(f"{res.source}: part {part.label}'s {meeting_text(part.meeting)} not shown")
        # A decision's parts adopted at different meetings are listed at each of them, once.
        places = [(meeting.number if meeting else None, date) for meeting, date, _parts in adoption_meetings(res)]
        if len(places) != len(set(places)):
            wrong.append(f"{res.source}: adoption meetings repeated {places}")
    assert wrong == []


def test_decision_parts_adopted_at_different_meetings_keep_them(corpus_parsed, corpus_dir):
    res = corpus_parsed[corpus_dir / "ga-decisions" / "74" / "A_DEC_74_542_A_and_B.md"]
    assert [(p.label, p.meeting.number, p.adopted) for p in res.parts] == [
        ("A", 54, "2020-01-22"), ("B", 56, "2020-01-23")]
    unknown = corpus_parsed[corpus_dir / "ga-decisions" / "71" / "A_DEC_71_406_A_and_B.md"]
    assert unknown.adopted == "2016-11-10" and "1969-12-31" not in repr(unknown.parts)
    # Its list of meetings also holds the 68th dated "1969-12-31" (the Unix epoch written by the conversion):
    # no part uses it, the page is complete, so it is info, not a warning that would fail a strict build.
    assert [(d.code, d.line, d.severity) for d in unknown.diagnostics] == [("RES116", 28, "info")]


def test_every_security_council_resolution_has_a_title(corpus):
    council = [res for res in corpus if res.body == "Security Council"]
    assert len(council) > 400
    untitled = [res.source for res in council if not res.title or "(untitled)" in page_title(res)]
    assert untitled == []
    titles = {res.symbol: res.title for res in council}
    assert titles["S/RES/1 (1946)"] == "Military Staff Committee"
    assert titles["S/RES/242 (1967)"] == "Resolution of 22 November 1967"


def test_security_council_242_paragraph_one_items_are_paragraph_anchors(corpus_parsed, corpus_dir):
    res = corpus_parsed[corpus_dir / "sc" / "1960s" / "S_RES_242_1967.md"]
    assert [item.id for item in res.operative[0].items] == ["para-1-i", "para-1-ii"]


def test_a_section_title_beginning_with_the_is_its_title(corpus_parsed, corpus_dir):
    """Section V of the oceans resolution is "The Area", in the page's table of contents too (it was read
    as a heading paragraph, like an enacting formula "The General Assembly")."""
    res = corpus_parsed[corpus_dir / "ga" / "76" / "A_RES_76_72.md"]
    assert [(s.label, s.title) for s in res.sections][4] == ("V", "The Area")
    outline = render_resolution(res, Collection.build([res]), "A/RES/76/72/").outline
    assert ("sec-v", "V. The Area") in [(entry.id, entry.title) for entry in outline]
    assert [entry.title for entry in outline][:1] == ["Preamble"]
