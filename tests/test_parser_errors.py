"""Bad input: every kind of problem gives its stable code at the right line, and the parser never raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolutions.model import ERROR, INFO, WARNING
from resolutions.parse.parser import parse, parse_file

GOOD = """**General Assembly**

A/RES/90/1  
1 July 2036

Ninetieth session  
Agenda item 7

90/1. A good resolution

The General Assembly,

Recalling everything,<sup>1</sup>

1. Decides one thing;

2. Decides another.

12th plenary meeting  
30 June 2036

---

<sup>1</sup> A note.
"""


def _codes(resolution):
    return [(d.code, d.line, d.severity) for d in resolution.diagnostics]


def _only(resolution, code):
    found = [d for d in resolution.diagnostics if d.code == code]
    assert len(found) == 1, _codes(resolution)
    return found[0]


def test_good_text_has_no_diagnostics():
    assert parse(GOOD, "good.md").diagnostics == ()


def test_missing_symbol():
    text = GOOD.replace("A/RES/90/1  \n", "").replace("90/1. A good resolution", "A good resolution")
    resolution = parse(text, "nosymbol.md")
    problem = _only(resolution, "RES101")
    assert problem.severity == ERROR and resolution.symbol is None
    assert problem.format().startswith("nosymbol.md:0: no document symbol found")
    assert problem.format().endswith("[RES101]")


def test_symbol_derived_from_number_when_symbol_line_missing():
    resolution = parse(GOOD.replace("A/RES/90/1  \n", ""), "derived.md")
    assert resolution.symbol == "A/RES/90/1"
    assert not [d for d in resolution.diagnostics if d.code == "RES101"]


def test_missing_meeting_line():
    resolution = parse(GOOD.replace("12th plenary meeting  \n30 June 2036\n", ""), "nomeeting.md")
    problem = _only(resolution, "RES104")
    assert problem.severity == WARNING and resolution.meeting is None


def test_numbering_that_jumps():
    resolution = parse(GOOD.replace("2. Decides another.", "5. Decides another."), "jump.md")
    problem = _only(resolution, "RES105")
    assert problem.line == 17 and problem.severity == INFO  # the page shows the numbers as printed
    assert "paragraph 5 follows paragraph 1, expected 2" in problem.message
    assert [p.id for p in resolution.operative] == ["para-1", "para-5"]  # the printed number is kept


def test_repeated_number_gets_unique_id():
    resolution = parse(GOOD.replace("2. Decides another.", "1. Decides another."), "repeat.md")
    assert [p.id for p in resolution.operative] == ["para-1", "para-1-2"]
    assert _only(resolution, "RES109").line == 17


def test_footnote_marker_without_note():
    resolution = parse(GOOD.replace("2. Decides another.", "2. Decides another.<sup>9</sup>"), "marker.md")
    problem = _only(resolution, "RES106")
    assert problem.line == 17 and "'9'" in problem.message


def test_note_without_marker():
    resolution = parse(GOOD + "\n<sup>2</sup> A lonely note.\n", "note.md")
    problem = _only(resolution, "RES107")
    assert problem.line == 26 and "'2'" in problem.message and problem.severity == INFO  # the note is shown
    assert [note.mark for note in resolution.footnotes] == ["1", "2"]  # kept all the same


def test_unknown_header_line_is_kept():
    text = GOOD.replace("Ninetieth session  \n", "Ninetieth session  \nPlease file under fixtures  \n")
    resolution = parse(text, "header.md")
    problem = _only(resolution, "RES103")
    assert problem.line == 7 and problem.severity == WARNING
    assert "Please file under fixtures" in problem.message
    assert [p.text for p in resolution.unplaced] == ["Please file under fixtures"]
    assert resolution.session == "90" and [a.number for a in resolution.agenda_items] == ["7"]


def test_text_before_the_title_is_unplaced_not_dropped():
    text = GOOD.replace("90/1. A good resolution", "90/1. A good resolution").replace(
        "**General Assembly**\n", "**General Assembly**\n\nStray words of unknown purpose here.\n"
    )
    resolution = parse(text, "stray.md")
    assert "Stray words of unknown purpose here." in [p.text for p in resolution.unplaced]
    assert [d.code for d in resolution.diagnostics] == ["RES103"]


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"])
def test_empty_text(text):
    resolution = parse(text, "empty.md")
    problem = _only(resolution, "RES003")
    assert problem.severity == ERROR and problem.line == 1
    assert resolution.title == "" and resolution.symbol is None


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert _only(parse_file(path, "empty.md"), "RES003").format() == (
        "empty.md:1: the file is empty, expected a resolution text [RES003]"
    )


def test_front_matter_only_is_empty(tmp_path: Path):
    resolution = parse("---\nvote:\n  outcome: without vote\n---\n", "fm.md")
    assert _only(resolution, "RES003").severity == ERROR


def test_binary_file(tmp_path: Path):
    path = tmp_path / "picture.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    resolution = parse_file(path, "picture.md")
    problem = _only(resolution, "RES001")
    assert problem.severity == ERROR and "binary" in problem.message
    assert resolution.title == "" and resolution.symbol is None and resolution.operative == ()


def test_non_utf8_file(tmp_path: Path):
    path = tmp_path / "latin1.md"
    path.write_bytes(GOOD.replace("everything", "tout le monde é").encode("latin-1"))
    resolution = parse_file(path, "latin1.md")
    problem = _only(resolution, "RES002")
    assert problem.severity == ERROR and problem.line == 13
    assert resolution.title == "" and resolution.symbol is None


def test_missing_file(tmp_path: Path):
    resolution = parse_file(tmp_path / "absent.md", "absent.md")
    assert _only(resolution, "RES001").severity == ERROR


def test_bad_front_matter_is_reported_not_raised():
    resolution = parse("---\nvote: [unclosed\n---\n" + GOOD, "badfm.md")
    assert any(d.code.startswith("RES2") and d.severity == ERROR for d in resolution.diagnostics)
    assert resolution.symbol == "A/RES/90/1"


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "---\n",
        "***",
        "|a|\n|-|\n|b|",
        "[^1]: only a note",
        "<sup>",
        "<sup>1</sup>",
        "1.",
        "(a)",
        "A",
        "I",
        "Annex",
        "84th plenary meeting",
        "Adopted at the 1st meeting.",
        "> quoted\n> text",
        "```\ncode\n```",
        "\x00\x01",
        "\ufeff**General Assembly**",
        "90/1.",
        "90/1. Title\n\nA\n\nB\n\nC",
        "The General Assembly,\n\nThe General Assembly,",
        "*\n\n---\n\n* note",
        "1/ note only\n\n---\n\n1/ x",
        "a" * 10000,
        "\n".join(["(i)"] * 50),
    ],
)
def test_odd_inputs_never_raise(text):
    resolution = parse(text, "odd.md")
    assert resolution.source == "odd.md"
    for diagnostic in resolution.diagnostics:
        assert diagnostic.severity in (ERROR, WARNING, INFO)
        assert diagnostic.code.startswith("RES")
