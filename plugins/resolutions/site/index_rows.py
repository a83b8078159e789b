"""What the index pages list: a row per resolution and an entry per adoption meeting.

Shared by the session pages and agenda items (``indexes``), the timeline (``timeline``) and the home page
(``front_door``), so a resolution and a meeting read the same wherever they are listed. Pure core: plain dicts.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from resolutions.model import Meeting, Resolution
from resolutions.site.labels import ISO_DATE as _ISO_DATE, format_date as date_label
from resolutions.site.views import UrlFor, body_of, meeting_anchor, meeting_label, meeting_record, vote_summary
from resolutions.symbols import ECOSOC, GENERAL_ASSEMBLY, SECURITY_COUNCIL

BODY_ORDER = {GENERAL_ASSEMBLY: 0, SECURITY_COUNCIL: 1, ECOSOC: 2}
"""The indexes list these bodies first, in this order; any other follows by name."""


Rows = Mapping[int, dict]
"""What every index shows about each resolution, keyed by ``id(resolution)``: built once per build and shared
by every page that lists the resolution (URL lookups and allocations dominate the cost of the indexes)."""


def resolution_rows(resolutions: Iterable[Resolution], url_for: UrlFor) -> dict[int, dict]:
    return {id(res): index_row(res, url_for) for res in resolutions if res.symbol is not None}


def at_adoption(row: dict, part: str | None) -> dict:
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


def meeting_entry(res: Resolution, meeting: Meeting | None, date: str | None, document_url: UrlFor) -> dict:
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
        "anchor": meeting_anchor(res, meeting, date) if dated else None,
        "timeline_url": f"timeline/{date[:4]}/#{meeting_anchor(res, meeting, date)}" if dated else None,
        "resolutions": [],
    }
