"""The typed model of a resolution: frozen dataclasses and nothing else.

This is a public contract (its JSON form is produced by ``export.py`` and described by
``schema/resolution.schema.json``). Behaviour lives in functions elsewhere; here every field says
what it holds. Dates are ISO 8601 strings (``"1996-12-13"``) so that the model is plain data.
Every node carries ``line``: the 1-based line in the source file where it starts.
Classes use ``slots=True``: no per-object ``__dict__``, which roughly halves the memory of a parsed collection
(20,000 resolutions in one build); they pickle (the parse cache) and ``dataclasses.replace`` as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

ERROR = "error"
WARNING = "warning"
# A discrepancy in the source that leaves the page complete and correct (a note no marker refers to:
# the note is still shown). Reported so that editors can fix the source; never fails a build.
INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in a source file; the core reports these and never raises on content."""

    path: str
    """Source path as given to the parser (relative to the collection root when built by the plugin)."""
    line: int
    """1-based line the problem is on (0 when it concerns the whole file)."""
    severity: str
    """``"error"`` (fails a build), ``"warning"`` (fails only a strict build) or ``"info"`` (a
    discrepancy in the source that leaves the page complete and correct; never fails a build)."""
    code: str
    """Stable code of the kind of problem, e.g. ``RES001``; listed in docs/diagnostics.md."""
    message: str
    """What is wrong and what was expected, in one sentence."""

    def format(self) -> str:
        """The one-line form used everywhere: ``path:line: message [CODE]``."""
        return f"{self.path}:{self.line}: {self.message} [{self.code}]"


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline mark inside a paragraph's text: a footnote reference or a citation span."""

    kind: str
    """``"footnote"`` (zero-width, at ``start``) or ``"citation"`` (covers ``start:end``)."""
    start: int
    """Offset in the paragraph's ``text`` where the mark starts."""
    end: int
    """Offset where it ends (equal to ``start`` for a footnote reference)."""
    value: str
    """The footnote mark (``"1"``, ``"*"``) or the index of the citation in ``Resolution.citations``."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text: a preambular or operative paragraph, a sub-paragraph, or a plain text block."""

    id: str
    """Anchor as used in URLs: ``pp-3``, ``para-5``, ``para-5-a``, ``para-5-a-ii``; prefixed with the
    part and section where numbering restarts (``part-b-para-2``, ``sec-ii-para-1``)."""
    kind: str
    """``"preamble"``, ``"operative"``, ``"item"`` (a lettered or roman sub-paragraph), ``"text"``
    (unnumbered text, e.g. a quoted or annex paragraph), ``"heading"`` or ``"unplaced"``."""
    number: str | None
    """Printed number or letter without punctuation (``"5"``, ``"a"``, ``"ii"``); None when unnumbered."""
    text: str
    """The text as printed, markup and footnote markers removed, whitespace normalised."""
    line: int
    """Source line where the paragraph starts."""
    marks: tuple[Mark, ...] = ()
    """Footnote references and citation spans inside ``text``, in order of ``start``."""
    items: tuple["Paragraph", ...] = ()
    """Nested sub-paragraphs: ``(a)`` under a numbered paragraph, ``(i)`` under ``(a)``."""
    table: "Table | None" = None
    """A table printed among the paragraphs (outside an annex): its cells; ``text`` then holds the
    cells joined (`` | `` between cells, ``; `` between rows) so that nothing is lost."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table as printed (pipe table in the source)."""

    id: str
    """Anchor, ``table-1`` counted through the document."""
    header: tuple[str, ...]
    """Header cells."""
    rows: tuple[tuple[str, ...], ...]
    """Body rows, each a tuple of cell texts."""
    line: int
    """Source line where the table starts."""


@dataclass(frozen=True, slots=True)
class Meeting:
    """The meeting at which a resolution (or part) was adopted."""

    number: int | None
    """Meeting number as printed (``84`` for ``84th plenary meeting``); None when not printed."""
    kind: str
    """``"plenary"`` (GA, ECOSOC), ``"meeting"`` (Security Council) or the printed qualifier."""
    resumed: bool
    """True for ``56th (resumed) plenary meeting``."""
    date: str | None
    """ISO date of the meeting, when printed."""
    line: int
    """Source line of the meeting line."""
    record: str | None = None
    """Meeting record symbol (``A/51/PV.84``), from the front matter or derived for the GA."""


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An agenda item under which the resolution was adopted."""

    number: str
    """As printed: ``"161"``, ``"78 (a)"``."""
    title: str | None
    """Agenda item title when printed on the cover page or given by front matter / agenda file."""
    line: int
    """Source line of the agenda item line."""


@dataclass(frozen=True, slots=True)
class Vote:
    """How the resolution was adopted, from the adoption line or the front matter."""

    outcome: str
    """``"without vote"``, ``"recorded vote"``, ``"unanimous"`` or ``"vote"`` (counts printed)."""
    in_favour: int | None = None
    """Votes in favour."""
    against: int | None = None
    """Votes against."""
    abstaining: int | None = None
    """Abstentions."""
    in_favour_members: tuple[str, ...] = ()
    """Member States voting in favour, when listed."""
    against_members: tuple[str, ...] = ()
    """Member States voting against, when listed."""
    abstaining_members: tuple[str, ...] = ()
    """Member States abstaining, when listed."""
    source: str = "front matter"
    """Where the vote came from: ``"front matter"`` or ``"text"``."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote definition."""

    mark: str
    """The mark as printed: ``"1"``, ``"*"``."""
    id: str
    """Anchor of the note, ``fn-1``; its first reference has ``fnref-1``."""
    text: str
    """Text of the note, markup removed."""
    line: int
    """Source line of the definition."""
    marks: tuple[Mark, ...] = ()
    """Citation spans inside ``text``."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A mention of another document (resolution, decision or any document symbol) in the text."""

    symbol: str
    """Normalised symbol of the cited document: ``A/RES/47/4``, ``S/RES/1325 (2000)``, ``A/74/11``."""
    kind: str
    """``"resolution"``, ``"decision"`` or ``"document"``."""
    paragraph: str | None
    """Cited paragraph when the text names one: ``"3"``, ``"III.3"`` (section III, paragraph 3)."""
    text: str
    """The exact span of text that cites it, e.g. ``resolution 47/4``."""
    where: str
    """Id of the block that contains it: ``pp-1``, ``para-5-a``, ``fn-1``, ``proponent``."""
    line: int
    """Source line of that block."""


@dataclass(frozen=True, slots=True)
class Mandate:
    """An action an operative paragraph (or one clause of it) asks for: who is to do what, and by when."""

    paragraph: str
    """Anchor of the paragraph that asks it: ``para-12``, ``para-12-b``, ``part-b-para-3``."""
    line: int
    """Source line where that paragraph starts."""
    verb: str
    """What kind of asking: ``"request"``, ``"call"``, ``"encourage"``, ``"invite"``, ``"authorize"``,
    ``"decide"`` or ``"recommend"`` (docs/mandates.md lists the printed verbs of each)."""
    actor: str
    """Who is asked, normalised (``"Secretary-General"``, ``"Member States"``, ``"General Assembly"`` for its own
    decisions) or as printed when not in the table of actors; ``""`` when the text names no one."""
    action: str
    """What is asked: ``"report"``, ``"include-item"``, ``"extend"``, ``"establish"``, ``"convene"``,
    ``"continue"`` or ``"other"``."""
    due_session: str | None
    """Session it is due at (``"81"``; an ECOSOC session year ``"2023"``); ``at its next session`` is resolved
    against the resolution's own session. None when no session is named or it could not be resolved."""
    due_date: str | None
    """Date it is due by, or a mandate lasts until: ISO ``"2025-12-31"``, ``"2025-06"`` or ``"2025"`` as precise
    as printed; ``within 30 days`` counted from the adoption date. None when no date is named."""
    recurrence: str | None
    """How often it recurs: ``"annual"``, ``"biennial"``, ``"every 90 days"``, ``"regular"``…; None if once."""
    due_text: str | None
    """The due phrase as printed (``"at its eighty-first session"``); None when there is none."""
    document: str | None
    """For a reporting request, the document named and whom it goes to (``"report to the general assembly"``)."""
    due_body: str | None = None
    """Whose session ``due_session`` is when it is another body's than the issuing one (``"Commission for Social
    Development"`` in *submit to the Commission for Social Development at its sixtieth session*); None for the
    issuing body's own session."""


@dataclass(frozen=True, slots=True)
class Section:
    """A roman-numbered section (``I``, ``II``) with its heading, preamble and operative paragraphs."""

    label: str
    """Printed label: ``"I"``, ``"II"``."""
    title: str | None
    """Heading printed after the label, if any."""
    preamble: tuple[Paragraph, ...]
    """Preambular paragraphs printed inside the section."""
    operative: tuple[Paragraph, ...]
    """Operative paragraphs (and unnumbered text) of the section."""
    line: int
    """Source line of the section label."""


@dataclass(frozen=True, slots=True)
class Part:
    """One of several resolutions A, B, C printed under one number, each with its own meeting line."""

    label: str
    """Part letter: ``"A"``, ``"B"``."""
    title: str | None
    """Title printed under the letter, if any."""
    preamble: tuple[Paragraph, ...]
    """Its own preambular paragraphs."""
    operative: tuple[Paragraph, ...]
    """Its own operative paragraphs."""
    sections: tuple[Section, ...]
    """Its own roman sections."""
    meeting: Meeting | None
    """Meeting at which this part was adopted."""
    adopted: str | None
    """ISO date of adoption of this part."""
    line: int
    """Source line of the part letter."""
    enacting_formula: str | None = None
    """``The General Assembly,`` as printed for this part."""


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex (``Annex``, ``Annex I``) with its title and content blocks."""

    label: str
    """As printed: ``"Annex"``, ``"Annex II"``."""
    id: str
    """Anchor: ``annex``, ``annex-ii``."""
    title: str | None
    """Title printed under the label."""
    blocks: tuple[Paragraph | Table, ...]
    """Content in order: paragraphs (numbered or not), headings, tables."""
    line: int
    """Source line of the label."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """One parsed source file: a resolution (or decision) of the General Assembly, Security Council,
    Economic and Social Council or another body."""

    source: str
    """Path of the source file as given to the parser."""
    kind: str
    """``"resolution"`` or ``"decision"``."""
    body: str | None
    """Issuing body as printed: ``"General Assembly"``, ``"Security Council"``."""
    symbol: str | None
    """Normalised document symbol, ``A/RES/51/148``; None when it could not be found (an error)."""
    number: str | None
    """Number as printed before the title: ``"51/148"``, ``"75/253 B"``, ``"1325 (2000)"``."""
    title: str
    """Title, wrapped lines joined, footnote markers removed ("" when missing)."""
    session: str | None
    """``"51"``, ``"ES-11"``, ``"S-32"``, ``"2021"``; for the Security Council the year."""
    session_text: str | None
    """Session line as printed: ``"Fifty-first session"``."""
    agenda_items: tuple[AgendaItem, ...]
    """Agenda items, in printed order."""
    issued: str | None
    """ISO date the document was issued (cover page)."""
    adopted: str | None
    """ISO date of adoption (meeting line, or cover line when no meeting is printed)."""
    meeting: Meeting | None
    """Adoption meeting; for a file of several parts, the meeting shared by all parts, else None."""
    proponent: str | None
    """The bracketed proponent line as printed, brackets included."""
    documents: tuple[str, ...]
    """Normalised symbols named in the proponent line (``A/51/L.53``, ``A/51/L.53/Add.1``)."""
    enacting_formula: str | None
    """``The General Assembly,`` as printed."""
    preamble: tuple[Paragraph, ...]
    """Preambular paragraphs (``kind == "preamble"``)."""
    operative: tuple[Paragraph, ...]
    """Operative paragraphs outside sections and parts (numbered, and unnumbered ``text``)."""
    sections: tuple[Section, ...]
    """Roman sections outside parts."""
    parts: tuple[Part, ...]
    """Parts A, B, C when the file prints several resolutions under one number."""
    annexes: tuple[Annex, ...]
    """Annexes."""
    footnotes: tuple[Footnote, ...]
    """Footnote definitions in document order."""
    citations: tuple[Citation, ...]
    """Every citation found in the body, footnotes and proponent line, in document order."""
    vote: Vote | None
    """Vote from the adoption line or front matter."""
    draft: str | None = None
    """Draft resolution symbol (front matter ``draft``)."""
    sponsors: str | None = None
    """Sponsors as given by the front matter."""
    subjects: tuple[str, ...] = ()
    """Subjects from the front matter."""
    part_label: str | None = None
    """Part letter when the file holds a single part (``75/253 B``)."""
    adopted_line: str | None = None
    """Cover line ``Resolution adopted by the General Assembly on 30 October 2024`` as printed."""
    unplaced: tuple[Paragraph, ...] = ()
    """Text the parser could not place; shown on the page and reported as a warning."""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    """Problems found while parsing this file."""
    line: int = 1
    """First line of the printed text (after any front matter)."""
    topic: str | None = None
    """Topic heading printed in capitals above the text in the old Security Council volumes
    (``MILITARY STAFF COMMITTEE``); None elsewhere."""
    part_title: str | None = None
    """Title printed under the part letter when the file holds a single part; None otherwise."""
    mandates: tuple[Mandate, ...] = ()
    """What the operative paragraphs ask for, of whom and by when, in document order (``parse/mandates.py``)."""


def _pickled_by_constructor(cls: type) -> None:
    """Pickle ``cls`` as a call of its constructor with its field values, in declaration order.

    The parse cache stores and the parse workers send whole models; a slotted dataclass is otherwise
    unpickled by a generic ``__setstate__`` that looks its fields up again for every object, which made
    loading 5,000 cached resolutions take twice as long. Same objects, same equality."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self: object) -> tuple:
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]


for _model_class in (Diagnostic, Mark, Paragraph, Table, Meeting, AgendaItem, Vote, Footnote, Citation, Mandate,
                     Section, Part, Annex, Resolution):
    _pickled_by_constructor(_model_class)
