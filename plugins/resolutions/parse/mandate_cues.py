"""What a mandate clause asks for: its action, how often it recurs and the document it names.

Pure, and driven by the cue tables of ``mandate_rules`` (``ACTIONS``, ``RECURRENCE``, ``DOCUMENTS``, ``RECIPIENTS``
and the words that make a report cited rather than asked for; docs/mandates.md). Cues are matched on the clause's
words.
"""

from __future__ import annotations

import re
from typing import Iterable

from resolutions.parse import mandate_rules as rules
from resolutions.parse.mandate_patterns import WORDS_GAP, alternation, any_of, first_of, normal, starting

WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
"""A word of a lower-cased text, as cue phrases are matched."""
_GAP_WORDS = 30  # "…" in a phrase: at most thirty words (quoted agenda item titles are removed before)


class _Phrases:
    """The phrases of a rules table, found by words: one pass over a text however long the table. A phrase is
    looked for only where the longest word of its first part (before any "…") stands: the short words most
    phrases start with ("to", "and", "of", "in") stand several times in every clause, the longest ones seldom, and
    one set operation tells which of them a clause holds."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        # By that word, then by its place in the first part and the first part's length (a few shapes a word),
        # then by the first part's words: where the word stands, one look-up per shape finds the phrases there.
        self._by_anchor: dict[str, dict[tuple[int, int], dict[tuple[str, ...], list[tuple[list[tuple[str, ...]], str]]]]] = {}
        self._phrases = []
        for phrase, value in entries:
            parts = [tuple(WORD.findall(part.lower())) for part in phrase.split("…")]
            self._phrases.append(parts)
            first = parts[0]
            place = max(range(len(first)), key=lambda index: len(first[index]))
            shapes = self._by_anchor.setdefault(first[place], {})
            shapes.setdefault((place, len(first)), {}).setdefault(first, []).append((parts, value))
        self._anchors = frozenset(self._by_anchor)
        # Where a phrase may stand, its words each after a character no word holds: most clauses hold no phrase,
        # which these patterns tell before their words are listed (the costliest step). Two patterns, one for a
        # phrase after a space and one after any other such character: a pattern that starts with a space is
        # only tried where a space stands, one that starts with a class at every character of the clause.
        starts = first_of([[word for part in phrase for word in (*part, "…")][:-1] for phrase in self._phrases],
                          "[^a-z0-9]+")
        self._after_space = re.compile(" " + starts)
        self._after_other = re.compile("[^a-z0-9 ]" + starts)

    def values(self, text: str) -> set[str]:
        """The values of every phrase found in the words of ``text`` (lower case)."""
        if self._after_space.search(" " + text) is None and self._after_other.search(text) is None:
            return set()
        words = WORD.findall(text)
        found: set[str] = set()
        for anchor in self._anchors.intersection(words):
            shapes = self._by_anchor[anchor].items()
            at = words.index(anchor)
            while True:
                for (place, size), by_first in shapes:
                    start = at - place
                    if start >= 0 and (phrases := by_first.get(tuple(words[start:start + size]))):
                        for parts, value in phrases:
                            if value not in found and (len(parts) == 1 or _found_at(words, start, parts)):
                                found.add(value)
                try:
                    at = words.index(anchor, at + 1)
                except ValueError:
                    break
        return found


def _found_at(words: list[str], index: int, parts: list[tuple[str, ...]]) -> bool:
    first = parts[0]
    if tuple(words[index:index + len(first)]) != first:
        return False
    position = index + len(first)
    for part in parts[1:]:
        # The part after a "…" starts within _GAP_WORDS words: its first word is looked for by list.index (one
        # C scan), the rest of it compared only where that word is.
        size = len(part)
        start, end = position, min(position + _GAP_WORDS + 1, len(words) - size + 1)
        while True:
            try:
                at = words.index(part[0], start, end) if start < end else -1
            except ValueError:
                at = -1
            if at < 0:
                return False
            if size == 1 or tuple(words[at:at + size]) == part:
                position = at + size
                break
            start = at + 1
    return True


# Actions and recurrences are found in one pass over a clause's words (values "action:…", "recurrence:…").
_ACTION_ORDER = [f"action:{action}" for action, _cues in rules.ACTIONS]
_RECURRENCE_ORDER = [f"recurrence:{name}" for name, _cues in rules.RECURRENCE]
_CUES = _Phrases([(cue, f"action:{action}") for action, cues in rules.ACTIONS for cue in cues]
                 + [(cue, f"recurrence:{name}") for name, cues in rules.RECURRENCE for cue in cues])

_QUOTED = re.compile(r"“[^”]*”")
_POSSESSIVES = ("his", "her", "its", "their", "the", "that", "those")
_CITED_REPORT = re.compile(rf"{starting(_POSSESSIVES)}\b((?:{'|'.join(_POSSESSIVES)})\s+(?:[\w-]+\s+)?)reports?"
                           rf"(?=\s+(?:{alternation(rules.CITED_REPORT_WORDS)})\b)")
_CITED_IN_REPORT = re.compile(rf"{any_of(rules.CITED_IN_REPORT_WORDS)}\s+in\s+(?:his|her|its|their)\s+"
                              rf"(?:[\w-]+\s+)?reports?\b")
_NOT_ESTABLISHED = re.compile(rf"\bestablish((?:\s+and\s+\w+)?\s+(?:{alternation(rules.NOT_ESTABLISHED)})\b)")
_ASKED_OF_OTHERS = re.compile(rf"\b(?:{alternation(rules.ASKED_OF_OTHERS)})\b.*?(?=\band to\b|;|$)", re.DOTALL)
# Substring tests before the patterns above (few clauses hold any): one pattern of literal words each.
_ANY_ASKED_OF_OTHERS = re.compile("|".join(map(re.escape, rules.ASKED_OF_OTHERS)))
_ANY_CITED_REPORT_WORD = re.compile("|".join(map(re.escape, rules.CITED_REPORT_WORDS)))
# Searched in the lower-cased clause: twice as fast as ignoring case (the document is named in lower case).
_RECIPIENT = re.compile(rf"{any_of(rules.RECIPIENTS)}\b")
_DOCUMENT = re.compile(rf"{starting(rules.DOCUMENTS)}\b({alternation(rules.DOCUMENTS)})\b(?:\s+{WORDS_GAP}({alternation(rules.RECIPIENTS)})\b)?")


def what_is_asked(verb: str, lowered: str) -> tuple[str, str | None, str | None]:
    """(action, recurrence, document) of a clause of verb key ``verb`` (``lowered``: its text in lower case)."""
    found = _CUES.values(_cue_text(verb, lowered))
    if not found:  # most clauses
        return "other", None, None
    action = next((name for name in _ACTION_ORDER if name in found), "action:other").partition(":")[2]
    recurrence = next((name.partition(":")[2] for name in _RECURRENCE_ORDER if name in found), None)
    document = None
    if action == "report":
        match = _DOCUMENT.search(lowered)
        if match is not None:  # whom it goes to: printed after the noun, or before it ("submit to the Council … a report")
            recipient = match.group(2) or (to.group(0) if (to := _RECIPIENT.search(lowered)) else None)
            document = normal(match.group(1)) + (f" {normal(recipient)}" if recipient else "")
    return action, recurrence, document


def _cue_text(verb: str, lowered: str) -> str:
    """The clause's words that may give it a cue."""
    # A quoted title ("the item entitled “…”") is not what is asked, and would keep "submit … report" apart.
    cue_text = _QUOTED.sub("“”", lowered) if "“" in lowered else lowered
    # What the actor is to ask others to do is not its own action; "in his report submitted to …" names a report.
    if verb != "decide" and _ANY_ASKED_OF_OTHERS.search(cue_text):
        cue_text = _ASKED_OF_OTHERS.sub(" ", cue_text)
    if "report" in cue_text:
        if _ANY_CITED_REPORT_WORD.search(cue_text):
            cue_text = _CITED_REPORT.sub(r"\1cited", cue_text)
        if " in his report" in cue_text or " in her report" in cue_text or " in its report" in cue_text:
            cue_text = _CITED_IN_REPORT.sub(" cited ", cue_text)
    if "establish" in cue_text:
        cue_text = _NOT_ESTABLISHED.sub(r"found\1", cue_text)
    return cue_text

