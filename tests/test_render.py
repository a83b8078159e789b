"""Renderer: the printed layout as HTML, escaping, footnotes, anchors and page fragments (hand-built models)."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from resolutions.site.collection import Collection
from resolutions.model import (
    Annex,
    Citation,
    Footnote,
    Mark,
    Meeting,
    Paragraph,
    Part,
    Table,
    Vote,
)
from resolutions.site.labels import format_date, ordinal
from resolutions.site.render import render_resolution
from resolutions.site.views import meeting_record

from test_collection import cite, make

HOSTILE = '"><img src=x onerror=alert(1)> and <script>alert(2)</script>'


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if dict(attrs).get("id"):
            self.ids.append(dict(attrs)["id"])


def parse_html(html: str) -> _Ids:
    collector = _Ids()
    collector.feed(html)
    return collector


def render(res, *others, **kwargs):
    collection = Collection.build([res, *others])
    return render_resolution(res, collection, collection.page_url(res) or "x/", **kwargs)


def test_small_grammars():
    assert format_date("1996-12-13") == "13 December 1996"
    assert format_date("1996") == "1996"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 84, 4213)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "84th", "4213th"]


def test_hostile_text_everywhere_is_escaped():
    para = Paragraph("para-1", "operative", "1", HOSTILE, 10, marks=(Mark("citation", 0, 2, "0"),))
    res = make(
        "A/RES/60/10",
        operative=(para,),
        citations=[Citation("A/RES/60/20", "resolution", None, HOSTILE, "para-1", 10)],
        footnotes=(Footnote("1", "fn-1", HOSTILE, 30),),
        proponent=f"[{HOSTILE}]",
        sponsors=HOSTILE,
        title=HOSTILE,
        vote=Vote("recorded vote", 1, 0, 0, in_favour_members=(HOSTILE,)),
    )
    page = render(res)
    everything = page.body_html + "".join(v for _l, v in page.metadata) + page.notice_html + page.title_html
    parsed = parse_html(everything)
    assert not any(tag in ("img", "script") for tag, _a in parsed.tags)
    assert not any(name.startswith("on") for _t, attrs in parsed.tags for name in attrs)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page.body_html
    assert page.title == "60/10. " + HOSTILE  # plain text: the template escapes it


def test_preamble_and_operative_layout_with_printed_numbers_and_permalinks():
    items = (
        Paragraph("para-2-a", "item", "a", "To write tests;", 12,
                  items=(Paragraph("para-2-a-ii", "item", "ii", "Before committing;", 13),)),
    )
    operative = (
        Paragraph("para-1", "operative", "1", "Takes note with satisfaction of the report;", 11),
        Paragraph("para-2", "operative", "2", "Calls upon all States:", 12, items=items),
        Paragraph("para-2-text", "text", None, "Urges all States to act;", 14),
        Paragraph("para-5", "operative", "5", "Decides to remain seized.", 15),
    )
    res = make("A/RES/60/10", operative=operative)
    res = replace(res, preamble=(Paragraph("pp-1", "preamble", "1", "Deeply concerned by the delays,", 5),
                                 Paragraph("pp-2", "preamble", "2", "Bearing in mind the Charter,", 6)))
    html = render(res).body_html
    assert '<p class="res-pp" id="pp-1"><em>Deeply concerned</em> by the delays,' in html
    assert "<em>Bearing in mind</em> the Charter," in html
    assert "<em>Takes note with satisfaction</em> of the report;" in html
    numbers = re.findall(r'<span class="res-num">([^<]*)</span>', html)
    assert numbers == ["1.", "2.", "(a)", "(ii)", "5."]  # printed numbers, not a counter
    for anchor in ("pp-1", "para-1", "para-2", "para-2-a", "para-2-a-ii", "para-5"):
        assert f'id="{anchor}"' in html
        assert f'<a class="headerlink" href="#{anchor}" title="Permanent link">¶</a>' in html
    assert html.index('id="para-2-text"') < html.index('id="para-5"')
    assert '<p class="res-text" id="para-2-text"><em>Urges</em> all States to act;' in html


def test_footnotes_markup_matches_material_and_pairs_up():
    para = Paragraph("para-1", "operative", "1", "Takes note;", 10, marks=(Mark("footnote", 11, 11, "1"), ))
    para2 = Paragraph("para-2", "operative", "2", "Notes again;", 11,
                      marks=(Mark("footnote", 12, 12, "1"), Mark("footnote", 12, 12, "7")))
    res = make("A/RES/60/10", operative=(para, para2),
               footnotes=(Footnote("1", "fn-1", "See A/60/100.", 30),))
    page = render(res)
    html = page.body_html
    assert '<sup id="fnref-1"><a href="#fn-1" class="footnote-ref">1</a></sup>' in html
    assert '<sup id="fnref-1-2"><a href="#fn-1" class="footnote-ref">1</a></sup>' in html
    assert '<div class="footnote" id="footnotes">' in html and '<li id="fn-1">' in html
    assert 'class="footnote-backref" href="#fnref-1"' in html and 'href="#fnref-1-2"' in html
    # a marker without a note stays visible, unlinked
    assert '<sup class="res-footnote-missing" title="footnote without a note">7</sup>' in html
    # document symbols in a footnote are linked even without a citation mark
    assert '<a class="res-doc res-external" href="https://undocs.org/A/60/100">A/60/100</a>' in html


def test_citation_marks_become_links_relative_to_the_page():
    text = "Recalling its resolution 60/20 and resolution 47/4,"
    para = Paragraph("pp-1", "preamble", "1", text, 5,
                     marks=(Mark("citation", 14, 30, "0"), Mark("citation", 35, 50, "1")))
    res = replace(make("A/RES/60/10", citations=[cite("A/RES/60/20", paragraph="1"), cite("A/RES/47/4")]), preamble=(para,))
    html = render(res, make("A/RES/60/20")).body_html
    assert '<a class="res-citation" href="../20/#para-1"' in html and ">resolution 60/20</a>" in html
    assert 'href="https://undocs.org/A/RES/47/4"' in html and ">resolution 47/4</a>" in html
    assert "<em>Recalling</em> its " in html


def test_every_id_is_unique_and_registered_as_an_anchor():
    duplicate = (
        Paragraph("para-1", "operative", "1", "One.", 10),
        Paragraph("para-1", "operative", "1", "One again.", 11),
    )
    res = make("A/RES/60/10", operative=duplicate, footnotes=(Footnote("1", "fn-1", "x", 30),), proponent="[A/60/L.1]")
    page = render(res, make("A/RES/60/20", citations=[cite("A/RES/60/10")]))
    ids = parse_html(page.body_html + page.cited_by_html).ids
    assert len(ids) == len(set(ids))
    assert set(ids) - {"cited-by-list"} <= page.anchor_ids
    assert {"para-1", "para-1-2", "fn-1", "proponent", "title", "cited-by"} <= page.anchor_ids


def test_parts_sections_annexes_tables_and_unplaced_text():
    part = lambda label, meeting: Part(  # noqa: E731
        label, f"Title {label}", (Paragraph(f"part-{label.lower()}-pp-1", "preamble", "1", "Recalling x,", 5),),
        (Paragraph(f"part-{label.lower()}-para-1", "operative", "1", "Decides y;", 6),), (), meeting, meeting.date, 4,
        enacting_formula="The General Assembly,",
    )
    annex = Annex("Annex I", "annex-i", "Declaration", (
        Paragraph("annex-i-text-1", "heading", None, "Preamble", 40),
        Table("table-1", ("Country", "Amount"), (("A<b>", "1"),), 41),
        Paragraph("annex-i-para-1", "operative", "1", "Article text.", 45),
    ), 39)
    res = replace(
        make("A/RES/60/10 A-B", "60/10 A-B", operative=()),
        preamble=(), parts=(part("A", Meeting(41, "plenary", False, "2005-11-03", 20)),
                             part("B", Meeting(56, "plenary", True, "2006-01-20", 30))),
        annexes=(annex,),
        unplaced=(Paragraph("unplaced-1", "unplaced", None, "Stray <text>", 50),),
    )
    page = render(res)
    html = page.body_html
    assert html.count('<p class="res-meeting">') == 2
    assert "41st plenary meeting<br>3 November 2005" in html
    assert "56th (resumed) plenary meeting<br>20 January 2006" in html
    assert '<section class="res-part" id="part-a">' in html and '<section class="res-part" id="part-b">' in html
    assert '<section class="res-annex" id="annex-i">' in html and "<th>Country</th>" in html
    assert "<td>A&lt;b&gt;</td>" in html
    assert 'class="admonition warning res-unplaced"' in html and "Stray &lt;text&gt;" in html
    assert [e.id for e in page.outline][:3] == ["part-a", "part-b", "annex-i"]
    adopted = [v for label, v in page.metadata if label == "Adopted"]
    assert adopted[0].startswith("A: 3 November 2005, 41st plenary meeting")
    assert "A/60/PV.56" in adopted[1]  # the record derived for a GA plenary


def test_metadata_panel_vote_session_link_record_and_collapsed_lists():
    res = make("A/RES/60/20", vote=Vote("recorded vote", 3, 1, 0, in_favour_members=("ALBANIA", "BRAZIL", "CHILE"),
                                         against_members=("BOLIVIA (PLURINATIONAL STATE OF)",)),
               meeting=Meeting(50, "plenary", False, "2005-11-10", 40, record="A/60/PV.50"), adopted="2005-11-10",
               draft="A/60/L.9", sponsors="Albania, Trinidad and Tobago and Brazil")
    res = replace(res, body="General Assembly", session_text="Sixtieth session")
    rows = dict(render(res, session_url=lambda r: "sessions/60/").metadata)
    # One form for every session, whatever the cover prints.
    assert rows["Session"] == '<a href="../../../../sessions/60/">General Assembly, 60th session</a>'
    assert rows["Vote"].startswith("Recorded vote: 3 in favour, 1 against, 0 abstaining (4 voting)")
    # Member lists in normal case, shut behind their counts.
    assert '<details class="res-vote-list"><summary>In favour (3)</summary><p>Albania, Brazil, Chile</p></details>' in rows["Vote"]
    assert "<p>Bolivia (Plurinational State of)</p>" in rows["Vote"]
    assert rows["Sponsors"] == "Albania, Trinidad and Tobago and Brazil"  # short: as printed
    many = dict(render(replace(res, sponsors="Chile, Peru, Cuba, Fiji, Mali, Oman and Antigua and Barbuda")).metadata)
    assert many["Sponsors"] == ('<details class="res-sponsors"><summary>7 sponsors</summary>'
                                "<p>Chile, Peru, Cuba, Fiji, Mali, Oman and Antigua and Barbuda</p></details>")
    assert "A/60/PV.50</a>" in rows["Adopted"] and "10 November 2005" in rows["Adopted"]
    assert 'href="https://undocs.org/A/60/L.9"' in rows["Draft"]
    assert "Official text" not in rows  # once, in the page's head
    assert rows["Session"] != dict(render(res).metadata)["Session"]  # without session pages: plain text
    assert dict(render(res).metadata)["Session"] == "General Assembly, 60th session"


def test_vote_shows_who_did_not_vote_when_the_membership_is_known():
    res = make("A/RES/76/10", vote=Vote("recorded vote", 148, 9, 14), adopted="2021-12-06",
               meeting=Meeting(42, "plenary", False, "2021-12-06", 4))
    res = replace(res, body="General Assembly")
    vote = dict(render(res).metadata)["Vote"]
    assert vote == "Recorded vote: 148 in favour, 9 against, 14 abstaining; 171 of 193 members voted, 22 did not vote"


def test_head_shows_kind_title_adoption_vote_and_notice_once():
    res = replace(make("A/RES/76/10", vote=Vote("recorded vote", 148, 9, 14), adopted="2021-12-06",
                       meeting=Meeting(42, "plenary", False, "2021-12-06", 4)), body="General Assembly")
    page = render(res)
    head = page.head_html
    assert head.index("General Assembly resolution") < head.index('<h1 class="res-title" id="title">')
    assert "Adopted 6 December 2021, 42nd plenary meeting · Recorded vote 148–9–14" in head
    assert head.count("Unofficial copy") == 1 and "Unofficial copy" not in page.body_html
    assert "<h1" not in page.body_html
    assert page.about_label == "About this resolution"


def test_decision_is_named_and_labelled_as_a_decision():
    res = replace(make("A/DEC/71/406 A-B", "71/406 A and B"), kind="decision", body="General Assembly")
    page = render(res)
    rows = dict(page.metadata)
    assert rows["Decision"] == "decision 71/406 A and B" and "Symbol" not in rows
    assert "A/DEC/" not in page.head_html
    assert "General Assembly decision" in page.head_html and page.about_label == "About this decision"


def test_words_for_readers():
    from resolutions.site.labels import agenda_title, member_name, session_label

    assert member_name("CÔTE D'IVOIRE") == "Côte d'Ivoire"
    assert member_name("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA") == "Democratic People's Republic of Korea"
    assert member_name("SAINT VINCENT AND THE GRENADINES") == "Saint Vincent and the Grenadines"
    assert member_name("GUINEA-BISSAU") == "Guinea-Bissau"
    assert member_name("Türkiye") == "Türkiye"
    assert agenda_title("Oceans and the law of the sea: oceans and the law of the sea") == "Oceans and the law of the sea"
    assert agenda_title("Macroeconomic policy questions: trade") == "Macroeconomic policy questions: trade"
    assert session_label("General Assembly", "73") == "General Assembly, 73rd session"
    assert session_label("Security Council", "1946") == "Security Council, 1946"
    assert session_label("Economic and Social Council", "2021") == "Economic and Social Council, 2021 session"


def test_meeting_record_is_given_or_derived_where_the_series_is_regular():
    ga = make("A/RES/51/148", session="51")
    assert meeting_record(ga, Meeting(84, "plenary", False, None, 1)) == "A/51/PV.84"
    assert meeting_record(ga, Meeting(84, "plenary", False, None, 1, record="A/51/PV.84/X")) == "A/51/PV.84/X"
    assert meeting_record(ga, Meeting(12, "Third Committee", False, None, 1)) is None  # committee records vary
    sc = make("S/RES/1600 (2005)", "1600 (2005)", body="Security Council", session="2005")
    assert meeting_record(sc, Meeting(5171, "meeting", False, None, 1)) == "S/PV.5171"
    # The resolution page links the same record as the timeline and the CSV.
    page = render_resolution(replace(sc, meeting=Meeting(5171, "meeting", False, "2005-04-29", 1)),
                             Collection.build([sc]), "S/RES/1600(2005)/")
    assert "https://undocs.org/S/PV.5171" in dict(page.metadata)["Adopted"]


def test_notice_cited_by_and_neighbours():
    cited = make("A/RES/60/20")
    citing = make("A/RES/60/10", citations=[cite("A/RES/60/20")])
    page = render(cited, citing)
    assert "Unofficial copy" in page.notice_html and "United Nations" in page.notice_html
    assert '<a href="../10/#pp-1"><span class="res-cited-by__number">60/10</span>, preamble, para. 1</a>' in page.cited_by_html
    assert page.previous is not None and page.previous.href == "../10/" and page.next is None
    assert render(citing, cited).cited_by_html == ""


def test_agenda_items_and_timeline_link_to_index_pages_when_given():
    from resolutions.model import AgendaItem

    res = make("A/RES/60/20", agenda_items=(AgendaItem("78 (a)", "Oceans", 8),), adopted="2005-11-10")
    rows = dict(render(res, agenda_item_url=lambda r, i: "sessions/60/agenda/78-a/",
                       timeline_url=lambda r: "timeline/2005/#m-1").metadata)
    assert rows["Agenda item"] == '<ul><li><a href="../../../../sessions/60/agenda/78-a/">78 (a): Oceans</a></li></ul>'
    assert 'href="../../../../timeline/2005/#m-1"' in rows["Timeline"]
    assert dict(render(res).metadata)["Agenda item"] == "<ul><li>78 (a): Oceans</li></ul>"


def test_page_links_are_exactly_what_relative_href_gives():
    # The renderer computes links from one page with the page's folder split once (PageLinks);
    # it must agree with relative_href on every kind of URL, ordinary or odd.
    from resolutions.site.collection import relative_href
    from resolutions.site.document_html import PageLinks

    pages = ["A/RES/51/148/", "A/RES/51/148/index.html", "", "/", "index.html", "sessions/51/", "./A//RES/1/",
             "../up/", "/abs/page/"]
    targets = ["A/RES/51/148/", "A/RES/51/149/#para-3", "A/RES/51/", "A/RES/51", "S/RES/1325 (2000)/", "", ".",
               "./", "#title", "sessions/51/agenda/78-a/", "timeline/1996/#m-1996-12-13-ga-84", "A//RES/./51/",
               "../x/", "A/../B/", "/abs/", "https://undocs.org/A/RES/51/148", "mailto:x@y.org", "A/RES/51/148/#"]
    for page in pages:
        links = PageLinks(page)
        for target in targets:
            assert links.href(target) == relative_href(page, target), (page, target)
