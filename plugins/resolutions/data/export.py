"""The public JSON form of a resolution: model -> plain dict -> JSON text, and back.

This is a contract for people who use the collection as a dataset: the keys are documented in
``docs/json.md`` and described by ``schema/resolution.schema.json`` (JSON Schema draft 2020-12).
``resolution_from_dict(resolution_to_dict(r)) == r`` for every resolution, so nothing the parser found
is lost in the JSON.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from resolutions.model import (
    AgendaItem,
    Annex,
    Citation,
    Diagnostic,
    Footnote,
    Mandate,
    Mark,
    Meeting,
    Paragraph,
    Part,
    Resolution,
    Section,
    Table,
    Vote,
)

SCHEMA_FILE = "resolution.schema.json"
"""Name of the JSON Schema of one resolution, shipped in the package's ``schema`` folder."""
COLLECTION_SCHEMA_FILE = "collection.schema.json"
"""Name of the JSON Schema of a site's ``resolutions.json`` (it refers to the resolution schema by its ``$id``)."""


def resolution_to_dict(res: Resolution) -> dict[str, Any]:
    """The JSON-ready dict of a resolution, keys in the documented order."""
    return {
        "source": res.source,
        "kind": res.kind,
        "symbol": res.symbol,
        "body": res.body,
        "number": res.number,
        "part_label": res.part_label,
        "part_title": res.part_title,
        "title": res.title,
        "topic": res.topic,
        "session": res.session,
        "session_text": res.session_text,
        # Strings as printed, the shape dataset users asked for; titles and lines are in agenda.
        "agenda_items": [item.number for item in res.agenda_items],
        "agenda": [_agenda_item(item) for item in res.agenda_items],
        "issued": res.issued,
        "adopted": res.adopted,
        "adopted_line": res.adopted_line,
        "meeting": _meeting(res.meeting),
        "proponent": res.proponent,
        "documents": list(res.documents),
        "draft": res.draft,
        "sponsors": res.sponsors,
        "subjects": list(res.subjects),
        "enacting_formula": res.enacting_formula,
        "preamble": [_paragraph(p) for p in res.preamble],
        "operative": [_paragraph(p) for p in res.operative],
        "sections": [_section(s) for s in res.sections],
        "parts": [_part(p) for p in res.parts],
        "annexes": [_annex(a) for a in res.annexes],
        "footnotes": [_footnote(f) for f in res.footnotes],
        "citations": [_citation(c) for c in res.citations],
        "mandates": [_mandate(m) for m in res.mandates],
        "vote": _vote(res.vote),
        "unplaced": [_paragraph(p) for p in res.unplaced],
        "diagnostics": [_diagnostic(d) for d in res.diagnostics],
        "line": res.line,
    }


def dumps(res: Resolution, indent: int | None = 2) -> str:
    """The resolution as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(resolution_to_dict(res), ensure_ascii=False, indent=indent)


def load_schema(name: str = SCHEMA_FILE) -> dict[str, Any]:
    """A JSON Schema shipped as package data: by default the one of ``resolution_to_dict``'s output."""
    text = resources.files("resolutions").joinpath("data", "schema", name).read_text(encoding="utf-8")
    return json.loads(text)


def resolution_from_dict(d: dict[str, Any]) -> Resolution:
    """The resolution a ``resolution_to_dict`` dict describes (the inverse: round trips to an equal model)."""
    return Resolution(
        source=d["source"],
        kind=d["kind"],
        body=d["body"],
        symbol=d["symbol"],
        number=d["number"],
        title=d["title"],
        session=d["session"],
        session_text=d["session_text"],
        agenda_items=tuple(_agenda_item_from(item) for item in d["agenda"]),
        issued=d["issued"],
        adopted=d["adopted"],
        meeting=_meeting_from(d["meeting"]),
        proponent=d["proponent"],
        documents=tuple(d["documents"]),
        enacting_formula=d["enacting_formula"],
        preamble=tuple(_paragraph_from(p) for p in d["preamble"]),
        operative=tuple(_paragraph_from(p) for p in d["operative"]),
        sections=tuple(_section_from(s) for s in d["sections"]),
        parts=tuple(_part_from(p) for p in d["parts"]),
        annexes=tuple(_annex_from(a) for a in d["annexes"]),
        footnotes=tuple(_footnote_from(f) for f in d["footnotes"]),
        citations=tuple(_citation_from(c) for c in d["citations"]),
        vote=_vote_from(d["vote"]),
        draft=d["draft"],
        sponsors=d["sponsors"],
        subjects=tuple(d["subjects"]),
        part_label=d["part_label"],
        adopted_line=d["adopted_line"],
        unplaced=tuple(_paragraph_from(p) for p in d["unplaced"]),
        diagnostics=tuple(_diagnostic_from(x) for x in d["diagnostics"]),
        line=d["line"],
        topic=d["topic"],
        part_title=d["part_title"],
        mandates=tuple(_mandate_from(m) for m in d.get("mandates", ())),
    )


# --- model -> dict -----------------------------------------------------------------------------


def _mark(mark: Mark) -> dict[str, Any]:
    return {"kind": mark.kind, "start": mark.start, "end": mark.end, "value": mark.value}


def _paragraph(p: Paragraph) -> dict[str, Any]:
    data = {
        "id": p.id,
        "kind": p.kind,
        "number": p.number,
        "text": p.text,
        "line": p.line,
        "marks": [_mark(m) for m in p.marks],
        "items": [_paragraph(item) for item in p.items],
    }
    # Added by the parser's owner: a table printed among the paragraphs (Paragraph.table), only when present.
    if p.table is not None:
        data["table"] = _table(p.table)
    return data


def _table(t: Table) -> dict[str, Any]:
    # "type" tells a table from a paragraph among an annex's blocks.
    return {"type": "table", "id": t.id, "header": list(t.header), "rows": [list(r) for r in t.rows], "line": t.line}


def _block(block: Paragraph | Table) -> dict[str, Any]:
    return _table(block) if isinstance(block, Table) else {"type": "paragraph", **_paragraph(block)}


def _meeting(m: Meeting | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"number": m.number, "kind": m.kind, "resumed": m.resumed, "date": m.date, "record": m.record, "line": m.line}


def _agenda_item(item: AgendaItem) -> dict[str, Any]:
    return {"number": item.number, "title": item.title, "line": item.line}


def _vote(v: Vote | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "outcome": v.outcome,
        "in_favour": v.in_favour,
        "against": v.against,
        "abstaining": v.abstaining,
        "in_favour_members": list(v.in_favour_members),
        "against_members": list(v.against_members),
        "abstaining_members": list(v.abstaining_members),
        "source": v.source,
    }


def _footnote(f: Footnote) -> dict[str, Any]:
    return {"mark": f.mark, "id": f.id, "text": f.text, "line": f.line, "marks": [_mark(m) for m in f.marks]}


def _citation(c: Citation) -> dict[str, Any]:
    return {
        "symbol": c.symbol, "kind": c.kind, "paragraph": c.paragraph, "text": c.text, "where": c.where, "line": c.line,
    }


_MANDATE_KEYS = ("paragraph", "line", "verb", "actor", "action", "due_session", "due_date", "recurrence", "due_text",
                 "document", "due_body")


def _mandate(m: Mandate) -> dict[str, Any]:
    return {key: getattr(m, key) for key in _MANDATE_KEYS}


def _section(s: Section) -> dict[str, Any]:
    return {
        "label": s.label,
        "title": s.title,
        "preamble": [_paragraph(p) for p in s.preamble],
        "operative": [_paragraph(p) for p in s.operative],
        "line": s.line,
    }


def _part(p: Part) -> dict[str, Any]:
    return {
        "label": p.label,
        "title": p.title,
        "enacting_formula": p.enacting_formula,
        "preamble": [_paragraph(x) for x in p.preamble],
        "operative": [_paragraph(x) for x in p.operative],
        "sections": [_section(s) for s in p.sections],
        "meeting": _meeting(p.meeting),
        "adopted": p.adopted,
        "line": p.line,
    }


def _annex(a: Annex) -> dict[str, Any]:
    return {"label": a.label, "id": a.id, "title": a.title, "blocks": [_block(b) for b in a.blocks], "line": a.line}


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {"path": d.path, "line": d.line, "severity": d.severity, "code": d.code, "message": d.message}


# --- dict -> model -----------------------------------------------------------------------------


def _mark_from(d: dict[str, Any]) -> Mark:
    return Mark(kind=d["kind"], start=d["start"], end=d["end"], value=d["value"])


def _paragraph_from(d: dict[str, Any]) -> Paragraph:
    return Paragraph(
        id=d["id"],
        kind=d["kind"],
        number=d["number"],
        text=d["text"],
        line=d["line"],
        marks=tuple(_mark_from(m) for m in d["marks"]),
        items=tuple(_paragraph_from(item) for item in d["items"]),
        table=_block_from(d["table"]) if d.get("table") else None,  # Paragraph.table (parser owner's addition)
    )


def _block_from(d: dict[str, Any]) -> Paragraph | Table:
    if d.get("type") == "table":
        return Table(
            id=d["id"], header=tuple(d["header"]), rows=tuple(tuple(r) for r in d["rows"]), line=d["line"]
        )
    return _paragraph_from(d)


def _meeting_from(d: dict[str, Any] | None) -> Meeting | None:
    if d is None:
        return None
    return Meeting(
        number=d["number"], kind=d["kind"], resumed=d["resumed"], date=d["date"], line=d["line"], record=d["record"]
    )


def _agenda_item_from(d: dict[str, Any]) -> AgendaItem:
    return AgendaItem(number=d["number"], title=d["title"], line=d["line"])


def _vote_from(d: dict[str, Any] | None) -> Vote | None:
    if d is None:
        return None
    return Vote(
        outcome=d["outcome"],
        in_favour=d["in_favour"],
        against=d["against"],
        abstaining=d["abstaining"],
        in_favour_members=tuple(d["in_favour_members"]),
        against_members=tuple(d["against_members"]),
        abstaining_members=tuple(d["abstaining_members"]),
        source=d["source"],
    )


def _footnote_from(d: dict[str, Any]) -> Footnote:
    return Footnote(
        mark=d["mark"], id=d["id"], text=d["text"], line=d["line"], marks=tuple(_mark_from(m) for m in d["marks"])
    )


def _citation_from(d: dict[str, Any]) -> Citation:
    return Citation(
        symbol=d["symbol"], kind=d["kind"], paragraph=d["paragraph"], text=d["text"], where=d["where"], line=d["line"]
    )


def _mandate_from(d: dict[str, Any]) -> Mandate:
    return Mandate(**{key: d[key] for key in _MANDATE_KEYS if key in d})  # older files have no due_body


def _section_from(d: dict[str, Any]) -> Section:
    return Section(
        label=d["label"],
        title=d["title"],
        preamble=tuple(_paragraph_from(p) for p in d["preamble"]),
        operative=tuple(_paragraph_from(p) for p in d["operative"]),
        line=d["line"],
    )


def _part_from(d: dict[str, Any]) -> Part:
    return Part(
        label=d["label"],
        title=d["title"],
        preamble=tuple(_paragraph_from(p) for p in d["preamble"]),
        operative=tuple(_paragraph_from(p) for p in d["operative"]),
        sections=tuple(_section_from(s) for s in d["sections"]),
        meeting=_meeting_from(d["meeting"]),
        adopted=d["adopted"],
        line=d["line"],
        enacting_formula=d["enacting_formula"],
    )


def _annex_from(d: dict[str, Any]) -> Annex:
    return Annex(
        label=d["label"], id=d["id"], title=d["title"], blocks=tuple(_block_from(b) for b in d["blocks"]), line=d["line"]
    )


def _diagnostic_from(d: dict[str, Any]) -> Diagnostic:
    return Diagnostic(path=d["path"], line=d["line"], severity=d["severity"], code=d["code"], message=d["message"])
