"""The id policy: every anchor a resolution's parts get, and the one slug function of the package.

Ids are what readers link to (``#pp-3``, ``#para-5-a-ii``, ``#sec-iii-para-2``, ``#fn-star``): they
come from what is printed (numbers, letters, note marks), never from positions that an edit shifts, and
they are made here only, so that the parser, the pages and the citation links agree.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str, words: int | None = None, empty: str = "") -> str:
    """``"Mobility incentive"`` -> ``"mobility-incentive"``: lowercase ASCII words joined by hyphens
    (the first ``words`` only, when given); ``empty`` when nothing is left."""
    kept = _WORD.findall(text.lower())
    if words is not None:
        kept = kept[:words]
    return "-".join(kept) or empty


# -- paragraph ids --------------------------------------------------------------------------------


def part_anchor(label: str) -> str:
    """Part ``B`` of a file of several resolutions: ``part-b``."""
    return f"part-{slug(label, empty='x')}"


def part_prefix(label: str) -> str:
    """Prefix of every id in part ``B``: ``part-b-``."""
    return part_anchor(label) + "-"


def section_anchor(prefix: str, label: str) -> str:
    """Section ``III`` (inside ``prefix``, the part's or none): ``sec-iii``."""
    return f"{prefix}sec-{slug(label, empty='x')}"


def section_prefix(prefix: str, label: str) -> str:
    """Prefix of the ids in section ``III``: ``sec-iii-``."""
    return section_anchor(prefix, label) + "-"


def restart_prefix(prefix: str, heading: str) -> str:
    """Numbering restarting at 1 under a heading ("Article 5") is named after it: ``article-5-``."""
    return f"{prefix}{slug(heading, words=5, empty='heading')}-"


def operative_id(prefix: str, number: str) -> str:
    """A numbered paragraph keeps its printed number: ``para-5``."""
    return f"{prefix}para-{number}"


def counted_id(prefix: str, kind: str, count: int) -> str:
    """An unnumbered block counted by kind: ``pp-3`` (preamble), ``text-2``, ``heading-1``."""
    return f"{prefix}{'pp' if kind == 'preamble' else kind}-{count}"


def draft_id(prefix: str, number: str | None, count: int) -> str:
    """A paragraph of a transmitted draft: ``draft-para-2`` as printed, else ``draft-text-1``."""
    return f"{prefix}draft-para-{number}" if number else f"{prefix}draft-text-{count}"


def item_id(parent_id: str, label: str) -> str:
    """A sub-paragraph under its parent: ``para-5-a``, ``para-5-a-ii``."""
    return f"{parent_id}-{label}"


def table_id(count: int) -> str:
    return f"table-{count}"


def annex_id(label: str) -> str:
    """``Annex II`` -> ``annex-ii``; an annex printed without a number is ``annex``."""
    suffix = label.split(" ", 1)[1].lower() if " " in label else ""
    return f"annex-{suffix}" if suffix else "annex"


def annex_block_id(annex: str, kind: str, label: str | int) -> str:
    """A block of an annex: ``annex-ii-para-3`` (numbered), ``annex-ii-text-2``, ``annex-ii-table-1``."""
    return f"{annex}-{kind}-{label}"


def repeated_id(wanted: str, counter: int) -> str:
    """The second ``para-1`` is ``para-1-2``."""
    return f"{wanted}-{counter}"


def reports_repeats(wanted: str) -> bool:
    """Annexes and quoted drafts restart their numbering under their own headings: no repeat is reported."""
    return not wanted.startswith("annex") and "draft-" not in wanted


# -- footnotes ------------------------------------------------------------------------------------

_MARK_NAMES = {"*": "star", "**": "star2", "***": "star3", "†": "dagger", "‡": "ddagger"}


def footnote_id(mark: str) -> str:
    """``fn-3``, ``fn-star``, ``fn-dagger``: the note's printed mark as an id."""
    return f"fn-{mark.lower() if mark.isalnum() else _MARK_NAMES.get(mark, 'x')}"


def footnote_ref_id(note_id: str, earlier: int) -> str:
    """The marker referring to note ``fn-3``: ``fnref-3``, then ``fnref-3-2`` for its second marker."""
    suffix = note_id[3:] if note_id.startswith("fn-") else note_id
    return f"fnref-{suffix}" if not earlier else f"fnref-{suffix}-{earlier + 1}"


# -- references to paragraphs ---------------------------------------------------------------------

_NUMBER_PARTS = re.compile(r"[0-9]+|[a-z]+")


def cited_paragraph_id(cited: str) -> str | None:
    """The id a cited paragraph has: ``3`` -> ``para-3``, ``5 (a)`` -> ``para-5-a``,
    ``III.3`` -> ``sec-iii-para-3``; None when the reference holds no number."""
    section, _, number = cited.rpartition(".")
    number_parts = _NUMBER_PARTS.findall(number.lower())
    if not number_parts:
        return None
    anchor = "para-" + "-".join(number_parts)
    if section:
        anchor = f"sec-{section.strip().lower()}-{anchor}"
    return anchor
