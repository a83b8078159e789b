"""What the series pages, the changes pages and a resolution page's edition links show.

Pure core: from a ``Collection`` (its ``series`` index) this module describes the pages as ``GeneratedPage``s:
``series/`` (every series), ``series/<slug>/`` (editions on a timeline, votes, links) and, for every edition after
the first, ``<symbol>/changes/`` ("Changes since <previous>"). The differences of a changes page are computed
when MkDocs renders that page (``ChangesContext``), never all at once, so a build holds one at a time and an
unchanged pair under ``mkdocs serve`` is recognised by its two texts (the very same objects). HTML fragments
made here escape every source text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any, Callable, Iterator

from resolutions.model import Resolution
from resolutions.site.collection import Collection, relative_href
from resolutions.site.differences import CHANGED, DELETED, MOVED, NEW, UNCHANGED, Change, compare
from resolutions.site.labels import format_date, session_name
from resolutions.site.series import SERIES_INDEX_URL, CITATION, Series, series_url
from resolutions.site.site_plan import GeneratedPage
from resolutions.site.views import UNOFFICIAL_NOTICE, body_of, vote_summary

SERIES_TEMPLATE = "series.html"
"""Template of the series index and of each series page."""
CHANGES_TEMPLATE = "changes.html"
"""Template of a changes page."""

_STATUS_LABELS = {NEW: "new", DELETED: "deleted", CHANGED: "changed", MOVED: "moved"}
_PART_NAMES = {"preamble": ("preambular paragraph", "preambular paragraphs"),
               "operative": ("operative paragraph", "operative paragraphs")}


def changes_url(collection: Collection, symbol: str) -> str:
    """Site-relative URL of the changes page of an edition: ``A/RES/75/116/changes/``."""
    return collection.url_for(symbol) + "changes/"


def series_pages(collection: Collection) -> list[GeneratedPage]:
    """The series index, one page per series and one changes page per edition after the first."""
    index = collection.series
    if not len(index):
        return []
    pages = [GeneratedPage(src_uri=SERIES_INDEX_URL + "index.md", title="Series of recurring resolutions",
                           template=SERIES_TEMPLATE, context=_index_context(collection), in_nav=True)]
    for item in index.series:
        pages.append(GeneratedPage(src_uri=series_url(item) + "index.md", title=item.title,
                                   template=SERIES_TEMPLATE, context=_series_context(collection, item)))
        for old_symbol, new_symbol in zip(item.editions, item.editions[1:]):
            old, new = collection.by_symbol[old_symbol], collection.by_symbol[new_symbol]
            context = ChangesContext(collection, item, old, new)
            pages.append(GeneratedPage(
                src_uri=changes_url(collection, new_symbol) + "index.md",
                title=f"{new.number or new_symbol}: changes since {old.number or old_symbol}",
                template=CHANGES_TEMPLATE,
                context=context,
                written=context.release,
            ))
    return pages


def _index_context(collection: Collection) -> dict:
    rows = []
    for item in collection.series.series:
        first, last = (collection.by_symbol[s] for s in (item.editions[0], item.editions[-1]))
        rows.append({"title": item.title, "url": series_url(item), "body": item.body,
                     "editions": len(item.editions), "first": first.number or first.symbol,
                     "last": last.number or last.symbol})
    rows.sort(key=lambda row: (row["title"].lower(), row["url"]))
    bodies: dict[str, list[dict]] = {}
    for row in rows:
        bodies.setdefault(row["body"] or "Other", []).append(row)
    return {"view": "index", "count": len(rows), "notice": UNOFFICIAL_NOTICE,
            "bodies": [{"body": body, "id": re.sub(r"[^a-z0-9]+", "-", body.lower()).strip("-") or "other",
                        "series": listed} for body, listed in sorted(bodies.items(), key=_body_order)]}


def _body_order(item: tuple[str, list]) -> tuple:
    return ({"General Assembly": 0, "Security Council": 1, "Economic and Social Council": 2}.get(item[0], 3), item[0])


def _series_context(collection: Collection, item: Series) -> dict:
    editions = []
    largest = 0
    for position, symbol in enumerate(item.editions):
        res = collection.by_symbol[symbol]
        vote = res.vote
        counts = None
        if vote is not None and vote.in_favour is not None:
            counts = {"in_favour": vote.in_favour, "against": vote.against or 0, "abstaining": vote.abstaining or 0}
            largest = max(largest, sum(counts.values()))
        editions.append({
            "symbol": symbol, "number": res.number or symbol, "title": res.title, "url": collection.url_for(symbol),
            "adopted": res.adopted, "adopted_label": format_date(res.adopted) if res.adopted else "",
            "session": session_name(body_of(res), res.session) or res.session_text or "", "vote": vote_summary(res), "counts": counts,
            "renamed": position > 0 and res.title != collection.by_symbol[item.editions[position - 1]].title,
            "changes_url": changes_url(collection, symbol) if position else None,
            "by_citation": position > 0 and item.joined_by[position - 1] == CITATION,
        })
    for edition in editions:  # bar widths in per cent of the largest recorded vote of the series
        counts = edition["counts"]
        if counts and largest:
            edition["bars"] = {key: round(100 * value / largest, 1) for key, value in counts.items()}
    return {"view": "series", "slug": item.slug, "body": item.body, "editions": editions,
            "recorded": sum(1 for e in editions if e["counts"]), "index_url": SERIES_INDEX_URL,
            "notice": UNOFFICIAL_NOTICE}


class ChangesContext(Mapping):
    """The context of a changes page, made when the template first reads it.

    Equal to another when made from the very same two texts, URLs and series title: the preview server then
    keeps the page's last HTML without comparing the texts again."""

    def __init__(self, collection: Collection, item: Series, old: Resolution, new: Resolution) -> None:
        self._inputs = (old, new, collection.url_for(old.symbol or ""), collection.url_for(new.symbol or ""),
                        item.slug, item.title)
        # Only the two texts' paragraph labels are kept, not the collection: the preview compares this page
        # with the next build's, and must not keep a whole collection alive for that.
        self._labels = (collection.paragraph_labels.get(old.source, {}), collection.paragraph_labels.get(new.source, {}))
        self._made: dict | None = None

    def _values(self) -> dict:
        if self._made is None:
            old, new, old_url, new_url, slug, title = self._inputs
            self._made = changes_context(old, new, old_url, new_url, slug, title, *self._labels)
        return self._made

    def release(self) -> None:
        """Forget what was made (the page is written): a build holds the differences of one page at a time."""
        self._made = None

    def __getitem__(self, key: str) -> Any:
        return self._values()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())

    def __len__(self) -> int:
        return len(self._values())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ChangesContext):
            return NotImplemented
        mine, theirs = self._inputs, other._inputs
        return mine[0] is theirs[0] and mine[1] is theirs[1] and mine[2:] == theirs[2:]

    __hash__ = None  # type: ignore[assignment]


def changes_context(old: Resolution, new: Resolution, old_url: str, new_url: str, slug: str, title: str,
                    old_labels: Mapping[str, str], new_labels: Mapping[str, str]) -> dict:
    """Everything a changes page shows: the two editions, the counts and the changes as escaped HTML
    (``*_labels``: anchor -> printed reference of each text, ``Collection.paragraph_labels``)."""
    differences = compare(old, new)
    here = new_url + "changes/"
    to_old, to_new = relative_href(here, old_url), relative_href(here, new_url)  # once per page, not per link
    parts = []
    for part in ("preamble", "operative"):
        changes = getattr(differences, part)
        counts = differences.counts(part)
        shown = [c for c in changes if c.status != UNCHANGED]
        parts.append({
            "id": part, "heading": _PART_NAMES[part][1].capitalize(), "summary": count_sentence(counts, part),
            "unchanged": counts[UNCHANGED], "total_old": sum(1 for c in changes if c.old is not None),
            "total_new": sum(1 for c in changes if c.new is not None),
            "html": "".join(_change_html(c, part, old, new, to_old, to_new, old_labels, new_labels) for c in shown),
        })
    return {
        "old": {"number": old.number or old.symbol, "symbol": old.symbol, "url": old_url,
                "adopted_label": format_date(old.adopted) if old.adopted else ""},
        "new": {"number": new.number or new.symbol, "symbol": new.symbol, "url": new_url,
                "adopted_label": format_date(new.adopted) if new.adopted else "", "title": new.title},
        "series": {"title": title, "url": f"series/{slug}/"},
        "parts": parts,
        "nothing_changed": all(not p["html"] for p in parts),
        "notice": UNOFFICIAL_NOTICE,
    }


def count_sentence(counts: Mapping[str, int], part: str) -> str:
    """``4 new operative paragraphs, 2 deleted, 11 changed, 1 moved`` (statuses with none are left out)."""
    one, many = _PART_NAMES[part]
    words = []
    for status in (NEW, DELETED, CHANGED, MOVED):
        number = counts.get(status, 0)
        if not number:
            continue
        if not words:
            words.append(f"{number} {_STATUS_LABELS[status]} {one if number == 1 else many}")
        else:
            words.append(f"{number} {_STATUS_LABELS[status]}")
    return ", ".join(words) if words else f"no {many} changed"


def _change_html(change: Change, part: str, old: Resolution, new: Resolution, to_old: str, to_new: str,
                 old_labels: Mapping[str, str], new_labels: Mapping[str, str]) -> str:
    """One changed paragraph; ``to_old`` and ``to_new`` link from the changes page to the two editions."""
    status = change.status
    links = []
    label = ""
    if change.new is not None:
        label = _label(change.new.anchor, new_labels, part)
        links.append(_link(to_new, change.new.anchor, f"in {new.number or new.symbol}"))
    if change.old is not None:
        old_label = _label(change.old.anchor, old_labels, part)
        if not label:
            label = old_label
        elif old_label != label:
            label = f"{label} (was {old_label})"
        links.append(_link(to_old, change.old.anchor, f"in {old.number or old.symbol}"))
    words = change.words() if status in (CHANGED, MOVED) else ()
    if words:
        text = "".join(_run(op, piece) for op, piece in words)
    elif status == DELETED:
        text = _run("-", change.old.text if change.old else "")
    elif status == NEW:
        text = _run("+", change.new.text if change.new else "")
    else:
        text = _esc((change.new or change.old).text)  # type: ignore[union-attr]
    return (f'<article class="rs-change rs-change--{status}">'
            f'<p class="rs-change__head"><span class="rs-change__status">{_esc(_STATUS_LABELS[status])}</span> '
            f'<span class="rs-change__label">{_esc(label)}</span>'
            f'<span class="rs-change__links">{" · ".join(links)}</span></p>'
            f'<p class="rs-change__text">{text}</p></article>')


def _label(anchor: str, labels: Mapping[str, str], part: str) -> str:
    """``para. 5`` for an operative paragraph; ``preambular paragraph 3`` for a preambular one (with its part)."""
    label = labels.get(anchor, anchor)
    if part == "preamble":
        prefix = label.split("preamble")[0] if "preamble" in label else ""
        number = re.search(r"(\d+)$", anchor)
        return f"{prefix}preambular paragraph {number.group(1)}" if number else label
    return label


def _link(page_href: str, anchor: str, text: str) -> str:
    return f'<a class="rs-change__link" href="{_esc(page_href)}#{_esc(anchor)}">{_esc(text)}</a>'


def _run(op: str, text: str) -> str:
    body = text.lstrip()
    if op != "=" and body != text:  # the space before a word is not what was inserted or deleted
        return _esc(text[: len(text) - len(body)]) + _run(op, body)
    if op == "+":
        return f'<ins><span class="rs-vh">[inserted: </span>{_esc(text)}<span class="rs-vh">]</span></ins>'
    if op == "-":
        return f'<del><span class="rs-vh">[deleted: </span>{_esc(text)}<span class="rs-vh">]</span></del>'
    return _esc(text)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def edition_links(collection: Collection, res: Resolution) -> dict | None:
    """The previous and next editions of ``res`` and its changes page, for its own page; None outside a series.

    URLs are site-relative: ``{"series": {title, url}, "previous": {label, url} | None, "next": …,
    "changes_url": str | None, "previous_number": str | None}``."""
    index = collection.series
    item = index.series_of(res.symbol) if res.symbol and collection.by_symbol.get(res.symbol) is res else None
    if item is None:
        return None
    before, after = index.previous(res.symbol), index.next(res.symbol)
    return {
        "series": {"title": item.title, "url": series_url(item), "editions": len(item.editions)},
        "previous": _edition(collection, before),
        "next": _edition(collection, after),
        "changes_url": changes_url(collection, res.symbol or "") if before else None,
    }


def _edition(collection: Collection, symbol: str | None) -> dict | None:
    if not symbol:
        return None
    other = collection.by_symbol[symbol]
    return {"number": other.number or symbol, "url": collection.url_for(symbol),
            "date": format_date(other.adopted) if other.adopted else ""}


def edition_rows(collection: Collection, res: Resolution, href: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
    """The "Series" row of a resolution page's metadata: its series, previous and next editions, and the link to
    its changes; ``href`` makes a site-relative URL relative to the page. Empty outside a series."""
    links = edition_links(collection, res)
    if links is None:
        return ()
    series = links["series"]
    pieces = [f'<a href="{_esc(href(series["url"]))}">{_esc(series["title"])}</a> '
              f'<span class="res-meta__note">({series["editions"]} editions)</span>']
    if links["previous"]:
        before = links["previous"]
        pieces.append(f'<a href="{_esc(href(before["url"]))}" rel="prev">Previous edition: {_esc(before["number"])}</a>')
    if links["changes_url"]:
        pieces.append(f'<a href="{_esc(href(links["changes_url"]))}">Changes since {_esc(links["previous"]["number"])}</a>')
    if links["next"]:
        after = links["next"]
        pieces.append(f'<a href="{_esc(href(after["url"]))}" rel="next">Next edition: {_esc(after["number"])}</a>')
    return (("Series", '<span class="res-editions">' + " · ".join(pieces) + "</span>"),)
