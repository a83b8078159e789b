"""Paragraph differences between two editions of a resolution: new, deleted, moved and changed paragraphs.

The preamble and the operative part are compared separately. Each numbered paragraph is one unit (its lettered
sub-paragraphs folded into its text), so a renumbering does not make every later paragraph "changed":

1. Paragraphs whose text is the same (numbers are not part of the text) are matched in order by
   ``difflib.SequenceMatcher`` over the paragraph texts: unchanged.
2. Left-over paragraphs with the same text elsewhere, then left-over pairs sharing most of their words (Dice
   coefficient of the word sets, best pairs first) are matched: changed.
3. A matched paragraph whose place among the matched ones changed (it is not on the longest run kept in
   order) is moved; what is matched nowhere is new or deleted.

Word-level differences of each changed or moved pair come from ``SequenceMatcher`` over word and punctuation
tokens. difflib is the standard library's, the alignment that ``redlines`` (the Python "track changes" library
used for legal text) uses as well; what the legal comparison tools add on top (paragraph alignment, moves) is
done here on the resolution's own paragraph structure. Pure core: plain data out, rendered elsewhere.
Work is bounded per pair of editions (``MAX_PAIRINGS``), never across the collection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Iterable, Iterator

from resolutions.model import Paragraph, Resolution

NEW = "new"
DELETED = "deleted"
MOVED = "moved"
CHANGED = "changed"
UNCHANGED = "unchanged"
STATUSES = (NEW, DELETED, CHANGED, MOVED)
"""The statuses counted at the top of a changes view, in that order."""

SIMILAR = 0.5
"""Dice coefficient of the word sets above which two left-over paragraphs are one paragraph changed."""
MAX_PAIRINGS = 40_000
"""Left-over pairs compared by similarity per part of a text; beyond, only pairs at close positions are."""

_TOKENS = re.compile(r"\s*(?:\w+|[^\w\s])", re.UNICODE)
_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph as compared: its anchor on the edition's page and its text with sub-paragraphs folded in."""

    anchor: str
    """Id of the paragraph on its page (``pp-3``, ``para-5``, ``part-b-para-2``)."""
    number: str | None
    """Printed number (None for preambular and unnumbered paragraphs)."""
    text: str
    """Text compared: the paragraph's, then each sub-paragraph's as ``(a) …``."""


@dataclass(frozen=True, slots=True)
class Change:
    """One paragraph of either edition and what happened to it."""

    status: str
    """``new``, ``deleted``, ``changed``, ``moved`` or ``unchanged``."""
    old: Unit | None
    """The paragraph in the previous edition (None when new)."""
    new: Unit | None
    """The paragraph in this edition (None when deleted)."""

    def words(self) -> tuple[tuple[str, str], ...]:
        """Word-level runs of a changed or moved paragraph (``word_changes``); empty when the text is the same.
        Computed when asked: only a changes page needs them."""
        if self.old is None or self.new is None or _normal(self.old.text) == _normal(self.new.text):
            return ()
        return word_changes(self.old.text, self.new.text)


@dataclass(frozen=True, slots=True)
class Differences:
    """What changed from one edition to the next."""

    old_symbol: str
    new_symbol: str
    preamble: tuple[Change, ...]
    """Changes of the preambular paragraphs, in the order of this edition (deleted ones where they stood)."""
    operative: tuple[Change, ...]
    """Changes of the operative paragraphs, likewise."""

    def counts(self, part: str) -> dict[str, int]:
        """How many paragraphs of ``part`` (``"preamble"`` or ``"operative"``) have each status."""
        counts = dict.fromkeys((*STATUSES, UNCHANGED), 0)
        for change in getattr(self, part):
            counts[change.status] += 1
        return counts


def compare(old: Resolution, new: Resolution) -> Differences:
    """The differences from edition ``old`` to edition ``new``."""
    old_pre, old_op = units(old)
    new_pre, new_op = units(new)
    return Differences(old.symbol or "", new.symbol or "", align(old_pre, new_pre), align(old_op, new_op))


def units(res: Resolution) -> tuple[list[Unit], list[Unit]]:
    """The preambular and the operative units of a text, in document order (sections and parts included)."""
    preamble: list[Unit] = []
    operative: list[Unit] = []
    containers = [res, *res.sections]
    for part in res.parts:
        containers.extend([part, *part.sections])
    for container in containers:
        preamble.extend(_unit(p) for p in container.preamble if p.kind != "heading")
        operative.extend(_unit(p) for p in container.operative if p.kind != "heading")
    return preamble, operative


def _unit(para: Paragraph) -> Unit:
    return Unit(para.id, para.number, " ".join(_texts(para)))


def _texts(para: Paragraph) -> Iterator[str]:
    yield para.text
    for item in para.items:
        inner = list(_texts(item))
        if item.number:
            inner[0] = f"({item.number}) {inner[0]}"
        yield from inner


def align(old: list[Unit], new: list[Unit]) -> tuple[Change, ...]:
    """Match the paragraphs of two editions (module docstring) and list every one with its status."""
    old_keys = [_normal(u.text) for u in old]
    new_keys = [_normal(u.text) for u in new]
    match: dict[int, int] = {}  # new index -> old index
    for block in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            match[block.b + offset] = block.a + offset
    _match_same_text(old_keys, new_keys, match)
    _match_similar(old_keys, new_keys, match)

    kept = _in_order(sorted(match.items()))
    old_matched = {o: n for n, o in match.items()}
    changes: list[Change] = []
    pending_deleted = [i for i in range(len(old)) if i not in old_matched]
    deleted_at = 0
    for n, unit in enumerate(new):
        o = match.get(n)
        if o is not None:
            # Deleted paragraphs are shown where they stood: before the first kept paragraph that followed them.
            while deleted_at < len(pending_deleted) and n in kept and pending_deleted[deleted_at] < o:
                changes.append(Change(DELETED, old[pending_deleted[deleted_at]], None))
                deleted_at += 1
            same = old_keys[o] == new_keys[n]
            status = (UNCHANGED if same else CHANGED) if n in kept else MOVED
            changes.append(Change(status, old[o], unit))
        else:
            changes.append(Change(NEW, None, unit))
    changes.extend(Change(DELETED, old[i], None) for i in pending_deleted[deleted_at:])
    return tuple(changes)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _match_same_text(old_keys: list[str], new_keys: list[str], match: dict[int, int]) -> None:
    """Left-over paragraphs whose text is the same elsewhere (moved as they were)."""
    taken = set(match.values())
    free_old: dict[str, list[int]] = {}
    for o, key in enumerate(old_keys):
        if o not in taken:
            free_old.setdefault(key, []).append(o)
    for n, key in enumerate(new_keys):
        if n not in match and free_old.get(key):
            match[n] = free_old[key].pop(0)


def _match_similar(old_keys: list[str], new_keys: list[str], match: dict[int, int]) -> None:
    """Left-over pairs with most words in common, best first (each paragraph matched at most once)."""
    taken = set(match.values())
    free_old = [o for o in range(len(old_keys)) if o not in taken]
    free_new = [n for n in range(len(new_keys)) if n not in match]
    if not free_old or not free_new:
        return
    old_words = {o: set(_WORDS.findall(old_keys[o].lower())) for o in free_old}
    new_words = {n: set(_WORDS.findall(new_keys[n].lower())) for n in free_new}
    window = None
    if len(free_old) * len(free_new) > MAX_PAIRINGS:
        window = max(1, MAX_PAIRINGS // len(free_new) // 2)  # bounded work: compare near positions only
    scored = []
    for n in free_new:
        words = new_words[n]
        if not words:
            continue
        if window is None:
            candidates: Iterable[int] = free_old
        else:
            at = bisect_left(free_old, round(n * len(old_keys) / max(1, len(new_keys))))
            candidates = free_old[max(0, at - window):at + window]
        for o in candidates:
            others = old_words[o]
            if not others:
                continue
            score = 2 * len(words & others) / (len(words) + len(others))
            if score >= SIMILAR:
                scored.append((-score, abs(n - o), n, o))
    scored.sort()
    used_old: set[int] = set()
    for _score, _distance, n, o in scored:
        if n in match or o in used_old:
            continue
        match[n] = o
        used_old.add(o)


def _in_order(pairs: list[tuple[int, int]]) -> set[int]:
    """New indexes of the longest run of matched pairs whose old indexes increase too (the rest moved)."""
    tails: list[int] = []  # smallest old index ending an increasing run of each length
    tail_at: list[int] = []  # position in pairs of that end
    before: list[int] = [-1] * len(pairs)
    for position, (_n, o) in enumerate(pairs):
        length = bisect_left(tails, o)
        if length == len(tails):
            tails.append(o)
            tail_at.append(position)
        else:
            tails[length] = o
            tail_at[length] = position
        before[position] = tail_at[length - 1] if length else -1
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(pairs[position][0])
        position = before[position]
    return kept


def word_changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Runs of kept (``=``), deleted (``-``) and inserted (``+``) text from ``old`` to ``new``, by words and
    punctuation (whitespace stays with the token it precedes)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[str, str]] = []
    # Edits are mostly local (a year, a verb): the common start and end are kept without difflib's work.
    start = 0
    while start < len(a) and start < len(b) and a[start].strip() == b[start].strip():
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end].strip() == b[-1 - end].strip():
        end += 1

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    add("=", "".join(b[:start]))
    middle_a, middle_b = a[start:len(a) - end], b[start:len(b) - end]
    matcher = SequenceMatcher(None, [t.strip() for t in middle_a], [t.strip() for t in middle_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("=", "".join(middle_b[j1:j2]))
            continue
        if i2 > i1:
            add("-", "".join(middle_a[i1:i2]))
        if j2 > j1:
            add("+", "".join(middle_b[j1:j2]))
    add("=", "".join(b[len(b) - end:]))
    return tuple(runs)
