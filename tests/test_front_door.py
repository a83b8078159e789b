"""The home page's view of the collection (site/front_door.py) on hand-built resolutions."""

from __future__ import annotations

from resolutions.site.front_door import LATEST_COUNT, SESSIONS_SHOWN, front_door
from resolutions.site.indexes import index_pages

from test_views import make


def test_bodies_with_counts_sessions_newest_first_and_the_latest_adoptions():
    docs = [make(f"A/RES/{s}/{n}", session=str(s), adopted=f"{1945 + s}-12-{n:02d}") for s in (50, 51) for n in (1, 2)]
    docs.append(make("A/DEC/51/401", number="51/401", kind="decision", adopted="1996-12-20"))
    docs += [make(f"S/RES/{n} ({1946 + n})", number=f"{n} ({1946 + n})", body="Security Council",
                  session=str(1946 + n), adopted=f"{1946 + n}-05-01", items=()) for n in range(1, 16)]
    door = front_door(docs, index_pages(docs), search_url="search/")
    assembly, council = door["bodies"]
    assert (assembly["body"], assembly["resolutions"], assembly["decisions"], assembly["session_count"]) == (
        "General Assembly", 4, 1, 2)
    assert [s["label"] for s in assembly["sessions"]] == ["51st session", "50th session"]
    assert assembly["sessions"][0] == {"label": "51st session", "url": "resolutions/51/", "count": 3}
    # A body with many sessions lists its newest ones; the overview has them all.
    assert council["session_count"] == 15 and len(council["sessions"]) == SESSIONS_SHOWN
    assert council["sessions"][0]["label"] == "1961" and council["more_sessions"] == 15 - SESSIONS_SHOWN
    assert [row["number"] for row in door["latest"]][:3] == ["51/401", "51/2", "51/1"]
    assert len(door["latest"]) == LATEST_COUNT
    assert door["timeline"] == {"url": "timeline/", "first_year": "1947", "last_year": "1996"}
    assert door["search_url"] == "search/" and door["total"] == len(docs)


def test_an_undated_document_is_counted_but_not_among_the_latest():
    docs = [make("A/RES/51/1", adopted=None)]
    door = front_door(docs, index_pages(docs))
    assert door["total"] == 1 and door["latest"] == [] and door["timeline"] is None
    assert door["search_url"] is None
