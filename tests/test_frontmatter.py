"""Front matter: splitting the block off, reading every key, validating, applying it to a resolution."""

from __future__ import annotations

import dataclasses
import re

import pytest

from resolutions.parse import frontmatter
from resolutions.parse.frontmatter import FrontMatter, read, split
from resolutions.parse.overrides import apply
from resolutions.model import AgendaItem, Meeting, Resolution, Vote

CORPUS_LIKE = """---
draft: "A/74/L.24"
sponsors: "Armenia, Bangladesh and Viet Nam"
record: "A/74/PV.45"
vote:
  outcome: recorded vote
  in_favour: 2
  against: 1
  abstaining: 0
  in_favour_members:
    - "ALBANIA"
    - "ALGERIA"
  against_members:
    - "ISRAEL"
---
**General Assembly**

A/RES/74/22
"""


def codes(problems):
    return [code for _line, _severity, code, _message in problems]


# --- split ---------------------------------------------------------------------------------------


def test_split_without_front_matter_returns_the_text_unchanged():
    assert split("**General Assembly**\n\nA/RES/1/1\n") == (None, "**General Assembly**\n\nA/RES/1/1\n", 0, [])


def test_split_returns_mapping_body_and_lines_taken():
    meta, body, taken, problems = split(CORPUS_LIKE)
    assert problems == []
    assert taken == 15
    assert body == "**General Assembly**\n\nA/RES/74/22\n"
    assert meta["draft"] == "A/74/L.24"
    assert meta["vote"]["in_favour_members"] == ["ALBANIA", "ALGERIA"]
    # body line n is source line n + taken: "A/RES/74/22" is body line 3, source line 18
    assert CORPUS_LIKE.splitlines()[3 + taken - 1] == "A/RES/74/22"


def test_split_remembers_the_line_of_each_key():
    meta, *_ = split(CORPUS_LIKE)
    assert meta.key_lines["draft"] == 2
    assert meta.key_lines["vote"] == 5
    assert meta.key_lines["vote.against"] == 8


def test_split_accepts_crlf_and_dots_as_closing_fence():
    meta, body, taken, problems = split("---\r\ndraft: X\r\n...\r\nbody\r\n")
    assert (meta, body, taken, problems) == ({"draft": "X"}, "body\r\n", 3, [])


def test_empty_front_matter_is_an_empty_mapping():
    meta, body, taken, problems = split("---\n---\nbody\n")
    assert (meta, body, taken, problems) == ({}, "body\n", 2, [])


def test_a_rule_that_is_not_a_fence_is_text():
    text = "-----\nbody\n"
    assert split(text) == (None, text, 0, [])


def test_unclosed_front_matter_is_an_error_and_the_text_is_kept():
    text = "---\ndraft: X\nbody\n"
    meta, body, taken, problems = split(text)
    assert meta is None and body == text and taken == 0
    assert problems[0][:3] == (1, "error", "RES201")


def test_invalid_yaml_is_an_error_at_its_line_and_the_body_is_kept():
    meta, body, taken, problems = split("---\ndraft: X\nvote: [unclosed\n---\nThe General Assembly,\n")
    assert meta is None
    assert body == "The General Assembly,\n"
    assert taken == 4
    [(line, severity, code, message)] = problems
    assert (severity, code) == ("error", "RES202")
    assert 3 <= line <= 4
    assert "not valid YAML" in message


def test_a_list_is_not_a_front_matter():
    meta, body, _taken, problems = split("---\n- a\n- b\n---\nbody\n")
    assert meta is None and body == "body\n"
    assert codes(problems) == ["RES203"]


# --- read ----------------------------------------------------------------------------------------


def test_read_a_corpus_style_front_matter():
    meta, *_ = split(CORPUS_LIKE)
    front, problems = read(meta)
    assert problems == []
    assert front.draft == "A/74/L.24"
    assert front.sponsors == "Armenia, Bangladesh and Viet Nam"
    assert front.record == "A/74/PV.45"
    assert front.vote == Vote(
        outcome="recorded vote", in_favour=2, against=1, abstaining=0,
        in_favour_members=("ALBANIA", "ALGERIA"), against_members=("ISRAEL",), abstaining_members=(),
        source="front matter",
    )


def test_read_without_vote():
    front, problems = read({"vote": {"outcome": "without vote"}})
    assert problems == []
    assert front.vote == Vote(outcome="without vote")


def test_read_overrides_and_optional_keys():
    meta, *_ = split(
        "---\nsymbol: A/RES/51/148\ntitle: Cooperation\nsession: 51\nissued: 1997-02-04\n"
        "adopted: '1996-12-13'\nmeeting: {number: 84, resumed: true}\nsubjects: [Migration, Cooperation]\n"
        "agenda_titles: {161: Cooperation with IOM, '78 (a)': Oceans}\nsponsors: [France, Spain]\nkind: decision\n---\n"
    )
    front, problems = read(meta)
    assert problems == []
    assert front.symbol == "A/RES/51/148"
    assert front.title == "Cooperation"
    assert front.session == "51"
    assert front.issued == "1997-02-04"
    assert front.adopted == "1996-12-13"
    assert front.meeting.number == 84 and front.meeting.resumed is True and front.meeting.kind == "plenary"
    assert front.subjects == ("Migration", "Cooperation")
    assert front.agenda_titles == {"161": "Cooperation with IOM", "78 (a)": "Oceans"}
    assert front.sponsors == "France, Spain"
    assert front.kind == "decision"


def test_unknown_key_is_a_warning_at_its_line():
    meta, *_ = split("---\ndraft: X\ncolour: blue\n---\n")
    front, problems = read(meta)
    assert front.draft == "X"
    assert problems == [(3, "warning", "RES204", problems[0][3])]
    assert "colour" in problems[0][3]


def test_wrong_type_is_an_error_and_the_value_is_ignored():
    front, problems = read({"draft": ["A/1", "A/2"], "subjects": 5}, first_line=1)
    assert front.draft is None and front.subjects == ()
    assert codes(problems) == ["RES205", "RES205"]
    assert all(severity == "error" for _l, severity, _c, _m in problems)


def test_unknown_outcome_is_an_error():
    front, problems = read({"vote": {"outcome": "acclamation"}})
    assert front.vote is None
    assert codes(problems) == ["RES206"]


def test_outcome_is_normalised():
    front, problems = read({"vote": "Without  Vote"})
    assert problems == [] and front.vote.outcome == "without vote"


def test_count_that_disagrees_with_its_list_is_a_warning_at_the_count_line():
    meta, *_ = split(
        "---\nvote:\n  outcome: recorded vote\n  in_favour: 3\n  in_favour_members:\n    - A\n    - B\n---\n"
    )
    front, problems = read(meta)
    assert front.vote.in_favour == 3 and front.vote.in_favour_members == ("A", "B")
    [(line, severity, code, message)] = problems
    assert (line, severity, code) == (4, "warning", "RES207")
    assert "3" in message and "2" in message


def test_negative_or_boolean_count_is_wrong_type():
    front, problems = read({"vote": {"outcome": "recorded vote", "in_favour": -1, "against": True}})
    assert codes(problems).count("RES205") == 2


def test_counts_without_a_vote_and_recorded_vote_without_counts_are_inconsistent():
    _front, problems = read({"vote": {"outcome": "without vote", "in_favour": 3}})
    assert codes(problems) == ["RES208"]
    _front, problems = read({"vote": {"outcome": "recorded vote"}})
    assert codes(problems) == ["RES208"]


def test_member_on_two_sides_is_a_warning():
    _front, problems = read(
        {"vote": {"outcome": "recorded vote", "in_favour": 1, "against": 1,
                  "in_favour_members": ["X"], "against_members": ["X"]}}
    )
    assert codes(problems) == ["RES210"]


def test_bad_date_is_an_error():
    front, problems = read({"adopted": "13 December 1996"})
    assert front.adopted is None
    assert codes(problems) == ["RES209"]


def test_problems_point_at_first_line_for_a_plain_dict():
    _front, problems = read({"nonsense": 1}, first_line=7)
    assert problems[0][0] == 7


# --- apply ---------------------------------------------------------------------------------------


def _printed(**changes) -> Resolution:
    base = Resolution(
        source="r.md", kind="resolution", body="General Assembly", symbol="A/RES/51/148", number="51/148",
        title="Cooperation", session="51", session_text="Fifty-first session",
        agenda_items=(AgendaItem(number="161", title=None, line=12),), issued="1997-02-04", adopted="1996-12-13",
        meeting=Meeting(number=84, kind="plenary", resumed=False, date="1996-12-13", line=40), proponent=None,
        documents=(), enacting_formula="The General Assembly,", preamble=(), operative=(), sections=(), parts=(),
        annexes=(), footnotes=(), citations=(), vote=None,
    )
    return dataclasses.replace(base, **changes)


def test_apply_supplies_what_the_text_lacks():
    front = FrontMatter(
        vote=Vote(outcome="without vote"), draft="A/51/L.53", sponsors="S", record="A/51/PV.84",
        subjects=("Migration",), agenda_titles={"161": "Cooperation with IOM"},
    )
    res = apply(_printed(), front)
    assert res.vote == Vote(outcome="without vote")
    assert (res.draft, res.sponsors, res.subjects) == ("A/51/L.53", "S", ("Migration",))
    assert res.meeting.record == "A/51/PV.84" and res.meeting.number == 84
    assert res.agenda_items[0].title == "Cooperation with IOM"
    assert res.diagnostics == ()


def test_apply_overrides_a_contradiction_and_reports_it():
    res = apply(_printed(), FrontMatter(title="Another title"), line=3)
    assert res.title == "Another title"
    [diagnostic] = res.diagnostics
    assert (diagnostic.path, diagnostic.line, diagnostic.severity, diagnostic.code) == ("r.md", 3, "info", "RES211")  # A2: an override is info


def test_apply_reports_a_record_naming_another_meeting():
    res = apply(_printed(), FrontMatter(record="A/51/PV.85"))
    assert [d.code for d in res.diagnostics] == ["RES211"]
    assert res.meeting.record == "A/51/PV.85"


def test_apply_creates_a_meeting_from_the_record_when_none_is_printed():
    res = apply(_printed(meeting=None), FrontMatter(record="A/51/PV.84"))
    assert res.meeting.record == "A/51/PV.84" and res.meeting.number is None


def test_apply_nothing_returns_the_same_resolution():
    res = _printed()
    assert apply(res, FrontMatter()) is res


# --- the corpus ----------------------------------------------------------------------------------


@pytest.mark.corpus
def test_every_corpus_front_matter_reads_without_problems(corpus_dir):
    read_count = 0
    outcomes = set()
    for path in sorted(corpus_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, _body, _taken, problems = split(text)
        assert problems == [], path
        if meta is None:
            continue
        front, problems = read(meta, 1)
        assert problems == [], (path, problems)
        read_count += 1
        if front.vote is not None:
            outcomes.add(front.vote.outcome)
            for side in ("in_favour", "against", "abstaining"):
                members = getattr(front.vote, f"{side}_members")
                if members:
                    assert getattr(front.vote, side) == len(members), path
    assert read_count > 900
    assert outcomes == {"without vote", "recorded vote"}


def test_known_keys_are_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "front-matter.md").read_text(encoding="utf-8")
    for key in frontmatter.KNOWN_KEYS:
        assert f"`{key}`" in doc, key
    for code in ("RES201", "RES202", "RES203", "RES204", "RES205", "RES206", "RES207", "RES208", "RES209",
                 "RES210", "RES211"):
        assert code in doc, code


def test_apply_points_at_the_contradicting_key_line():
    meta, *_ = split("---\ndraft: A/51/L.53\nrecord: A/51/PV.85\n---\n")
    front, problems = read(meta)
    assert problems == []
    res = apply(_printed(), front)
    [diagnostic] = res.diagnostics
    assert (diagnostic.line, diagnostic.code) == (3, "RES211")
    assert diagnostic.format() == (
        "r.md:3: front matter 'record' A/51/PV.85 names meeting 85 but the text prints meeting 84, "
        "expected the same meeting [RES211]"
    )


# --- never raises --------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(sorted(frontmatter.KNOWN_KEYS) + ["other"])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_keys, _yaml_values | st.dictionaries(st.sampled_from(
    ["outcome", "in_favour", "against", "abstaining", "in_favour_members", "number", "date", "x"]), _yaml_values,
    max_size=5), max_size=8))
def test_read_never_raises_and_reports_what_it_ignores(meta):
    front, problems = read(meta, first_line=1)
    assert isinstance(front, FrontMatter)
    for line, severity, code, message in problems:
        assert line >= 1 and severity in ("error", "warning") and code.startswith("RES2") and message


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["---", "...", "\n", "\r\n", "a: 1", "- x", ":", "[", "'", " ", "vote", "é", "\r"]),
               max_size=40).map("".join))
def test_split_never_raises_and_the_body_is_the_rest_of_the_text(text):
    meta, body, taken, problems = split(text)
    assert text.endswith(body)
    if taken == 0:
        assert body == text and meta is None
    else:
        assert body == "".join(re.split(r"(?<=\n)", text)[taken:])
    assert meta is None or isinstance(meta, dict)
    assert all(code in ("RES201", "RES202", "RES203") for _line, _severity, code, _message in problems)


def test_an_empty_value_says_nothing():
    meta, *_ = split("---\ndraft:\nvote:\n---\n")
    front, problems = read(meta)
    assert problems == []
    assert front.draft is None and front.vote is None
