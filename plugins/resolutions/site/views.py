"""What pages, indexes and data files say alike about a resolution, and the URL scheme of the index pages.

The body of a resolution, its session id, its meetings (label, record symbol, timeline anchor), its vote in a
phrase, and the site-relative URLs of the session, agenda-item and timeline pages (``session_url``,
``agenda_item_url``, ``timeline_url``), so that resolution pages, data files and ``index_pages`` agree.
The URL scheme is documented in ``docs/indexes.md``.

Pure core: plain functions over ``Resolution`` objects; URLs are site-relative (``sessions/51/``) or absolute.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from resolutions import symbols
from resolutions.symbols import ECOSOC, GENERAL_ASSEMBLY, SECURITY_COUNCIL
from resolutions.parse.ids import slug
from resolutions.site.labels import ISO_DATE as _ISO_DATE, meeting_text
from resolutions.model import AgendaItem, Meeting, Resolution

UNOFFICIAL_NOTICE = (
    "Unofficial copies of United Nations documents. Source: United Nations. "
    "The official texts are published at https://documents.un.org."
)
"""Shown on every index page, since they quote titles and metadata of UN texts."""

TITLE_NOT_KNOWN = "title not known"
"""What an agenda item without a printed title and without an agenda-file entry says instead."""

# Short prefixes of session ids; the General Assembly keeps the bare session number (``sessions/51/``)
# because that is how its sessions are named everywhere (A/51/…, "51st session").
_BODY_SLUGS = {GENERAL_ASSEMBLY: "", SECURITY_COUNCIL: "sc", ECOSOC: "ecosoc", "Human Rights Council": "hrc"}

UrlFor = Callable[[str], str]


# --------------------------------------------------------------------------------------------- small helpers


def default_resolution_url(symbol: str) -> str:
    """The symbol-shaped page URL (``A/RES/51/148/``, ``S/RES/1325(2000)/``, ``E/RES/2021/2B/``).

    Used when the caller passes no ``url_for``; it is ``collection.Collection.url_for``'s shape.
    """
    return symbols.symbol_path(symbol) + "/"


official_document_url = symbols.OfficialResolver()
"""Link to a document outside the collection (a meeting record) at the default official resolver."""


def body_of(res: Resolution) -> str | None:
    """The issuing body as printed, else inferred from the symbol prefix (``S/RES/…`` is the Security Council)."""
    return res.body or symbols.body_of_symbol(res.symbol)


def session_id(res: Resolution) -> str | None:
    """Stable id of the resolution's session, used in URLs: ``51``, ``es-11``, ``sc-1960``, ``ecosoc-2021``.

    General Assembly resolutions and decisions of one session share an id (they share its agenda and
    meetings). None when the body or the session is unknown: such a resolution has no session page.
    """
    body = body_of(res)
    if not body or not res.session:
        return None
    session = slug(res.session)
    if not session:
        return None
    prefix = _BODY_SLUGS.get(body, slug(body))
    return f"{prefix}-{session}" if prefix else session


def body_anchor(body: str) -> str:
    """Anchor of a body's section on the overview (``resolutions/#general-assembly``)."""
    return slug(body) or "body"


def agenda_item_id(number: str) -> str:
    """URL id of an agenda item as printed: ``78 (a)`` becomes ``78-a``."""
    return slug(number) or "item"


def natural_key(text: str) -> tuple:
    """Sort key putting ``20`` < ``20 (a)`` < ``20 (b)`` < ``78 (a)`` < ``100``: numbers compare as numbers."""
    parts = re.findall(r"\d+|[^\W\d_]+", text)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts)


def meeting_label(meeting: Meeting) -> str:
    """The meeting as a list entry: ``labels.meeting_text`` (``84th plenary meeting``), capitalised when it
    opens with a word (``Plenary meeting``, the number not printed)."""
    label = meeting_text(meeting)
    return label[0].upper() + label[1:] if meeting.number is None else label


def meeting_record(res: Resolution, meeting: Meeting) -> str | None:
    """The meeting record symbol: as given, else derived where the series is regular (``A/51/PV.84``,
    ``S/PV.4213``, ``E/2021/SR.8``)."""
    if meeting.record:
        return meeting.record
    if meeting.number is None:
        return None
    body = body_of(res)
    if body == GENERAL_ASSEMBLY and meeting.kind == "plenary" and res.session:
        return f"A/{res.session}/PV.{meeting.number}"
    if body == SECURITY_COUNCIL:
        return f"S/PV.{meeting.number}"
    if body == ECOSOC and res.session and res.session.isdigit():
        return f"E/{res.session}/SR.{meeting.number}"  # the Council keeps summary records, by session year
    return None


def vote_summary(res: Resolution) -> str:
    """One short phrase: ``without a vote``, ``recorded vote 150–2–10``, ``unanimous``; "" when not known."""
    vote = res.vote
    if vote is None:
        return ""
    if vote.outcome == "without vote":
        return "without a vote"
    if vote.in_favour is not None:
        counts = "–".join(str(c if c is not None else 0) for c in (vote.in_favour, vote.against, vote.abstaining))
        return f"{vote.outcome} {counts}"
    return vote.outcome


def adoption_meetings(res: Resolution) -> list[tuple[Meeting | None, str | None, str | None]]:
    """(meeting, date, part label) for each distinct adoption: the shared meeting, else each part's own."""
    if res.meeting is not None or not res.parts:
        date = (res.meeting.date if res.meeting else None) or res.adopted
        return [(res.meeting, date, None)]
    seen: dict[tuple, tuple[Meeting | None, str | None, list[str]]] = {}
    for part in res.parts:
        date = (part.meeting.date if part.meeting else None) or part.adopted or res.adopted
        key = meeting_identity(part.meeting, date)
        if key in seen:
            seen[key][2].append(part.label)
        else:
            seen[key] = (part.meeting, date, [part.label])
    return [(meeting, date, ", ".join(labels)) for meeting, date, labels in seen.values()]


def meeting_identity(meeting: Meeting | None, date: str | None) -> tuple:
    if meeting is None:
        return (None, False, "", date)
    return (meeting.number, meeting.resumed, meeting.kind, date)


def meeting_anchor(res: Resolution, meeting: Meeting | None, date: str) -> str:
    """Anchor of a meeting on its timeline page: ``m-1996-12-13-ga-84``, ``m-2020-07-21-ecosoc-none``."""
    body_slug = _BODY_SLUGS.get(body_of(res) or "", None)
    body_part = (body_slug if body_slug is not None else slug(body_of(res) or "other")) or "ga"
    if meeting is None:
        number = "none"
    else:
        number = str(meeting.number) if meeting.number is not None else "x"
        if meeting.resumed:
            number += "-r"
    return f"m-{date}-{body_part}-{number}"


# ----------------------------------------------------------------------------------------------------- URLs


def sessions_url() -> str:
    """The overview of all sessions (the "Resolutions" index)."""
    return "resolutions/"


SESSION_PAGES = "sessions/"
"""The folder of the session pages (it has no page of its own)."""


def session_page_url(sid: str) -> str:
    """Site-relative URL of a session's page (``sessions/51/``)."""
    return f"{SESSION_PAGES}{sid}/"


def session_list_url(sid: str) -> str:
    """Site-relative URL of the list of a session's resolutions (``resolutions/51/``)."""
    return f"{sessions_url()}{sid}/"


def agenda_index_url(sid: str) -> str:
    """Site-relative URL of a session's agenda-item index (``sessions/51/agenda/``)."""
    return f"{session_page_url(sid)}agenda/"


def session_agenda_item_url(sid: str, number: str) -> str:
    """Site-relative URL of one agenda item's page in a session (``sessions/51/agenda/78-a/``)."""
    return f"{agenda_index_url(sid)}{agenda_item_id(number)}/"


def session_url(res: Resolution) -> str | None:
    """Site-relative URL of the resolution's session page (``sessions/51/``); None without a known session."""
    sid = session_id(res)
    return session_page_url(sid) if sid else None


def agenda_item_url(res: Resolution, item: AgendaItem | str) -> str | None:
    """Site-relative URL of one agenda item's page in the resolution's session (``sessions/51/agenda/78-a/``)."""
    sid = session_id(res)
    if not sid:
        return None
    return session_agenda_item_url(sid, item.number if isinstance(item, AgendaItem) else item)


def timeline_url(res: Resolution) -> str | None:
    """Site-relative URL of the resolution's (first) adoption meeting on the timeline
    (``timeline/1996/#m-1996-12-13-ga-84``); None when no adoption date is known."""
    for meeting, date, _part in adoption_meetings(res):
        if date and _ISO_DATE.match(date):
            return f"timeline/{date[:4]}/#{meeting_anchor(res, meeting, date)}"
    return None


def page_source(url: str) -> str:
    """The virtual source of a generated page: ``sessions/51/`` is made from ``sessions/51/index.md``."""
    return url + "index.md"


def with_pages(resolutions: Iterable[Resolution]) -> list[Resolution]:
    """Resolutions that have a page: a symbol, and the first file of that symbol (as ``Collection`` decides)."""
    seen: set[str] = set()
    kept = []
    for res in resolutions:
        if res.symbol and res.symbol not in seen:
            seen.add(res.symbol)
            kept.append(res)
    return kept
