"""The timeline: one page per calendar year of adoption meetings, grouped by month, and an overview by decade.

A meeting is one body's (session, number, resumption, date); the resolutions and decisions adopted there are
listed with it, and a resolution adopted in parts at several meetings appears at each. Pure core: plain data
for ``theme/timeline.html`` as ``GeneratedPage``s; one pass groups, one sort per year orders.
"""

from __future__ import annotations

from typing import Iterable

from resolutions.model import Resolution
from resolutions.parse.grammar import MONTH_NAMES
from resolutions.site.index_rows import BODY_ORDER, Rows, at_adoption, meeting_entry, resolution_rows
from resolutions.site.labels import ISO_DATE as _ISO_DATE, session_label
from resolutions.site.site_plan import GeneratedPage
from resolutions.site.views import (
    UNOFFICIAL_NOTICE,
    UrlFor,
    adoption_meetings,
    body_of,
    default_resolution_url,
    meeting_identity,
    natural_key,
    official_document_url,
    page_source,
    session_id,
    session_url,
    with_pages,
)


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
        rows = resolution_rows(resolutions, url_for)
    meetings: dict[tuple, dict] = {}
    for res in resolutions:
        if res.symbol is None:
            continue
        for meeting, date, part in adoption_meetings(res):
            if not date or not _ISO_DATE.match(date):
                continue
            key = (body_of(res), session_id(res), *meeting_identity(meeting, date))
            entry = meetings.get(key)
            if entry is None:
                entry = meetings[key] = meeting_entry(res, meeting, date, document_url)
                entry["session_url"] = session_url(res)
                entry["session_label"] = session_label(body_of(res), res.session)
            entry["resolutions"].append(at_adoption(rows[id(res)], part))

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
                key=lambda m: (m["date"], BODY_ORDER.get(m["body"], 9), m["number"] if m["number"] is not None else 10**9),
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
        bodies = sorted({m["body"] for mo in months for m in mo["meetings"]}, key=lambda b: (BODY_ORDER.get(b, 9), b))
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
                src_uri=page_source(url),
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
            src_uri=page_source("timeline/"),
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


def _month_name(month: str) -> str:
    return MONTH_NAMES[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else month
