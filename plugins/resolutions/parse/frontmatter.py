"""Front matter: split the optional YAML block off a source file, read it into typed values, validate it.

A front matter is a ``---`` line at the very top of the file, YAML, then a closing ``---`` (or ``...``)
line. It supplies what the printed text does not (the vote, the draft, the sponsors, the meeting record,
agenda item titles, subjects) and may override printed metadata (``symbol``, ``title``...); ``overrides.apply`` merges it into the parsed
resolution.
Every accepted key is documented in ``docs/front-matter.md``.

Nothing here raises or prints on content: problems are returned as ``(line, severity, code, message)``
tuples (codes ``RES2xx``) for the parser to turn into ``Diagnostic`` objects with the file's path.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from resolutions import symbols
from resolutions.model import Meeting, Vote
from resolutions.parse import codes, limits, safe_yaml

Problem = tuple[int, str, str, str]
"""``(line, severity, code, message)``: a problem found in the front matter, before the path is known."""



def _problem(line: int, code: str, message: str) -> Problem:
    return (line, codes.severity(code), code, message)


VOTE_OUTCOMES = ("without vote", "recorded vote", "unanimous", "vote")
"""Outcomes the model knows (see ``model.Vote.outcome``)."""

_VOTE_SIDES = ("in_favour", "against", "abstaining")
_VOTE_KEYS = frozenset({"outcome", *_VOTE_SIDES, *(f"{side}_members" for side in _VOTE_SIDES)})
_MEETING_KEYS = frozenset({"number", "kind", "resumed", "date"})
_STRING_KEYS = ("draft", "record", "symbol", "title", "body", "number", "session")
_DATE_KEYS = ("issued", "adopted")
KNOWN_KEYS = frozenset(
    {*_STRING_KEYS, *_DATE_KEYS, "sponsors", "vote", "meeting", "subjects", "agenda_titles", "kind"}
)
"""Every top-level key the project accepts."""

_FENCE = re.compile(r"---[ \t]*")
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r*$", re.MULTILINE)
"""A line that is ``---`` or ``...`` (the "\r" of a "\r\n" ending allowed), searched for from the second line."""
_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")
_NESTED_KEY = re.compile(r"[ \t]+([A-Za-z_][\w-]*)[ \t]*:")


class FrontMatterMap(dict):
    """The YAML mapping of a front matter, remembering the source line of each key.

    ``key_lines`` maps ``"vote"`` and ``"vote.in_favour"`` style keys to 1-based file lines, so that
    ``read`` can point at the faulty line; a plain dict works too (problems then point at ``first_line``).
    """

    key_lines: dict[str, int]


@dataclass(frozen=True)
class FrontMatter:
    """What a front matter says, read and validated; None (or empty) wherever it says nothing."""

    vote: Vote | None = None
    """The vote (``vote:`` mapping), ``source == "front matter"``."""
    draft: str | None = None
    """Draft resolution symbol as given, possibly with a note (``A/74/L.24``, ``A/75/L.1, as orally revised``)."""
    sponsors: str | None = None
    """Sponsors as given (a YAML list is joined with ``", "``)."""
    record: str | None = None
    """Meeting record symbol of the adoption (``A/74/PV.45``)."""
    subjects: tuple[str, ...] = ()
    """Subject terms (a single string is one subject)."""
    agenda_titles: Mapping[str, str] = field(default_factory=dict)
    """Agenda item number as printed (``"78 (a)"``) -> its title."""
    symbol: str | None = None
    """Override: the document symbol."""
    title: str | None = None
    """Override: the title."""
    body: str | None = None
    """Override: the issuing body (``General Assembly``)."""
    number: str | None = None
    """Override: the number printed before the title (``51/148``)."""
    kind: str | None = None
    """Override: ``resolution`` or ``decision``."""
    session: str | None = None
    """Override: the session (``"51"``, ``"ES-11"``, ``"2021"``); a YAML number is read as a string."""
    issued: str | None = None
    """Override: ISO issue date."""
    adopted: str | None = None
    """Override: ISO adoption date."""
    meeting: Meeting | None = None
    """Override: the adoption meeting (``number``, ``kind``, ``resumed``, ``date``); ``record`` fills its record."""
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)
    """File line of each key (``"record"``, ``"vote.in_favour"``) when known, so ``apply`` can point at it."""


def split(text: str) -> tuple[dict | None, str, int, list[Problem]]:
    """Split a source text into (metadata, body, lines taken by the front matter, problems).

    Without a front matter: ``(None, text, 0, [])``. Body line ``n`` is source line ``n + lines_taken``.
    Invalid YAML or a block that is not a mapping gives ``None`` metadata and an error at its line; an
    unclosed block is reported and the whole text is kept as body.
    """
    if not text.startswith("---"):
        return None, text, 0, []
    # Lines end at "\n" only (a "\r" before it is dropped), as markdown-it counts them, so that
    # ``lines_taken`` offsets the body's token lines exactly; only the block itself is scanned.
    first_end = _line_end(text, 0)
    if not _FENCE.fullmatch(text[:first_end].rstrip("\r\n")):
        return None, text, 0, []  # e.g. "----" or "--- text": not a fence, just text
    closing = _CLOSING_FENCE.search(text, first_end)
    if closing is None:
        message = "front matter opened with '---' on line 1 is never closed, expected a closing '---' line"
        return None, text, 0, [_problem(1, codes.FRONT_UNCLOSED, message)]
    yaml_text = text[first_end : closing.start()]
    lines_taken = yaml_text.count("\n") + 2  # the fences and the lines between them
    body = text[_line_end(text, closing.start()) :]
    try:
        data = safe_yaml.load(yaml_text)
    except yaml.YAMLError as error:
        text_line = safe_yaml.error_line(error)
        line = text_line + 2 if text_line is not None else 1  # +1 for 1-based, +1 for the opening fence
        reason = safe_yaml.error_reason(error)
        if isinstance(error, safe_yaml.AliasRefused):
            message = f"front matter uses {reason}, expected values written out: YAML anchors and aliases are not accepted"
            return None, body, lines_taken, [_problem(line, codes.FRONT_ALIAS, message)]
        message = f"front matter is not valid YAML ({reason}), expected 'key: value' lines"
        return None, body, lines_taken, [_problem(line, codes.FRONT_INVALID_YAML, message)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        message = f"front matter is a {_type_name(data)}, expected a mapping of 'key: value' lines"
        return None, body, lines_taken, [_problem(2, codes.FRONT_NOT_A_MAPPING, message)]
    metadata = FrontMatterMap(data)
    metadata.key_lines = _key_lines(yaml_text.split("\n"))
    return metadata, body, lines_taken, []


def _line_end(text: str, start: int) -> int:
    """Offset just after the line that starts at ``start`` (its "\n" included)."""
    newline = text.find("\n", start)
    return len(text) if newline == -1 else newline + 1


def _key_lines(yaml_lines: list[str]) -> dict[str, int]:
    """Lines of top-level keys and of their block-style child keys (``vote.in_favour``)."""
    found: dict[str, int] = {}
    parent = None
    for index, line in enumerate(yaml_lines):
        if ":" not in line:
            continue  # no key: most lines are items of a list (the vote's Member States)
        file_line = index + 2  # the opening fence is line 1
        top = _TOP_KEY.match(line)
        if top:
            parent = top.group(1)
            found.setdefault(parent, file_line)
            continue
        nested = _NESTED_KEY.match(line)
        if nested and parent is not None:
            found.setdefault(f"{parent}.{nested.group(1)}", file_line)
    return found


def read(meta: Mapping, first_line: int = 1) -> tuple[FrontMatter, list[Problem]]:
    """Read and validate a front matter mapping; a value of the wrong type is reported and ignored."""
    reader = _Reader(meta, first_line)
    return reader.front_matter(), reader.problems


class _Reader:
    """Reads one mapping, collecting problems; a class only to share the problem list and key lines."""

    def __init__(self, meta: Mapping, first_line: int) -> None:
        self.meta = meta
        self.first_line = first_line
        self.key_lines: dict[str, int] = getattr(meta, "key_lines", {})
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        parent = key.split(".", 1)[0]
        return self.key_lines.get(key) or self.key_lines.get(parent) or self.first_line

    def report(self, key: str, code: str, message: str) -> None:
        self.problems.append(_problem(self.line(key), code, message))

    def wrong_type(self, key: str, value: Any, expected: str) -> None:
        self.report(
            key, codes.FRONT_WRONG_TYPE,
            f"front matter '{key}' is a {_type_name(value)} ({_show(value)}), expected {expected}; value ignored",
        )

    def front_matter(self) -> FrontMatter:
        for key in self.meta:
            if key not in KNOWN_KEYS:
                self.report(
                    str(key), codes.FRONT_UNKNOWN_KEY,
                    f"unknown front matter key '{key}' ignored, expected one of {', '.join(sorted(KNOWN_KEYS))}",
                )
        # An empty value (``draft:`` with nothing after it) says nothing; it is not a wrong type.
        given = {key: value for key, value in self.meta.items() if value is not None}
        values: dict[str, Any] = {}
        for key in _STRING_KEYS:
            if key in given:
                values[key] = self.string(key, given[key], allow_number=key in ("session", "number"))
        if "sponsors" in given:
            values["sponsors"] = self.sponsors(given["sponsors"])
        for key in _DATE_KEYS:
            if key in given:
                values[key] = self.date(key, given[key])
        if "kind" in given:
            values["kind"] = self.choice("kind", given["kind"], ("resolution", "decision"))
        if "subjects" in given:
            values["subjects"] = self.subjects(given["subjects"])
        if "agenda_titles" in given:
            values["agenda_titles"] = self.agenda_titles(given["agenda_titles"])
        if "vote" in given:
            values["vote"] = self.vote(given["vote"])
        if "meeting" in given:
            values["meeting"] = self.meeting(given["meeting"])
        values["key_lines"] = dict(self.key_lines)
        return FrontMatter(**{key: value for key, value in values.items() if value is not None})

    def string(self, key: str, value: Any, allow_number: bool = False) -> str | None:
        if allow_number and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # ``session: 51`` is read by YAML as a number (of at most 4,300 digits)
        if not isinstance(value, str):
            self.wrong_type(key, value, "a string")
            return None
        text = self.bounded(key, value)
        if key == "symbol" and text is not None and not symbols.is_symbol(text):
            self.report(
                key, codes.FRONT_NOT_A_SYMBOL,
                f"front matter 'symbol' is {_show(text)}, which is not a document symbol, expected one such as "
                "A/RES/51/148 or S/RES/1325 (2000); value ignored",
            )
            return None
        return text

    def bounded(self, key: str, value: str) -> str | None:
        """The value with its spaces tidied, or None: nothing, or longer than its key allows (reported)."""
        limit = limits.value_limit(key)
        text = " ".join(value.split())
        if len(text) > limit:
            self.report(
                key, codes.FRONT_TOO_LONG,
                f"front matter '{key}' is {len(text):,} characters long, expected at most {limit:,}; value ignored",
            )
            return None
        return text or None

    def strings(self, key: str, items: list[str]) -> list[str] | None:
        """Each item tidied (empty ones dropped); None when one is too long (reported: the list is ignored)."""
        tidied = []
        for item in items:
            text = self.bounded(key, item)
            if text is None and item.strip():
                return None
            if text:
                tidied.append(text)
        return tidied

    def sponsors(self, value: Any) -> str | None:
        if isinstance(value, str):
            return self.bounded("sponsors", value)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            names = self.strings("sponsors", value)
            return ", ".join(names) if names else None
        self.wrong_type("sponsors", value, "a string or a list of strings")
        return None

    def choice(self, key: str, value: Any, allowed: tuple[str, ...]) -> str | None:
        if isinstance(value, str) and value.strip().lower() in allowed:
            return value.strip().lower()
        self.wrong_type(key, value, f"one of {', '.join(allowed)}")
        return None

    def date(self, key: str, value: Any) -> str | None:
        # YAML reads an unquoted 1996-12-13 as a date already; a quoted one stays a string.
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        self.report(key, codes.FRONT_BAD_DATE, f"front matter '{key}' is {_show(value)}, expected an ISO date such as 1996-12-13; value ignored")
        return None

    def subjects(self, value: Any) -> tuple[str, ...] | None:
        if isinstance(value, str):
            subject = self.bounded("subjects", value)
            return (subject,) if subject is not None else None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            subjects = self.strings("subjects", value)
            return tuple(subjects) if subjects is not None else None
        self.wrong_type("subjects", value, "a string or a list of strings")
        return None

    def agenda_titles(self, value: Any) -> dict[str, str] | None:
        if not isinstance(value, Mapping):
            self.wrong_type("agenda_titles", value, "a mapping of agenda item number to title")
            return None
        titles: dict[str, str] = {}
        for number, title in value.items():
            if isinstance(number, (str, int)) and not isinstance(number, bool) and isinstance(title, str):
                shown_number = " ".join(str(number).split())
                title_text = self.bounded(f"agenda_titles.{shown_number[:40]}", title)
                if title_text is not None:
                    titles[shown_number] = title_text
            else:
                self.wrong_type(f"agenda_titles.{number}", title, "an agenda item number (\"78 (a)\") mapped to a title string")
        return titles

    def count(self, key: str, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limits.VOTE_COUNT:
            return value
        self.wrong_type(key, value, f"a whole number of votes from 0 to {limits.VOTE_COUNT}")
        return None

    def members(self, key: str, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            names = self.strings(key, value)
            return tuple(names) if names is not None else ()
        self.wrong_type(key, value, "a list of Member State names")
        return ()

    def vote(self, value: Any) -> Vote | None:
        if isinstance(value, str):
            value = {"outcome": value}  # ``vote: without vote`` is a natural shorthand
        if not isinstance(value, Mapping):
            self.wrong_type("vote", value, "a mapping with 'outcome' and optional counts and lists")
            return None
        for key in value:
            if key not in _VOTE_KEYS:
                self.report(
                    f"vote.{key}", codes.FRONT_UNKNOWN_KEY,
                    f"unknown vote key '{key}' ignored, expected one of {', '.join(sorted(_VOTE_KEYS))}",
                )
        outcome = value.get("outcome")
        normalised = " ".join(outcome.lower().split()) if isinstance(outcome, str) else None
        counts = {side: self.count(f"vote.{side}", value.get(side)) for side in _VOTE_SIDES}
        lists = {side: self.members(f"vote.{side}_members", value.get(f"{side}_members")) for side in _VOTE_SIDES}
        if normalised is None or normalised not in VOTE_OUTCOMES:
            shown = _show(outcome) if outcome is not None else "missing"
            self.report(
                "vote.outcome" if outcome is not None else "vote", codes.FRONT_UNKNOWN_OUTCOME,
                f"vote outcome is {shown}, expected one of {', '.join(VOTE_OUTCOMES)}; vote ignored",
            )
            return None
        self.check_vote(normalised, counts, lists)
        return Vote(
            outcome=normalised,
            in_favour=counts["in_favour"],
            against=counts["against"],
            abstaining=counts["abstaining"],
            in_favour_members=lists["in_favour"],
            against_members=lists["against"],
            abstaining_members=lists["abstaining"],
            source="front matter",
        )

    def check_vote(self, outcome: str, counts: dict, lists: dict) -> None:
        """Counts against their lists (a warning: both are kept, the printed record decides)."""
        for side in _VOTE_SIDES:
            count, members = counts[side], lists[side]
            if members and count is not None and count != len(members):
                self.report(
                    f"vote.{side}", codes.FRONT_COUNT_DISAGREES,
                    f"vote '{side}' is {count} but '{side}_members' lists {len(members)} Member States, "
                    "expected the count to equal the list",
                )
        has_counts = any(counts[side] is not None or lists[side] for side in _VOTE_SIDES)
        if outcome == "without vote" and has_counts:
            self.report(
                "vote.outcome", codes.FRONT_VOTE_INCONSISTENT,
                "vote outcome is 'without vote' but counts or Member States are given, expected none",
            )
        if outcome in ("recorded vote", "vote") and counts["in_favour"] is None and not lists["in_favour"]:
            self.report(
                "vote.outcome", codes.FRONT_VOTE_INCONSISTENT,
                f"vote outcome is '{outcome}' but no 'in_favour' count is given, expected the counts",
            )
        seen: dict[str, str] = {}
        for side in _VOTE_SIDES:
            for member in lists[side]:
                if member in seen and seen[member] != side:
                    self.report(
                        f"vote.{side}_members", codes.FRONT_MEMBER_ON_TWO_SIDES,
                        f"'{member}' is listed under both '{seen[member]}_members' and '{side}_members', "
                        "expected each Member State on one side",
                    )
                seen.setdefault(member, side)

    def meeting(self, value: Any) -> Meeting | None:
        if isinstance(value, int) and not isinstance(value, bool):
            value = {"number": value}  # ``meeting: 84`` is a natural shorthand
        if not isinstance(value, Mapping):
            self.wrong_type("meeting", value, "a mapping with 'number', 'kind', 'resumed', 'date'")
            return None
        for key in value:
            if key not in _MEETING_KEYS:
                self.report(
                    f"meeting.{key}", codes.FRONT_UNKNOWN_KEY,
                    f"unknown meeting key '{key}' ignored, expected one of {', '.join(sorted(_MEETING_KEYS))}",
                )
        number = value.get("number")
        if number is not None and not (
            isinstance(number, int) and not isinstance(number, bool) and 0 < number <= limits.MEETING_NUMBER
        ):
            self.wrong_type("meeting.number", number, f"a meeting number such as 84 (at most {limits.MEETING_NUMBER:,})")
            number = None
        kind = value.get("kind", "plenary")
        if not isinstance(kind, str):
            self.wrong_type("meeting.kind", kind, "a string such as 'plenary' or 'meeting'")
            kind = "plenary"
        resumed = value.get("resumed", False)
        if not isinstance(resumed, bool):
            self.wrong_type("meeting.resumed", resumed, "true or false")
            resumed = False
        date = self.date("meeting.date", value["date"]) if value.get("date") is not None else None
        return Meeting(
            number=number, kind=kind, resumed=resumed, date=date,
            line=self.line("meeting"), record=None,
        )


def _type_name(value: Any) -> str:
    names = {dict: "mapping", list: "list", str: "string", int: "number", float: "number", bool: "true/false"}
    if value is None:
        return "empty value"
    return names.get(type(value), type(value).__name__)


_show = safe_yaml.shown
