"""Front matter applied to a parsed resolution: it supplies what the text lacks and overrides the rest.

``apply`` merges a validated ``frontmatter.FrontMatter`` into the ``Resolution`` read from the text. A value
the text prints and the front matter contradicts is replaced by the editor's and reported (``RES211``, info).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from resolutions.model import Diagnostic, Meeting, Resolution
from resolutions.parse import codes
from resolutions.parse.frontmatter import FrontMatter
from resolutions.parse.safe_yaml import shown


def apply(resolution: Resolution, front: FrontMatter, line: int = 1) -> Resolution:
    """The resolution with the front matter applied: it supplies what the text lacks and overrides the rest.

    A value the text prints and the front matter contradicts is replaced by the front matter's (an
    editor's correction, e.g. of an OCR error) and reported as ``RES211`` with severity info at the key's line
    (``line`` when unknown).
    """
    changes: dict[str, Any] = {}
    contradictions: list[Diagnostic] = []

    def key_line(name: str) -> int:
        return front.key_lines.get(name, line)

    def override(name: str, printed: Any, given: Any) -> None:
        if given is None:
            return
        if printed is not None and printed != "" and printed != given:
            contradictions.append(
                Diagnostic(
                    resolution.source, key_line(name), codes.severity(codes.FRONT_CONTRADICTS_TEXT), codes.FRONT_CONTRADICTS_TEXT,  # the editor's value is used
                    f"front matter '{name}' is {shown(given)} but the text prints {shown(printed)}, "
                    "expected them to agree; the front matter is used",
                )
            )
        changes[name] = given

    for name in ("symbol", "title", "body", "number", "kind", "session", "issued", "adopted"):
        override(name, getattr(resolution, name), getattr(front, name))
    for name in ("draft", "sponsors"):
        if getattr(front, name) is not None:
            changes[name] = getattr(front, name)
    if front.subjects:
        changes["subjects"] = front.subjects
    if front.vote is not None:
        printed_vote = resolution.vote
        if printed_vote is not None and printed_vote.source == "text" and printed_vote.outcome != front.vote.outcome:
            override("vote", printed_vote.outcome, front.vote.outcome)
        changes["vote"] = front.vote
    meeting = resolution.meeting
    if front.meeting is not None:
        if meeting is not None:
            override("meeting", meeting.number, front.meeting.number)
            meeting = replace(
                meeting,
                number=front.meeting.number if front.meeting.number is not None else meeting.number,
                kind=front.meeting.kind,
                resumed=front.meeting.resumed,
                date=front.meeting.date or meeting.date,
            )
        else:
            meeting = front.meeting
    if front.record is not None:
        if meeting is not None:
            meeting = replace(meeting, record=front.record)
            record_number = _record_meeting_number(front.record)
            if record_number is not None and meeting.number is not None and record_number != meeting.number:
                contradictions.append(
                    Diagnostic(
                        resolution.source, key_line("record"), codes.severity(codes.FRONT_CONTRADICTS_TEXT), codes.FRONT_CONTRADICTS_TEXT,  # the record is kept
                        f"front matter 'record' {front.record} names meeting {record_number} but the text prints "
                        f"meeting {meeting.number}, expected the same meeting",
                    )
                )
        else:
            meeting = Meeting(
                number=None, kind="plenary", resumed=False, date=None, line=key_line("record"), record=front.record
            )
    if meeting is not resolution.meeting:
        changes["meeting"] = meeting
    if front.agenda_titles:
        changes["agenda_items"] = tuple(
            replace(item, title=front.agenda_titles.get(item.number, item.title)) for item in resolution.agenda_items
        )
    if contradictions:
        changes["diagnostics"] = resolution.diagnostics + tuple(contradictions)
    return replace(resolution, **changes) if changes else resolution


_RECORD_NUMBER = re.compile(r"/PV\.(\d+)\b")


def _record_meeting_number(record: str) -> int | None:
    """``A/74/PV.45`` -> 45; None for a record symbol of another shape."""
    found = _RECORD_NUMBER.search(record)
    return int(found.group(1)) if found else None
