"""A resolution's public JSON in its compact form, written straight from the model.

The text of ``json.dumps(export.resolution_to_dict(res), ensure_ascii=False, separators=(",", ":"))``,
character for character, without building the dicts: the form of a site's ``index.json`` and of
``resolutions.json``. ``tests/test_export.py`` compares the two for every shape of resolution.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Iterable

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


def compact_json(res: Resolution) -> str:
    """``json.dumps(resolution_to_dict(res), ensure_ascii=False, separators=(",", ":"))``, the same characters,
    written straight from the model (the form of a site's ``index.json`` and of ``resolutions.json``).

    Building the dicts and walking them with ``json`` cost ~0.4 ms a resolution, twice per resolution
    in a site build; writing the text from the model is ~3x faster. It mirrors ``resolution_to_dict`` key for
    key: a key added there must be added here too; ``tests/test_export.py`` compares the two.
    """
    return _resolution_json(res)


# --- model -> compact JSON ------------------------------------------------------------------------------
# Each function writes what json.dumps writes for the matching dict function of ``export``, keys in the
# same order.
# Strings go through json's own C escaping (ensure_ascii=False); "%d" writes an int as json does (its repr).
# Arrays are written as "[%s]" around ",".join(map(...)): no call at all for the many empty ones.

_str = encode_basestring
_comma = ",".join


def _opt(value: str | None) -> str:
    return "null" if value is None else _str(value)


def _opt_int(value: int | None) -> str:
    return "null" if value is None else "%d" % value


def _strs(values: Iterable[str]) -> str:
    return "[" + _comma(map(_str, values)) + "]"


def _mark_json(m: Mark) -> str:
    return '{"kind":%s,"start":%d,"end":%d,"value":%s}' % (_str(m.kind), m.start, m.end, _str(m.value))


def _paragraph_json(p: Paragraph) -> str:
    text = '{"id":%s,"kind":%s,"number":%s,"text":%s,"line":%d,"marks":[%s],"items":[%s]' % (
        _str(p.id), _str(p.kind), _opt(p.number), _str(p.text), p.line,
        _comma(map(_mark_json, p.marks)), _comma(map(_paragraph_json, p.items)),
    )
    if p.table is not None:
        return text + ',"table":' + _table_json(p.table) + "}"
    return text + "}"


def _table_json(t: Table) -> str:
    return '{"type":"table","id":%s,"header":%s,"rows":[%s],"line":%d}' % (
        _str(t.id), _strs(t.header), _comma(map(_strs, t.rows)), t.line
    )


def _block_json(block: Paragraph | Table) -> str:
    # _block puts "type" first, before the paragraph's own members.
    return _table_json(block) if isinstance(block, Table) else '{"type":"paragraph",' + _paragraph_json(block)[1:]


def _meeting_json(m: Meeting | None) -> str:
    if m is None:
        return "null"
    return '{"number":%s,"kind":%s,"resumed":%s,"date":%s,"record":%s,"line":%d}' % (
        _opt_int(m.number), _str(m.kind), "true" if m.resumed else "false", _opt(m.date), _opt(m.record), m.line
    )


def _agenda_item_json(item: AgendaItem) -> str:
    return '{"number":%s,"title":%s,"line":%d}' % (_str(item.number), _opt(item.title), item.line)


def _vote_json(v: Vote | None) -> str:
    if v is None:
        return "null"
    return (
        '{"outcome":%s,"in_favour":%s,"against":%s,"abstaining":%s,'
        '"in_favour_members":%s,"against_members":%s,"abstaining_members":%s,"source":%s}'
    ) % (
        _str(v.outcome), _opt_int(v.in_favour), _opt_int(v.against), _opt_int(v.abstaining),
        _strs(v.in_favour_members), _strs(v.against_members), _strs(v.abstaining_members), _opt(v.source),
    )


def _footnote_json(f: Footnote) -> str:
    return '{"mark":%s,"id":%s,"text":%s,"line":%d,"marks":[%s]}' % (
        _str(f.mark), _str(f.id), _str(f.text), f.line, _comma(map(_mark_json, f.marks))
    )


def _citation_json(c: Citation) -> str:
    return '{"symbol":%s,"kind":%s,"paragraph":%s,"text":%s,"where":%s,"line":%d}' % (
        _str(c.symbol), _str(c.kind), _opt(c.paragraph), _str(c.text), _str(c.where), c.line
    )


def _mandate_json(m: Mandate) -> str:
    return '{"paragraph":%s,"line":%d,"verb":%s,"actor":%s,"action":%s,"due_session":%s,"due_date":%s,' \
        '"recurrence":%s,"due_text":%s,"document":%s,"due_body":%s}' % (
            _str(m.paragraph), m.line, _str(m.verb), _str(m.actor), _str(m.action), _opt(m.due_session),
            _opt(m.due_date), _opt(m.recurrence), _opt(m.due_text), _opt(m.document), _opt(m.due_body))


def _section_json(s: Section) -> str:
    return '{"label":%s,"title":%s,"preamble":[%s],"operative":[%s],"line":%d}' % (
        _str(s.label), _opt(s.title), _comma(map(_paragraph_json, s.preamble)),
        _comma(map(_paragraph_json, s.operative)), s.line,
    )


def _part_json(p: Part) -> str:
    return (
        '{"label":%s,"title":%s,"enacting_formula":%s,"preamble":[%s],"operative":[%s],"sections":[%s],'
        '"meeting":%s,"adopted":%s,"line":%d}'
    ) % (
        _str(p.label), _opt(p.title), _opt(p.enacting_formula), _comma(map(_paragraph_json, p.preamble)),
        _comma(map(_paragraph_json, p.operative)), _comma(map(_section_json, p.sections)), _meeting_json(p.meeting),
        _opt(p.adopted), p.line,
    )


def _annex_json(a: Annex) -> str:
    return '{"label":%s,"id":%s,"title":%s,"blocks":[%s],"line":%d}' % (
        _str(a.label), _str(a.id), _opt(a.title), _comma(map(_block_json, a.blocks)), a.line
    )


def _diagnostic_json(d: Diagnostic) -> str:
    return '{"path":%s,"line":%d,"severity":%s,"code":%s,"message":%s}' % (
        _str(d.path), d.line, _str(d.severity), _str(d.code), _str(d.message)
    )


def _resolution_json(res: Resolution) -> str:
    members = (
        ("source", _str(res.source)),
        ("kind", _str(res.kind)),
        ("symbol", _opt(res.symbol)),
        ("body", _opt(res.body)),
        ("number", _opt(res.number)),
        ("part_label", _opt(res.part_label)),
        ("part_title", _opt(res.part_title)),
        ("title", _str(res.title)),
        ("topic", _opt(res.topic)),
        ("session", _opt(res.session)),
        ("session_text", _opt(res.session_text)),
        ("agenda_items", _strs(item.number for item in res.agenda_items)),
        ("agenda", "[%s]" % _comma(map(_agenda_item_json, res.agenda_items))),
        ("issued", _opt(res.issued)),
        ("adopted", _opt(res.adopted)),
        ("adopted_line", _opt(res.adopted_line)),
        ("meeting", _meeting_json(res.meeting)),
        ("proponent", _opt(res.proponent)),
        ("documents", _strs(res.documents)),
        ("draft", _opt(res.draft)),
        ("sponsors", _opt(res.sponsors)),
        ("subjects", _strs(res.subjects)),
        ("enacting_formula", _opt(res.enacting_formula)),
        ("preamble", "[%s]" % _comma(map(_paragraph_json, res.preamble))),
        ("operative", "[%s]" % _comma(map(_paragraph_json, res.operative))),
        ("sections", "[%s]" % _comma(map(_section_json, res.sections))),
        ("parts", "[%s]" % _comma(map(_part_json, res.parts))),
        ("annexes", "[%s]" % _comma(map(_annex_json, res.annexes))),
        ("footnotes", "[%s]" % _comma(map(_footnote_json, res.footnotes))),
        ("citations", "[%s]" % _comma(map(_citation_json, res.citations))),
        ("mandates", "[%s]" % _comma(map(_mandate_json, res.mandates))),
        ("vote", _vote_json(res.vote)),
        ("unplaced", "[%s]" % _comma(map(_paragraph_json, res.unplaced))),
        ("diagnostics", "[%s]" % _comma(map(_diagnostic_json, res.diagnostics))),
        ("line", "%d" % res.line),
    )
    return "{" + ",".join(f'"{key}":{value}' for key, value in members) + "}"
