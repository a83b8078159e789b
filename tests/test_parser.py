"""The parser on the sample and on hand-written fixtures: golden JSON plus targeted assertions.

The golden files in ``tests/fixtures/parser/*.golden.json`` are the whole model as plain data
(``dataclasses.asdict``). They were reviewed by hand; after a deliberate change, regenerate them with
``RESOLUTIONS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_parser.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from resolutions.model import ERROR, Resolution
from resolutions.parse.parser import parse, parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "parser"
GOLDEN_CASES = ["sample", "parts_sections", "security_council", "decision", "annex_notes", "emergency"]


def _source(name: str, sample_path: Path) -> Path:
    return sample_path if name == "sample" else FIXTURES / f"{name}.md"


def _as_data(resolution: Resolution) -> dict:
    return dataclasses.asdict(resolution)


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_golden(name, sample_path):
    resolution = parse_file(_source(name, sample_path), display_path=f"{name}.md")
    actual = _as_data(resolution)
    golden = FIXTURES / f"{name}.golden.json"
    if os.environ.get("RESOLUTIONS_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(actual)) == expected


# --- the sample, field by field ------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(sample_path) -> Resolution:
    return parse_file(sample_path)


def test_sample_header(sample):
    assert sample.body == "General Assembly"
    assert sample.symbol == "A/RES/51/148"
    assert sample.number == "51/148"
    assert sample.title == "Cooperation between the United Nations and the International Organization for Migration"
    assert (sample.session, sample.session_text) == ("51", "Fifty-first session")
    assert [item.number for item in sample.agenda_items] == ["161"]
    assert sample.issued == "1997-02-04"
    assert sample.proponent == "[without reference to a Main Committee (A/51/L.53 and Add.1)]"
    assert sample.documents == ("A/51/L.53", "A/51/L.53/Add.1")
    assert sample.enacting_formula == "The General Assembly,"
    assert sample.diagnostics == ()


def test_sample_body(sample):
    assert [p.id for p in sample.preamble] == ["pp-1", "pp-2", "pp-3", "pp-4", "pp-5"]
    assert [p.id for p in sample.operative] == ["para-1", "para-2", "para-3", "para-4", "para-5"]
    assert [p.number for p in sample.operative] == ["1", "2", "3", "4", "5"]
    assert sample.meeting.number == 84 and sample.meeting.kind == "plenary" and not sample.meeting.resumed
    assert sample.adopted == "1996-12-13"
    first = sample.operative[0]
    assert "<sup>" not in first.text
    footnote_marks = [mark for mark in first.marks if mark.kind == "footnote"]
    assert len(footnote_marks) == 1 and footnote_marks[0].value == "1"
    assert first.text[: footnote_marks[0].start].endswith("Migration;")
    assert [(note.mark, note.id, note.text) for note in sample.footnotes] == [("1", "fn-1", "E/1996/90.")]


def test_sample_citations_become_marks(sample):
    symbols = [citation.symbol for citation in sample.citations]
    assert "A/RES/47/4" in symbols and "A/RES/50/123" in symbols
    for paragraph in (*sample.preamble, *sample.operative):
        for mark in paragraph.marks:
            if mark.kind == "citation":
                citation = sample.citations[int(mark.value)]
                assert paragraph.text[mark.start : mark.end] == citation.text
                assert citation.where == paragraph.id
                assert citation.line == paragraph.line


def test_source_lines_point_at_the_text(sample, sample_path):
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    assert lines[sample.operative[2].line - 1].startswith("3. Requests")
    assert lines[sample.preamble[0].line - 1].startswith("Recalling its resolution 47/4")
    assert lines[sample.meeting.line - 1].startswith("84th plenary meeting")
    assert lines[sample.footnotes[0].line - 1].startswith("<sup>1</sup>")


# --- fixtures: structures --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parts() -> Resolution:
    return parse_file(FIXTURES / "parts_sections.md")


def test_parts_each_with_their_meeting(parts):
    assert parts.symbol == "A/RES/90/12 A-B"
    assert [part.label for part in parts.parts] == ["A", "B"]
    first, second = parts.parts
    assert first.title == "Fixtures in the service of testing"
    assert (first.meeting.number, first.adopted) == (40, "2035-12-15")
    assert (second.meeting.number, second.meeting.resumed, second.adopted) == (56, True, "2035-12-18")
    # Parts adopted on different days: the resolution has no single meeting or date.
    assert parts.meeting is None and parts.adopted is None
    assert first.enacting_formula == second.enacting_formula == "The General Assembly,"


def test_part_ids_are_prefixed_and_sub_paragraphs_nest(parts):
    first = parts.parts[0]
    assert [p.id for p in first.preamble] == ["part-a-pp-1", "part-a-pp-2"]
    noting = first.preamble[1]
    assert [item.id for item in noting.items] == ["part-a-pp-2-a", "part-a-pp-2-b"]
    requests = first.operative[1]
    assert [item.number for item in requests.items] == ["a", "b", "c"]
    assert [sub.id for sub in requests.items[1].items] == ["part-a-para-2-b-i", "part-a-para-2-b-ii"]
    assert requests.items[1].items[0].kind == "item"


def test_sections_restarting_numbering_are_prefixed(parts):
    sections = parts.parts[1].sections
    assert [(s.label, s.title) for s in sections] == [("I", "General matters"), ("II", "Particular matters")]
    assert [p.id for p in sections[1].operative] == ["part-b-sec-ii-para-1", "part-b-sec-ii-para-4"]


def test_numbering_jump_is_reported(parts):
    jumps = [d for d in parts.diagnostics if d.code == "RES105"]
    assert len(jumps) == 1 and jumps[0].line == 68
    assert "paragraph 4 follows paragraph 1" in jumps[0].message


def test_agenda_titles_pair_with_items(parts):
    assert [(item.number, item.title) for item in parts.agenda_items] == [
        ("20", "Questions relating to fixtures"),
        ("78 (a)", "Testing of parsers"),
    ]


def test_cited_paragraph_and_other_body(parts):
    by_symbol = {citation.symbol: citation for citation in parts.citations}
    assert by_symbol["A/RES/88/5"].paragraph == "II.3"
    assert "S/RES/1325 (2000)" in by_symbol
    assert by_symbol["A/90/500"].where == "proponent"


def test_ids_unique(parts):
    ids = []

    def collect(paragraphs):
        for paragraph in paragraphs:
            ids.append(paragraph.id)
            collect(paragraph.items)

    for part in parts.parts:
        collect(part.preamble)
        collect(part.operative)
        for section in part.sections:
            collect(section.operative)
    assert len(ids) == len(set(ids))


def test_security_council():
    resolution = parse_file(FIXTURES / "security_council.md")
    assert resolution.body == "Security Council"
    assert resolution.symbol == "S/RES/9999 (2035)"
    assert resolution.number == "9999 (2035)"
    assert resolution.session == "2035"
    assert resolution.adopted == "2035-03-03"
    assert resolution.meeting.number == 9863 and resolution.meeting.kind == "meeting"
    assert resolution.vote.outcome == "vote"
    assert (resolution.vote.in_favour, resolution.vote.against, resolution.vote.abstaining) == (13, 0, 2)
    assert resolution.vote.source == "text"
    assert "S/RES/242 (1967)" in [c.symbol for c in resolution.citations]


def test_decision():
    resolution = parse_file(FIXTURES / "decision.md", display_path="A_DEC_90_401.md")
    assert resolution.kind == "decision"
    assert resolution.symbol == "A/DEC/90/401"
    assert resolution.session == "90"
    assert resolution.adopted == "2035-09-12"
    assert resolution.meeting.number == 1
    texts = [p.text for p in resolution.operative]
    assert texts[-1] == "(See A/90/PV.1)"
    assert not any("record fields" in text for text in texts)  # the trailing HTML comment is not text


def test_annex_table_and_plain_markers():
    resolution = parse_file(FIXTURES / "annex_notes.md")
    assert resolution.title == "Tables, annexes and the three other kinds of footnote"
    assert resolution.session == "2035"
    (annex,) = resolution.annexes
    assert (annex.label, annex.id, annex.title) == ("Annex", "annex", "Principles of fixtures")
    paragraph, table = annex.blocks
    assert paragraph.id == "annex-para-1"
    assert table.id == "annex-table-1" and table.header == ("Principle", "Weight")
    assert table.rows == (("Small", "1"), ("Honest", "2"))
    assert [note.mark for note in resolution.footnotes] == ["1", "*", "2"]
    decides = resolution.operative[0]
    assert decides.text.endswith("present resolution.")
    assert [(m.kind, m.value) for m in decides.marks] == [("footnote", "*")]
    assert resolution.operative[1].text == "Requests a table"
    assert not [d for d in resolution.diagnostics if d.code in ("RES106", "RES107")]


def test_emergency_special_session_and_wrapped_title():
    resolution = parse_file(FIXTURES / "emergency.md")
    assert resolution.session == "ES-15"
    assert resolution.symbol == "A/RES/ES-15/2"
    assert resolution.title == "A resolution whose title wraps over two lines"
    assert resolution.adopted_line == "Resolution adopted by the General Assembly on 2 May 2035"
    assert [p.kind for p in resolution.operative] == ["text"]  # an unnumbered operative paragraph


def test_single_part_file():
    text = (
        "**General Assembly**\n\nA/RES/90/7 B  \n1 July 2036\n\nNinetieth session  \nAgenda item 1\n\n"
        "90/7. Things in parts  \nB<sup>1</sup>\n\nThe General Assembly,\n\nNoting,\n\n1. Decides;\n\n"
        "99th plenary meeting  \n30 June 2036\n\n---\n\n<sup>1</sup> Part A is elsewhere.\n"
    )
    resolution = parse(text, "single.md")
    assert (resolution.symbol, resolution.number, resolution.part_label) == ("A/RES/90/7 B", "90/7 B", "B")
    assert resolution.title == "Things in parts"
    assert resolution.parts == ()
    assert [p.id for p in resolution.operative] == ["para-1"]
    assert not [d for d in resolution.diagnostics if d.severity == ERROR]


def test_front_matter_lines_are_counted():
    text = "---\nvote:\n  outcome: without vote\n---\n" + (
        "**General Assembly**\n\nA/RES/90/8  \n1 July 2036\n\nNinetieth session\n\n"
        "90/8. Title\n\nThe General Assembly,\n\n1. Decides;\n\n99th plenary meeting  \n30 June 2036\n"
    )
    resolution = parse(text, "fm.md")
    assert resolution.line == 5
    assert resolution.operative[0].line == 16
    assert resolution.vote.outcome == "without vote" and resolution.vote.source == "front matter"


def test_transmitted_draft_is_not_counted_as_own_paragraphs():
    text = (
        "**Economic and Social Council**\n\nE/RES/2036/1  \n1 July 2036\n\n2036 session\n\n"
        "2036/1. Recommending a draft\n\nThe Economic and Social Council\n\n"
        "Recommends to the General Assembly the adoption of the following draft resolution:\n\n"
        "The General Assembly,\n\nRecalling,\n\n1. Decides;\n\n(a) First;\n\n5th plenary meeting  \n2 July 2036\n"
    )
    resolution = parse(text, "draft.md")
    assert resolution.preamble == ()
    kinds = [(p.id, p.kind) for p in resolution.operative]
    assert kinds[0] == ("text-1", "text")
    assert [k for k in kinds[1:] if k[1] != "text"] == []
    assert "draft-para-1" in [p.id for p in resolution.operative]
    assert resolution.meeting.number == 5


def test_escaped_and_html_text_is_kept_as_text():
    text = (
        "**General Assembly**\n\nA/RES/90/9  \n1 July 2036\n\nNinetieth session\n\n90/9. Title\n\n"
        "The General Assembly,\n\n1. Decides that <b>bold</b> & \\*stars\\* stay text;\n\n"
        "99th plenary meeting  \n30 June 2036\n"
    )
    resolution = parse(text, "html.md")
    # The tags are text the contributor typed: kept as written (the page escapes them), with a warning.
    assert resolution.operative[0].text == "Decides that <b>bold</b> & *stars* stay text;"
    assert [(d.code, d.line) for d in resolution.diagnostics] == [("RES114", 12)]


def test_ocr_footnote_number_glued_to_a_word_is_a_marker():
    text = (
        "**Security Council**\n\nS/RES/9998 (2035)\n\n9998 (2035). Resolution of 1 March 2035\n\n"
        "The Security Council,\n\nNoting the statement made at the 900th meeting.11 and 41 others,\n\n"
        "Decides to act.\n\nAdopted unanimously at the 901st meeting.\n\n---\n\n<sup>11</sup> A record.\n"
    )
    resolution = parse(text, "ocr.md")
    noting = resolution.preamble[0]
    assert noting.text == "Noting the statement made at the 900th meeting. and 41 others,"
    footnotes = [(mark.start, mark.value) for mark in noting.marks if mark.kind == "footnote"]
    assert footnotes == [(len("Noting the statement made at the 900th meeting."), "11")]
    assert not [d for d in resolution.diagnostics if d.code in ("RES106", "RES107")]


def test_several_star_markers_keep_their_offsets():
    text = (
        "**General Assembly**\n\nA/DEC/90/402  \n\n90th session of the General Assembly\n\n"
        "90/402. Appointments\n\nThe General Assembly appointed Ann,*** Bob* and Cy.**\n\n"
        "5th plenary meeting  \n2035-09-20\n\n---\n\n<sup>*</sup> One.\n\n<sup>**</sup> Two.\n\n<sup>***</sup> Three.\n"
    )
    resolution = parse(text, "A_DEC_90_402.md")
    paragraph = resolution.operative[0]
    assert paragraph.text == "The General Assembly appointed Ann, Bob and Cy."
    marks = [(mark.start, mark.value) for mark in paragraph.marks if mark.kind == "footnote"]
    text = paragraph.text
    assert marks == [(text.index(",") + 1, "***"), (text.index(" and"), "*"), (len(text), "**")]


def test_table_among_operative_paragraphs_keeps_its_cells():
    text = (
        "**General Assembly**\n\nA/RES/90/10  \n1 July 2036\n\nNinetieth session\n\n90/10. Budget\n\n"
        "The General Assembly,\n\n1. Approves the following:\n\n| Item | Amount |\n|---|---|\n| Posts | 10 |\n| Travel | 2 |\n\n"
        "2. Decides.\n\n99th plenary meeting  \n30 June 2036\n"
    )
    resolution = parse(text, "table.md")
    first, table_paragraph, second = resolution.operative
    assert table_paragraph.kind == "text" and table_paragraph.id == "text-1"
    assert table_paragraph.table.header == ("Item", "Amount")
    assert table_paragraph.table.rows == (("Posts", "10"), ("Travel", "2"))
    assert table_paragraph.text == "Item | Amount; Posts | 10; Travel | 2"
    assert second.number == "2"
