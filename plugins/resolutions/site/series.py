"""Series of recurring resolutions: which texts are editions of the same resolution, and in what order.

Most General Assembly and ECOSOC texts come back every year or two, negotiated as edits of the last edition.
Two rules, applied once per build in time linear in the resolutions plus the citations of series heads (never
by comparing every pair of resolutions):

1. **Same title.** Texts of the same body and kind whose titles are equal once normalised (case, accents,
   punctuation, hyphenation and the numbers that change every year: ``budget for 2021`` / ``for 2022``,
   ``on its twenty-third session`` / ``twenty-fourth``) are one series, in the order of their numbers.
   Parts (``75/250 B``) are editions like any other text, in order of adoption; texts of one session whose
   titles differ by a number are parallel texts, not editions (the group is cut between them).
2. **The printed chain.** A series whose first edition cites, in its preamble ("Recalling its resolution
   74/158 ..."), the *last* edition of another series of the same body from an earlier session, with a
   similar title (renamed: "Situation of human rights in the [temporarily occupied] Autonomous Republic of
   Crimea ..."), under an agenda item of the same title, continues that series. Similar means half the words
   shared, or the same heading before a colon ("Global health and foreign policy: ..."). Each series is
   continued at most once, by the best match.

A text alone in its series has no series (``series_of`` is None). ``SeriesIndex`` is the API the pages, the
JSON and the mandate registry use: ``series_of(symbol)``, ``previous(symbol)``, ``next(symbol)``.
``SeriesIndex.build(..., previous=...)`` reuses the title keys of unchanged resolutions (the very same
objects) from the last ``mkdocs serve`` build; the result is always equal to a build without it.
The rules and the figures they give on the development corpus are in ``docs/series.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from resolutions.model import Resolution
from resolutions.site import views

TITLE = "title"
"""How an edition joined its predecessor: by the same normalised title."""
CITATION = "citation"
"""How an edition joined its predecessor: it cites it in its preamble and has a similar title."""

SIMILAR_TITLES = 0.5
"""Share of title words two editions joined by a citation must have in common (Jaccard index)."""
SLUG_WORDS = 12
"""Words of the normalised title kept in a series slug (URLs stay readable)."""

_ORDINAL = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)?(?:first|second|third|fourth|fifth|sixth|"
            r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
            r"eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
            r"hundredth)")
_JOINED_HYPHEN = re.compile(r"(?<=[a-z])[-\u2010\u2011\u2013](?=[a-z])")
_NUMBERS = re.compile(rf"\b{_ORDINAL}\b|\d+")
_NOT_WORD = re.compile(r"[^a-z#]+")
_BODY_SLUGS = {"General Assembly": "", "Security Council": "sc", "Economic and Social Council": "ecosoc"}


@dataclass(frozen=True, slots=True)
class Series:
    """One series of recurring texts."""

    slug: str
    """URL id, made only of ``[a-z0-9-]`` from the first edition's normalised title (``question-of-pitcairn``;
    other bodies than the General Assembly are prefixed: ``ecosoc-…``); its page is ``series/<slug>/``."""
    title: str
    """Title of the latest edition, as printed."""
    body: str
    """Issuing body of its editions."""
    editions: tuple[str, ...]
    """Symbols of the editions, oldest first."""
    joined_by: tuple[str, ...]
    """For each edition after the first, how it joined the one before: ``"title"`` or ``"citation"``."""


class SeriesIndex:
    """The series of a collection, and each symbol's series and neighbouring editions."""

    __slots__ = ("series", "_of", "_position", "_keys")

    def __init__(self, series: tuple[Series, ...], keys: Mapping[int, tuple[Resolution, tuple]]) -> None:
        self.series = series
        """Every series of two editions or more, ordered by slug."""
        self._of: dict[str, Series] = {}
        self._position: dict[str, int] = {}
        self._keys = keys  # id(resolution) -> (resolution, title key): reused by the next serve build
        for item in series:
            for index, symbol in enumerate(item.editions):
                self._of[symbol] = item
                self._position[symbol] = index

    @staticmethod
    def build(
        resolutions: Iterable[Resolution], by_symbol: Mapping[str, Resolution], *,
        previous: "SeriesIndex | None" = None,
    ) -> "SeriesIndex":
        """Group the resolutions that own their symbol in ``by_symbol`` into series (module docstring)."""
        return _build(resolutions, by_symbol, previous)

    @staticmethod
    def empty() -> "SeriesIndex":
        """No series (the feature switched off)."""
        return SeriesIndex((), {})

    def series_of(self, symbol: str | None) -> Series | None:
        """The series ``symbol`` is an edition of, or None."""
        return self._of.get(symbol) if symbol else None

    def previous(self, symbol: str | None) -> str | None:
        """The edition before ``symbol`` in its series, or None (first edition, or no series)."""
        found = self.series_of(symbol)
        index = self._position.get(symbol) if found else None
        return found.editions[index - 1] if found and index else None

    def next(self, symbol: str | None) -> str | None:
        """The edition after ``symbol`` in its series, or None (latest edition, or no series)."""
        found = self.series_of(symbol)
        if not found:
            return None
        index = self._position[symbol] + 1
        return found.editions[index] if index < len(found.editions) else None

    def __len__(self) -> int:
        return len(self.series)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SeriesIndex) and self.series == other.series

    __hash__ = None  # type: ignore[assignment]


def series_url(series: Series) -> str:
    """Site-relative URL of a series page: ``series/<slug>/``."""
    return f"series/{series.slug}/"


SERIES_INDEX_URL = "series/"
"""Site-relative URL of the list of every series."""


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """A title as the same-title rule compares it: lower case, no accents, hyphenated words joined, numbers
    and ordinal words as ``#``, punctuation as single spaces (``"budget for #"``)."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = _JOINED_HYPHEN.sub("", text)
    text = _NUMBERS.sub("#", text)
    return _NOT_WORD.sub(" ", text).strip()


def title_similarity(one: str, other: str) -> float:
    """How alike two titles are for the chain rule: 1.0 when both share a heading of three words or more before
    a colon, else the Jaccard index of their normalised words."""
    head_one, colon_one, _ = one.partition(":")
    head_other, colon_other, _ = other.partition(":")
    if colon_one and colon_other and title_key(head_one) == title_key(head_other) \
            and len(title_key(head_one).split()) >= 3:
        return 1.0
    words_one, words_other = set(title_key(one).split()), set(title_key(other).split())
    if not words_one or not words_other:
        return 0.0
    return len(words_one & words_other) / len(words_one | words_other)


def body_of(res: Resolution) -> str:
    """The issuing body (``views.body_of``), "" when unknown: a part of every series key."""
    return views.body_of(res) or ""


# --- building --------------------------------------------------------------------------------------------


def _build(resolutions: Iterable[Resolution], by_symbol: Mapping[str, Resolution],
           previous: SeriesIndex | None) -> SeriesIndex:
    known = previous._keys if previous is not None else {}
    keys: dict[int, tuple[Resolution, tuple]] = {}
    groups: dict[tuple, list[Resolution]] = {}
    for res in resolutions:
        if not res.symbol or by_symbol.get(res.symbol) is not res:
            continue  # no page of its own: not an edition anyone can link to
        was = known.get(id(res))
        key = was[1] if was is not None and was[0] is res else (body_of(res), res.kind, title_key(res.title))
        keys[id(res)] = (res, key)
        if key[2]:
            groups.setdefault(key, []).append(res)
    chains = [chain for members in groups.values() for chain in _editions(sorted(members, key=_edition_order))]
    joined = _join_by_citation(chains, by_symbol)
    series = []
    for chain, how in joined:
        if len(chain) > 1:
            series.append((chain, how))
    return SeriesIndex(_named(series), keys)


def _editions(members: list[Resolution]) -> list[list[Resolution]]:
    """A same-title group cut where two texts of one session differ by a number in their titles ("… Protocol
    I", "… Protocol II"; "budget for 2022" and "for 2023" adopted together): those are parallel texts, not one
    edition after the other. Parts (the same title) stay one chain."""
    chains = [[members[0]]]
    for before, res in zip(members, members[1:]):
        if before.session == res.session and _numbered_key(before.title) != _numbered_key(res.title):
            chains.append([res])
        else:
            chains[-1].append(res)
    return chains


@lru_cache(maxsize=65536)
def _numbered_key(title: str) -> str:
    """``title_key`` with the numbers kept."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", " ", _JOINED_HYPHEN.sub("", text)).strip()


def _edition_order(res: Resolution) -> tuple:
    return _natural_key(res.number or res.symbol or "")


@lru_cache(maxsize=65536)
def _natural_key(text: str) -> tuple:
    return tuple((0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk) for chunk in re.findall(r"\d+|\D+", text))


def _join_by_citation(chains: list[list[Resolution]], by_symbol: Mapping[str, Resolution]
                      ) -> list[tuple[list[Resolution], list[str]]]:
    """Same-title chains continued by the chain rule; each with how every edition joined the one before."""
    last_of: dict[int, int] = {id(chain[-1]): index for index, chain in enumerate(chains)}
    candidates = []  # (similarity, head's order, tail chain, head chain): only series heads are looked at
    for head_index, chain in enumerate(chains):
        head = chain[0]
        body, order = body_of(head), _edition_order(head)
        seen: set[int] = set()
        for citation in head.citations:
            if citation.kind != "resolution" or not _in_preamble(citation.where):
                continue
            cited = by_symbol.get(citation.symbol)
            if cited is None or id(cited) in seen or cited is head:
                continue
            seen.add(id(cited))
            tail_index = last_of.get(id(cited))
            if tail_index is None or tail_index == head_index:
                continue
            if body_of(cited) != body or cited.kind != head.kind or cited.session == head.session:
                continue
            if _edition_order(cited) >= order:
                continue
            similarity = title_similarity(head.title, cited.title)
            if similarity >= SIMILAR_TITLES and _same_agenda(head, cited):
                candidates.append((-similarity, order, tail_index, head_index))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    following: dict[int, int] = {}
    preceded: set[int] = set()
    for _score, _order, tail_index, head_index in candidates:
        if tail_index in following or head_index in preceded:
            continue
        following[tail_index] = head_index
        preceded.add(head_index)
    result = []
    for index, chain in enumerate(chains):
        if index in preceded:
            continue  # printed as part of the chain it continues
        editions, how = list(chain), [TITLE] * (len(chain) - 1)
        while index in following:  # heads are always later than tails: no cycle
            index = following[index]
            editions.extend(chains[index])
            how.extend([CITATION] + [TITLE] * (len(chains[index]) - 1))
        result.append((editions, how))
    return result


def _same_agenda(one: Resolution, other: Resolution) -> bool:
    """Whether two texts share an agenda item title (normalised), or either prints none to compare."""
    titles = {title_key(item.title) for item in one.agenda_items if item.title}
    others = {title_key(item.title) for item in other.agenda_items if item.title}
    return not titles or not others or bool(titles & others)


def _in_preamble(where: str) -> bool:
    """Whether a block id is a preambular paragraph (``pp-3``, ``part-b-pp-2``, ``sec-ii-pp-1``)."""
    return where.startswith("pp-") or "-pp-" in where


def _named(series: list[tuple[list[Resolution], list[str]]]) -> tuple[Series, ...]:
    """Series with unique slugs (a number is added to a repeated one, in order of the first edition)."""
    series.sort(key=lambda item: (_slug_base(item[0][0]), _edition_order(item[0][0])))
    taken: dict[str, int] = {}
    named = []
    for editions, how in series:
        base = _slug_base(editions[0])
        count = taken.get(base, 0) + 1
        taken[base] = count
        slug = base if count == 1 else f"{base}-{count}"
        named.append(Series(slug, editions[-1].title, body_of(editions[-1]),
                            tuple(res.symbol or "" for res in editions), tuple(how)))
    named.sort(key=lambda s: s.slug)
    return tuple(named)


def _slug_base(res: Resolution) -> str:
    plain = unicodedata.normalize("NFKD", res.title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z]+", " ", _NUMBERS.sub(" ", plain)).split()[:SLUG_WORDS]
    body = body_of(res)
    prefix = _BODY_SLUGS.get(body, re.sub(r"[^a-z0-9]+", "-", body.lower()).strip("-"))
    if res.kind != "resolution":
        prefix = "-".join(p for p in (prefix, re.sub(r"[^a-z0-9]+", "-", res.kind.lower()).strip("-")) if p)
    return "-".join(p for p in (prefix, "-".join(words)) if p) or "untitled"
