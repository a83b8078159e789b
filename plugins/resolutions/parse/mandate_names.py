"""Names of bodies and entities as a resolution prints them, and what a short name stands for.

Pure, driven by ``mandate_rules`` (``SESSION_NAME_LINKS``, ``SHORT_NAME_HEADS``, ``FULL_NAME_GOES_ON``,
``NAME_PREFIXES``, ``NAME_SUFFIXES``; docs/mandates.md).
A resolution names a body in full once (*Requests the Commission on Crime Prevention and Criminal Justice to …*) and
by a short name afterwards (*Requests the Commission to give high priority …*, *the Department*, *the Office of the
High Commissioner*); as a reader does, the short name is taken for the full name printed nearest before it: earlier
in its clause, in its paragraph, in the title, in the paragraphs before it (the operative ones, then the preamble).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from resolutions.model import Paragraph, Resolution
from resolutions.parse import mandate_rules as rules

_LINKS = "|".join(rules.SESSION_NAME_LINKS)
_NAME_GOES_ON_WORDS = re.compile(rf"(?:\s+(?:(?:{_LINKS})\s+)*[A-Z][\w’'/-]*|\s+and\s+[A-Z][\w’'/-]*)*")
# A name printed with a comma in it ("United Nations Educational, Scientific and Cultural Organization", "Regional
# Centre for Peace, Disarmament and Development"): where a found name has a capitalised word beside it across a
# comma, the part found may not be the whole name.
_COMMA_BEFORE = re.compile(r"[A-Z][\w’'-]*,\s*\Z")
_COMMA_AFTER = re.compile(r",\s*[A-Z]")
_LINK_WORDS = frozenset(rules.SESSION_NAME_LINKS) | {"and"}
_HEADS = frozenset(rules.SHORT_NAME_HEADS)
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z])\d+$")  # "… in the Near East3": a footnote's number, printed after it
_PREFIXES = re.compile("|".join(rf"\b{re.escape(prefix)}\s+" for prefix in rules.NAME_PREFIXES))


def name_around(text: str, start: int, end: int) -> str:
    """The capitalised name around the word ``text[start:end]`` (*Commission* in *… the Commission for Social
    Development at …*)."""
    before = text[:start].split()
    kept: list[str] = []
    while before and (before[-1][:1].isupper() or (before[-1] in ("and", "of") and len(before) > 1
                                                   and before[-2][:1].isupper())):
        if before[-1].endswith((",", ";", ":")):
            break
        kept.insert(0, before.pop())
    while kept and not kept[0][:1].isupper():
        kept.pop(0)
    following = _NAME_GOES_ON_WORDS.match(text, end)
    name = " ".join([*kept, text[start:end]]) + (following.group(0) if following else "")
    return _FOOTNOTE_MARK.sub("", name)


def is_short_name(name: str) -> bool:
    """Whether an actor as printed is a short name (``SHORT_NAME_HEADS``): capitalised words and links only, ending
    with a head word (*Department*, *High Commissioner*, *Office of the High Commissioner*)."""
    words = name.split()
    return (0 < len(words) <= 6 and words[-1] in _HEADS
            and all(word[:1].isupper() or word in _LINK_WORDS for word in words))


def full_name_before(res: Resolution, short: str, clause_before: str, paragraph_before: str,
                     text: str) -> str | None:
    """The full name printed nearest before the short name ``short``, or None: ``clause_before`` is its clause up to
    it, ``paragraph_before`` its paragraph up to that clause, ``text`` the paragraph; the title is read before the
    other paragraphs, as it names what the resolution is about (*the Commission* of a resolution on the *United
    Nations Commission on International Trade Law*). A full name completes a short one when, read without
    ``NAME_PREFIXES``, it begins with it and goes on (*Office on Drugs and Crime* for *the Office*), or, for a short
    name of one word, holds it (*Ad Hoc Committee on the Indian Ocean*, *International Atomic Energy Agency*)."""
    first = short.split()[0]
    for before in (clause_before, paragraph_before, res.title, *_paragraphs_before(res, text)):
        if first in before:
            for found in reversed(list(_word(first).finditer(before))):
                name = name_around(before, found.start(), found.end())
                if _completes(name, short):
                    return None if _maybe_longer(before, name, found.start()) else name
    return None


def _maybe_longer(text: str, name: str, word_at: int) -> bool:
    """Whether the name found around ``word_at`` may be part of a name printed with a comma in it."""
    start = text.rfind(name.split()[0], 0, word_at + 1)
    end = start + len(name)
    return bool(_COMMA_BEFORE.search(text, max(0, start - 40), start) or _COMMA_AFTER.match(text, end))


def _completes(name: str, short: str) -> bool:
    """Whether ``name`` is a longer name of ``short`` (``FULL_NAME_GOES_ON``)."""
    words, short_words = _PREFIXES.sub("", name).split(), short.split()
    if len(short_words) > 1:
        return (len(words) > len(short_words) and words[:len(short_words)] == short_words
                and words[len(short_words)] in rules.FULL_NAME_GOES_ON_LONGER)
    return len(words) > 1 and any(word == short and (index + 1 == len(words) or
                                                     words[index + 1] in rules.FULL_NAME_GOES_ON)
                                  for index, word in enumerate(words))


def without_suffix(name: str) -> str:
    """``name`` without a ``NAME_SUFFIXES`` ending (*… of the Secretariat*)."""
    for suffix in rules.NAME_SUFFIXES:
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


@lru_cache(maxsize=256)
def _word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


def _paragraphs_before(res: Resolution, text: str) -> Iterator[str]:
    """The texts before the paragraph ``text`` (operative, or one of its items), nearest first: the operative
    paragraphs and items before it in its list, then the resolution's preamble."""
    for paragraphs in operative_lists(res):
        texts = list(_texts(paragraphs))
        if text in texts:
            yield from reversed(texts[:texts.index(text)])
            break
    yield from reversed([para.text for para in res.preamble])


def operative_lists(res: Resolution) -> Iterator[tuple[Paragraph, ...]]:
    """Each list of operative paragraphs of ``res``: its own, its sections', each part's and their sections'."""
    yield res.operative
    for section in res.sections:
        yield section.operative
    for part in res.parts:
        yield part.operative
        for section in part.sections:
            yield section.operative


def _texts(paragraphs: tuple[Paragraph, ...]) -> Iterator[str]:
    for para in paragraphs:
        yield para.text
        yield from _texts(para.items)
