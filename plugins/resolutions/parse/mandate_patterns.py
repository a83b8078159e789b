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
    return "".join(_pieces(text))


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one alternation, longest first (so that a longer phrase wins over its start).

    Their shared beginnings are factored out (``request(?:s|ed)``): the engine tries an alternation's branches one
    by one, so a flat one of a table's dozens of phrases costs dozens of tries wherever it is tried. Factored only
    where that cannot change which phrase matches: where the phrases part, each branch goes on with a different
    character (in any case) or with the space between words, so at most one of them can match there, and a
    phrase that ends where others go on is tried after them, as longest first does."""
    ordered = sorted(phrases, key=len, reverse=True)
    tree: dict[str, dict] = {}
    for phrase in ordered:
        node = tree
        for piece in _pieces(phrase):
            node = node.setdefault(piece, {})
        node[""] = {}
    if not _exclusive(tree):
        return "|".join(phrase_pattern(p) for p in ordered)
    return _alternatives(tree)


def _pieces(phrase: str) -> list[str]:
    """The patterns of a phrase's characters, one by one (a space: one or more; "…": a few words between)."""
    pieces: list[str] = []
    for index, part in enumerate(phrase.split("…")):
        if index:
            pieces += [r"\s+", WORDS_GAP]
        pieces += [r"\s+" if char == " " else re.escape(char) for char in part.strip()]
    return pieces


def _exclusive(node: dict[str, dict]) -> bool:
    """Whether, at every node where phrases part, at most one branch can go on at any place of a text."""
    going_on = [piece for piece in node if piece]
    if len(going_on) > 1 and (WORDS_GAP in going_on
                              or len({piece.lower() for piece in going_on}) < len(going_on)):
        return False
    return all(_exclusive(child) for child in node.values())


def _alternatives(node: dict[str, dict]) -> str:
    branches = [piece + _alternatives(child) for piece, child in node.items() if piece]
    if "" in node:
        branches.append("")  # the phrase that ends here, after those that go on
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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


def starting(phrases: Iterable[str]) -> str:
    """A lookahead for the first characters of ``phrases``, put before a searched pattern that starts with ``\\b``
    and their alternation: the engine tries such a pattern at every character, the boundary and each alternative in
    turn; this lookahead turns most characters away at once (a search two to three times as fast). Empty when a
    phrase does not start with a letter or digit (the lookahead would not be an exact test)."""
    firsts = {phrase[:1] for phrase in phrases}
    if not all(first.isalnum() for first in firsts):
        return ""
    return "(?=[" + "".join(sorted(firsts)) + "])"


def any_of(phrases: Sequence[str]) -> str:
    """A searched pattern for any of ``phrases`` from the start of a word: ``starting``'s lookahead, the boundary and
    their ``alternation`` (a group that captures nothing)."""
    return rf"{starting(phrases)}\b(?:{alternation(phrases)})"


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
