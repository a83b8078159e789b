"""HTML for a resolution page: the text in the layout of the printed document, and the page's fragments.

``render_resolution`` turns a parsed ``Resolution`` and its ``Collection`` into a ``RenderedResolution``: the
body HTML (cover lines, title, enacting formula, preamble, numbered operative paragraphs, sections, parts,
annexes, tables, footnotes, unplaced text), the metadata rows, the "Cited by" list and previous/next links.
Page layout (where each fragment goes) belongs to ``mkdocs_adapter/theme/resolution.html``.

Pure core: returns strings, imports no MkDocs or Jinja. Every piece of source text goes through
``html.escape``; links are relative to the page's own URL so a site works under any base path.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Callable, Iterable, Sequence

from resolutions import symbols
from resolutions.parse import ids
from resolutions.site.collection import Collection, ResolvedCitation, relative_href
from resolutions.parse.titles import title_case
from resolutions.site.labels import agenda_title, format_date, member_name, membership, ordinal, session_label
from resolutions.model import (
    AgendaItem,
    Annex,
    Citation,
    Footnote,
    Mark,
    Meeting,
    Paragraph,
    Part,
    Resolution,
    Section,
    Table,
)
from resolutions.site.views import (  # one rule for pages, indexes and data files
    adoption_meetings,
    body_of,
    meeting_record,
    vote_summary,
)
from resolutions.site.series_pages import edition_rows  # "Series" row: previous and next editions

SHORT_LIST = 5
"""A list of at most this many names is shown as it is; a longer one is shut behind its count."""

NOTICE = "Unofficial copy. Source: United Nations."
"""Shown on every page built from a UN text."""

# Words that continue the italic opening phrase of a paragraph as printed: "Recalling also",
# "Noting with deep concern", "Bearing in mind", "Takes note with satisfaction".
_OPENING_CONTINUATIONS = frozenset(
    "also further furthermore again moreover once in particular with deep grave great serious "
    "profound concern satisfaction appreciation regret alarm mind note upon".split()
)

# An unnumbered paragraph opening with an operative verb: "Urges", "Decides", "Requests", "Calls upon".
_OPERATIVE_VERB = re.compile(r"(?:Also |Further |Strongly |Once again )?[A-Z][a-z]+(?:s|es) (?!of\b)[a-z]")

# Compiled once: these run for every paragraph of every page.
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_START_END = itemgetter(0, 1)  # inline events in text order (start, then end); ties keep the marks' order


@dataclass(frozen=True)
class OutlineEntry:
    """One entry of the page's table of contents."""

    level: int
    """Heading level (2 for the main parts of the page)."""
    id: str
    """Anchor on the page."""
    title: str
    """Text shown in the table of contents."""


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


def document_kind(res: Resolution) -> str:
    """``decision`` for a decision (cited as "decision 71/406", never by an A/DEC symbol), else ``resolution``."""
    return "decision" if res.kind == "decision" else "resolution"


def document_name(res: Resolution) -> str:
    """How a reader cites the document: ``A/RES/76/1``, ``S/RES/242 (1967)``, ``decision 71/406 A and B``."""
    if res.kind == "decision":
        return f"decision {res.number or res.symbol or ''}".strip()
    return res.symbol or res.number or ""


def meeting_text(meeting: Meeting) -> str:
    """The meeting as printed: ``84th plenary meeting``, ``56th (resumed) plenary meeting``, ``4213th meeting``."""
    words = []
    if meeting.number is not None:
        words.append(ordinal(meeting.number))
    if meeting.resumed:
        words.append("(resumed)")
    words.append(meeting.kind if meeting.kind.endswith("meeting") else f"{meeting.kind} meeting")
    return " ".join(words)


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
    ctx = _Context(res, collection, page_url)
    official = collection.official_url(res.symbol) if res.symbol else None
    notice = _notice(official)
    head = ctx.head(title, notice)
    body = ctx.document()
    cited_by = _cited_by(res, collection, ctx.links)
    outline = list(ctx.outline)
    if cited_by:
        ctx.ids.add("cited-by")
        outline.append(OutlineEntry(2, "cited-by", "Cited by"))
    return RenderedResolution(
        title=title,
        title_html=_esc(title),
        head_html=head,
        about_label=f"About this {document_kind(res)}",
        body_html=body,
        metadata=tuple(_metadata(res, collection, ctx.links, session_url, agenda_item_url, timeline_url))
        + edition_rows(collection, res, ctx.links.href),
        notice_html=notice,
        cited_by_html=cited_by,
        previous=_neighbour_link(res, collection, ctx.links, "previous"),
        next=_neighbour_link(res, collection, ctx.links, "next"),
        official_url=official,
        anchor_ids=frozenset(ctx.ids),
        outline=tuple(outline),
    )


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


class _PageLinks:
    """Links relative to one page, as ``relative_href`` makes them, with the page's folder split once.

    A page links to dozens of pages; ``relative_href`` (``posixpath.relpath``) normalises both URLs against
    the working directory at every call. For plain site-relative paths (no leading ``/``, no ``..``) the
    relative path is the steps up from the page's folder to the common ancestor and the rest of the target;
    anything else is handed to ``relative_href`` itself.
    """

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url
        folder = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
        parts = _path_parts(folder)
        self.folder = None if folder.startswith("/") or ".." in parts else parts

    def href(self, url: str) -> str:
        if "://" in url:
            return url  # absolute: as relative_href leaves it
        folder = self.folder
        if folder is None or url.startswith(("mailto:", "#", "/")):
            return relative_href(self.page_url, url)
        target, _, fragment = url.partition("#")
        parts = _path_parts(target)
        if ".." in parts:
            return relative_href(self.page_url, url)
        common = 0
        for mine, theirs in zip(folder, parts):
            if mine != theirs:
                break
            common += 1
        relative = "/".join([".."] * (len(folder) - common) + parts[common:]) or "."
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative + ("#" + fragment if fragment else "")


def _path_parts(path: str) -> list[str]:
    """The components of a relative path as ``posixpath.relpath`` compares them (no empty or ``.`` ones)."""
    return [part for part in path.split("/") if part and part != "."]


class _Context:
    """Rendering state of one page: the resolution, its resolved citations, the ids handed out."""

    def __init__(self, res: Resolution, collection: Collection, page_url: str) -> None:
        self.res = res
        self.collection = collection
        self.links = _PageLinks(page_url)
        self.resolved: Sequence[ResolvedCitation] = collection.resolved(res)
        self.footnotes = {note.mark: note for note in res.footnotes}
        self.footnote_refs: dict[str, list[str]] = {}  # footnote id -> ids of its markers, in order
        self.ids: set[str] = set()
        self.outline: list[OutlineEntry] = []

    def new_id(self, wanted: str) -> str:
        """``wanted`` if unused on the page, else a numbered variant: ids stay unique even on bad input."""
        candidate, counter = wanted, 2
        while candidate in self.ids:
            candidate = f"{wanted}-{counter}"
            counter += 1
        self.ids.add(candidate)
        return candidate

    def href(self, url: str) -> str:
        return self.links.href(url)

    # --- inline text -------------------------------------------------------------------------------------

    def inline(self, text: str, marks: Iterable[Mark], italic_opening: bool = False, link_symbols: bool = False) -> str:
        """Text with its footnote markers and citation links; optionally the opening phrase in italics."""
        events: list[tuple[int, int, str, Mark | tuple[str, bool] | None]] = []
        length = len(text)
        for mark in marks:
            start = max(0, min(mark.start, length))
            end = max(start, min(mark.end, length))
            events.append((start, end, mark.kind, mark))
        if link_symbols:
            taken = [(s, e) for s, e, kind, _ in events if kind == "citation"]
            for start, end, symbol in symbols.find_symbols(text):
                if not any(s < end and start < e for s, e in taken):
                    events.append((start, end, "symbol", self.collection.link_for_symbol(symbol)))
        italic_end = _opening_phrase_end(text) if italic_opening else 0
        if not events:  # no marker or link: the text in one or two pieces
            return _plain(text, 0, length, italic_end)
        events.sort(key=_START_END)
        if italic_end and any(start < italic_end and kind != "footnote" for start, _e, kind, _m in events):
            italic_end = 0  # a link at the start of the paragraph: no italics rather than broken markup

        out: list[str] = []
        position = 0
        for start, end, kind, payload in events:
            if start < position:
                continue  # overlapping marks: keep the first, the text is still shown once
            if start > position:
                out.append(_plain(text, position, start, italic_end))
                position = start
            if kind == "footnote" and isinstance(payload, Mark):
                out.append(self.footnote_marker(payload.value))
            elif kind == "citation" and isinstance(payload, Mark):
                out.append(self.citation_link(payload, text[start:end]))
                position = end
            elif kind == "symbol" and isinstance(payload, tuple):
                href, internal = payload
                css = "res-doc" if internal else "res-doc res-external"
                out.append(f'<a class="{css}" href="{_esc(self.href(href))}">{_esc(text[start:end])}</a>')
                position = end
        if length > position:
            out.append(_plain(text, position, length, italic_end))
        return "".join(out)

    def citation_link(self, mark: Mark, span: str) -> str:
        try:
            resolved = self.resolved[int(mark.value)]
        except (ValueError, IndexError):
            return _esc(span)  # a mark without its citation: show the text unlinked
        css = "res-citation" if resolved.internal else "res-citation res-external"
        symbol = _esc(resolved.citation.symbol)
        # The title is the symbol and the paragraph; escaping works character by character, so the escaped
        # symbol is reused rather than escaped twice.
        title = symbol + (_esc(f", para. {resolved.citation.paragraph}") if resolved.citation.paragraph else "")
        return (
            f'<a class="{css}" href="{_esc(self.href(resolved.href))}" title="{title}"'
            f' data-symbol="{symbol}">{_esc(span)}</a>'
        )

    def footnote_marker(self, mark: str) -> str:
        note = self.footnotes.get(mark)
        if note is None:
            return f'<sup class="res-footnote-missing" title="footnote without a note">{_esc(mark)}</sup>'
        refs = self.footnote_refs.setdefault(note.id, [])
        ref_id = self.new_id(ids.footnote_ref_id(note.id, len(refs)))
        refs.append(ref_id)
        return (
            f'<sup id="{_esc(ref_id)}"><a href="#{_esc(note.id)}" class="footnote-ref">{_esc(note.mark)}</a></sup>'
        )

    # --- blocks ------------------------------------------------------------------------------------------

    def permalink(self, anchor_html: str) -> str:
        """The heading or paragraph link to its own (already escaped) anchor."""
        return f'<a class="headerlink" href="#{anchor_html}" title="Permanent link">¶</a>'

    def preamble(self, paragraphs: Sequence[Paragraph]) -> str:
        parts = []
        for para in paragraphs:
            anchor = _esc(self.new_id(para.id))
            parts.append(
                f'<p class="res-pp" id="{anchor}">'
                f"{self.inline(para.text, para.marks, italic_opening=True)}{self.permalink(anchor)}</p>"
                + self.items(para.items)
            )
        return f'<div class="res-preamble">{"".join(parts)}</div>' if parts else ""

    def operative(self, paragraphs: Sequence[Paragraph], css: str = "res-operative") -> str:
        """Numbered paragraphs as a list showing the printed numbers; unnumbered text between them."""
        out: list[str] = []
        in_list = False
        for para in paragraphs:
            numbered = para.number is not None and para.kind in ("operative", "item", "text")
            if para.kind == "heading":
                if in_list:
                    out.append("</ol>")
                    in_list = False
                anchor = self.new_id(para.id)
                out.append(f'<h3 class="res-heading" id="{_esc(anchor)}">{self.inline(para.text, para.marks)}</h3>')
                continue
            if numbered and not in_list:
                out.append(f'<ol class="{css}">')
                in_list = True
            elif not numbered and in_list:
                out.append("</ol>")
                in_list = False
            out.append(self.paragraph(para, numbered))
        if in_list:
            out.append("</ol>")
        return "".join(out)

    def paragraph(self, para: Paragraph, numbered: bool) -> str:
        anchor = _esc(self.new_id(para.id))
        if para.table is not None:
            # A table printed among the paragraphs: shown as a table (its text only joins the cells).
            return f'<div class="res-text res-table-block" id="{anchor}">{self.table(para.table)}</div>'
        # Operative verbs are printed in italics; an unnumbered operative paragraph ("Urges all States ...")
        # too, but not quoted or annex text, which rarely opens with a third-person verb.
        italic = para.kind == "operative" or (para.kind == "text" and _OPERATIVE_VERB.match(para.text) is not None)
        text = self.inline(para.text, para.marks, italic_opening=italic)
        # A draft resolution transmitted in the text (ids ``draft-para-N``, ``draft-text-N``) is quoted,
        # not the resolution's own: it is marked so that the page sets it apart as the document does.
        css = " res-draft" if "draft-" in para.id else ""
        if not numbered:
            return (
                f'<p class="res-text{css}" id="{anchor}">{text}{self.permalink(anchor)}</p>'
                + self.items(para.items)
            )
        # "5." for numbered paragraphs (the resolution's own or a transmitted draft's), "(a)" for items.
        number = f"({para.number})" if para.kind == "item" else f"{para.number}."
        return (
            f'<li class="res-para{css}" id="{anchor}"><span class="res-num">{_esc(number)}</span>'
            f'<div class="res-para__text"><p>{text}{self.permalink(anchor)}</p>{self.items(para.items)}</div></li>'
        )

    def items(self, items: Sequence[Paragraph]) -> str:
        return self.operative(items, css="res-items") if items else ""

    def meeting_line(self, meeting: Meeting | None, adopted: str | None) -> str:
        if meeting is None and not adopted:
            return ""
        lines = []
        if meeting is not None:
            lines.append(_esc(meeting_text(meeting)))
        date = format_date((meeting.date if meeting else None) or adopted)
        if date:
            lines.append(_esc(date))
        return f'<p class="res-meeting">{"<br>".join(lines)}</p>'

    def section(self, section: Section, prefix: str = "") -> str:
        anchor = self.new_id(ids.section_anchor(prefix, section.label))
        heading = f"{section.label}" + (f". {section.title}" if section.title else "")
        self.outline.append(OutlineEntry(3 if prefix else 2, anchor, heading))
        title = f'<p class="res-section__title">{_esc(section.title)}</p>' if section.title else ""
        return (
            f'<section class="res-section" id="{_esc(anchor)}">'
            f'<h2 class="res-section__label">{_esc(section.label)}{self.permalink(_esc(anchor))}</h2>{title}'
            f"{self.preamble(section.preamble)}{self.operative(section.operative)}</section>"
        )

    def part(self, part: Part) -> str:
        anchor = self.new_id(ids.part_anchor(part.label))
        self.outline.append(OutlineEntry(2, anchor, f"{part.label}" + (f". {part.title}" if part.title else "")))
        title = f'<p class="res-part__title">{_esc(part.title)}</p>' if part.title else ""
        formula = f'<p class="res-formula">{_esc(part.enacting_formula)}</p>' if part.enacting_formula else ""
        sections = "".join(self.section(s, prefix=ids.part_prefix(part.label)) for s in part.sections)
        return (
            f'<section class="res-part" id="{_esc(anchor)}">'
            f'<h2 class="res-part__label">{_esc(part.label)}{self.permalink(_esc(anchor))}</h2>{title}{formula}'
            f"{self.preamble(part.preamble)}{self.operative(part.operative)}{sections}"
            f"{self.meeting_line(part.meeting, part.adopted)}</section>"
        )

    def annex(self, annex: Annex) -> str:
        anchor = self.new_id(annex.id)
        self.outline.append(OutlineEntry(2, anchor, annex.label + (f". {annex.title}" if annex.title else "")))
        title = f'<p class="res-annex__title">{_esc(annex.title)}</p>' if annex.title else ""
        blocks: list[str] = []
        run: list[Paragraph] = []
        for block in annex.blocks:
            if isinstance(block, Table):
                blocks.append(self.operative(run))
                run = []
                blocks.append(self.table(block))
            else:
                run.append(block)
        blocks.append(self.operative(run))
        return (
            f'<section class="res-annex" id="{_esc(anchor)}">'
            f'<h2 class="res-annex__label">{_esc(annex.label)}{self.permalink(_esc(anchor))}</h2>{title}'
            f'{"".join(blocks)}</section>'
        )

    def table(self, table: Table) -> str:
        anchor = self.new_id(table.id)
        head = "".join(f"<th>{_esc(cell)}</th>" for cell in table.header)
        rows = "".join("<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
        return (
            f'<div class="res-table"><table id="{_esc(anchor)}">'
            + (f"<thead><tr>{head}</tr></thead>" if head else "")
            + f"<tbody>{rows}</tbody></table></div>"
        )

    def footnote_block(self) -> str:
        if not self.res.footnotes:
            return ""
        items = []
        for note in self.res.footnotes:
            anchor = self.new_id(note.id)
            text = self.inline(note.text, note.marks, link_symbols=True)
            backrefs = "".join(
                f' <a class="footnote-backref" href="#{_esc(ref)}" title="Jump back to the text">↩</a>'
                for ref in self.footnote_refs.get(note.id, ())
            )
            items.append(
                f'<li id="{_esc(anchor)}">'
                f'<p><span class="res-fn-mark">{_esc(note.mark)}</span> {text}{backrefs}</p></li>'
            )
        self.ids.add("footnotes")
        self.outline.append(OutlineEntry(2, "footnotes", "Footnotes"))
        return (
            '<div class="footnote" id="footnotes"><hr><h2 class="res-footnotes__title">Footnotes</h2>'
            f'<ol>{"".join(items)}</ol></div>'
        )

    def unplaced(self) -> str:
        if not self.res.unplaced:
            return ""
        paragraphs = "".join(
            f'<p id="{_esc(self.new_id(p.id))}" data-line="{p.line}">{self.inline(p.text, p.marks)}</p>'
            for p in self.res.unplaced
        )
        self.ids.add("unplaced")
        self.outline.append(OutlineEntry(2, "unplaced", "Text not placed"))
        return (
            '<aside class="admonition warning res-unplaced" id="unplaced">'
            '<p class="admonition-title">Text the publisher could not place in the document structure</p>'
            f"{paragraphs}</aside>"
        )

    # --- the whole document ------------------------------------------------------------------------------

    def cover(self) -> str:
        res = self.res
        lines = []
        if res.body:
            lines.append(f'<p class="res-cover__body">{_esc(res.body)}</p>')
        # Decisions print no symbol: the A/DEC/… key of the collection is not shown as if printed.
        printed_symbol = res.symbol if res.kind != "decision" else None
        right = [f'<span class="res-cover__symbol">{_esc(printed_symbol)}</span>'] if printed_symbol else []
        if res.issued:
            right.append(f'<span class="res-cover__date">{_esc(format_date(res.issued))}</span>')
        if right:
            lines.append(f'<p class="res-cover__ids">{"<br>".join(right)}</p>')
        session = []
        if res.session_text:
            session.append(_esc(res.session_text))
        if res.agenda_items:
            label = "Agenda item" if len(res.agenda_items) == 1 else "Agenda items"
            session.append(f"{label} " + _esc(_join_and([item.number for item in res.agenda_items])))
        if session:
            lines.append(f'<p class="res-cover__session">{"<br>".join(session)}</p>')
        if res.adopted_line:
            lines.append(f'<p class="res-cover__adopted">{_esc(res.adopted_line)}</p>')
        if res.proponent:
            self.ids.add("proponent")
            marks = _located_marks(res.proponent, res.citations, "proponent")
            lines.append(
                f'<p class="res-proponent" id="proponent">{self.inline(res.proponent, marks, link_symbols=True)}</p>'
            )
        return f'<header class="res-cover">{"".join(lines)}</header>' if lines else ""

    def top_level(self, paragraphs: Sequence[Paragraph], wanted_id: str, label: str,
                  render: Callable[[Sequence[Paragraph]], str]) -> str:
        """The preamble or operative part of the document, as an entry of the page's table of contents."""
        if not paragraphs:
            return ""
        anchor = self.new_id(wanted_id)
        self.outline.append(OutlineEntry(2, anchor, label))
        return f'<div class="res-{wanted_id}-part" id="{_esc(anchor)}">{render(paragraphs)}</div>'

    def single_part_heading(self) -> str:
        """The part letter and its title under the title, when the file holds one part (``75/290 B``)."""
        res = self.res
        if not res.part_label and not res.part_title:
            return ""
        label = f'<p class="res-part__label">{_esc(res.part_label)}</p>' if res.part_label else ""
        title = f'<p class="res-part__title">{_esc(res.part_title)}</p>' if res.part_title else ""
        return f'<div class="res-single-part">{label}{title}</div>'

    def head(self, printed_title: str, notice_html: str) -> str:
        """The first screen: body and kind, the title (``printed_title`` is ``page_title(res)``), adoption
        and vote, and the notice, before the long metadata and the cover lines of the printed document."""
        res = self.res
        self.ids.add("title")
        kind = " ".join(filter(None, (body_of(res), document_kind(res))))
        name = document_name(res)
        if res.kind == "decision":
            name = name.removeprefix("decision ")
        kicker = f'<p class="res-head__kind">{_esc(kind[:1].upper() + kind[1:])} <span class="res-symbol">{_esc(name)}</span></p>'
        # The capital topic heading of the old Security Council volumes is printed above the title.
        # (Unless it became the title: parse/titles.py.)
        shown_topic = res.topic if res.topic and title_case(res.topic) != res.title else None
        topic = f'<p class="res-topic">{_esc(shown_topic)}</p>' if shown_topic else ""
        title = f'<h1 class="res-title" id="title">{_esc(printed_title)}</h1>'
        facts = [_adoption_phrase(res)]
        vote = vote_summary(res)
        if vote:
            facts.append(vote[:1].upper() + vote[1:])
        facts_html = " · ".join(_esc(fact) for fact in facts if fact)
        line = f'<p class="res-head__facts">{facts_html}</p>' if facts_html else ""
        return f'<header class="res-head">{kicker}{topic}{title}{line}{notice_html}</header>'

    def document(self) -> str:
        """The whole document as printed, after the page's head (which holds the title)."""
        res = self.res
        formula = f'<p class="res-formula">{_esc(res.enacting_formula)}</p>' if res.enacting_formula else ""
        text = [
            self.cover(),
            self.single_part_heading(),
            formula,
            self.top_level(res.preamble, "preamble", "Preamble", self.preamble),
            self.top_level(res.operative, "operative", "Operative part", self.operative),
            "".join(self.section(s) for s in res.sections),
            "".join(self.part(p) for p in res.parts),
        ]
        # Each part prints its own meeting line; the document's is shown only when no part has one (the
        # meeting the parts share is not shown a third time).
        if not any(part.meeting is not None for part in res.parts):
            text.append(self.meeting_line(res.meeting, res.adopted if not res.parts else None))
        text.append("".join(self.annex(a) for a in res.annexes))
        text.append(self.unplaced())
        text.append(self.footnote_block())
        return f'<div class="res-document">{"".join(text)}</div>'


def _plain(text: str, start: int, end: int, italic_end: int) -> str:
    """``text[start:end]`` escaped, its part before ``italic_end`` (the opening phrase) in italics."""
    if start >= italic_end:
        return _esc(text[start:end])
    cut = min(end, italic_end)
    return f"<em>{_esc(text[start:cut])}</em>{_esc(text[cut:end])}"


def _located_marks(text: str, citations: Sequence[Citation], where: str) -> tuple[Mark, ...]:
    """Citation marks for a block the parser gives no marks for (the proponent line): each citation of the
    block is found in the text in order, so ``Add.1`` in ``A/51/L.53 and Add.1`` links to its own document."""
    marks = []
    position = 0
    for index, citation in enumerate(citations):
        if citation.where != where or not citation.text:
            continue
        start = text.find(citation.text, position)
        if start < 0:
            continue
        marks.append(Mark("citation", start, start + len(citation.text), str(index)))
        position = start + len(citation.text)
    return tuple(marks)


def _join_and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _opening_phrase_end(text: str) -> int:
    """End offset of the opening participle or verb phrase printed in italics (0 when there is none)."""
    if not text or not text[0].isupper():
        return 0
    # Words are taken one at a time: the phrase is a few words long, the scan stops at its end.
    words = _WORD.finditer(text, 0, 120)
    first = next(words, None)
    if first is None or first.start() != 0:
        return 0
    end = first.end()
    word = next(words, None)
    # "Deeply concerned", "Having considered": the first word needs the next one to make the phrase.
    lowered = first.group().lower()
    if (lowered.endswith("ly") or lowered == "having") and word is not None:
        end = word.end()
        word = next(words, None)
    while word is not None and word.group().lower() in _OPENING_CONTINUATIONS:
        if text[end : word.start()].strip():
            break  # punctuation between the words ends the phrase
        end = word.end()
        word = next(words, None)
    # Do not leave a dangling preposition in italics ("Noting with" without what follows).
    while (space := text.rfind(" ", 0, end)) >= 0 and text[space + 1 : end].lower() in {"with", "in", "once"}:
        end = space
    return end


def _notice(official_url: str | None) -> str:
    link = f' <a href="{_esc(official_url)}" rel="external">Official text</a>' if official_url else ""
    return f'<p class="res-notice"><strong>{_esc(NOTICE)}</strong>{link}</p>'


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


def _linked_symbol(symbol: str, collection: Collection, links: _PageLinks) -> str:
    href, internal = collection.link_for_symbol(symbol)
    css = "res-doc" if internal else "res-doc res-external"
    return f'<a class="{css}" href="{_esc(links.href(href))}">{_esc(symbol)}</a>'


def _metadata(
    res: Resolution,
    collection: Collection,
    links: _PageLinks,
    session_url: Callable[[Resolution], str | None] | None,
    agenda_item_url: Callable[[Resolution, AgendaItem], str | None] | None,
    timeline_url: Callable[[Resolution], str | None] | None,
) -> Iterable[tuple[str, str]]:
    if res.body:
        yield "Body", _esc(res.body)
    if res.kind == "decision":
        yield "Decision", _esc(document_name(res))
    elif res.symbol:
        yield "Symbol", f'<span class="res-symbol">{_esc(res.symbol)}</span>'
    if res.session or res.session_text:
        label = _esc(session_label(body_of(res), res.session) or res.session_text)
        target = session_url(res) if session_url else None
        yield "Session", f'<a href="{_esc(links.href(target))}">{label}</a>' if target else label
    if res.agenda_items:
        items = []
        for item in res.agenda_items:
            label = _esc(item.number) + (f": {_esc(agenda_title(item.title))}" if item.title else "")
            target = agenda_item_url(res, item) if agenda_item_url else None
            items.append(f'<li><a href="{_esc(links.href(target))}">{label}</a></li>' if target else f"<li>{label}</li>")
        yield "Agenda items" if len(res.agenda_items) > 1 else "Agenda item", f'<ul>{"".join(items)}</ul>'
    if res.proponent:
        yield "Proponent", _esc(res.proponent)
    if res.documents:
        yield "Documents", ", ".join(_linked_symbol(s, collection, links) for s in res.documents)
    if res.issued:
        yield "Issued", _esc(format_date(res.issued))
    yield from _adoption_rows(res, collection, links)
    timeline = timeline_url(res) if timeline_url else None
    if timeline:
        yield "Timeline", f'<a href="{_esc(links.href(timeline))}">This meeting on the timeline</a>'

    if res.vote is not None:
        yield "Vote", _vote(res)
    if res.draft:
        yield "Draft", _linked_symbol(res.draft, collection, links)
    if res.sponsors:
        count = _count_names(res.sponsors)
        short = count <= SHORT_LIST
        yield "Sponsors", _esc(res.sponsors) if short else _collapsed(res.sponsors, count, "sponsors", "res-sponsors")
    if res.subjects:
        yield "Subjects", _esc(", ".join(res.subjects))


def _adoption_rows(res: Resolution, collection: Collection, links: _PageLinks) -> Iterable[tuple[str, str]]:
    meetings: list[tuple[str, Meeting | None, str | None]] = []
    if res.meeting is not None or not res.parts:
        meetings.append(("", res.meeting, res.adopted))
    else:
        meetings.extend((f"{part.label}: ", part.meeting, part.adopted) for part in res.parts)
    for prefix, meeting, adopted in meetings:
        pieces = []
        if adopted or (meeting and meeting.date):
            pieces.append(_esc(format_date(adopted or (meeting.date if meeting else None))))
        if meeting is not None:
            text = _esc(meeting_text(meeting))
            record = meeting_record(res, meeting)
            if record:
                text += f" ({_linked_symbol(record, collection, links)})"
            pieces.append(text)
        if pieces:
            yield "Adopted", _esc(prefix) + ", ".join(pieces)


def _vote(res: Resolution) -> str:
    vote = res.vote
    assert vote is not None
    counts = [
        f"{count} {label}"
        for count, label in (
            (vote.in_favour, "in favour"),
            (vote.against, "against"),
            (vote.abstaining, "abstaining"),
        )
        if count is not None
    ]
    summary = vote.outcome[:1].upper() + vote.outcome[1:] + (f": {', '.join(counts)}" if counts else "")
    summary += _turnout(res)
    lists = []
    for label, members in (
        ("In favour", vote.in_favour_members),
        ("Against", vote.against_members),
        ("Abstaining", vote.abstaining_members),
    ):
        if members:
            names = ", ".join(member_name(member) for member in members)
            lists.append(_collapsed(names, len(members), label.lower(), "res-vote-list", label))
    return _esc(summary) + "".join(lists)


def _turnout(res: Resolution) -> str:
    """``; 171 of 193 members voted, 22 did not vote`` when the body's membership on that day is known."""
    vote = res.vote
    if vote is None or vote.in_favour is None:
        return ""
    voted = vote.in_favour + (vote.against or 0) + (vote.abstaining or 0)
    dates = [date for _meeting, date, _parts in adoption_meetings(res) if date]
    members = membership(body_of(res), dates[0] if dates else None)
    if members is None or voted > members:
        return f" ({voted} voting)"
    return f"; {voted} of {members} members voted, {members - voted} did not vote"


def _collapsed(text: str, count: int, noun: str, css: str, label: str = "") -> str:
    """A long list shut behind its count (``54 sponsors``), so the page's text comes first."""
    summary = f"{label} ({count})" if label else f"{count} {noun}"
    return f'<details class="{css}"><summary>{_esc(summary)}</summary><p>{_esc(text)}</p></details>'


# Names of Member States with "and" in them: the word does not separate two names there.
_NAMES_WITH_AND = re.compile(
    r"Antigua and Barbuda|Bosnia and Herzegovina|Saint Kitts and Nevis|Saint Vincent and the Grenadines"
    r"|Sao Tome and Principe|Trinidad and Tobago|Great Britain and Northern Ireland|Heard Island and McDonald"
)
_NAME_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _count_names(names: str) -> int:
    """How many names a printed list holds: ``Senegal, Trinidad and Tobago and Yemen`` holds 3."""
    joined = _NAMES_WITH_AND.sub(lambda m: m.group().replace(" and ", " & "), names)
    return len([name for name in _NAME_SEPARATOR.split(joined) if name.strip()])


def _cited_by(res: Resolution, collection: Collection, links: _PageLinks) -> str:
    if not res.symbol or collection.by_symbol.get(res.symbol) is not res:
        return ""
    backlinks = collection.cited_by.get(res.symbol, ())
    if not backlinks:
        return ""
    entries = []
    for link in backlinks:
        entries.append(
            f'<li class="res-cited-by__item"><a href="{_esc(links.href(link.href))}">'
            f'<span class="res-cited-by__number">{_esc(_document_name(link.citing_kind, link.citing_number))}</span>'
            f", {_esc(link.where_label)}</a>"
            f' <span class="res-cited-by__title">{_esc(link.citing_title)}</span>'
            f'<blockquote class="res-cited-by__snippet">{_esc(link.snippet)}</blockquote></li>'
        )
    return f'<ul class="res-cited-by" id="cited-by-list">{"".join(entries)}</ul>'


def _document_name(kind: str, number: str) -> str:
    """How a reader names a citing document: ``74/571`` is shown as ``decision 74/571``."""
    return f"decision {number}" if kind == "decision" else number


def _neighbour_link(res: Resolution, collection: Collection, links: _PageLinks, which: str) -> PageLink | None:
    if not res.symbol:
        return None
    neighbours = collection.neighbours.get(res.symbol)
    symbol = getattr(neighbours, which, None) if neighbours else None
    if not symbol:
        return None
    other = collection.by_symbol[symbol]
    return PageLink(links.href(collection.url_for(symbol)), page_title(other))
