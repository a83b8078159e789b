"""When and where a document was adopted, as far as the source says so: each part's own meeting, and dates
checked against the session they belong to.

- ``part_meetings``: a decision in parts prints the meeting lines of all its parts together at its end
  ("54th plenary meeting / 2020-01-22", "56th plenary meeting / 2020-01-23"); each part's own is the first
  of those meetings its text names ("At its 56th plenary meeting, on 23 January 2020, ...").
- ``within_session``: a date outside its session (the General Assembly's 71st session runs from September
  2016 to September 2017, a Security Council resolution of 1978 was adopted in 1978) is a conversion
  default or a misprint, not a date of the document: it is reported with its line and becomes unknown,
  never shown. ``session_range`` is the one rule for the range.

Pure: works on ``model`` objects and returns new ones.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from resolutions.model import Diagnostic, Meeting, Part, Resolution
from resolutions.parse import codes, grammar
from resolutions.symbols import ECOSOC, GENERAL_ASSEMBLY, SECURITY_COUNCIL

# Regular sessions of the General Assembly open in September (since the 4th, 1949) and end before the next
# opens; the earliest sessions opened at other times of the year.
_FIRST_SEPTEMBER_SESSION = 4


def session_range(body: str | None, session: str | None) -> tuple[str, str] | None:
    """First and last ISO date a document of ``session`` can be adopted on; None when there is no rule.

    General Assembly session N: 1 September of 1945+N to 30 September of the next year (the session ends
    in mid-September, resumed parts included); the first three sessions: both calendar years. Security
    Council: the calendar year in its resolutions' symbols. Economic and Social Council: its session named
    after a year opens in July of the year before (E/RES/2021/1 was adopted on 21 July 2020)."""
    if not session or not session.isdigit():
        return None
    number = int(session)
    if body == GENERAL_ASSEMBLY and number < 1000:
        opening = 1945 + number
        if number < _FIRST_SEPTEMBER_SESSION:
            return f"{opening}-01-01", f"{opening + 1}-12-31"
        return f"{opening}-09-01", f"{opening + 1}-09-30"
    if body == SECURITY_COUNCIL and 1945 <= number <= 2999:
        return f"{number}-01-01", f"{number}-12-31"
    if body == ECOSOC and 1945 <= number <= 2999:
        return f"{number - 1}-07-01", f"{number}-12-31"
    return None


def within_session(res: Resolution, listed: Sequence[Meeting] = ()) -> Resolution:
    """``res`` with every adoption date outside its session made unknown, each reported (RES115, a warning:
    the page loses a date); a ``listed`` meeting line that neither the document nor any part took (a
    decision lists the meetings of all its parts) is reported as info (RES116): the page is complete."""
    limits = session_range(res.body, res.session)
    if limits is None:
        return res

    def outside(date: str | None) -> bool:
        return date is not None and grammar.ISO_DATE.match(date) is not None and not limits[0] <= date <= limits[1]

    dates = [res.adopted, *(part.adopted for part in res.parts)]
    dates += [meeting.date for meeting in (res.meeting, *(part.meeting for part in res.parts), *listed) if meeting]
    if not any(map(outside, dates)):
        return res  # nearly every file: nothing to report, and the resolution is not rebuilt
    problems: list[Diagnostic] = []

    def checked(date: str | None, line: int, code: str = codes.DATE_OUTSIDE_SESSION) -> str | None:
        if not outside(date):
            return date
        if not any(p.line == line and date in p.message for p in problems):
            consequence = "it is shown as unknown" if code == codes.DATE_OUTSIDE_SESSION else "no part uses it"
            problems.append(Diagnostic(
                res.source, line, codes.severity(code), code,
                f"date {date} is outside the {_session_words(res)} ({grammar.format_date(limits[0])} to {grammar.format_date(limits[1])}); "
                f"{consequence}, expected a date of the session",
            ))
        return None

    def checked_meeting(meeting: Meeting | None) -> Meeting | None:
        if meeting is None or meeting.date is None:
            return meeting
        return replace(meeting, date=checked(meeting.date, meeting.line))

    meeting_line = res.meeting.line if res.meeting else res.line
    parts = tuple(
        replace(part, meeting=checked_meeting(part.meeting),
                adopted=checked(part.adopted, part.meeting.line if part.meeting else part.line))
        for part in res.parts
    )
    fixed = replace(
        res,
        meeting=checked_meeting(res.meeting),
        adopted=checked(res.adopted, meeting_line),
        parts=parts,
    )
    used = {meeting.line for meeting in (res.meeting, *(part.meeting for part in res.parts)) if meeting}
    for meeting in listed:
        if meeting.line not in used:
            checked(meeting.date, meeting.line, codes.UNUSED_DATE_OUTSIDE_SESSION)
    if not problems:
        return res
    return replace(fixed, diagnostics=res.diagnostics + tuple(problems))


def part_meetings(parts: Sequence[Part], listed: Sequence[Meeting]) -> list[Part]:
    """Each part with the first of the ``listed`` meeting lines that its own text names (by number, else
    by date), else the meeting its text opens with ("At its 65th plenary meeting, held on 21 December
    2018", when the list misprints it); a part whose text names none keeps the meeting it has."""
    assigned = []
    for part in parts:
        text = " ".join(_texts(part))
        named = [(position, meeting) for meeting in listed if (position := _named_at(text, meeting)) is not None]
        meeting = min(named, key=lambda found: found[0])[1] if named else _opening_meeting(text, part.line)
        if meeting is not None:
            part = replace(part, meeting=meeting, adopted=meeting.date)
        assigned.append(part)
    return assigned


_OPENING_MEETING = re.compile(
    r"\bAt (?:its|the) (\d+)(?:st|nd|rd|th) (plenary )?meeting,?(?: held)? on (\d{1,2} [A-Z][a-z]+ \d{4})"
)


def _opening_meeting(text: str, line: int) -> Meeting | None:
    found = _OPENING_MEETING.search(text)
    if found is None:
        return None
    return Meeting(number=int(found.group(1)), kind="plenary" if found.group(2) else "meeting", resumed=False,
                   date=grammar.find_date(found.group(3)), line=line)


def _texts(part: Part):
    if part.title:  # the part's first sentence, when the parser took it for the part's title
        yield part.title
    for paragraph in (*part.preamble, *part.operative):
        yield paragraph.text
    for section in part.sections:
        for paragraph in (*section.preamble, *section.operative):
            yield paragraph.text


def _named_at(text: str, meeting: Meeting) -> int | None:
    """Where ``text`` names ``meeting`` ("54th plenary meeting", "on 22 January 2020"), or None."""
    if meeting.number is not None:
        found = re.search(rf"\b{meeting.number}(?:st|nd|rd|th)\b[^.;]{{0,20}}?meeting", text)
        if found:
            return found.start()
    if meeting.date:
        found = text.find(grammar.format_date(meeting.date))
        if found >= 0:
            return found
    return None


def _session_words(res: Resolution) -> str:
    if res.body == GENERAL_ASSEMBLY:
        return f"General Assembly's session {res.session}"
    return f"{res.body}'s year {res.session}"
