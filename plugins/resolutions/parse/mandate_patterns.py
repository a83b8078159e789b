"""Table phrases as regular expressions: the one way the mandate reader turns ``mandate_rules`` into patterns.

Pure. ``…`` in a phrase stands for a few words; ``ORDINAL``, ``YEAR``, ``NUMBER``, ``DATE``, ``MONTH``, ``WEEKDAY``
and ``DAY`` stand for the values a due phrase carries.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

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


def normal(text: str) -> str:
    """A printed phrase as the tables write it: lower case, one space between words."""
    return " ".join(text.lower().split())


def first_of(phrases: Iterable[Sequence[str]], gap: str = "") -> str:
    """A regular expression that matches where any of ``phrases`` (each a sequence of words, joined by the pattern
    ``gap``; a word ``…`` stands for any text) starts, their shared beginnings factored out: one branch per letter,
    not one per phrase, because the regular-expression engine tries an alternation's branches one by one at every
    position it reaches (a flat alternation of a table's hundreds of phrases is many times slower). A phrase that
    a shorter one begins with adds nothing: wherever it matches, the shorter one does."""
    tree: dict[str, dict] = {}
    for words in phrases:
        pieces: list[str] = []
        for index, word in enumerate(words):
            if word == "…":
                pieces.append("(?s:.*?)")
                continue
            if index and gap and words[index - 1] != "…":
                pieces.append(gap)
            pieces.extend(re.escape(char) for char in word)
        node = tree
        for piece in pieces:
            if "" in node:
                break
            node = node.setdefault(piece, {})
        else:
            node.clear()
            node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    if "" in node:
        return ""
    branches = [piece + _branches(child) for piece, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
