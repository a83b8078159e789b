"""Index views of a collection: what the resolutions, session, agenda-item and timeline pages show.

Pure core: from parsed ``Resolution`` objects this module builds plain data (dicts, lists, strings) for the
index templates and describes each page as a ``GeneratedPage``. It also owns the URL scheme of those pages
(``session_url``, ``agenda_item_url``, ``timeline_url``), so that resolution pages can link to them.

Every step is one pass over the collection that groups with dictionaries, then sorts each group: the work
grows as n log n with the number of resolutions, never quadratically. URLs in the contexts are site-relative
(``sessions/51/``) or absolute (``https://…``); templates prefix the site-relative ones with ``base_url``.
The URL scheme and the page split are documented in ``docs/indexes.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

from resolutions import symbols
from resolutions.parse.ids import slug
from resolutions.site.labels import ISO_DATE as _ISO_DATE, MONTHS as _MONTHS, format_date as date_label, ordinal
from resolutions.site.labels import agenda_title, session_label, session_name
from resolutions.model import AgendaItem, Meeting, Resolution
from resolutions.site.site_plan import GeneratedPage

UNOFFICIAL_NOTICE = (
    "Unofficial copies of United Nations documents. Source: United Nations. "
    "The official texts are published at https://documents.un.org."
)
"""Shown on every index page, since they quote titles and metadata of UN texts."""

TITLE_NOT_KNOWN = "title not known"
"""What an agenda item without a printed title and without an agenda-file entry says instead."""

GENERAL_ASSEMBLY = "General Assembly"
SECURITY_COUNCIL = "Security Council"
ECOSOC = "Economic and Social Council"

# Short prefixes of session ids; the General Assembly keeps the bare session number (``sessions/51/``)
# because that is how its sessions are named everywhere (A/51/…, "51st session").
_BODY_SLUGS = {GENERAL_ASSEMBLY: "", SECURITY_COUNCIL: "sc", ECOSOC: "ecosoc", "Human Rights Council": "hrc"}
_BODY_ORDER = {GENERAL_ASSEMBLY: 0, SECURITY_COUNCIL: 1, ECOSOC: 2}
_SYMBOL_PREFIX_BODIES = (("A/", GENERAL_ASSEMBLY), ("S/", SECURITY_COUNCIL), ("E/", ECOSOC))

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
    if res.body:
        return res.body
    for prefix, body in _SYMBOL_PREFIX_BODIES:
        if res.symbol and res.symbol.startswith(prefix):
            return body
    return None


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


def _symbol_key(res: Resolution) -> tuple:
    return natural_key(res.number or res.symbol or "")


def meeting_label(meeting: Meeting) -> str:
    """``84th plenary meeting``, ``56th (resumed) plenary meeting``, ``4213th meeting``."""
    words = [ordinal(meeting.number)] if meeting.number is not None else []
    if meeting.resumed:
        words.append("(resumed)")
    if meeting.kind and meeting.kind != "meeting":
        words.append(meeting.kind)
    words.append("meeting")
    label = " ".join(words)
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


def _is_recorded_vote(res: Resolution) -> bool:
    return res.vote is not None and res.vote.outcome in ("recorded vote", "vote")


def _is_without_vote(res: Resolution) -> bool:
    return res.vote is not None and res.vote.outcome == "without vote"


def adoption_meetings(res: Resolution) -> list[tuple[Meeting | None, str | None, str | None]]:
    """(meeting, date, part label) for each distinct adoption: the shared meeting, else each part's own."""
    if res.meeting is not None or not res.parts:
        date = (res.meeting.date if res.meeting else None) or res.adopted
        return [(res.meeting, date, None)]
    seen: dict[tuple, tuple[Meeting | None, str | None, list[str]]] = {}
    for part in res.parts:
        date = (part.meeting.date if part.meeting else None) or part.adopted or res.adopted
        key = _meeting_identity(part.meeting, date)
        if key in seen:
            seen[key][2].append(part.label)
        else:
            seen[key] = (part.meeting, date, [part.label])
    return [(meeting, date, ", ".join(labels)) for meeting, date, labels in seen.values()]


def _meeting_identity(meeting: Meeting | None, date: str | None) -> tuple:
    if meeting is None:
        return (None, False, "", date)
    return (meeting.number, meeting.resumed, meeting.kind, date)


def _meeting_anchor(res: Resolution, meeting: Meeting | None, date: str) -> str:
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


def session_url(res: Resolution) -> str | None:
    """Site-relative URL of the resolution's session page (``sessions/51/``); None without a known session."""
    sid = session_id(res)
    return f"sessions/{sid}/" if sid else None


def agenda_index_url(res: Resolution) -> str | None:
    """The agenda-item index of the resolution's session (``sessions/51/agenda/``)."""
    sid = session_id(res)
    return f"sessions/{sid}/agenda/" if sid else None


def agenda_item_url(res: Resolution, item: AgendaItem | str) -> str | None:
    """Site-relative URL of one agenda item's page in the resolution's session (``sessions/51/agenda/78-a/``)."""
    sid = session_id(res)
    if not sid:
        return None
    number = item.number if isinstance(item, AgendaItem) else item
    return f"sessions/{sid}/agenda/{agenda_item_id(number)}/"


def timeline_url(res: Resolution) -> str | None:
    """Site-relative URL of the resolution's (first) adoption meeting on the timeline
    (``timeline/1996/#m-1996-12-13-ga-84``); None when no adoption date is known."""
    for meeting, date, _part in adoption_meetings(res):
        if date and _ISO_DATE.match(date):
            return f"timeline/{date[:4]}/#{_meeting_anchor(res, meeting, date)}"
    return None


def index_links(res: Resolution) -> dict:
    """Everything a resolution page links to in the indexes, for its metadata panel:
    ``{"session": url, "agenda_items": [(number, url), ...], "timeline": url}`` (site-relative; None or empty
    when the resolution has no session or no adoption date)."""
    return {
        "session": session_url(res),
        "agenda_items": [(item.number, agenda_item_url(res, item)) for item in res.agenda_items if session_id(res)],
        "timeline": timeline_url(res),
    }


def with_pages(resolutions: Iterable[Resolution]) -> list[Resolution]:
    """Resolutions that have a page: a symbol, and the first file of that symbol (as ``Collection`` decides)."""
    seen: set[str] = set()
    kept = []
    for res in resolutions:
        if res.symbol and res.symbol not in seen:
            seen.add(res.symbol)
            kept.append(res)
    return kept


def _src_uri(url: str) -> str:
    """``sessions/51/`` is generated from the virtual source ``sessions/51/index.md``."""
    return url + "index.md"


# ------------------------------------------------------------------------------------------ resolution rows


Rows = Mapping[int, dict]
"""What every index shows about each resolution, keyed by ``id(resolution)``: built once per build and shared
by every page that lists the resolution (URL lookups and allocations dominate the cost of the indexes)."""


def _rows(resolutions: Iterable[Resolution], url_for: UrlFor) -> dict[int, dict]:
    return {id(res): index_row(res, url_for) for res in resolutions if res.symbol is not None}


def _at_adoption(row: dict, part: str | None) -> dict:
    """The row as listed at one adoption meeting: with the part letters adopted there, when in parts."""
    return dict(row, part=part) if part else row


def index_row(res: Resolution, url_for: UrlFor) -> dict:
    """What every index shows about one resolution."""
    return {
        "symbol": res.symbol,
        "number": res.number or res.symbol,
        "kind": res.kind,
        "title": res.title or "(untitled)",
        "url": url_for(res.symbol).lstrip("/") if res.symbol else None,
        "adopted": res.adopted,
        "adopted_label": date_label(res.adopted),
        "vote": vote_summary(res),
    }


@dataclass
class _Session:
    """Mutable accumulator while grouping; turned into plain dicts for the templates."""

    sid: str
    body: str
    session: str
    label: str = ""
    resolutions: list[Resolution] = field(default_factory=list)
    latest: str = ""


def group_sessions(resolutions: Iterable[Resolution]) -> list[_Session]:
    """Sessions in display order: bodies (GA, SC, ECOSOC, then others by name), newest session first."""
    sessions: dict[str, _Session] = {}
    for res in resolutions:
        sid = session_id(res)
        if sid is None or res.symbol is None:
            continue
        group = sessions.get(sid)
        if group is None:
            group = sessions[sid] = _Session(sid=sid, body=body_of(res) or "", session=res.session or "")
        group.resolutions.append(res)
        group.latest = max(group.latest, res.adopted or res.issued or "")
    for group in sessions.values():
        group.resolutions.sort(key=lambda r: (r.kind != "resolution", _symbol_key(r)))
        group.label = session_label(group.body, group.session)
    return sorted(
        sessions.values(),
        # By the session's own number or year: one misdated resolution cannot move its session.
        key=lambda g: (_BODY_ORDER.get(g.body, 9), g.body, _desc_natural(g.session), _desc(g.latest)),
    )


def _desc(text: str) -> tuple:
    # Reverse order for strings without building negative keys: compare code points negated.
    return tuple(-ord(c) for c in text) + (1,)


def _desc_natural(text: str) -> tuple:
    return tuple((-a, -b, _desc(c)) for a, b, c in natural_key(text))


# ------------------------------------------------------------------------------------------- agenda items


def _agenda_items(
    group: _Session, agenda_titles: Mapping[tuple[str, str], str], rows: Rows
) -> list[dict]:
    """Agenda items of a session in natural order, each with its title, where it came from, and resolutions."""
    items: dict[str, dict] = {}
    for res in group.resolutions:
        seen_here: set[str] = set()
        for item in res.agenda_items:
            key = agenda_item_id(item.number)
            if key in seen_here:  # an item printed twice on one cover page lists the resolution once
                continue
            seen_here.add(key)
            entry = items.get(key)
            if entry is None:
                entry = items[key] = {
                    "id": key,
                    "number": item.number,
                    "title": None,
                    "title_source": None,
                    "url": f"sessions/{group.sid}/agenda/{key}/",
                    "resolutions": [],
                }
            if entry["title"] is None and item.title:
                entry["title"], entry["title_source"] = agenda_title(item.title), "cover page"
            entry["resolutions"].append(rows[id(res)])
    for entry in items.values():
        if entry["title"] is None:
            from_file = agenda_titles.get((group.sid, entry["id"]))
            if from_file:
                entry["title"], entry["title_source"] = agenda_title(from_file), "agenda file"
            else:
                entry["title"], entry["title_source"] = TITLE_NOT_KNOWN, None
        entry["count"] = len(entry["resolutions"])
    return sorted(items.values(), key=lambda e: natural_key(e["number"]))


def _normalised_titles(agenda_titles: Mapping[tuple[str, str], str] | None) -> dict[tuple[str, str], str]:
    """Agenda-file titles keyed by (session id, agenda item id), so ``78(a)`` and ``78 (a)`` agree."""
    return {(sid.lower(), agenda_item_id(number)): title for (sid, number), title in (agenda_titles or {}).items()}


# ----------------------------------------------------------------------------------------------- meetings


def _meetings_of(group: _Session, rows: Rows, document_url: UrlFor) -> list[dict]:
    """The session's adoption meetings in order (date, then number), each with the resolutions adopted there."""
    meetings: dict[tuple, dict] = {}
    for res in group.resolutions:
        for meeting, date, part in adoption_meetings(res):
            key = _meeting_identity(meeting, date)
            entry = meetings.get(key)
            if entry is None:
                entry = meetings[key] = _meeting_entry(res, meeting, date, document_url)
            entry["resolutions"].append(_at_adoption(rows[id(res)], part))
    return sorted(
        meetings.values(),
        key=lambda m: (m["date"] or "9999", m["number"] if m["number"] is not None else 10**9, m["resumed"]),
    )


def _meeting_entry(res: Resolution, meeting: Meeting | None, date: str | None, document_url: UrlFor) -> dict:
    record = meeting_record(res, meeting) if meeting else None
    dated = bool(date and _ISO_DATE.match(date))
    return {
        "label": meeting_label(meeting) if meeting else "Adopted without a meeting",
        "number": meeting.number if meeting else None,
        "kind": meeting.kind if meeting else None,
        "resumed": meeting.resumed if meeting else False,
        "date": date,
        "date_label": date_label(date) or "date not known",
        "record": record,
        "record_url": document_url(record) if record else None,
        "body": body_of(res) or "",
        "anchor": _meeting_anchor(res, meeting, date) if dated else None,
        "timeline_url": f"timeline/{date[:4]}/#{_meeting_anchor(res, meeting, date)}" if dated else None,
        "resolutions": [],
    }


# ------------------------------------------------------------------------------------------------- pages


INDEXED_FIELDS = ("symbol", "number", "title", "session", "session_text", "body", "kind", "adopted", "issued",
                  "meeting", "agenda_items", "vote")
"""The fields of a ``Resolution`` that the index pages read, besides each part's label, meeting and adoption
date (tests/test_views.py records every attribute ``index_pages`` reads and checks it against this list)."""


def index_inputs(res: Resolution) -> tuple:
    """Everything the index pages read of one resolution: equal inputs give equal index pages.

    Source line numbers are left out (meetings and agenda items carry theirs): a paragraph added above the
    meeting line moves it without changing any index page."""
    fields = tuple(_without_line(getattr(res, name)) for name in INDEXED_FIELDS)
    return fields, tuple((part.label, _without_line(part.meeting), part.adopted) for part in res.parts)


def _without_line(value: object) -> object:
    if isinstance(value, Meeting):
        return (value.number, value.kind, value.resumed, value.date, value.record)
    if isinstance(value, tuple) and value and isinstance(value[0], AgendaItem):
        return tuple((item.number, item.title) for item in value)
    return value


class IndexPagesMemo:
    """``index_pages`` that hands back the previous call's pages when nothing they show changed.

    For ``mkdocs serve``: most edits change a paragraph, not a title, a date or an agenda item, and
    the index pages (about one per agenda item) then stay the very same objects, which the preview compares
    at no cost. ``url_for`` is compared as a function (a bound method by its function: ``Collection.url_for``
    depends only on the symbol)."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._pages: list[GeneratedPage] = []
        self._inputs: dict[int, tuple[Resolution, tuple]] = {}
        self.reused = False

    def index_pages(self, resolutions: Sequence[Resolution], agenda_titles: Mapping[tuple[str, str], str] | None,
                    url_for: UrlFor = default_resolution_url,
                    document_url: UrlFor = official_document_url) -> list[GeneratedPage]:
        # The parse cache hands back the same object for an unchanged file: its inputs are not computed again.
        known, self._inputs = self._inputs, {}
        inputs = []
        for res in resolutions:
            remembered = known.get(id(res))
            if remembered is None or remembered[0] is not res:
                remembered = (res, index_inputs(res))
            self._inputs[id(res)] = remembered
            inputs.append(remembered[1])
        key = (tuple(inputs), dict(agenda_titles or {}), getattr(url_for, "__func__", url_for), document_url)
        self.reused = key == self._key
        if not self.reused:
            self._pages = index_pages(resolutions, agenda_titles, url_for=url_for, document_url=document_url)
            self._key = key
        return list(self._pages)


def index_pages(
    resolutions: Sequence[Resolution],
    agenda_titles: Mapping[tuple[str, str], str] | None = None,
    url_for: UrlFor = default_resolution_url,
    document_url: UrlFor = official_document_url,
) -> list[GeneratedPage]:
    """Every index page of the collection.

    ``agenda_titles`` maps (session id, agenda item number) to a title, from the agenda files
    (``agendas.read_agenda_titles``); ``url_for`` maps a document symbol to its URL (a resolution's page, or the
    official resolver for other documents); ``document_url`` links documents that are never pages of the site
    (meeting records such as ``A/51/PV.84``): the official resolver by default.

    Pages: ``resolutions/`` (overview, in the nav), ``resolutions/<session>/`` (every resolution of a session),
    ``sessions/<session>/`` (agenda items, meetings, counts), ``sessions/<session>/agenda/`` and one page per
    agenda item, ``timeline/`` (overview, in the nav) and ``timeline/<year>/``.
    """
    resolutions = with_pages(resolutions)
    titles = _normalised_titles(agenda_titles)
    document_url = _memoized(document_url)
    rows = _rows(resolutions, url_for)
    groups = group_sessions(resolutions)
    pages: list[GeneratedPage] = []
    overview_bodies: dict[str, list[dict]] = {}
    for group in groups:
        summary, session_pages = _session_pages(group, titles, rows, document_url)
        overview_bodies.setdefault(group.body, []).append(summary)
        pages.extend(session_pages)
    pages.append(
        GeneratedPage(
            src_uri=_src_uri(sessions_url()),
            title="Resolutions",
            template="resolutions_index.html",
            context={
                "view": "overview",
                "bodies": [{"body": body, "anchor": body_anchor(body), "sessions": sessions}
                           for body, sessions in overview_bodies.items()],
                "total": sum(s["counts"]["total"] for ss in overview_bodies.values() for s in ss),
                "timeline_url": "timeline/",
                "notice": UNOFFICIAL_NOTICE,
            },
            in_nav=True,
        )
    )
    pages.extend(timeline_pages(resolutions, url_for, document_url, rows=rows))
    return pages


def _counts(group: _Session) -> dict:
    kinds = [r.kind for r in group.resolutions]
    return {
        "total": len(group.resolutions),
        "resolutions": kinds.count("resolution"),
        "decisions": kinds.count("decision"),
        "recorded_votes": sum(1 for r in group.resolutions if _is_recorded_vote(r)),
        "unanimous": sum(1 for r in group.resolutions if r.vote is not None and r.vote.outcome == "unanimous"),
        "without_vote": sum(1 for r in group.resolutions if _is_without_vote(r)),
        "vote_not_printed": sum(1 for r in group.resolutions if r.vote is None),
    }


def _session_pages(
    group: _Session, titles: Mapping[tuple[str, str], str], rows: Rows, document_url: UrlFor
) -> tuple[dict, list[GeneratedPage]]:
    """The overview summary of one session and its pages: list, session page, agenda index, agenda items."""
    listed = [rows[id(r)] for r in group.resolutions]
    items = _agenda_items(group, titles, rows)
    meetings = _meetings_of(group, rows, document_url)
    counts = _counts(group)
    base = f"sessions/{group.sid}/"
    links = {
        "session_url": base,
        "list_url": f"resolutions/{group.sid}/",
        "agenda_url": f"{base}agenda/",
        "overview_url": sessions_url(),
        "timeline_url": "timeline/",
    }
    dates = sorted(r.adopted for r in group.resolutions if r.adopted)
    summary = {
        "id": group.sid,
        "label": group.label,
        "name": session_name(group.body, group.session),
        "session": group.session,
        "counts": counts,
        "first_date": date_label(dates[0]) if dates else "",
        "last_date": date_label(dates[-1]) if dates else "",
        "meetings": len(meetings),
        **links,
    }
    common = {"session": summary, "notice": UNOFFICIAL_NOTICE, **links}
    item_summaries = [{k: v for k, v in item.items() if k != "resolutions"} for item in items]
    pages = [
        GeneratedPage(
            src_uri=_src_uri(links["list_url"]),
            title=f"Resolutions: {group.label}",
            template="resolutions_index.html",
            context={"view": "session_list", "resolutions": listed, **common},
        ),
        GeneratedPage(
            src_uri=_src_uri(base),
            title=group.label,
            template="session.html",
            context={"agenda_items": item_summaries, "meetings": meetings, "counts": counts, **common},
        ),
        GeneratedPage(
            src_uri=_src_uri(links["agenda_url"]),
            title=f"Agenda items: {group.label}",
            template="agenda.html",
            context={"agenda_items": items, **common},
        ),
    ]
    for item in items:
        pages.append(
            GeneratedPage(
                src_uri=_src_uri(item["url"]),
                title=f"Agenda item {item['number']}: {item['title']}",
                template="agenda_item.html",
                context={"item": item, **common},
            )
        )
    return summary, pages


def timeline_pages(
    resolutions: Iterable[Resolution],
    url_for: UrlFor = default_resolution_url,
    document_url: UrlFor = official_document_url,
    rows: Rows | None = None,
) -> list[GeneratedPage]:
    """The timeline: one page per calendar year (meetings grouped by month, in date order) and an overview.

    A meeting is identified by body, session, number, resumption and date, so resolutions and decisions adopted
    at one meeting appear together; a resolution whose parts were adopted at different meetings appears at each.
    Adoptions without a known ISO date cannot be placed and are left out (their session page still lists them).
    """
    if rows is None:
        resolutions = with_pages(resolutions)
        rows = _rows(resolutions, url_for)
    meetings: dict[tuple, dict] = {}
    for res in resolutions:
        if res.symbol is None:
            continue
        for meeting, date, part in adoption_meetings(res):
            if not date or not _ISO_DATE.match(date):
                continue
            key = (body_of(res), session_id(res), *_meeting_identity(meeting, date))
            entry = meetings.get(key)
            if entry is None:
                entry = meetings[key] = _meeting_entry(res, meeting, date, document_url)
                entry["session_url"] = session_url(res)
                entry["session_label"] = session_label(body_of(res), res.session)
            entry["resolutions"].append(_at_adoption(rows[id(res)], part))

    years: dict[str, dict[str, list[dict]]] = {}
    for entry in meetings.values():
        entry["resolutions"].sort(key=lambda r: (r["kind"] != "resolution", natural_key(r["number"] or "")))
        years.setdefault(entry["date"][:4], {}).setdefault(entry["date"][5:7], []).append(entry)

    pages: list[GeneratedPage] = []
    overview: list[dict] = []
    for year in sorted(years):
        months = []
        for month in sorted(years[year]):
            entries = sorted(
                years[year][month],
                key=lambda m: (m["date"], _BODY_ORDER.get(m["body"], 9), m["number"] if m["number"] is not None else 10**9),
            )
            months.append(
                {
                    "id": f"{year}-{month}",
                    "label": f"{_month_name(month)} {year}",
                    "meetings": entries,
                    "resolution_count": sum(len(m["resolutions"]) for m in entries),
                }
            )
        url = f"timeline/{year}/"
        bodies = sorted({m["body"] for mo in months for m in mo["meetings"]}, key=lambda b: (_BODY_ORDER.get(b, 9), b))
        summary = {
            "year": year,
            "url": url,
            "meetings": sum(len(m["meetings"]) for m in months),
            "resolutions": sum(m["resolution_count"] for m in months),
            "bodies": bodies,
            "months": [
                {"id": m["id"], "label": m["label"], "meetings": len(m["meetings"]), "resolutions": m["resolution_count"]}
                for m in months
            ],
        }
        overview.append(summary)
        pages.append(
            GeneratedPage(
                src_uri=_src_uri(url),
                title=f"Timeline {year}",
                template="timeline.html",
                context={"view": "year", "year": summary, "months": months, "notice": UNOFFICIAL_NOTICE,
                         "overview_url": "timeline/"},
            )
        )
    for i, summary in enumerate(overview):
        summary["previous_url"] = overview[i - 1]["url"] if i > 0 else None
        summary["next_url"] = overview[i + 1]["url"] if i + 1 < len(overview) else None
    decades: dict[str, list[dict]] = {}
    for summary in overview:
        decades.setdefault(summary["year"][:3] + "0s", []).append(summary)
    pages.append(
        GeneratedPage(
            src_uri=_src_uri("timeline/"),
            title="Timeline of meetings",
            template="timeline.html",
            context={
                "view": "overview",
                "decades": [{"label": d, "years": ys} for d, ys in decades.items()],
                "notice": UNOFFICIAL_NOTICE,
                "overview_url": "timeline/",
            },
            in_nav=True,
        )
    )
    return pages


def _memoized(function: UrlFor) -> UrlFor:
    """``function`` with its results remembered: meeting records repeat for every resolution of a meeting."""
    cache: dict[str, str] = {}

    def lookup(symbol: str) -> str:
        if symbol not in cache:
            cache[symbol] = function(symbol)
        return cache[symbol]

    return lookup


def _month_name(month: str) -> str:
    return _MONTHS[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else month
