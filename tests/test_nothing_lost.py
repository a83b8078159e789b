"""Nothing parsed is lost on the page: for every file of the development corpus, the text of every
paragraph, sub-paragraph, table cell, footnote, annex block and unplaced block of the model appears in
the page's rendered HTML, and every paragraph id is an id on the page.

Render only (no MkDocs), so the whole corpus takes seconds. Skips without ``../shared/corpus``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest

from resolutions.site.collection import Collection
from resolutions.model import Paragraph, Resolution, Table
from resolutions.site.render import render_resolution

# Footnote markers are inserted into the text at their offsets and permalinks after it; the model's text
# has neither, so both are dropped before comparing.
_MARKER = re.compile(r"<sup\b[^>]*>.*?</sup>", re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _normalise(text: str) -> str:
    return " ".join(text.split())


def page_text(body_html: str) -> str:
    """The rendered body as a reader sees it: tags stripped, entities unescaped, whitespace normalised."""
    without_markers = _PERMALINK.sub("", _MARKER.sub("", body_html))
    return _normalise(html.unescape(_TAG.sub("", without_markers)))


def _paragraphs(paragraphs) -> Iterator[Paragraph]:
    for para in paragraphs:
        yield para
        yield from _paragraphs(para.items)


def model_paragraphs(res: Resolution) -> Iterator[Paragraph]:
    """Every paragraph of the model, sub-paragraphs included, in every place a paragraph can be."""
    yield from _paragraphs(res.preamble)
    yield from _paragraphs(res.operative)
    for section in res.sections:
        yield from _paragraphs(section.preamble + section.operative)
    for part in res.parts:
        yield from _paragraphs(part.preamble + part.operative)
        for section in part.sections:
            yield from _paragraphs(section.preamble + section.operative)
    for annex in res.annexes:
        yield from _paragraphs(block for block in annex.blocks if isinstance(block, Paragraph))
    yield from _paragraphs(res.unplaced)


def expected_texts(res: Resolution) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text the page must show."""
    for para in model_paragraphs(res):
        if para.table is not None:
            yield from ((para.id, cell) for cell in _cells(para.table))
        else:
            yield para.id, para.text
    for annex in res.annexes:
        for block in annex.blocks:
            if isinstance(block, Table):
                yield from ((block.id, cell) for cell in _cells(block))
        if annex.title:
            yield annex.id, annex.title
    for note in res.footnotes:
        yield note.id, note.text
    for name in ("title", "topic", "part_title", "enacting_formula", "proponent"):
        value = getattr(res, name)
        if name == "topic" and value and title_case(value) == res.title:
            continue  # the printed topic became the title, in normal case (parse/titles.py): shown as the title
        if value:
            yield name, value
    for part in res.parts:
        if part.title:
            yield f"part {part.label}", part.title
    for section in res.sections + tuple(s for part in res.parts for s in part.sections):
        if section.title:
            yield f"section {section.label}", section.title


def _cells(table: Table) -> Iterator[str]:
    for row in (table.header, *table.rows):
        yield from (cell for cell in row if cell.strip())


@pytest.fixture(scope="module")
def corpus_pages(corpus_parsed):
    resolutions = list(corpus_parsed.values())
    collection = Collection.build(resolutions)
    pages = (render_resolution(res, collection, collection.page_url(res) or "x/") for res in resolutions)
    # The page's head (kind, title, adoption) and the document: the title moved into the head.
    return [(res, page.head_html + page.body_html) for res, page in zip(resolutions, pages)]


def test_every_parsed_text_is_on_its_page(corpus_pages):
    lost = []
    for res, body in corpus_pages:
        shown = page_text(body)
        for where, text in expected_texts(res):
            wanted = _normalise(text)
            if wanted and wanted not in shown:
                lost.append(f"{res.source} {where}: {wanted[:80]!r}")
    assert not lost, f"{len(lost)} texts missing from their pages, e.g.:\n" + "\n".join(lost[:20])


def test_every_paragraph_and_table_id_is_an_id_on_the_page(corpus_pages):
    missing = []
    for res, body in corpus_pages:
        ids = set(re.findall(r'\bid="([^"]+)"', body))
        missing.extend(f"{res.source} #{para.id}" for para in model_paragraphs(res) if html.escape(para.id) not in ids)
        tables = [para.table for para in model_paragraphs(res) if para.table is not None]
        tables += [block for annex in res.annexes for block in annex.blocks if isinstance(block, Table)]
        missing.extend(f"{res.source} table #{table.id}" for table in tables if table.id not in ids)
    assert not missing, f"{len(missing)} paragraph ids missing from their pages, e.g.:\n" + "\n".join(missing[:20])


def test_the_page_text_helper_drops_markers_and_permalinks():
    body = '<p id="pp-1"><em>Recalling</em> its resolution<sup id="fnref-1"><a href="#fn-1">1</a></sup> &amp; more' \
        '<a class="headerlink" href="#pp-1">¶</a></p>'
    assert page_text(body) == "Recalling its resolution & more"


# --- the renderer shows the model fields added after it was written (hand-written fixtures) ----------

from resolutions.parse.parser import parse  # noqa: E402
from resolutions.parse.titles import title_case  # noqa: E402

_SC_TOPIC = """**Security Council**

MILITARY STAFF COMMITTEE

Resolution 901 (1946)

of 25 January 1946

The Security Council,

1. Directs the Committee to meet;

2. Requests a report.

Adopted unanimously at the 23rd meeting.
"""


def _render(res: Resolution) -> str:
    collection = Collection.build([res])
    page = render_resolution(res, collection, collection.page_url(res) or "x/")
    return page.head_html + page.body_html


def test_topic_heading_is_the_title_of_an_untitled_security_council_resolution():
    res = parse(_SC_TOPIC, "sc/S_RES_901_1946.md")
    assert res.topic == "MILITARY STAFF COMMITTEE" and res.title == "Military Staff Committee"
    body = _render(res)
    assert '<h1 class="res-title" id="title">901 (1946). Military Staff Committee</h1>' in body
    assert "res-topic" not in body  # not printed a second time above it


def test_the_topic_wins_over_a_printed_title_and_the_date_line_is_the_fallback():
    res = parse(_SC_TOPIC.replace("of 25 January 1946", "Rules of procedure"), "sc/S_RES_901_1946.md")
    assert res.title == "Military Staff Committee"  # the topic wins (parse/titles.py)
    titled = parse(_SC_TOPIC.replace("MILITARY STAFF COMMITTEE\n", ""), "sc/S_RES_901_1946.md")
    assert titled.topic is None and titled.title == "Resolution of 25 January 1946"


_GA_HEAD = """**General Assembly**

A/RES/90/3 B  
3 July 2036

Ninetieth session  
Agenda item 7

Resolution adopted by the General Assembly on 1 July 2036

90/3. Review of things

B  
High-level forum "HLPF" & review

The General Assembly,

Recalling its resolutions,

"""


def test_single_part_letter_and_title_are_shown_and_escaped():
    res = parse(_GA_HEAD + "1. Decides.\n\n12th plenary meeting  \n1 July 2036\n", "ga/A_RES_90_3_B.md")
    assert (res.part_label, res.part_title) == ("B", 'High-level forum "HLPF" & review')
    body = _render(res)
    assert '<p class="res-part__title">High-level forum &quot;HLPF&quot; &amp; review</p>' in body
    assert '<p class="res-part__label">B</p>' in body


def test_table_among_paragraphs_is_a_table():
    text = _GA_HEAD.replace('B  \nHigh-level forum "HLPF" & review\n\n', "") + (
        "1. Decides the scale:\n\n| Member | Rate |\n|---|---|\n| Atlantis & Co | 0.001 |\n| Lemuria | 0.002 |\n\n"
        "2. Decides more.\n\n12th plenary meeting  \n1 July 2036\n"
    )
    res = parse(text, "ga/A_RES_90_3.md")
    [table_para] = [p for p in res.operative if p.table is not None]
    body = _render(res)
    assert f'id="{table_para.id}"' in body and f'<table id="{table_para.table.id}">' in body
    assert "<th>Member</th><th>Rate</th>" in body and "<td>Atlantis &amp; Co</td>" in body
    assert "Atlantis &amp; Co | 0.001" not in body  # the cells are not dumped as joined text


def test_transmitted_draft_paragraphs_keep_their_printed_numbers():
    text = _GA_HEAD.replace('B  \nHigh-level forum "HLPF" & review\n\n', "") + (
        "1. Adopts the draft resolution below;\n\nThe General Assembly,\n\n1. Decides to hold a meeting;\n\n"
        "2. Requests a report.\n\n12th plenary meeting  \n1 July 2036\n"
    )
    res = parse(text, "ga/A_RES_90_3.md")
    drafts = [p for p in res.operative if p.id.startswith("draft-para-")]
    assert [p.id for p in drafts] == ["draft-para-1", "draft-para-2"]
    body = _render(res)
    assert re.search(r'<li class="res-para res-draft" id="draft-para-2"><span class="res-num">2\.</span>', body)
