"""A resolution page: its first screen, its fragments and its links to other pages.

``render_resolution`` turns a parsed ``Resolution`` and its ``Collection`` into a ``RenderedResolution``: the
head (body and kind, title, adoption and vote, the unofficial-copy notice), the document's HTML
(``document_html``), the metadata rows (``metadata_panel``), the "Cited by" list and previous/next links.
Page layout (where each fragment goes) belongs to ``mkdocs_adapter/theme/resolution.html``.

Pure core: returns strings, imports no MkDocs or Jinja. Every piece of source text goes through
``html.escape``; links are relative to the page's own URL so a site works under any base path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from resolutions.model import AgendaItem, Resolution
from resolutions.parse.titles import title_case
from resolutions.site.collection import Collection
from resolutions.site.document_html import OutlineEntry, PageContext, PageLinks, esc
from resolutions.site.labels import document_kind, document_name, format_date, meeting_text
from resolutions.site.metadata_panel import metadata_rows
from resolutions.site.series_pages import edition_rows  # "Series" row: previous and next editions
from resolutions.site.views import adoption_meetings, body_of, vote_summary  # one rule for pages and indexes

NOTICE = "Unofficial copy. Source: United Nations."
"""Shown on every page built from a UN text."""


@dataclass(frozen=True)
class PageLink:
    """A link to another page with its label (previous/next resolution)."""

    href: str
    """Link relative to the current page."""
    label: str
    """Printed number and title."""


@dataclass(frozen=True)
class RenderedResolution:
    """Everything a resolution page shows, as data and escaped HTML fragments."""

    title: str
    """Page title as plain text: ``51/148. Cooperation between ...``."""
    title_html: str
    """The same title HTML-escaped, for places that insert it unescaped (Material's ``<title>`` and header)."""
    head_html: str
    """What a reader needs on the first screen: body and kind, the title, adoption and vote in one line, the
    notice with the link to the official text."""
    about_label: str
    """Summary of the collapsed metadata panel: ``About this resolution`` or ``About this decision``."""
    body_html: str
    """The document itself: cover lines, text, footnotes, unplaced blocks (the title is in ``head_html``)."""
    metadata: tuple[tuple[str, str], ...]
    """Metadata panel rows: (label, value HTML)."""
    notice_html: str
    """The unofficial-copy notice naming the United Nations and linking the official text."""
    cited_by_html: str
    """The "Cited by" list ("" when nothing in the collection cites it)."""
    previous: PageLink | None
    """Previous resolution of the same session."""
    next: PageLink | None
    """Next resolution of the same session."""
    official_url: str | None
    """Link to the official text, when the symbol is known."""
    anchor_ids: frozenset[str]
    """Every id on the page that a link may target."""
    outline: tuple[OutlineEntry, ...]
    """Table of contents of the page."""


def page_title(res: Resolution) -> str:
    """The title as printed with its number: ``51/148. Cooperation between ...``."""
    title = res.title or "(untitled)"
    if res.number:
        return f"{res.number}. {title}"
    return f"{res.symbol}: {title}" if res.symbol else title


def render_resolution(
    res: Resolution,
    collection: Collection,
    page_url: str,
    session_url: Callable[[Resolution], str | None] | None = None,
    agenda_item_url: Callable[[Resolution, AgendaItem], str | None] | None = None,
    timeline_url: Callable[[Resolution], str | None] | None = None,
) -> RenderedResolution:
    """Render one resolution for the page at site-relative ``page_url`` (``A/RES/51/148/``).

    ``session_url``, ``agenda_item_url`` and ``timeline_url`` give the site-relative URLs of the index pages
    (``views``) when they exist; without them (or when they return None) the metadata is unlinked.
    """
    title = page_title(res)
    ctx = PageContext(res, collection, page_url)
    official = collection.official_url(res.symbol) if res.symbol else None
    notice = _notice(official)
    head = _head(ctx, title, notice)
    body = ctx.document()
    cited_by = _cited_by(res, collection, ctx.links)
    outline = list(ctx.outline)
    if cited_by:
        ctx.ids.add("cited-by")
        outline.append(OutlineEntry(2, "cited-by", "Cited by"))
    return RenderedResolution(
        title=title,
        title_html=esc(title),
        head_html=head,
        about_label=f"About this {document_kind(res)}",
        body_html=body,
        metadata=tuple(metadata_rows(res, collection, ctx.links, session_url, agenda_item_url, timeline_url))
        + edition_rows(collection, res, ctx.links.href),
        notice_html=notice,
        cited_by_html=cited_by,
        previous=_neighbour_link(res, collection, ctx.links, "previous"),
        next=_neighbour_link(res, collection, ctx.links, "next"),
        official_url=official,
        anchor_ids=frozenset(ctx.ids),
        outline=tuple(outline),
    )


def _head(ctx: PageContext, printed_title: str, notice_html: str) -> str:
    """The first screen: body and kind, the title (``printed_title`` is ``page_title(res)``), adoption
    and vote, and the notice, before the long metadata and the cover lines of the printed document."""
    res = ctx.res
    ctx.ids.add("title")
    kind = " ".join(filter(None, (body_of(res), document_kind(res))))
    name = document_name(res)
    if res.kind == "decision":
        name = name.removeprefix("decision ")
    kicker = f'<p class="res-head__kind">{esc(kind[:1].upper() + kind[1:])} <span class="res-symbol">{esc(name)}</span></p>'
    # The capital topic heading of the old Security Council volumes is printed above the title.
    # (Unless it became the title: parse/titles.py.)
    shown_topic = res.topic if res.topic and title_case(res.topic) != res.title else None
    topic = f'<p class="res-topic">{esc(shown_topic)}</p>' if shown_topic else ""
    title = f'<h1 class="res-title" id="title">{esc(printed_title)}</h1>'
    facts = [_adoption_phrase(res)]
    vote = vote_summary(res)
    if vote:
        facts.append(vote[:1].upper() + vote[1:])
    facts_html = " · ".join(esc(fact) for fact in facts if fact)
    line = f'<p class="res-head__facts">{facts_html}</p>' if facts_html else ""
    return f'<header class="res-head">{kicker}{topic}{title}{line}{notice_html}</header>'


def _notice(official_url: str | None) -> str:
    link = f' <a href="{esc(official_url)}" rel="external">Official text</a>' if official_url else ""
    return f'<p class="res-notice"><strong>{esc(NOTICE)}</strong>{link}</p>'


def _adoption_phrase(res: Resolution) -> str:
    """``Adopted 17 December 2021, 55th plenary meeting``; each part's own when the parts were adopted at
    different meetings (``Adopted A: 10 November 2016, 45th plenary meeting; B: 11 May 2017, …``)."""
    phrases = []
    for meeting, date, parts in adoption_meetings(res):
        pieces = [format_date(date)] if date else []
        if meeting is not None:
            pieces.append(meeting_text(meeting))
        if pieces:
            phrases.append((f"{parts}: " if parts else "") + ", ".join(pieces))
    return "Adopted " + "; ".join(phrases) if phrases else ""


def _cited_by(res: Resolution, collection: Collection, links: PageLinks) -> str:
    if not res.symbol or collection.by_symbol.get(res.symbol) is not res:
        return ""
    backlinks = collection.cited_by.get(res.symbol, ())
    if not backlinks:
        return ""
    entries = []
    for link in backlinks:
        entries.append(
            f'<li class="res-cited-by__item"><a href="{esc(links.href(link.href))}">'
            f'<span class="res-cited-by__number">{esc(_document_name(link.citing_kind, link.citing_number))}</span>'
            f", {esc(link.where_label)}</a>"
            f' <span class="res-cited-by__title">{esc(link.citing_title)}</span>'
            f'<blockquote class="res-cited-by__snippet">{esc(link.snippet)}</blockquote></li>'
        )
    return f'<ul class="res-cited-by" id="cited-by-list">{"".join(entries)}</ul>'


def _document_name(kind: str, number: str) -> str:
    """How a reader names a citing document: ``74/571`` is shown as ``decision 74/571``."""
    return f"decision {number}" if kind == "decision" else number


def _neighbour_link(res: Resolution, collection: Collection, links: PageLinks, which: str) -> PageLink | None:
    if not res.symbol:
        return None
    neighbours = collection.neighbours.get(res.symbol)
    symbol = getattr(neighbours, which, None) if neighbours else None
    if not symbol:
        return None
    other = collection.by_symbol[symbol]
    return PageLink(links.href(collection.url_for(symbol)), page_title(other))
