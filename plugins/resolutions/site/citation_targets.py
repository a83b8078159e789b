"""Where a citation lands and how it is quoted: the cited file (or the file holding the cited part), the
cited paragraph's anchor, every paragraph's printed label, and the snippet shown under "Cited by".

Pure core, used by ``collection`` while it resolves citations; the walks over a resolution's paragraphs are
plain recursion with a callback, since a build visits every paragraph of every file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Mapping

from resolutions.model import Paragraph, Resolution
from resolutions.parse import ids

SNIPPET_CHARS = 160
"""Length of the text shown around a citation in a "Cited by" entry."""

# A trailing part specification after the number: "A/RES/54/237 C", "A/RES/77/264 A-C", "E/RES/2021/2 B".
_PART_SUFFIX = re.compile(r"^(?P<base>.*\d)\s+(?P<parts>[A-Z](?:\s*-\s*[A-Z])?)$")


class TargetFinder:
    """``find_target`` of cited symbols, remembered for one build: texts cite the same few documents often."""

    __slots__ = ("_by_symbol", "_parts", "_found")

    def __init__(self, by_symbol: Mapping[str, Resolution], parts: Mapping[str, list[tuple[str, str]]]) -> None:
        self._by_symbol = by_symbol
        self._parts = parts
        self._found: dict[str, Resolution | None] = {}

    def __call__(self, symbol: str) -> Resolution | None:
        try:
            return self._found[symbol]
        except KeyError:
            target = self._found[symbol] = find_target(symbol, self._by_symbol, self._parts)
            return target


def parts_by_base(by_symbol: Mapping[str, Resolution]) -> dict[str, list[tuple[str, str]]]:
    """Base symbol -> [(part specification, symbol)] for symbols with a part (``A/RES/54/237 A-D``)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for symbol in by_symbol:
        match = _PART_SUFFIX.match(symbol)
        if match:
            index.setdefault(match["base"], []).append((match["parts"].replace(" ", ""), symbol))
    return index


def find_target(
    symbol: str, by_symbol: Mapping[str, Resolution], parts: Mapping[str, list[tuple[str, str]]]
) -> Resolution | None:
    """The resolution a cited symbol designates: itself, else the file holding its part, else its base."""
    exact = by_symbol.get(symbol)
    if exact is not None:
        return exact
    match = _PART_SUFFIX.match(symbol)
    base = match["base"] if match else symbol
    wanted = match["parts"].replace(" ", "") if match else None
    for spec, candidate in parts.get(base, ()):
        if wanted is None or _part_covers(spec, wanted):
            return by_symbol[candidate]
    return by_symbol.get(base)


def _part_covers(spec: str, wanted: str) -> bool:
    """Whether a file's part spec (``A-D`` or ``B``) includes the cited part(s) (``C`` or ``A-C``)."""
    low, _, high = spec.partition("-")
    high = high or low
    want_low, _, want_high = wanted.partition("-")
    want_high = want_high or want_low
    return low <= want_low and want_high <= high


def paragraph_anchor(cited: str | None, ids: Mapping[str, str]) -> str | None:
    """Anchor of a cited paragraph ("3", "III.3", "5 (a)") when the target has it."""
    if not cited:
        return None
    anchor = _anchor_for(cited)
    return anchor if anchor is not None and anchor in ids else None


_anchor_for = lru_cache(maxsize=4096)(ids.cited_paragraph_id)
"""The anchor id a paragraph reference would have (``III.3`` -> ``sec-iii-para-3``), if any."""


def cited_snippet(text: str, cited: str) -> str:
    """About SNIPPET_CHARS of ``text`` centred on the cited words, cut at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    at = text.find(cited) if cited else -1
    at = max(at, 0)
    start = max(0, at - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < len(text):
        space = text.rfind(" ", at, end)
        end = space if space > at else end
    return ("… " if start > 0 else "") + text[start:end] + (" …" if end < len(text) else "")


# --- walking the model ---------------------------------------------------------------------------------


def visit_paragraphs(res: Resolution, visit: Callable[[Paragraph, str], object]) -> None:
    """Call ``visit(paragraph, label)`` for every paragraph, in document order."""
    _walk(res.preamble, "", "", visit)
    _walk(res.operative, "", "", visit)
    for section in res.sections:
        _walk(section.preamble, f"section {section.label}, ", "", visit)
        _walk(section.operative, f"section {section.label}, ", "", visit)
    for part in res.parts:
        _walk(part.preamble, f"{part.label}, ", "", visit)
        _walk(part.operative, f"{part.label}, ", "", visit)
        for section in part.sections:
            _walk(section.preamble, f"{part.label}, section {section.label}, ", "", visit)
            _walk(section.operative, f"{part.label}, section {section.label}, ", "", visit)
    for annex in res.annexes:
        _walk([b for b in annex.blocks if isinstance(b, Paragraph)], f"{annex.label}, ", "", visit)
    _walk(res.unplaced, "", "", visit)


def _walk(
    paragraphs: Iterable[Paragraph], prefix: str, parent_number: str, visit: Callable[[Paragraph, str], object]
) -> None:
    # Plain recursion with a callback: a build walks every paragraph of every file, and nested generators
    # (or a list of pairs) cost a frame switch or a tuple per paragraph and level.
    for para in paragraphs:
        if para.kind == "preamble":
            label = f"{prefix}preamble, para. {para.number}" if para.number else f"{prefix}preamble"
            number = para.number or ""
        elif para.number:
            number = f"{parent_number} ({para.number})" if parent_number else para.number
            label = f"{prefix}para. {number}"
        else:
            number = parent_number
            label = f"{prefix}unnumbered paragraph" if not parent_number else f"{prefix}para. {parent_number}"
        visit(para, label)
        if para.items:
            _walk(para.items, prefix, number, visit)


def labels_and_texts(res: Resolution, with_texts: bool) -> tuple[dict[str, str], dict[str, str] | None]:
    """Anchor id -> printed reference for every paragraph, footnote and the proponent line; and, when asked,
    anchor id -> text of every block a citation can sit in (for "Cited by" snippets)."""
    labels: dict[str, str] = {}
    texts: dict[str, str] | None = {} if with_texts else None
    if texts is None:
        def visit(para: Paragraph, label: str) -> None:
            labels[para.id] = label
    else:
        def visit(para: Paragraph, label: str) -> None:
            labels[para.id] = label
            texts[para.id] = para.text

    visit_paragraphs(res, visit)
    labels_set = labels.__setitem__
    for note in res.footnotes:
        labels_set(note.id, f"footnote {note.mark}")
        if texts is not None:
            texts[note.id] = note.text
    labels["proponent"] = "proponent line"
    if texts is not None and res.proponent:
        texts["proponent"] = res.proponent
    return labels, texts
