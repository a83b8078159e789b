"""Table phrases as regular expressions: the one way the mandate reader turns ``mandate_rules`` into patterns.

Pure. ``…`` in a phrase stands for a few words; ``ORDINAL``, ``YEAR``, ``NUMBER``, ``DATE``, ``MONTH``, ``WEEKDAY``
and ``DAY`` stand for the values a due phrase carries.
"""

from __future__ import annotations

import re
from typing import Iterable

from resolutions.parse.grammar import MONTHS

WORDS_GAP = r"(?:\S+\s+){0,12}?"  # at most twelve words between a document and whom it goes to


def phrase_pattern(text: str) -> str:
    """A table phrase as a regular expression on whole words (``…`` for a few words)."""
    parts = [re.escape(part.strip()) for part in text.split("…")]
    body = (r"\s+" + WORDS_GAP).join(parts)
    return body.replace(r"\ ", r"\s+")


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one alternation, longest first (so that a longer phrase wins over its start)."""
    return "|".join(phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True))


MONTH = "|".join(m.capitalize() for m in MONTHS)
_ORDINAL = r"[A-Za-z]+(?:-[A-Za-z]+)?(?<=st|nd|rd|th)"  # an ordinal word ends so: "eighty-first"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PLACEHOLDERS = {  # in this order: WEEKDAY before DAY, which it holds
    "ORDINAL": rf"({_ORDINAL})", "YEAR": r"((?:19|20)\d\d)", "NUMBER": r"(\d{1,3})(?:st|nd|rd|th)?",
    "DATE": rf"(\d{{1,2}}\s+(?:{MONTH}),?\s+\d{{4}})", "MONTH": rf"({MONTH})", "WEEKDAY": rf"((?:{_WEEKDAY}),?)",
    "DAY": r"(\d{1,2})",
}


def template(text: str, group: str | None = None) -> str:
    """A table phrase with placeholders as a regular expression; with ``group``, the placeholders' values are the
    named groups ``<group>_0``, ``<group>_1``… (else numbered groups)."""
    pattern = phrase_pattern(text)
    count = 0
    for name, replacement in _PLACEHOLDERS.items():
        while name in pattern:
            value = replacement if group is None else replacement.replace("(", f"(?P<{group}_{count}>", 1)
            pattern = pattern.replace(name, value, 1)
            count += 1
    return pattern
