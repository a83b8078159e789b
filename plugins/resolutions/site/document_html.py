"""The resolution's text as printed, in HTML: paragraphs, footnotes, citation links, sections, parts, annexes.

``PageContext`` holds the rendering state of one page (the ids handed out, the footnote markers, the table of
contents) and writes the document's blocks: cover lines, preamble, numbered operative paragraphs with their
items, sections, parts, annexes with their tables, footnotes and the text the parser could not place. Inline
text gets its footnote markers, its citation links and the italic opening phrase of the printed page.
``PageLinks`` makes every link relative to the page's own URL, so a site works under any base path.

Pure core: returns strings, imports no MkDocs or Jinja. Every piece of source text goes through ``esc``.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Callable, Iterable, Sequence

from resolutions import symbols
from resolutions.model import Annex, Citation, Mark, Meeting, Paragraph, Part, Resolution, Section, Table
from resolutions.parse import ids
from resolutions.site.collection import Collection, ResolvedCitation, relative_href
from resolutions.site.labels import format_date, meeting_text

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


def esc(text: str | None) -> str:
    """Source text made safe for HTML (``""`` for None)."""
    return html.escape(text or "", quote=True)


class PageLinks:
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


class PageContext:
    """Rendering state of one page: the resolution, its resolved citations, the ids handed out."""

    def __init__(self, res: Resolution, collection: Collection, page_url: str) -> None:
        self.res = res
        self.collection = collection
        self.links = PageLinks(page_url)
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
                out.append(f'<a class="{css}" href="{esc(self.href(href))}">{esc(text[start:end])}</a>')
                position = end
        if length > position:
            out.append(_plain(text, position, length, italic_end))
        return "".join(out)

    def citation_link(self, mark: Mark, span: str) -> str:
        try:
            resolved = self.resolved[int(mark.value)]
        except (ValueError, IndexError):
            return esc(span)  # a mark without its citation: show the text unlinked
        css = "res-citation" if resolved.internal else "res-citation res-external"
        symbol = esc(resolved.citation.symbol)
        # The title is the symbol and the paragraph; escaping works character by character, so the escaped
        # symbol is reused rather than escaped twice.
        title = symbol + (esc(f", para. {resolved.citation.paragraph}") if resolved.citation.paragraph else "")
        return (
            f'<a class="{css}" href="{esc(self.href(resolved.href))}" title="{title}"'
            f' data-symbol="{symbol}">{esc(span)}</a>'
        )

    def footnote_marker(self, mark: str) -> str:
        note = self.footnotes.get(mark)
        if note is None:
            return f'<sup class="res-footnote-missing" title="footnote without a note">{esc(mark)}</sup>'
        refs = self.footnote_refs.setdefault(note.id, [])
        ref_id = self.new_id(ids.footnote_ref_id(note.id, len(refs)))
        refs.append(ref_id)
        return (
            f'<sup id="{esc(ref_id)}"><a href="#{esc(note.id)}" class="footnote-ref">{esc(note.mark)}</a></sup>'
        )

    # --- blocks ------------------------------------------------------------------------------------------

    def permalink(self, anchor_html: str) -> str:
        """The heading or paragraph link to its own (already escaped) anchor."""
        return f'<a class="headerlink" href="#{anchor_html}" title="Permanent link">¶</a>'

    def preamble(self, paragraphs: Sequence[Paragraph]) -> str:
        parts = []
        for para in paragraphs:
            anchor = esc(self.new_id(para.id))
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
                out.append(f'<h3 class="res-heading" id="{esc(anchor)}">{self.inline(para.text, para.marks)}</h3>')
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
        anchor = esc(self.new_id(para.id))
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
            f'<li class="res-para{css}" id="{anchor}"><span class="res-num">{esc(number)}</span>'
            f'<div class="res-para__text"><p>{text}{self.permalink(anchor)}</p>{self.items(para.items)}</div></li>'
        )

    def items(self, items: Sequence[Paragraph]) -> str:
        return self.operative(items, css="res-items") if items else ""

    def meeting_line(self, meeting: Meeting | None, adopted: str | None) -> str:
        if meeting is None and not adopted:
            return ""
        lines = []
        if meeting is not None:
            lines.append(esc(meeting_text(meeting)))
        date = format_date((meeting.date if meeting else None) or adopted)
        if date:
            lines.append(esc(date))
        return f'<p class="res-meeting">{"<br>".join(lines)}</p>'

    def section(self, section: Section, prefix: str = "") -> str:
        anchor = self.new_id(ids.section_anchor(prefix, section.label))
        heading = f"{section.label}" + (f". {section.title}" if section.title else "")
        self.outline.append(OutlineEntry(3 if prefix else 2, anchor, heading))
        title = f'<p class="res-section__title">{esc(section.title)}</p>' if section.title else ""
        return (
            f'<section class="res-section" id="{esc(anchor)}">'
            f'<h2 class="res-section__label">{esc(section.label)}{self.permalink(esc(anchor))}</h2>{title}'
            f"{self.preamble(section.preamble)}{self.operative(section.operative)}</section>"
        )

    def part(self, part: Part) -> str:
        anchor = self.new_id(ids.part_anchor(part.label))
        self.outline.append(OutlineEntry(2, anchor, f"{part.label}" + (f". {part.title}" if part.title else "")))
        title = f'<p class="res-part__title">{esc(part.title)}</p>' if part.title else ""
        formula = f'<p class="res-formula">{esc(part.enacting_formula)}</p>' if part.enacting_formula else ""
        sections = "".join(self.section(s, prefix=ids.part_prefix(part.label)) for s in part.sections)
        return (
            f'<section class="res-part" id="{esc(anchor)}">'
            f'<h2 class="res-part__label">{esc(part.label)}{self.permalink(esc(anchor))}</h2>{title}{formula}'
            f"{self.preamble(part.preamble)}{self.operative(part.operative)}{sections}"
            f"{self.meeting_line(part.meeting, part.adopted)}</section>"
        )

    def annex(self, annex: Annex) -> str:
        anchor = self.new_id(annex.id)
        self.outline.append(OutlineEntry(2, anchor, annex.label + (f". {annex.title}" if annex.title else "")))
        title = f'<p class="res-annex__title">{esc(annex.title)}</p>' if annex.title else ""
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
            f'<section class="res-annex" id="{esc(anchor)}">'
            f'<h2 class="res-annex__label">{esc(annex.label)}{self.permalink(esc(anchor))}</h2>{title}'
            f'{"".join(blocks)}</section>'
        )

    def table(self, table: Table) -> str:
        anchor = self.new_id(table.id)
        head = "".join(f"<th>{esc(cell)}</th>" for cell in table.header)
        rows = "".join("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
        return (
            f'<div class="res-table"><table id="{esc(anchor)}">'
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
                f' <a class="footnote-backref" href="#{esc(ref)}" title="Jump back to the text">↩</a>'
                for ref in self.footnote_refs.get(note.id, ())
            )
            items.append(
                f'<li id="{esc(anchor)}">'
                f'<p><span class="res-fn-mark">{esc(note.mark)}</span> {text}{backrefs}</p></li>'
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
            f'<p id="{esc(self.new_id(p.id))}" data-line="{p.line}">{self.inline(p.text, p.marks)}</p>'
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
            lines.append(f'<p class="res-cover__body">{esc(res.body)}</p>')
        # Decisions print no symbol: the A/DEC/… key of the collection is not shown as if printed.
        printed_symbol = res.symbol if res.kind != "decision" else None
        right = [f'<span class="res-cover__symbol">{esc(printed_symbol)}</span>'] if printed_symbol else []
        if res.issued:
            right.append(f'<span class="res-cover__date">{esc(format_date(res.issued))}</span>')
        if right:
            lines.append(f'<p class="res-cover__ids">{"<br>".join(right)}</p>')
        session = []
        if res.session_text:
            session.append(esc(res.session_text))
        if res.agenda_items:
            label = "Agenda item" if len(res.agenda_items) == 1 else "Agenda items"
            session.append(f"{label} " + esc(_join_and([item.number for item in res.agenda_items])))
        if session:
            lines.append(f'<p class="res-cover__session">{"<br>".join(session)}</p>')
        if res.adopted_line:
            lines.append(f'<p class="res-cover__adopted">{esc(res.adopted_line)}</p>')
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
        return f'<div class="res-{wanted_id}-part" id="{esc(anchor)}">{render(paragraphs)}</div>'

    def single_part_heading(self) -> str:
        """The part letter and its title under the title, when the file holds one part (``75/290 B``)."""
        res = self.res
        if not res.part_label and not res.part_title:
            return ""
        label = f'<p class="res-part__label">{esc(res.part_label)}</p>' if res.part_label else ""
        title = f'<p class="res-part__title">{esc(res.part_title)}</p>' if res.part_title else ""
        return f'<div class="res-single-part">{label}{title}</div>'

    def document(self) -> str:
        """The whole document as printed, after the page's head (which holds the title)."""
        res = self.res
        formula = f'<p class="res-formula">{esc(res.enacting_formula)}</p>' if res.enacting_formula else ""
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
        return esc(text[start:end])
    cut = min(end, italic_end)
    return f"<em>{esc(text[start:cut])}</em>{esc(text[cut:end])}"


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
