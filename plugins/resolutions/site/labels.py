"""How dates, meetings and documents are written out for readers: one place for the words pages and indexes share."""

from __future__ import annotations

import re

from resolutions.model import Meeting, Resolution
from resolutions.parse.grammar import ISO_DATE, format_date  # noqa: F401 (pages take a date's words from here too)
from resolutions.parse.titles import title_case


def ordinal(number: int) -> str:
    """84 -> ``84th``, 4213 -> ``4213th``, 1 -> ``1st``, 111 -> ``111th``."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def meeting_text(meeting: Meeting) -> str:
    """The meeting as printed: ``84th plenary meeting``, ``56th (resumed) plenary meeting``, ``4213th meeting``."""
    words = []
    if meeting.number is not None:
        words.append(ordinal(meeting.number))
    if meeting.resumed:
        words.append("(resumed)")
    words.append(meeting.kind if meeting.kind.endswith("meeting") else f"{meeting.kind} meeting")
    return " ".join(words)


# --- documents -------------------------------------------------------------------------------------------


def document_kind(res: Resolution) -> str:
    """``decision`` for a decision (cited as "decision 71/406", never by an A/DEC symbol), else ``resolution``."""
    return "decision" if res.kind == "decision" else "resolution"


def document_name(res: Resolution) -> str:
    """How a reader cites the document: ``A/RES/76/1``, ``S/RES/242 (1967)``, ``decision 71/406 A and B``."""
    if res.kind == "decision":
        return f"decision {res.number or res.symbol or ''}".strip()
    return res.symbol or res.number or ""


# --- sessions --------------------------------------------------------------------------------------------


def session_name(body: str | None, session: str | None) -> str:
    """One form for every session, whatever the cover prints ("Seventy-sixth session", "76th session of the
    General Assembly"): ``76th session`` for a numbered session, ``2021 session`` for a year's session of the
    Economic and Social Council, the bare year for the Security Council (which has no sessions)."""
    if not session:
        return ""
    if session.isdigit() and len(session) < 4:
        return f"{ordinal(int(session))} session"
    if body == "Security Council":
        return session
    if session.isdigit():
        return f"{session} session"
    special = re.fullmatch(r"(?i)es-?(\d+)", session)
    if special:
        return f"{ordinal(int(special[1]))} emergency special session"
    return session if "session" in session.lower() else f"session {session}"


def session_label(body: str | None, session: str | None) -> str:
    """The session with its body: ``General Assembly, 76th session``, ``Security Council, 1946``."""
    name = session_name(body, session)
    return f"{body}, {name}" if body and name else (body or name)


# --- agenda items ----------------------------------------------------------------------------------------


def agenda_title(title: str | None) -> str:
    """The agenda item's title without its repeated half: the agenda prints sub-item (a) of "Oceans and the law
    of the sea" as "Oceans and the law of the sea: oceans and the law of the sea"; a reader needs it once."""
    if not title:
        return ""
    head, colon, tail = title.partition(": ")
    if colon and head.strip().casefold() == tail.strip().rstrip(".").casefold():
        return head.strip()
    return title


# --- Member States ---------------------------------------------------------------------------------------

def member_name(printed: str) -> str:
    """A Member State's name in normal case: the voting records print ``BOLIVIA (PLURINATIONAL STATE OF)``,
    ``CÔTE D'IVOIRE``; readers see ``Bolivia (Plurinational State of)``, ``Côte d'Ivoire``. Names printed in
    mixed case are left as printed."""
    return title_case(printed)


# --- membership ------------------------------------------------------------------------------------------

# Members of each body from the date a change took effect. Only dates known for certain are listed: before
# the first one the membership is unknown and a vote is shown without it, never against a guessed number.
_MEMBERSHIP: dict[str, tuple[tuple[str, int], ...]] = {
    "General Assembly": (("2006-06-28", 192), ("2011-07-14", 193)),  # Montenegro, then South Sudan
    "Security Council": (("1946-01-17", 11), ("1966-01-01", 15)),  # enlarged by the 1965 Charter amendment
    "Economic and Social Council": (("1973-09-24", 54),),  # enlarged from 27 by the 1973 amendment
}


def membership(body: str | None, date: str | None) -> int | None:
    """How many members ``body`` had on the ISO ``date``; None when unknown."""
    if not body or not date or not ISO_DATE.match(date):
        return None
    count = None
    for since, members in _MEMBERSHIP.get(body, ()):
        if date >= since:
            count = members
    return count
