"""The home page's view of the collection: its bodies with counts, their sessions, the latest adoptions, the
way into search and the timeline.

Pure core: plain dicts for the package's ``theme/home.html``, which shows them below the site owner's own text
(``index.md``). The sessions are those the index pages grouped (the overview's ``bodies``), and one sort picks
the latest adoptions: n log n, like the indexes. URLs are site-relative, as in ``views``.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from resolutions.model import Resolution
from resolutions.site import indexes, views
from resolutions.site.index_rows import index_row
from resolutions.site.labels import ISO_DATE, format_date
from resolutions.site.site_plan import GeneratedPage

LATEST_COUNT = 10
"""How many of the latest adopted documents the home page lists."""
SESSIONS_SHOWN = 12
"""How many sessions of a body the home page lists, newest first; the overview lists them all."""


def front_door(resolutions: Sequence[Resolution], index_pages: Iterable[GeneratedPage],
               url_for: views.UrlFor = views.default_resolution_url, search_url: str | None = None) -> dict:
    """The home page's context: ``bodies`` (name, counts, sessions newest first), ``latest`` (index rows),
    ``timeline`` (first and last year) and ``search_url`` (None without a search page).

    ``index_pages`` are ``indexes.index_pages(resolutions, ...)``: their overview has the sessions grouped."""
    listed = views.with_pages(resolutions)
    bodies = []
    for overview in indexes.overview_bodies(index_pages):
        sessions = overview["sessions"]
        bodies.append({
            "body": overview["body"], "anchor": overview["anchor"],
            "resolutions": sum(session["counts"]["resolutions"] for session in sessions),
            "decisions": sum(session["counts"]["decisions"] for session in sessions),
            "session_count": len(sessions),
            "sessions": [{"label": session["name"], "url": session["list_url"], "count": session["counts"]["total"]}
                         for session in sessions[:SESSIONS_SHOWN]],
            "more_sessions": max(0, len(sessions) - SESSIONS_SHOWN),
        })
    dated = [res for res in listed if res.adopted and ISO_DATE.match(res.adopted)]
    latest = sorted(dated, key=lambda res: (res.adopted, views.natural_key(res.number or "")), reverse=True)
    years = sorted({res.adopted[:4] for res in dated})
    return {
        "total": len(listed),
        "bodies": bodies,
        "latest": [index_row(res, url_for) for res in latest[:LATEST_COUNT]],
        "latest_date": format_date(latest[0].adopted) if latest else "",
        "timeline": {"url": "timeline/", "first_year": years[0], "last_year": years[-1]} if years else None,
        "overview_url": views.sessions_url(),
        "search_url": search_url,
    }
