"""Tables for the one-line grammars: dates, session lines, agenda item lines, meeting and adoption lines."""

from __future__ import annotations

import pytest

from resolutions.parse import grammar


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("13 December 1996", "1996-12-13"),
        ("4 February 1997", "1997-02-04"),
        ("1 July 2021", "2021-07-01"),
        ("2017-10-03", "2017-10-03"),
        ("13 December 1996.", "1996-12-13"),
        ("31 February 2020", None),  # no such day
        ("2020-13-01", None),
        ("December 1996", None),
        ("84th plenary meeting", None),
        ("", None),
    ],
)
def test_parse_date(line, expected):
    assert grammar.parse_date(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adopted by the Security Council at its 4213th meeting, on 31 October 2000", "2000-10-31"),
        ("Resolution of 27 May 1960", "1960-05-27"),
        ("adopted on 2020-11-12 at", "2020-11-12"),
        ("no date here", None),
    ],
)
def test_find_date(text, expected):
    assert grammar.find_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Fifty-first session", "51"),
        ("Seventy-fourth session", "74"),
        ("Fiftieth session", "50"),
        ("Eleventh emergency special session", "ES-11"),
        ("Tenth emergency special session", "ES-10"),
        ("Thirty-second special session", "S-32"),
        ("Twenty-third special session", "S-23"),
        ("2021 session", "2021"),
        ("72nd session of the General Assembly", "72"),
        ("74th session of the General Assembly", "74"),
        ("71st session of the General Assembly", "71"),
        ("Eight-eenth session", "18"),  # OCR kept a line-end hyphen
        ("Agenda item 161", None),
        ("Fifty-first", None),
        ("Blue session", None),
    ],
)
def test_parse_session(line, expected):
    assert grammar.parse_session(line) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("first", 1), ("Twelfth", 12), ("Fifty-first", 51), ("Seventieth", 70), ("Ninety-ninth", 99), ("Fifty", None)],
)
def test_ordinal_word_value(word, expected):
    assert grammar.ordinal_word_value(word) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Agenda item 161", ["161"]),
        ("Agenda items 20 and 78 (a)", ["20", "78 (a)"]),
        ("Agenda item 3 (a)", ["3 (a)"]),
        ("Agenda item 6(b)", ["6 (b)"]),
        ("Agenda items 14, 15 and 117", ["14", "15", "117"]),
        ("Agenda item 19 (a) and (b)", ["19 (a)", "19 (b)"]),
        ("Agenda item 68 (gg)", ["68 (gg)"]),
        ("Agenda item 136 and 149 to 165", ["136", "149 to 165"]),
        ("Agenda item", None),
        ("Agenda item the situation", None),
        ("Fifty-first session", None),
    ],
)
def test_parse_agenda_items(line, expected):
    assert grammar.parse_agenda_items(line) == expected


@pytest.mark.parametrize(
    ("line", "number", "kind", "resumed", "date"),
    [
        ("84th plenary meeting", 84, "plenary", False, None),
        ("1st plenary meeting", 1, "plenary", False, None),
        ("56th (resumed) plenary meeting", 56, "plenary", True, None),
        ("54th resumed plenary meeting", 54, "plenary", True, None),
        ("Adopted by the Security Council at its 4213th meeting, on 31 October 2000", 4213, "meeting", False, "2000-10-31"),
        ("Adopted unanimously at the 1382nd meeting.", 1382, "meeting", False, None),
        ("Adopted at the 863rd meeting by 9 votes to none, with 2 abstentions (France, United Kingdom).", 863, "meeting", False, None),
        # OCR defects kept in the corpus
        ("Adopted unanimously at the 179Ist meeting.", 1791, "meeting", False, None),
        ("Adopted unanimously at the 176I1st meeting.", 1761, "meeting", False, None),
        ("Adopted at the 63lst meeting.", 631, "meeting", False, None),
        ("Adopted at the 1118th meet-ing by 10 votes to none.", 1118, "meeting", False, None),
        ("Adopted at the 1686th meetings", 1686, "meeting", False, None),
        ("Adopted at the 1771st meting by 14 votes to none, with 1 abstention (China).", 1771, "meeting", False, None),
        ("Adopted unanimously at the 1023rd_ meeting.", 1023, "meeting", False, None),
        # The decisions database: ordinal suffix dropped, "(resumed)" last, no number at all
        ("112 plenary meeting", 112, "plenary", False, None),
        ("32 plenary meeting (resumed)", 32, "plenary", True, None),
        ("N/A plenary meeting", None, "plenary", False, None),
        ("N.A. plenary meeting", None, "plenary", False, None),
    ],
)
def test_parse_meeting_line(line, number, kind, resumed, date):
    meeting = grammar.parse_meeting_line(line)
    assert meeting is not None
    assert (meeting.number, meeting.kind, meeting.resumed, meeting.date) == (number, kind, resumed, date)


@pytest.mark.parametrize(
    ("line", "outcome", "counts"),
    [
        ("Adopted unanimously at the 1382nd meeting.", "unanimous", (None, None, None)),
        ("Adopted at the 863rd meeting by 9 votes to none, with 2 abstentions (x, y).", "vote", (9, 0, 2)),
        ("Adopted at the 900th meeting by 10 votes to 1.", "vote", (10, 1, 0)),
        ("Adopted at the 901st meeting by 10 votes to none, with I abstention (China).", "vote", (10, 0, 1)),
        ("Adopted at the 902nd meeting without a vote.", "without vote", (None, None, None)),
        ("Adopted at the 903rd meeting by consensus.", "without vote", (None, None, None)),
        ("Adopted at the 904th meeting.", None, (None, None, None)),
    ],
)
def test_adoption_line_vote(line, outcome, counts):
    meeting = grammar.parse_meeting_line(line)
    assert meeting.vote_outcome == outcome
    assert (meeting.in_favour, meeting.against, meeting.abstaining) == counts


@pytest.mark.parametrize(
    "line",
    [
        "Recalling its resolution adopted at its 84th plenary meeting,",
        "The Security Council,",
        "84th plenary",
        "Adopted",
        "",
    ],
)
def test_not_a_meeting_line(line):
    assert grammar.parse_meeting_line(line) is None


def test_no_backtracking_on_long_lines():
    # A hostile line must be rejected quickly; the patterns are anchored and have no nested quantifiers.
    line = "Adopted " + "at the " * 2000 + "meeting"
    assert grammar.parse_meeting_line(line) is None
    assert grammar.parse_agenda_items("Agenda items " + "1, " * 3000 + "x") is None
