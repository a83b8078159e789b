"""How dates and meeting numbers are written out for readers: one place for the words pages and indexes share."""

from __future__ import annotations

import re

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def format_date(iso: str | None) -> str:
    """``1996-12-13`` -> ``13 December 1996``; other text is returned unchanged (``""`` for None)."""
    if not iso:
        return ""
    match = ISO_DATE.match(iso)
    if not match or not 1 <= int(match[2]) <= 12:
        return iso
    return f"{int(match[3])} {MONTHS[int(match[2]) - 1]} {match[1]}"


def ordinal(number: int) -> str:
    """84 -> ``84th``, 4213 -> ``4213th``, 1 -> ``1st``, 111 -> ``111th``."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
