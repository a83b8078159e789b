"""The series of recurring resolutions as data: ``series.json`` for the whole collection, and the ``series``,
``previous`` and ``next`` members of each resolution's ``index.json`` and ``resolutions.json`` entry.

Pure core, deterministic (series ordered by slug, editions oldest first); the format is documented in
``docs/series.md`` and ``docs/json.md``. Content is deferred like every data file (``site_plan``).
"""

from __future__ import annotations

from functools import partial

from resolutions.data.published import absolute_url, compact, header
from resolutions.site.collection import Collection
from resolutions.site.series import series_url
from resolutions.site.site_plan import GeneratedFile

SERIES_JSON = "series.json"


def series_members(collection: Collection, symbol: str | None) -> str:
    """``"series":…,"previous":…,"next":…`` (JSON object members) for the resolution with ``symbol``: the slug of
    its series and the symbols of its previous and next editions, each null when there is none."""
    index = collection.series
    found = index.series_of(symbol)
    return '"series":%s,"previous":%s,"next":%s' % (
        compact(found.slug if found else None), compact(index.previous(symbol)), compact(index.next(symbol)))


def with_series(model_json: str, members: str) -> str:
    """A resolution's JSON object text with its series ``members`` (``series_members``) added at its end."""
    return model_json[:-1] + "," + members + "}"


def series_file(collection: Collection, site_url: str | None) -> GeneratedFile:
    """``series.json``: every series with its editions (symbol, number, title, adoption date, vote, page URLs)."""
    return GeneratedFile(SERIES_JSON, partial(series_json, collection, site_url))


def series_json(collection: Collection, site_url: str | None) -> str:
    absolute = partial(absolute_url, site_url)
    series = []
    for item in collection.series.series:
        editions = []
        for position, symbol in enumerate(item.editions):
            res = collection.by_symbol[symbol]
            vote = res.vote
            editions.append({
                "symbol": symbol, "number": res.number, "title": res.title, "session": res.session,
                "adopted": res.adopted, "url": absolute(collection.url_for(symbol)),
                "changes_url": absolute(collection.url_for(symbol) + "changes/") if position else None,
                "joined_by": item.joined_by[position - 1] if position else None,
                "vote": None if vote is None else {"outcome": vote.outcome, "in_favour": vote.in_favour,
                                                   "against": vote.against, "abstaining": vote.abstaining},
            })
        series.append({"slug": item.slug, "title": item.title, "body": item.body,
                       "url": absolute(series_url(item)), "editions": editions})
    return compact({**header(len(series)), "series": series}) + "\n"
