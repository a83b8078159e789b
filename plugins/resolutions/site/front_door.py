"""The home page's view of the collection: its bodies with counts, their sessions, the latest adoptions, the
way into search and the timeline.

Pure core: plain dicts for the package's ``theme/home.html``, which shows them below the site owner's own text
(``index.md``). One pass over the collection groups it (``indexes.group_sessions``) and one sort picks the
latest adoptions: n log n, like the indexes. URLs are site-relative, as in ``views``.
"""

from __future__ import annotations

from typing import Sequence

from resolutions.model import Resolution
from resolutions.site import indexes, views
from resolutions.site.labels import ISO_DATE, format_date, session_name

LATEST_COUNT = 10
"""How many of the latest adopted documents the home page lists."""
SESSIONS_SHOWN = 12
"""How many sessions of a body the home page lists, newest first; the overview lists them all."""


def front_door(resolutions: Sequence[Resolution], url_for: views.UrlFor = views.default_resolution_url,
               search_url: str | None = None) -> dict:
    """The home page's context: ``bodies`` (name, counts, sessions newest first), ``latest`` (index rows),
    ``timeline`` (first and last year) and ``search_url`` (None without a search page)."""
    listed = views.with_pages(resolutions)
    bodies: dict[str, dict] = {}
    for group in indexes.group_sessions(listed):
        body = bodies.setdefault(group.body, {
            "body": group.body, "anchor": views.body_anchor(group.body),
            "resolutions": 0, "decisions": 0, "session_count": 0, "sessions": [],
        })
        kinds = [res.kind for res in group.resolutions]
        body["resolutions"] += kinds.count("resolution")
        body["decisions"] += kinds.count("decision")
        body["session_count"] += 1
        body["sessions"].append({
            "label": session_name(group.body, group.session),
            "url": f"resolutions/{group.sid}/",
            "count": len(group.resolutions),
        })
    dated = [res for res in listed if res.adopted and ISO_DATE.match(res.adopted)]
    latest = sorted(dated, key=lambda res: (res.adopted, views.natural_key(res.number or "")), reverse=True)
    years = sorted({res.adopted[:4] for res in dated})
    for body in bodies.values():
        body["more_sessions"] = max(0, len(body["sessions"]) - SESSIONS_SHOWN)
        body["sessions"] = body["sessions"][:SESSIONS_SHOWN]
    return {
        "total": len(listed),
        "bodies": list(bodies.values()),
        "latest": [indexes.index_row(res, url_for) for res in latest[:LATEST_COUNT]],
        "latest_date": format_date(latest[0].adopted) if latest else "",
        "timeline": {"url": "timeline/", "first_year": years[0], "last_year": years[-1]} if years else None,
        "overview_url": views.sessions_url(),
        "search_url": search_url,
    }
