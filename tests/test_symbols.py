"""Table tests for the symbol grammar (resolutions.symbols), and property tests for URL path safety."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.symbols import (
    alternate_paths,
    base_symbol,
    find_documents,
    find_symbols,
    normalise_symbol,
    official_url,
    resolution_symbol,
    split_documents,
    symbol_path,
)

NORMALISED = [
    ("A/RES/51/148", "A/RES/51/148"),
    ("a/res/51/148", "A/RES/51/148"),
    ("  A/RES/51/148. ", "A/RES/51/148"),
    ("A/RES/217 (III)", "A/RES/217 (III)"),
    ("A/RES/217(III)", "A/RES/217 (III)"),
    ("A/RES/217 A (III)", "A/RES/217 (III)"),
    ("A/RES/217A(III)", "A/RES/217 (III)"),
    ("A/RES/2200 A (XXI)", "A/RES/2200 (XXI)"),
    ("A/RES/3201 (S-VI)", "A/RES/3201 (S-VI)"),
    ("A/RES/1474 (ES-IV)", "A/RES/1474 (ES-IV)"),
    ("A/RES/ES-11/1", "A/RES/ES-11/1"),
    ("A/RES/ES\u201111/1", "A/RES/ES-11/1"),
    ("A/RES/S-32/1", "A/RES/S-32/1"),
    ("A/RES/77/264 A-C", "A/RES/77/264 A-C"),
    ("A/RES/77/264A-C", "A/RES/77/264 A-C"),
    ("A/RES/77/264 A\u2013C", "A/RES/77/264 A-C"),
    ("A/RES/57/270b", "A/RES/57/270 B"),
    ("A/RES/53/77 AA", "A/RES/53/77 AA"),
    ("S/RES/1325 (2000)", "S/RES/1325 (2000)"),
    ("S/RES/1325(2000)", "S/RES/1325 (2000)"),
    ("s/res/242(1967)", "S/RES/242 (1967)"),
    ("E/RES/2021/2 B", "E/RES/2021/2 B"),
    ("E/RES/2021/2B", "E/RES/2021/2 B"),
    ("E/RES/1503 (XLVIII)", "E/RES/1503 (XLVIII)"),
    ("A/HRC/RES/31/1", "A/HRC/RES/31/1"),
    ("A/HRC/RES/S-27/1", "A/HRC/RES/S-27/1"),
    ("A/DEC/72/402", "A/DEC/72/402"),
    ("A/DEC/71/405 A and B", "A/DEC/71/405 A-B"),
    ("A/C.3/68/L.75", "A/C.3/68/L.75"),
    ("a/c.3/68/l.75", "A/C.3/68/L.75"),
    ("A/79/PV.30", "A/79/PV.30"),
    ("E/1996/90", "E/1996/90"),
    ("A/51/L.53/Add.1", "A/51/L.53/Add.1"),
    ("A/51/L.53/ADD.1", "A/51/L.53/Add.1"),
    ("A/74/483/Corr.1", "A/74/483/Corr.1"),
    ("A/70/6 (Sect. 9)", "A/70/6 (Sect. 9)"),
    ("A/70/6(Sect.9)/Add.1", "A/70/6 (Sect.9)/Add.1"),
    ("ICCD/COP(14)/13/Add.1", "ICCD/COP(14)/13/Add.1"),
    ("UNEP/EA.4/Res.1", "UNEP/EA.4/Res.1"),
    ("S/Agenda/1498/Rev.1", "S/Agenda/1498/Rev.1"),
    ("A/74/123-S/2019/456", "A/74/123-S/2019/456"),
    ("NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50 (Vol. I)"),
    ("ST/SGB/2019/8", "ST/SGB/2019/8"),
]

NOT_SYMBOLS = [
    "",
    "   ",
    "16/10/1992",
    "2/3",
    "51/148",
    "HIV/AIDS",
    "and/or",
    "X/2",
    "XII/5",
    "P-5/P-4",
    "N/A",
    "A/",
    "/A/RES/51/148",
    "A//RES",
    "resolution 51/148",
    "A/RES/51/148 and more words",
    "A" * 200 + "/1",
]


@pytest.mark.parametrize(("text", "expected"), NORMALISED)
def test_normalise_symbol(text: str, expected: str) -> None:
    assert normalise_symbol(text) == expected


@pytest.mark.parametrize("text", NOT_SYMBOLS)
def test_not_a_symbol(text: str) -> None:
    assert normalise_symbol(text) is None


def test_normalise_is_idempotent() -> None:
    for _, expected in NORMALISED:
        assert normalise_symbol(expected) == expected


def test_normalise_rejects_non_strings() -> None:
    assert normalise_symbol(None) is None  # type: ignore[arg-type]
    assert normalise_symbol(42) is None  # type: ignore[arg-type]


SPLIT = [
    ("A/51/L.53 and Add.1", ("A/51/L.53", "A/51/L.53/Add.1")),
    ("A/74/483 and Corr.1", ("A/74/483", "A/74/483/Corr.1")),
    ("A/C.3/68/L.75/Rev.1", ("A/C.3/68/L.75/Rev.1",)),
    ("A/74/L.1, A/74/L.2 and Add.1", ("A/74/L.1", "A/74/L.2", "A/74/L.2/Add.1")),
    ("A/74/L.1 and Add.1-3", ("A/74/L.1", "A/74/L.1/Add.1", "A/74/L.1/Add.2", "A/74/L.1/Add.3")),
    ("S/1234 and Corr.1 and 2", ("S/1234", "S/1234/Corr.1", "S/1234/Corr.2")),
    ("S/7930/Add.43, Add.44", ("S/7930/Add.43", "S/7930/Add.44")),
    ("A/74/L.47 and A/74/L.47/Add.1", ("A/74/L.47", "A/74/L.47/Add.1")),
    ("without reference to a Main Committee (A/51/L.53 and Add.1)", ("A/51/L.53", "A/51/L.53/Add.1")),
    ("on the report of the Third Committee (A/74/396, para. 12)", ("A/74/396",)),
    ("A/74/L.1 and A/74/L.1", ("A/74/L.1",)),
    ("no document here", ()),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT)
def test_split_documents(text: str, expected: tuple[str, ...]) -> None:
    assert split_documents(text) == expected


def test_find_symbols_spans_and_negatives() -> None:
    text = "See A/51/L.53 and S/RES/1325(2000); dated 16/10/1992, para. 2/3, HIV/AIDS, E/1996/90."
    found = find_symbols(text)
    assert [symbol for _, _, symbol in found] == ["A/51/L.53", "S/RES/1325 (2000)", "E/1996/90"]
    for start, end, symbol in found:
        assert normalise_symbol(text[start:end]) == symbol
    assert text[found[-1][0] : found[-1][1]] == "E/1996/90"  # the full stop is not part of it


def test_find_symbols_keeps_part_letters_only_for_resolutions() -> None:
    text = "A/RES/77/264 A-C was adopted; document S/1234 A new item"
    found = find_symbols(text)
    assert [symbol for _, _, symbol in found] == ["A/RES/77/264 A-C", "S/1234"]
    assert text[found[1][0] : found[1][1]] == "S/1234"


def test_find_symbols_not_inside_a_url_or_word() -> None:
    assert find_symbols("https://undocs.org/A/RES/51/148") == []
    assert find_symbols("XA/51/1") == [] or find_symbols("XA/51/1")[0][2] == "XA/51/1"


def test_find_symbols_splits_joint_symbols() -> None:
    text = "See A/49/180-S/1994/727, annex; A/RES/ES-10/15 and A/C.3/74/SR.10-12."
    found = find_symbols(text)
    assert [symbol for _, _, symbol in found] == ["A/49/180", "S/1994/727", "A/RES/ES-10/15", "A/C.3/74/SR.10-12"]
    assert [text[start:end] for start, end, _ in found[:2]] == ["A/49/180", "S/1994/727"]


def test_find_documents_adds_suffixes_with_their_own_spans() -> None:
    text = "(A/51/L.53 and Add.1)"
    found = find_documents(text)
    assert [symbol for _, _, symbol in found] == ["A/51/L.53", "A/51/L.53/Add.1"]
    assert text[found[1][0] : found[1][1]] == "Add.1"


RESOLUTION_SYMBOLS = [
    ("51/148", "General Assembly", "resolution", "A/RES/51/148"),
    ("1325 (2000)", "Security Council", "resolution", "S/RES/1325 (2000)"),
    ("2021/2 B", "Economic and Social Council", "resolution", "E/RES/2021/2 B"),
    ("72/402", "General Assembly", "decision", "A/DEC/72/402"),
    ("ES-11/1", "General Assembly", "resolution", "A/RES/ES-11/1"),
    ("S-32/1", "General Assembly", "resolution", "A/RES/S-32/1"),
    ("77/264 A-C", "General Assembly", "resolution", "A/RES/77/264 A-C"),
    ("217 A (III)", "General Assembly", "resolution", "A/RES/217 (III)"),
    ("31/1", "Human Rights Council", "resolution", "A/HRC/RES/31/1"),
    ("51/148.", None, "resolution", "A/RES/51/148"),
    ("not a number", "General Assembly", "resolution", None),
    ("51/148", "Trusteeship Council", "resolution", None),
]


@pytest.mark.parametrize(("number", "body", "kind", "expected"), RESOLUTION_SYMBOLS)
def test_resolution_symbol(number: str, body: str | None, kind: str, expected: str | None) -> None:
    assert resolution_symbol(number, body, kind) == expected


PATHS = [
    ("A/RES/51/148", "A/RES/51/148"),
    ("S/RES/1325 (2000)", "S/RES/1325(2000)"),
    ("E/RES/2021/2 B", "E/RES/2021/2B"),
    ("A/RES/77/264 A-C", "A/RES/77/264A-C"),
    ("A/RES/217 A (III)", "A/RES/217(III)"),
    ("A/DEC/72/402", "A/DEC/72/402"),
    ("A/79/PV.30", "A/79/PV.30"),
]


@pytest.mark.parametrize(("symbol", "expected"), PATHS)
def test_symbol_path(symbol: str, expected: str) -> None:
    assert symbol_path(symbol) == expected


SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9().,\-]+$")


def assert_safe_path(path: str) -> None:
    assert path, "a path is never empty"
    assert not path.startswith("/") and not path.endswith("/")
    for segment in path.split("/"):
        assert SAFE_SEGMENT.match(segment), (path, segment)
        assert segment.strip(".") != "", (path, segment)


HOSTILE = [
    "../../etc/passwd",
    "/etc/passwd",
    "A/RES/../../../etc/passwd",
    "A\\RES\\51\\148",
    "..\\..\\windows",
    "A/RES/51/148\x00.html",
    "%2e%2e/%2e%2e/etc",
    "A/RES/%2e%2e/1",
    ".",
    "..",
    "",
    "   ",
    "A/RES/51/148/../../x",
    "C:\\temp\\x",
    "A/./1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_symbol_path_is_safe_on_hostile_input(text: str) -> None:
    path = symbol_path(text)
    assert_safe_path(path)
    if normalise_symbol(text) is None:
        assert path.startswith("unknown/")


def test_symbol_path_fallback_is_stable_and_distinct() -> None:
    assert symbol_path("../../etc/passwd") == symbol_path("../../etc/passwd")
    assert symbol_path("../../etc/passwd") != symbol_path("../etc/passwd")


@settings(max_examples=400)
@given(st.text())
def test_symbol_path_is_always_safe(text: str) -> None:
    assert_safe_path(symbol_path(text))


@settings(max_examples=200)
@given(st.from_regex(r"[A-Za-z./\\%0-9 ()\-]{0,40}", fullmatch=True))
def test_symbol_path_is_safe_on_symbol_like_input(text: str) -> None:
    path = symbol_path(text)
    assert_safe_path(path)
    for alternate in alternate_paths(text):
        assert alternate != path
        assert ".." not in alternate.split("/")
        assert re.match(r"^[A-Za-z0-9().,_\-/]+$", alternate)


def test_alternate_paths() -> None:
    assert alternate_paths("A/RES/51/148") == ["a/res/51/148"]
    assert alternate_paths("A/RES/77/264 A-C") == ["a/res/77/264a-c", "A/RES/77/264_A-C", "a/res/77/264_a-c"]
    assert alternate_paths("S/RES/1325 (2000)") == ["s/res/1325(2000)", "S/RES/1325_(2000)", "s/res/1325_(2000)"]
    assert alternate_paths("../../etc/passwd") == []


def test_official_url() -> None:
    assert official_url("A/RES/51/148") == "https://undocs.org/A/RES/51/148"
    assert official_url("S/RES/1325 (2000)") == "https://undocs.org/S/RES/1325(2000)"
    assert official_url("E/RES/2021/2 B", base="https://docs.un.org/en") == "https://docs.un.org/en/E/RES/2021/2B"
    # Our decision symbols have no document on the resolver: a library search instead.
    assert official_url("A/DEC/72/402").startswith("https://digitallibrary.un.org/search")
    assert "<" not in official_url('A/1"><script>')


def test_base_symbol() -> None:
    assert base_symbol("A/RES/54/237 C") == "A/RES/54/237"
    assert base_symbol("A/RES/77/264 A-C") == "A/RES/77/264"
    assert base_symbol("A/RES/217 A (III)") == "A/RES/217 (III)"
    assert base_symbol("S/RES/1325 (2000)") == "S/RES/1325 (2000)"


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="A/RES0123456789 .-()aL,", min_size=0, max_size=200))
def test_find_symbols_spans_are_ordered_and_disjoint(text: str) -> None:
    previous_end = 0
    for start, end, symbol in find_symbols(text):
        assert previous_end <= start < end <= len(text)
        assert normalise_symbol(symbol) == symbol
        previous_end = end


def test_find_symbols_on_a_long_text_without_symbols_terminates() -> None:
    # Long runs that almost match (slashes, dots, capitals) must not make the scanner backtrack badly.
    text = ("A/" * 20_000) + ("A." * 20_000) + ("S/RES/1" + " " * 3) * 2_000
    assert isinstance(find_symbols(text), list)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AES/RC.-(0123 )abLx,", max_size=120))
def test_slash_scan_finds_what_the_full_pattern_finds(text: str) -> None:
    # The fast scan (from each slash) must give exactly the matches of the pattern tried everywhere.
    from resolutions import symbols

    expected = [match.span() for match in symbols._SYMBOL_IN_TEXT_RE.finditer(text)]
    assert [match.span() for match in symbols._symbol_matches(text)] == expected
