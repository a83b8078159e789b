"""Paragraph differences between editions: alignment (renumbering, new, deleted, changed, moved), word runs,
and the changes page made from them (counts, links to both versions, escaped text, accessible marks)."""

from __future__ import annotations

from resolutions.model import Paragraph
from resolutions.site.differences import (CHANGED, DELETED, MOVED, NEW, UNCHANGED, Unit, align, compare, units,
                                          word_changes)
from resolutions.site.series_pages import count_sentence

from test_series import make


def u(anchor, text):
    return Unit(anchor, None, text)


def statuses(changes):
    return [(c.status, c.old.anchor if c.old else None, c.new.anchor if c.new else None) for c in changes]


def test_a_paragraph_inserted_at_the_top_does_not_change_the_renumbered_ones():
    old = [u("para-1", "Requests the Secretary-General to report."), u("para-2", "Decides to remain seized.")]
    new = [u("para-1", "Welcomes the report of the Committee."), u("para-2", "Requests the Secretary-General to report."),
           u("para-3", "Decides to remain seized.")]
    assert statuses(align(old, new)) == [(NEW, None, "para-1"), (UNCHANGED, "para-1", "para-2"),
                                         (UNCHANGED, "para-2", "para-3")]


def test_changed_deleted_and_moved_paragraphs():
    old = [u("pp-1", "Recalling its resolution 74/1 of 2019,"), u("pp-2", "Noting the report on oceans,"),
           u("pp-3", "Bearing in mind the importance of fisheries for food security,"),
           u("pp-4", "Welcoming the entry into force of the Agreement on port State measures,")]
    new = [u("pp-1", "Welcoming the entry into force of the Agreement on port State measures,"),
           u("pp-2", "Recalling its resolution 75/1 of 2020,"),
           u("pp-3", "Bearing in mind the importance of fisheries for food security,")]
    got = statuses(align(old, new))
    assert (MOVED, "pp-4", "pp-1") in got
    assert (CHANGED, "pp-1", "pp-2") in got
    assert (UNCHANGED, "pp-3", "pp-3") in got
    assert (DELETED, "pp-2", None) in got
    assert len(got) == 4


def test_word_changes_mark_only_the_changed_words():
    runs = word_changes("Encourages States to consider ratifying the Convention in 2020,",
                        "Urges States to consider ratifying the Convention in 2021,")
    assert runs == (("-", "Encourages"), ("+", "Urges"), ("=", " States to consider ratifying the Convention in"),
                    ("-", " 2020"), ("+", " 2021"), ("=", ","))
    assert "".join(t for op, t in runs if op != "-") == "Urges States to consider ratifying the Convention in 2021,"
    assert "".join(t for op, t in runs if op != "+") == "Encourages States to consider ratifying the Convention in 2020,"
    assert word_changes("Same text.", "Same text.") == (("=", "Same text."),)


def test_sub_paragraphs_are_compared_with_their_paragraph():
    res = make("A/RES/75/1", "T")
    items = (Paragraph("para-1-a", "item", "a", "first item;", 8), Paragraph("para-1-b", "item", "b", "second.", 9))
    para = Paragraph("para-1", "operative", "1", "Decides:", 7, items=items)
    res = res.__class__(**{**{f: getattr(res, f) for f in res.__slots__}, "operative": (para,)})
    preamble, operative = units(res)
    assert operative == [Unit("para-1", "1", "Decides: (a) first item; (b) second.")]
    assert [p.anchor for p in preamble] == ["pp-1"]


def test_many_left_over_paragraphs_are_compared_near_their_place_only():
    old = [u(f"para-{i}", f"Paragraph number {i} talks about topic {i} and nothing else at all") for i in range(400)]
    new = [u(f"para-{i}", f"Paragraph number {i} speaks about topic {i} and nothing else at all") for i in range(400)]
    changes = align(old, new)  # 160,000 pairs would be too many: a window is used, and still finds them
    assert [c.status for c in changes] == [CHANGED] * 400
    assert all(c.old.anchor == c.new.anchor for c in changes)


def test_compare_counts_each_part_and_the_count_sentence():
    old, new = make("A/RES/74/1", "T"), make("A/RES/75/1", "T")
    differences = compare(old, new)
    assert differences.counts("operative")[UNCHANGED] == 1
    assert count_sentence({NEW: 4, DELETED: 2, CHANGED: 11, MOVED: 0}, "operative") == \
        "4 new operative paragraphs, 2 deleted, 11 changed"
    assert count_sentence({NEW: 0, DELETED: 1}, "preamble") == "1 deleted preambular paragraph"
    assert count_sentence({}, "preamble") == "no preambular paragraphs changed"


def test_changes_page_escapes_text_links_both_versions_and_names_insertions_for_screen_readers():
    from dataclasses import replace

    from resolutions.site.collection import Collection
    from resolutions.site.series_pages import ChangesContext, series_pages

    old = make("A/RES/74/1", "Road safety")
    new = replace(make("A/RES/75/1", "Road safety"), operative=(
        Paragraph("para-1", "operative", "1", "Decides to remain <b>seized</b> of the matter.", 7),
        Paragraph("para-2", "operative", "2", "Requests a report on road safety in 2021.", 8)))
    collection = Collection.build([old, new])
    pages = {p.src_uri: p for p in series_pages(collection)}
    assert set(pages) == {"series/index.md", "series/road-safety/index.md", "A/RES/75/1/changes/index.md"}
    index = pages["series/index.md"].context
    assert [(g["body"], [s["title"] for s in g["series"]]) for g in index["bodies"]] == [("General Assembly", ["Road safety"])]
    page = pages["A/RES/75/1/changes/index.md"]
    assert page.title == "75/1: changes since 74/1"
    context = page.context
    assert isinstance(context, ChangesContext)
    operative = context["parts"][1]
    assert operative["summary"] == "1 new operative paragraph, 1 changed"
    html = operative["html"]
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert ' <ins><span class="rs-vh">[inserted: </span>&lt;b&gt;<span class="rs-vh">]</span></ins>seized' in html
    assert 'href="../#para-1"' in html and 'href="../../../74/1/#para-1"' in html  # this and the previous edition
    # The same two texts make an equal page (the preview keeps its HTML); another text does not.
    again = {p.src_uri: p for p in series_pages(Collection.build([old, new]))}
    assert again["A/RES/75/1/changes/index.md"] == page
    edited = {p.src_uri: p for p in series_pages(Collection.build([old, replace(new, title="Road safety")]))}
    assert edited["A/RES/75/1/changes/index.md"] != page
    # Once the page is written (the adapter calls its hook) its differences are let go, and made again if asked.
    page.written()
    assert context._made is None and context["parts"][1]["html"] == html


def test_resolution_page_shows_series_row_with_previous_next_and_changes():
    from resolutions.site.collection import Collection
    from resolutions.site.render import render_resolution

    texts = [make("A/RES/74/1", "Road safety"), make("A/RES/75/1", "Road safety"), make("A/RES/76/1", "Road safety")]
    collection = Collection.build(texts)
    rows = dict(render_resolution(texts[1], collection, "A/RES/75/1/").metadata)
    row = rows["Series"]
    assert 'href="../../../../series/road-safety/"' in row
    assert 'href="../../74/1/" rel="prev">Previous edition: 74/1' in row
    assert 'href="changes/">Changes since 74/1' in row
    assert 'href="../../76/1/" rel="next">Next edition: 76/1' in row
    assert "Series" not in dict(render_resolution(texts[1], Collection.build(texts, series=False), "A/RES/75/1/").metadata)
