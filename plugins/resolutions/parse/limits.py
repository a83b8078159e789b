"""The size limits on what contributors write: one home for every bound, documented in docs/diagnostics.md.

Pure core. Real resolutions stay far below each limit (the largest of the development corpus is 224 KB, its
longest symbol 30 characters); the limits exist so that a careless or hostile file costs bounded time and
memory and never becomes an over-long file name.
"""

from __future__ import annotations

SOURCE_BYTES = 1_000_000
"""Largest source file (a resolution or an agenda file) read, in bytes: four times the largest real one."""

VALUE_CHARS = {"symbol": 60, "session": 20, "number": 40, "body": 120, "record": 60, "kind": 20, "draft": 1_000}
"""Longest front-matter value of the keys that name things (a symbol, a session or a body becomes a URL and
a folder), in characters after spaces are tidied."""

TEXT_CHARS = 10_000
"""Longest front-matter value of any other string: a title, a sponsor list, a subject, an agenda title, a
Member State's name."""

VOTE_COUNT = 999
"""Largest vote count (the General Assembly has 193 members)."""

MEETING_NUMBER = 99_999
"""Largest meeting number (the Security Council's meetings number about 10,000)."""


def value_limit(key: str) -> int:
    """The limit of a front-matter key (``"vote.in_favour_members"`` has the limit of ``"vote"``)."""
    return VALUE_CHARS.get(key.split(".", 1)[0], TEXT_CHARS)


def too_large(size: int) -> str | None:
    """What is wrong with a source of ``size`` bytes, or None when it may be read."""
    if size <= SOURCE_BYTES:
        return None
    return f"the file is {size:,} bytes, expected at most {SOURCE_BYTES:,} bytes (a resolution is far smaller); not read"
