"""Small grammars for single printed lines: dates, session lines, agenda item lines and meeting lines.

Also the one home of month names and of a date written out in words (``format_date``), which the parser's
messages, its titles and the site's pages share.

Each function takes one line of plain text (markup already removed) and returns the value it denotes,
or None when the line is not of that kind. They never raise. The regular expressions are compiled
once, anchored, and free of nested quantifiers so that a hostile line cannot make them backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
"""The months as printed, January first: read in dates here, written out by ``format_date``."""

MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
"""Lower-case month name -> its number (``"june"`` -> 6)."""

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
"""A whole value that is an ISO date (``1996-12-13``), its year, month and day as groups."""

_MONTH_ALTERNATION = "|".join(MONTH_NAMES)

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}

# "13 December 1996", also inside a longer line ("on 31 October 2000").
_TEXT_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTH_ALTERNATION}),? (\d{{4}})\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WHOLE_DATE = re.compile(
    rf"^(?:(\d{{1,2}}) ({_MONTH_ALTERNATION}),? (\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))\.?$", re.IGNORECASE
)


def format_date(iso: str | None) -> str:
    """``1996-12-13`` -> ``13 December 1996``; other text is returned unchanged (``""`` for None)."""
    if not iso:
        return ""
    match = ISO_DATE.match(iso)
    if not match or not 1 <= int(match[2]) <= 12:
        return iso
    return f"{int(match[3])} {MONTH_NAMES[int(match[2]) - 1]} {match[1]}"


def _iso(year: str, month: int, day: str) -> str | None:
    """ISO form of a calendar date, or None when the day does not exist (OCR noise, typos)."""
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def parse_date(line: str) -> str | None:
    """ISO date of a line that is only a date: ``13 December 1996`` or ``2017-10-03``; else None."""
    match = _WHOLE_DATE.match(line.strip())
    if match is None:
        return None
    if match.group(1):
        return _iso(match.group(3), MONTHS[match.group(2).lower()], match.group(1))
    return _iso(match.group(4), int(match.group(5)), match.group(6))


def is_date_shaped(line: str) -> bool:
    """Whether a line is laid out as a date, valid or not (``31 February 2020``)."""
    return _WHOLE_DATE.match(line.strip()) is not None


def find_date(text: str) -> str | None:
    """ISO form of the first date printed anywhere in ``text`` (``... on 31 October 2000``)."""
    match = _TEXT_DATE.search(text)
    if match is not None:
        return _iso(match.group(3), MONTHS[match.group(2).lower()], match.group(1))
    match = _ISO_DATE.search(text)
    if match is not None:
        return _iso(match.group(1), int(match.group(2)), match.group(3))
    return None


def ordinal_word_value(word: str) -> int | None:
    """Value of an English ordinal word: ``Fifty-first`` -> 51, ``Eleventh`` -> 11; None otherwise.

    OCR kept line-end hyphens (``Eight-eenth``), so a hyphenated word that is not tens-unit is
    also tried with the hyphen removed.
    """
    lowered = word.strip().lower()
    if lowered in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[lowered]
    if "-" in lowered:
        tens, _, unit = lowered.partition("-")
        if tens in _TENS_WORDS and _ORDINAL_WORDS.get(unit, 10) < 10:
            return _TENS_WORDS[tens] + _ORDINAL_WORDS[unit]
        return _ORDINAL_WORDS.get(lowered.replace("-", ""))
    return None


_SESSION_WORDS = re.compile(
    r"^(?:resumed )?([A-Za-z]+(?:-[A-Za-z]+)?) (emergency special |special )?session\.?$", re.IGNORECASE
)
_SESSION_YEAR = re.compile(r"^((?:19|20)\d\d) (?:substantive |organizational |resumed )?session\.?$", re.IGNORECASE)
_SESSION_NUMERIC = re.compile(
    r"^(\d{1,3})(?:st|nd|rd|th) (emergency special |special )?session(?: of the General Assembly)?\.?$",
    re.IGNORECASE,
)


def _session_code(number: int, qualifier: str | None) -> str:
    qualifier = (qualifier or "").strip().lower()
    if qualifier == "emergency special":
        return f"ES-{number}"
    if qualifier == "special":
        return f"S-{number}"
    return str(number)


def parse_session(line: str) -> str | None:
    """Session code of a session line: ``Fifty-first session`` -> ``"51"``,
    ``Eleventh emergency special session`` -> ``"ES-11"``, ``Thirty-second special session`` ->
    ``"S-32"``, ``2021 session`` -> ``"2021"``, ``72nd session of the General Assembly`` -> ``"72"``."""
    text = line.strip()
    match = _SESSION_WORDS.match(text)
    if match is not None:
        number = ordinal_word_value(match.group(1))
        return None if number is None else _session_code(number, match.group(2))
    match = _SESSION_YEAR.match(text)
    if match is not None:
        return match.group(1)
    match = _SESSION_NUMERIC.match(text)
    if match is not None:
        return _session_code(int(match.group(1)), match.group(2))
    return None


_AGENDA_LINE = re.compile(r"^Agenda items? +(\S.*?)\.?$", re.IGNORECASE)
# One printed item: a number with optional letters in brackets, "78 (a)", "3(b)", "19 (a) and (b)" is two.
_AGENDA_ITEM = re.compile(r"(\d{1,3})(?: ?\(([a-z]{1,4}|[ivx]{1,6})\))?")
_AGENDA_SUBITEM_ONLY = re.compile(r"^\(([a-z]{1,4})\)$")
_AGENDA_RANGE = re.compile(r"^\d{1,3} to \d{1,3}$")
_AGENDA_SEPARATOR = re.compile(r",? and |, ")


def parse_agenda_items(line: str) -> list[str] | None:
    """Items of an agenda line as printed: ``Agenda items 20 and 78 (a)`` -> ``["20", "78 (a)"]``.

    A sub-item written without a space (``6(b)``) is given the printed spacing of the collection,
    ``6 (b)``. A bare ``(b)`` after ``19 (a) and`` belongs to item 19. None when not an agenda line.
    """
    match = _AGENDA_LINE.match(line.strip())
    if match is None:
        return None
    items: list[str] = []
    for piece in _AGENDA_SEPARATOR.split(match.group(1)):
        piece = piece.strip()
        if not piece:
            continue
        whole = _AGENDA_ITEM.fullmatch(piece)
        if whole is not None:
            items.append(f"{whole.group(1)} ({whole.group(2)})" if whole.group(2) else whole.group(1))
            continue
        if _AGENDA_RANGE.match(piece):
            items.append(piece)  # "149 to 165" stays as printed: a range, not one item we could name
            continue
        sub_only = _AGENDA_SUBITEM_ONLY.match(piece)
        if sub_only is not None and items:
            base = items[-1].split(" ", 1)[0]
            items.append(f"{base} ({sub_only.group(1)})")
            continue
        return None
    return items or None


@dataclass(frozen=True)
class MeetingLine:
    """What a meeting or adoption line says."""

    number: int | None
    """Meeting number, None when the line prints none."""
    kind: str
    """``"plenary"`` or ``"meeting"``."""
    resumed: bool
    """True for ``(resumed)``."""
    date: str | None
    """ISO date printed on the same line (Security Council ``..., on 31 October 2000``)."""
    vote_outcome: str | None = None
    """``"unanimous"``, ``"without vote"``, ``"vote"`` (counts printed) or None."""
    in_favour: int | None = None
    """Votes in favour when printed."""
    against: int | None = None
    """Votes against when printed (``none`` is 0)."""
    abstaining: int | None = None
    """Abstentions when printed."""


# An ordinal meeting number as the OCR printed it: digits with stray ``I``/``l`` for ``1``.
_ORDINAL_NUMBER = r"([0-9][0-9Il]*|[Il][0-9Il]*[0-9][0-9Il]*)[ _]?(st|nd|rd|th|d)_?(?![A-Za-z0-9])"
_PLENARY_LINE = re.compile(
    rf"^{_ORDINAL_NUMBER} (\(resumed\) |resumed )?(plenary )?(?:meet-?ings?|meting)\.?$", re.IGNORECASE
)
# "112 plenary meeting", "32 plenary meeting (resumed)", "N/A plenary meeting": the decisions database
# sometimes drops the ordinal suffix, puts "(resumed)" last, or has no number at all.
_BARE_PLENARY_LINE = re.compile(
    r"^(\d{1,4}|N\.A\.|N/A) (\(resumed\) |resumed )?plenary meeting( \(resumed\))?\.?$", re.IGNORECASE
)
_ADOPTION_LINE = re.compile(
    rf"^Adopted\b(.{{0,80}}?)\bat (?:the|its) {_ORDINAL_NUMBER} (\(resumed\) )?(?:plenary )?(?:meet-?ings?|meting)\b(.*)$",
    re.IGNORECASE,
)
_VOTES = re.compile(
    r"by (\d+|[Il]) votes? to (none|\d+|[Il])(?:,? with (\d+|[Il]|no) abstentions?)?", re.IGNORECASE
)


def _suffix_fits(number: int, suffix: str) -> bool:
    """Whether an English ordinal suffix fits a number (21st, 22nd, 23rd, 11th)."""
    suffix = suffix.lower()
    if suffix == "d":  # OCR dropped the n or r
        return number % 10 in (2, 3)
    if number % 100 in (11, 12, 13):
        return suffix == "th"
    expected = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return suffix == expected


def ordinal_number_value(digits: str, suffix: str) -> int | None:
    """Meeting number from an OCR'd ordinal: ``179I`` + ``st`` -> 1791, ``176I1`` + ``st`` -> 1761."""
    plain = digits.replace("I", "1").replace("l", "1")
    if not plain.isdigit():
        return None
    value = int(plain)
    if _suffix_fits(value, suffix):
        return value
    # "176I1st": the OCR read one "1" as two characters; drop the doubled one if that fits the suffix.
    for doubled in ("I1", "1I", "l1", "1l"):
        if doubled in digits:
            collapsed = digits.replace(doubled, "1", 1).replace("I", "1").replace("l", "1")
            if collapsed.isdigit() and _suffix_fits(int(collapsed), suffix):
                return int(collapsed)
    return value


def _small_number(text: str | None) -> int | None:
    if text is None:
        return None
    lowered = text.lower()
    if lowered in ("none", "no"):
        return 0
    if lowered in ("i", "l"):
        return 1
    return int(text) if text.isdigit() else None


def parse_meeting_line(line: str) -> MeetingLine | None:
    """A GA/ECOSOC meeting line (``84th plenary meeting``, ``56th (resumed) plenary meeting``) or a
    Security Council adoption line (``Adopted unanimously at the 1382nd meeting.``, ``Adopted by the
    Security Council at its 4213th meeting, on 31 October 2000``, ``Adopted at the 863rd meeting by 9
    votes to none, with 2 abstentions (...)``); None for any other line."""
    text = line.strip()
    match = _PLENARY_LINE.match(text)
    if match is not None:
        return MeetingLine(
            number=ordinal_number_value(match.group(1), match.group(2)),
            kind="plenary" if match.group(4) else "meeting",
            resumed=bool(match.group(3)),
            date=None,
        )
    match = _BARE_PLENARY_LINE.match(text)
    if match is not None:
        number = int(match.group(1)) if match.group(1).isdigit() else None
        resumed = bool(match.group(2) or match.group(3))
        return MeetingLine(number=number, kind="plenary", resumed=resumed, date=None)
    if not text[:7].lower() == "adopted":
        return None
    match = _ADOPTION_LINE.match(text)
    if match is None:
        return None
    before, rest = match.group(1).lower(), match.group(5)
    outcome = None
    in_favour = against = abstaining = None
    votes = _VOTES.search(rest)
    if votes is not None:
        outcome = "vote"
        in_favour = _small_number(votes.group(1))
        against = _small_number(votes.group(2))
        abstaining = _small_number(votes.group(3)) if votes.group(3) else 0
    elif "unanimous" in before:
        outcome = "unanimous"
    elif "without a vote" in before or "without a vote" in rest.lower() or "without vote" in before:
        outcome = "without vote"
    elif "consensus" in rest.lower():
        outcome = "without vote"
    return MeetingLine(
        number=ordinal_number_value(match.group(2), match.group(3)),
        kind="meeting",
        resumed=bool(match.group(4)),
        date=find_date(rest),
        vote_outcome=outcome,
        in_favour=in_favour,
        against=against,
        abstaining=abstaining,
    )
