"""Shapes of the real corpus the parser once misread (hand-written fixtures, never corpus copies):
OCR'd numbers with a comma or a lost digit, paragraphs glued together, agenda-item lists in decisions,
numbering that restarts under a heading, and ``(i)`` after ``(h)``."""

from __future__ import annotations

import pytest

from resolutions.model import INFO, WARNING
from resolutions.parse.parser import parse

SC_HEAD = """**Security Council**

Resolution 901 (1971)

of 1 March 1971

The Security Council,

Noting the report,

"""

SC_FOOT = "\nAdopted at the 1500th meeting by 14 votes to none.\n"


def _sc(body: str):
    return parse(SC_HEAD + body + SC_FOOT, "sc.md")


def _codes(resolution, code: str):
    return [d for d in resolution.diagnostics if d.code == code]


@pytest.mark.parametrize(
    ("printed", "expected_number"),
    [
        ("4, Calls upon all States", "4"),  # comma for the dot
        ("4 Calls upon all States", "4"),  # dot lost
        ("4. Calls upon all States", "4"),
    ],
)
def test_ocr_number_expected_next_is_a_paragraph(printed, expected_number):
    res = _sc(f"1. Decides one;\n\n2. Decides two;\n\n3. Decides three;\n\n{printed};\n\n5. Requests a report.\n")
    assert [p.number for p in res.operative] == ["1", "2", "3", expected_number, "5"]
    assert res.operative[3].text == "Calls upon all States;"
    assert not _codes(res, "RES105")


def test_ocr_digit_read_as_letter_i():
    body = "".join(f"{n}. Decides {n};\n\n" for n in range(1, 19)) + "i9. Calls upon all States;\n\n20. Requests.\n"
    res = _sc(body)
    assert [p.number for p in res.operative][-3:] == ["18", "19", "20"]
    assert not _codes(res, "RES105")


def test_a_comma_number_that_is_not_next_stays_text():
    res = _sc("1. Decides one;\n\n2. Decides two;\n\n7, Calls upon all States.\n")
    assert [p.number for p in res.operative if p.number] == ["1", "2"]
    assert any(p.text.startswith("7, Calls") for p in res.operative)


def test_roman_one_is_never_an_ocr_number():
    res = _sc("1. Decides one;\n\nI. Calls upon all States.\n")
    assert [p.number for p in res.operative if p.number] == ["1"]


def test_paragraph_glued_to_the_previous_one_is_split():
    res = _sc(
        "1. Decides one;\n\n2. Decides two;\n\n"
        "3. Urges the parties to act with restraint; 4, Extends the Force for six months;\n\n"
        "5, Appeals to all parties;\n\n6. Requests a report.\n"
    )
    assert [(p.number, p.text) for p in res.operative][2:5] == [
        ("3", "Urges the parties to act with restraint;"),
        ("4", "Extends the Force for six months;"),
        ("5", "Appeals to all parties;"),
    ]
    assert not _codes(res, "RES105")


def test_a_true_numbering_jump_is_still_reported():
    res = _sc("1. Decides one;\n\n2. Decides two;\n\n4. Decides four.\n")
    [jump] = _codes(res, "RES105")
    assert "paragraph 4 follows paragraph 2" in jump.message


DECISION = """**General Assembly**

72nd session of the General Assembly  
Agenda item 155

72/575. Agenda items for inclusion in the draft agenda of the seventy-third session

At its 116th plenary meeting, on 17 September 2018, the General Assembly decided to include the following items in the draft agenda of its seventy-third session:

9. Report of the Economic and Social Council

14. Integrated and coordinated implementation

(b) Follow-up to the second Conference

22. Groups of countries in special situations

116th plenary meeting  
17 September 2018
"""


def test_agenda_item_list_of_a_decision_may_skip_numbers():
    res = parse(DECISION, "ga-decisions/72/A_DEC_72_575.md")
    numbered = [p for p in res.operative if p.number]
    assert [p.number for p in numbered] == ["9", "14", "22"]
    assert [p.id for p in numbered] == ["para-9", "para-14", "para-22"]  # ids are the agenda numbers, unique
    assert [i.id for i in numbered[1].items] == ["para-14-b"]
    assert not _codes(res, "RES105")


@pytest.mark.parametrize(
    ("line", "number", "resumed", "date"),
    [
        ("32 plenary meeting (resumed)", 32, True, "2018-09-11"),
        ("N/A plenary meeting", None, False, "2018-09-11"),
    ],
)
def test_decision_database_meeting_lines(line, number, resumed, date):
    text = DECISION.replace("116th plenary meeting  \n17 September 2018", f"{line}  \n2018-09-11")
    res = parse(text, "ga-decisions/72/A_DEC_72_575.md")
    assert (res.meeting.number, res.meeting.resumed, res.meeting.date, res.adopted) == (number, resumed, date, date)
    assert not _codes(res, "RES104")


GA_HEAD = """**General Assembly**

A/RES/90/2  
2 July 2036

Ninetieth session  
Agenda item 7

90/2. Common system

The General Assembly,

Recalling its resolutions,

"""


def test_numbering_restarting_under_a_heading_gets_the_heading_in_its_ids():
    text = GA_HEAD + (
        "1. Reaffirms the margin;\n\n2. Notes the margin;\n\nHardship allowance\n\nNotes the decision;\n\n"
        "Mobility incentive\n\n1. Notes the lower limit;\n\n2. Also notes the review.\n\n"
        "12th plenary meeting  \n30 June 2036\n"
    )
    res = parse(text, "r.md")
    ids = [p.id for p in res.operative if p.number]
    assert ids == ["para-1", "para-2", "mobility-incentive-para-1", "mobility-incentive-para-2"]
    assert not _codes(res, "RES109") and not _codes(res, "RES105")


def test_articles_of_an_agreement_restart_their_numbering():
    text = SC_HEAD.replace("Noting the report,\n", "Approves the following agreement:\n") + (
        "Article 5\n\nThe Authority may:\n\n1. Establish bases;\n\n2. Station forces.\n\n"
        "Article 6\n\nThe Authority shall:\n\n1. Foster institutions;\n\n2. Promote advancement.\n"
    ) + SC_FOOT
    res = parse(text, "sc.md")
    ids = [p.id for p in res.operative if p.number]
    assert ids == ["para-1", "para-2", "article-6-para-1", "article-6-para-2"]
    assert not _codes(res, "RES109")


def test_letter_i_after_h_ending_with_a_colon_is_roman():
    items = "".join(f"({letter}) Decided {letter};\n\n" for letter in "abcdefg")
    text = DECISION.replace(
        "9. Report of the Economic and Social Council\n\n14. Integrated and coordinated implementation\n\n"
        "(b) Follow-up to the second Conference\n\n22. Groups of countries in special situations\n",
        "On 11 August 2020, the General Assembly:\n\n" + items
        + "(h) With regard to panel discussions:\n\n(i) Encouraged the Bureau;\n\n(ii) Also encouraged it;\n\n"
        + "(i) With regard to reporting:\n\n(i) Underlined timely reports;\n\n(ii) Requested focus;\n\n"
        + "(j) Decided to continue.\n",
    )
    res = parse(text, "ga-decisions/74/x.md")
    [intro] = [p for p in res.operative if p.items]
    letters = [item.number for item in intro.items]
    assert letters == list("abcdefghij")
    assert [i.id for i in intro.items[7].items] == [f"{intro.id}-h-i", f"{intro.id}-h-ii"]
    assert [i.id for i in intro.items[8].items] == [f"{intro.id}-i-i", f"{intro.id}-i-ii"]
    assert not _codes(res, "RES109")


def test_a_date_outside_the_session_is_unknown_and_reported_with_its_line():
    # Decision 72/575 of the 72nd session (September 2017 to September 2018) dated 2019: a misprint or a
    # conversion default; never shown, and a warning at the meeting line.
    text = DECISION.replace("116th plenary meeting  \n17 September 2018", "116th plenary meeting  \n2019-11-21")
    res = parse(text, "ga-decisions/72/A_DEC_72_575.md")
    assert (res.meeting.number, res.meeting.date, res.adopted) == (116, None, None)
    [warning] = _codes(res, "RES115")
    assert warning.severity == WARNING and warning.line == res.meeting.line
    assert "2019-11-21 is outside the General Assembly's session 72 (1 September 2017 to 30 September 2018)" in warning.message


def test_source_discrepancies_that_leave_the_page_right_are_info():
    text = GA_HEAD + "1. Decides.\n\n12th plenary meeting  \n30 June 2036\n\n---\n\n<sup>1</sup> A note nothing refers to.\n"
    res = parse(text, "r.md")
    [note] = _codes(res, "RES107")
    assert note.severity == INFO
    assert [f.text for f in res.footnotes] == ["A note nothing refers to."]


# --- on the development corpus (skips without ../shared/corpus) --------------------------------------------

# The only numbering jumps and repeats left in the corpus are true defects of the printed sources: the OCR
# lost paragraph 5's number and head in S/RES/346 (1974), and decision 73/554 prints "(c)" twice. Any other
# RES105/RES109 means the parser misread a shape again (they are info, so a strict build would not say so).
KNOWN_SOURCE_DEFECTS = {("S_RES_346_1974.md", 24, "RES105"), ("A_DEC_73_554.md", 16, "RES109")}


def test_corpus_numbering_diagnostics_are_only_the_known_source_defects(corpus_parsed):
    from resolutions.model import ERROR, WARNING

    found, failing = set(), []
    for path, res in corpus_parsed.items():
        for diagnostic in res.diagnostics:
            if diagnostic.code in ("RES104", "RES105", "RES109"):
                found.add((path.name, diagnostic.line, diagnostic.code))
            if diagnostic.severity in (ERROR, WARNING):
                failing.append(diagnostic.format())
    assert found == KNOWN_SOURCE_DEFECTS
    assert failing == []
