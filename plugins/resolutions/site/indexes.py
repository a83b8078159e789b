"""The index pages of a collection: the resolutions overview, session, agenda-item pages, and the timeline's.

Pure core: from parsed ``Resolution`` objects this module builds plain data (dicts, lists, strings) for the
index templates and describes each page as a ``GeneratedPage``; the rows and meeting entries they list come
from ``index_rows``, the timeline's pages from ``timeline``, the URLs and words shared with resolution pages
from ``views``. ``index_pages`` makes them all.

Every step is one pass over the collection that groups with dictionaries, then sorts each group: the work
grows as n log n with the number of resolutions, never quadratically. URLs in the contexts are site-relative
(``sessions/51/``) or absolute (``https://…``); templates prefix the site-relative ones with ``base_url``.
The URL scheme and the page split are documented in ``docs/indexes.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from resolutions.model import AgendaItem, Meeting, Resolution
from resolutions.site.index_rows import BODY_ORDER, Rows, at_adoption, meeting_entry, resolution_rows
from resolutions.site.labels import agenda_title, format_date as date_label, session_label, session_name
from resolutions.site.site_plan import GeneratedPage
from resolutions.site.timeline import timeline_pages
from resolutions.site.views import (
    SESSION_PAGES,
    TITLE_NOT_KNOWN,
    UNOFFICIAL_NOTICE,
    UrlFor,
    adoption_meetings,
    agenda_index_url,
    agenda_item_id,
    body_anchor,
    body_of,
    default_resolution_url,
    meeting_identity,
    natural_key,
    official_document_url,
    page_source,
    session_agenda_item_url,
    session_id,
    session_list_url,
    session_page_url,
    sessions_url,
    with_pages,
)


def _symbol_key(res: Resolution) -> tuple:
    return natural_key(res.number or res.symbol or "")


def _is_recorded_vote(res: Resolution) -> bool:
    return res.vote is not None and res.vote.outcome in ("recorded vote", "vote")


def _is_without_vote(res: Resolution) -> bool:
    return res.vote is not None and res.vote.outcome == "without vote"


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
        key=lambda g: (BODY_ORDER.get(g.body, 9), g.body, _desc_natural(g.session), _desc(g.latest)),
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
                    "url": session_agenda_item_url(group.sid, item.number),
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
            key = meeting_identity(meeting, date)
            entry = meetings.get(key)
            if entry is None:
                entry = meetings[key] = meeting_entry(res, meeting, date, document_url)
            entry["resolutions"].append(at_adoption(rows[id(res)], part))
    return sorted(
        meetings.values(),
        key=lambda m: (m["date"] or "9999", m["number"] if m["number"] is not None else 10**9, m["resumed"]),
    )


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


FOLDER_HOMES = {SESSION_PAGES: sessions_url()}
"""Where the folder above the session pages (``sessions/``), which has no page, sends a reader: the overview of
sessions (``site/folder_redirects.py``)."""


def listing_places(res: Resolution) -> tuple[str, ...]:
    """Where the index pages list ``res``, most general first: the overview, its body's part of it, its session's
    list; ``()`` when it is on no session's list (body or session unknown)."""
    sid = session_id(res)
    if sid is None or res.symbol is None:
        return ()
    return _places(sid, body_of(res) or "")


@lru_cache(maxsize=None)
def _places(sid: str, body: str) -> tuple[str, ...]:
    # One tuple per session, shared by its resolutions: compared by identity first where folders meet.
    return (sessions_url(), f"{sessions_url()}#{body_anchor(body)}", session_list_url(sid))


OVERVIEW_SOURCE = page_source(sessions_url())
"""The virtual source of the "Resolutions" overview: its context's ``bodies`` list every session grouped."""


def overview_bodies(pages: Iterable[GeneratedPage]) -> list[dict]:
    """The ``bodies`` of the overview among ``index_pages``' pages: each body with its session summaries
    (``name``, ``list_url``, ``counts``), in the overview's order; ``[]`` when there is no overview."""
    for page in pages:
        if page.src_uri == OVERVIEW_SOURCE:
            return page.context["bodies"]
    return []


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
    rows = resolution_rows(resolutions, url_for)
    groups = group_sessions(resolutions)
    pages: list[GeneratedPage] = []
    overview_bodies: dict[str, list[dict]] = {}
    for group in groups:
        summary, session_pages = _session_pages(group, titles, rows, document_url)
        overview_bodies.setdefault(group.body, []).append(summary)
        pages.extend(session_pages)
    pages.append(
        GeneratedPage(
            src_uri=OVERVIEW_SOURCE,
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
    links = {
        "session_url": session_page_url(group.sid),
        "list_url": session_list_url(group.sid),
        "agenda_url": agenda_index_url(group.sid),
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
            src_uri=page_source(links["list_url"]),
            title=f"Resolutions: {group.label}",
            template="resolutions_index.html",
            context={"view": "session_list", "resolutions": listed, **common},
        ),
        GeneratedPage(
            src_uri=page_source(links["session_url"]),
            title=group.label,
            template="session.html",
            context={"agenda_items": item_summaries, "meetings": meetings, "counts": counts, **common},
        ),
        GeneratedPage(
            src_uri=page_source(links["agenda_url"]),
            title=f"Agenda items: {group.label}",
            template="agenda.html",
            context={"agenda_items": items, **common},
        ),
    ]
    for item in items:
        pages.append(
            GeneratedPage(
                src_uri=page_source(item["url"]),
                title=f"Agenda item {item['number']}: {item['title']}",
                template="agenda_item.html",
                context={"item": item, **common},
            )
        )
    return summary, pages


def _memoized(function: UrlFor) -> UrlFor:
    """``function`` with its results remembered: meeting records repeat for every resolution of a meeting."""
    cache: dict[str, str] = {}

    def lookup(symbol: str) -> str:
        if symbol not in cache:
            cache[symbol] = function(symbol)
        return cache[symbol]

    return lookup
