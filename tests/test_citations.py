"""Table tests for the citation grammar (resolutions.parse.citations), property tests, and recall on the corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.parse.citations import Found, find_citations
from resolutions.symbols import base_symbol

GA = "General Assembly"
SC = "Security Council"
ECOSOC = "Economic and Social Council"


def cited(text: str, body: str | None = GA) -> list[tuple[str, str, str | None, str]]:
    """(symbol, kind, paragraph, exact span text) for each citation found."""
    return [(f.symbol, f.kind, f.paragraph, text[f.start : f.end]) for f in find_citations(text, body)]


def symbols(text: str, body: str | None = GA) -> list[str]:
    return [f.symbol for f in find_citations(text, body)]


TABLE = [
    # (text, citing body, expected symbols)
    ("Recalling its resolution 47/4 of 16 October 1992, by which", GA, ["A/RES/47/4"]),
    ("Recalling its resolutions 47/19, 48/16 and 49/9,", GA, ["A/RES/47/19", "A/RES/48/16", "A/RES/49/9"]),
    ("resolution 72/262 C", GA, ["A/RES/72/262 C"]),
    ("resolutions 54/237 A to D", GA, ["A/RES/54/237 A-D"]),
    ("resolution 77/264 A-C", GA, ["A/RES/77/264 A-C"]),
    ("Security Council resolution 1325 (2000)", GA, ["S/RES/1325 (2000)"]),
    ("Economic and Social Council resolution 1996/31", GA, ["E/RES/1996/31"]),
    ("Human Rights Council resolution 31/1", GA, ["A/HRC/RES/31/1"]),
    ("Human Rights Council resolution S\u201127/1", GA, ["A/HRC/RES/S-27/1"]),
    ("decision 76/563", GA, ["A/DEC/76/563"]),
    ("its decisions 71/405 A and B", GA, ["A/DEC/71/405 A-B"]),
    ("resolution 2625 (XXV)", GA, ["A/RES/2625 (XXV)"]),
    ("Resolution 217 A (III).", GA, ["A/RES/217 (III)"]),
    ("resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974", GA, ["A/RES/3201 (S-VI)", "A/RES/3202 (S-VI)"]),
    ("resolution ES-10/15 and resolution S-23/2", GA, ["A/RES/ES-10/15", "A/RES/S-23/2"]),
    ("resolution 242 (1967)", SC, ["S/RES/242 (1967)"]),
    (
        # The Security Council leaves out the year a number already carries.
        "Reaffirms its resolutions 186 (1964) of 4 March, 187 (1964) of 13 March and 192(1964) of 20 June 1964",
        SC,
        ["S/RES/186 (1964)", "S/RES/187 (1964)", "S/RES/192 (1964)"],
    ),
    ("General Assembly resolutions 1 (I) of 24 January 1946 and 41 (I) of 14 December 1946", SC,
     ["A/RES/1 (I)", "A/RES/41 (I)"]),
    ("its resolution 242 (1967)", GA, ["S/RES/242 (1967)"]),  # the shape of the number decides
    ("resolution 2021/3", ECOSOC, ["E/RES/2021/3"]),
    ("General Assembly resolution 70/1", ECOSOC, ["A/RES/70/1"]),
    ("General Assembly resolution 70/1", SC, ["A/RES/70/1"]),
    ("Council resolution 2006/46", ECOSOC, ["E/RES/2006/46"]),
    ("Council resolution 1325 (2000)", SC, ["S/RES/1325 (2000)"]),
    ("Council resolution 39/8", GA, ["A/HRC/RES/39/8"]),
    ("Council decision 2021/201", ECOSOC, ["E/DEC/2021/201"]),
    ("resolution 47/4", None, ["A/RES/47/4"]),
    ("in Assembly resolution 66/288", ECOSOC, ["A/RES/66/288"]),
    (
        "resolutions 70/1 of 25 September 2015, 71/243 of 21 December 2016 and 72/279 of 31 May 2018",
        GA,
        ["A/RES/70/1", "A/RES/71/243", "A/RES/72/279"],
    ),
    (
        "General Assembly and Security Council resolutions 70/262 and 2282 (2016) of 27 April 2016",
        GA,
        ["A/RES/70/262", "S/RES/2282 (2016)"],
    ),
    (
        # A described list: the next item is recognised by its own date.
        "General Assembly resolutions 74/270 of 2 April 2020, entitled \u201cGlobal solidarity to fight"
        " the coronavirus disease 2019 (COVID-19)\u201d, and 74/274 of 20 April 2020",
        ECOSOC,
        ["A/RES/74/270", "A/RES/74/274"],
    ),
    (
        # Footnote markers between the items, one glued to the next number.
        "Human Rights Council resolutions S-16/1 of 29 April 2011,<sup>3</sup> S-17/1 of 23 August 2011,"
        "3S-18/1 of 2 December 2011,<sup>4</sup>19/1 of 1 March 2012",
        GA,
        ["A/HRC/RES/S-16/1", "A/HRC/RES/S-17/1", "A/HRC/RES/S-18/1", "A/HRC/RES/19/1"],
    ),
    (
        "relevant Human Rights Council resolutions, in particular resolutions 7/34 of 28 March 2008 and 36/6",
        GA,
        ["A/HRC/RES/7/34", "A/HRC/RES/36/6"],
    ),
    ("as decided by the Human Rights Council in its resolution 42/23 of 27 September 2019", GA, ["A/HRC/RES/42/23"]),
    ("the Council in its resolutions 47/21 of 13 July 2021", GA, ["A/HRC/RES/47/21"]),
    ("Welcoming the work of the Human Rights Council and recalling paragraph 5 of its resolution 60/251", GA,
     ["A/RES/60/251"]),
    ("disarmament resolutions 50/70 P of 12 December 1995 and 53/77 AA", GA, ["A/RES/50/70 P", "A/RES/53/77 AA"]),
    ("Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X", GA,
     ["A/RES/52/214", "A/RES/55/222", "A/RES/56/64 B"]),
    # Other bodies' numbers are not ours to name.
    ("Commission on Narcotic Drugs resolution 61/11", GA, []),
    ("Commission on Crime Prevention and Criminal Justice resolution 26/3", GA, []),
    ("World Health Assembly resolution 72/8", GA, []),
    ("the United Nations Environment Assembly resolution 4/6", GA, []),
    ("Trusteeship Council resolution 2100 (LV)", GA, []),
    ("calls upon States to implement resolution 4/6 on marine plastic litter", GA, []),
    ("Recalls the adoption by the Economic Commission for Latin America and the Caribbean of its resolution"
     " 574 (XXVII) of 16 May 1998", GA, []),
    ("the adoption, by the Economic and Social Commission for Asia and the Pacific at its seventy-second"
     " session, of resolution 72/7 of 19 May 2016", GA, []),
    ("its mandate as established by the Commission on Human Rights in its resolution 1998/72", GA, []),
    ("as decided by the General Assembly in its resolution 70/1", ECOSOC, ["A/RES/70/1"]),
    ("adopted by the Human Rights Council at its thirty-ninth session, in its resolution 39/8", GA,
     ["A/HRC/RES/39/8"]),
    ("chap. I, resolution 1, annex", GA, []),
    ("UNFCCC decision 1/CP.21", GA, []),
    # Not citations at all.
    ("on 16/10/1992 the Committee met", GA, []),
    ("see para. 2/3", GA, []),
    ("the resolution was adopted", GA, []),
    ("the period 2017/18", GA, []),
    # Document symbols anywhere.
    ("E/1996/90.", GA, ["E/1996/90"]),
    ("(A/51/L.53 and Add.1)", GA, ["A/51/L.53", "A/51/L.53/Add.1"]),
    ("see A/RES/70/1 and A/DEC/72/402", GA, ["A/RES/70/1", "A/DEC/72/402"]),
]


@pytest.mark.parametrize(("text", "body", "expected"), TABLE)
def test_citation_table(text: str, body: str | None, expected: list[str]) -> None:
    assert symbols(text, body) == expected


def test_first_span_covers_the_keyword_and_others_their_own_number() -> None:
    text = "Recalling its resolutions 47/19, 48/16 and 49/9,"
    assert [span for *_, span in cited(text)] == ["resolutions 47/19", "48/16", "49/9"]


def test_span_includes_the_named_body_and_part_letters() -> None:
    text = "Security Council resolution 1325 (2000) and resolution 72/262 C."
    assert [span for *_, span in cited(text)] == ["Security Council resolution 1325 (2000)", "resolution 72/262 C"]


@pytest.mark.parametrize(
    ("text", "paragraph"),
    [
        ("section III, paragraph 3, of its resolution 61/275", "III.3"),
        ("paragraph 5 of resolution 60/1", "5"),
        ("paragraphs 3 and 4 of its resolution 60/1", "3"),
        ("paragraph 2 (a) of General Assembly resolution 60/1", "2"),
        ("paragraph 9 of section VIII of its resolution 60/1", "VIII.9"),
        ("section II of its resolution 60/1", None),
        ("resolution 60/1, para. 5", "5"),
        ("resolution 55/222, sect. III, para. 12", "III.12"),
        ("Security Council resolution 2253 (2015), in particular paragraph 15", "15"),
        ("its resolution 47/4 of 16 October 1992", None),
    ],
)
def test_cited_paragraph(text: str, paragraph: str | None) -> None:
    found = find_citations(text, GA)
    assert len(found) == 1
    assert found[0].paragraph == paragraph


def test_paragraph_of_the_next_citation_is_not_taken_by_the_previous_one() -> None:
    text = "paragraph 10 of resolution 70/1, paragraph 9 of resolution 71/243"
    found = find_citations(text, GA)
    assert [(f.symbol, f.paragraph) for f in found] == [("A/RES/70/1", "10"), ("A/RES/71/243", "9")]
    assert text[found[1].start : found[1].end] == "paragraph 9 of resolution 71/243"


def test_kinds() -> None:
    found = find_citations("resolution 70/1, decision 72/555 and document A/74/483", GA)
    assert [(f.symbol, f.kind) for f in found] == [
        ("A/RES/70/1", "resolution"),
        ("A/DEC/72/555", "decision"),
        ("A/74/483", "document"),
    ]


def test_found_is_frozen() -> None:
    found = find_citations("resolution 70/1", GA)[0]
    assert isinstance(found, Found)
    with pytest.raises(AttributeError):
        found.symbol = "x"  # type: ignore[misc]


def test_a_number_quoted_inside_a_skipped_description_is_still_found() -> None:
    text = (
        "Council resolutions 1992/21 of 30 July 1992, entitled \u201cImplementation of General Assembly "
        "resolution 46/152 concerning operational activities\u201d, and 1992/22 of 30 July 1992"
    )
    assert symbols(text, ECOSOC) == ["E/RES/1992/21", "A/RES/46/152", "E/RES/1992/22"]


def test_never_raises_on_odd_input() -> None:
    assert find_citations("", GA) == []
    assert find_citations(None, GA) == []  # type: ignore[arg-type]
    assert find_citations("resolution ", GA) == []
    assert find_citations("resolution 70/1", "Unknown Body") == [found for found in find_citations("resolution 70/1", GA)]


def assert_well_formed(text: str, found: list[Found]) -> None:
    previous_end = 0
    for citation in found:
        assert previous_end <= citation.start < citation.end <= len(text)
        assert citation.kind in ("resolution", "decision", "document")
        previous_end = citation.end


CITATION_ALPHABET = st.sampled_from(
    [" ", ", ", " and ", "resolution ", "resolutions ", "decision ", "its ", "Council ", "General Assembly ",
     "Security Council ", "paragraph 5 of ", "section III, ", "47/4", "1325 (2000)", "217 A (III)", "S-32/1",
     " of 16 October 1992", "<sup>1</sup>", "A/51/L.53", " and Add.1", " C", " A to D", "\u201c", "\u201d", ";", ". ",
     "2021/2", "7", "/", "(", ")"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CITATION_ALPHABET, max_size=60).map("".join), st.sampled_from([GA, SC, ECOSOC, None]))
def test_citations_are_ordered_and_disjoint(text: str, body: str | None) -> None:
    assert_well_formed(text, find_citations(text, body))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_citations_never_raise_on_any_text(text: str) -> None:
    assert_well_formed(text, find_citations(text, GA))


@settings(max_examples=300, deadline=None)
@given(st.lists(CITATION_ALPHABET, max_size=60).map("".join))
def test_keyword_scan_finds_what_the_full_pattern_finds(text: str) -> None:
    # The fast scan (keywords first) must give exactly the matches of the pattern tried everywhere.
    from resolutions.parse import citations

    expected = [match.span() for match in citations._CITATION_RE.finditer(text)]
    assert [match.span() for match in citations._citation_starts(text)] == expected


@settings(max_examples=5, deadline=None)
@given(st.sampled_from([
    "resolution 1, ",
    "resolutions 70/1 of 25 September 2015, ",
    "paragraphs 1, 2, 3, 4 and 5 to ",
    "section III, paragraph ",
    "A/A/A/A/A/",
    "\u201c" * 3,
    "of 16 October 1992 on something, ",
    "Council resolution 1325 (2000) ",
]))
def test_a_100_kb_paragraph_is_handled(unit: str) -> None:
    # No timing here (speed is measured in bench/): this only shows that near-misses repeated over
    # 100 KB complete and give well-formed results; a backtracking blow-up would never finish.
    text = unit * (100_000 // len(unit))
    assert_well_formed(text, find_citations(text, GA))


# --- recall against the truth files of the development corpus --------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_PROPONENT_LINE = re.compile(r"^\[.*\]\s*$", re.MULTILINE)


def text_after_cover(markdown: str) -> str:
    """The text the truth counts citations in: no front matter, no cover page, no title line."""
    markdown = _FRONT_MATTER.sub("", markdown, count=1)
    proponent = _PROPONENT_LINE.search(markdown)
    if proponent is None:
        return markdown
    after = markdown[proponent.end() :].lstrip("\n")
    return after.split("\n", 1)[1] if "\n" in after else ""


def corpus_recall(corpus: Path) -> tuple[int, int, list[str]]:
    """(found, total, misses) of the truth's cited_resolutions among find_citations on each text."""
    found_count = total = 0
    misses: list[str] = []
    for truth_path in sorted(corpus.glob("**/*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        source = truth_path.with_name(truth_path.name.replace(".truth.json", ".md"))
        body = truth.get("body") or GA
        found = find_citations(text_after_cover(source.read_text(encoding="utf-8")), body)
        found_keys = {base_symbol(f.symbol) for f in found}
        for symbol in truth.get("cited_resolutions") or []:
            total += 1
            if base_symbol(symbol) in found_keys:
                found_count += 1
            else:
                misses.append(f"{source.name}: {symbol}")
    return found_count, total, misses


@pytest.mark.corpus
def test_recall_of_cited_resolutions_on_the_corpus(corpus_dir: Path) -> None:
    found, total, misses = corpus_recall(corpus_dir)
    assert total > 10_000
    recall = found / total
    assert recall >= 0.99, f"recall {recall:.4f} ({found}/{total}); first misses: {misses[:20]}"


if __name__ == "__main__":  # `python tests/test_citations.py`: print the recall figures for docs/symbols.md
    from conftest import CORPUS

    found, total, misses = corpus_recall(CORPUS)
    print(f"cited_resolutions recall: {found}/{total} = {found / total:.2%}")
    print("\n".join(misses))
