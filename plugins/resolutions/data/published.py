"""What every published data file shares: compact JSON, absolute URLs and the generator/notice header.

``resolutions.json``, ``series.json`` and ``mandates.json`` open with the same three keys (which tool wrote
them, the unofficial-copy notice naming the United Nations as the source, how many records follow), write
JSON the same compact way and give page URLs absolute when the site's URL is known.
"""

from __future__ import annotations

import json

from resolutions import __version__
from resolutions.site.views import UNOFFICIAL_NOTICE

# Compact separators and no indent: json then uses its C encoder, several times faster than with indent.
# One encoder for every call (json.dumps makes one per call with these options); the values are fresh trees,
# never circular, so the circular-reference bookkeeping is skipped.
compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
"""``value`` as compact JSON text, characters outside ASCII kept as they are."""


def absolute_url(site_url: str | None, url: str) -> str:
    """A site-relative ``url`` under ``site_url`` (``https://example.org/A/RES/51/148/``); as it is without one."""
    return (site_url.rstrip("/") + "/" + url) if site_url else url


def header(count: int) -> dict:
    """The keys a data file opens with: ``generator``, ``notice`` and the ``count`` of records that follow."""
    return {"generator": f"mkdocs-resolutions {__version__}", "notice": UNOFFICIAL_NOTICE, "count": count}
