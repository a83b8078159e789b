"""Every diagnostic code documented in docs/diagnostics.md is triggered here by the smallest input that has it,
with the severity of the table of codes (parse/codes.py); every code of the table is documented."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

import pytest

from hostile_project import ROOT, SAMPLE_TEXT
from resolutions.model import Diagnostic
from resolutions.parse import agendas, codes, docs_links, limits
from resolutions.parse.parser import parse, parse_file
from resolutions.site.collection import Collection

DOCUMENTED = sorted(set(re.findall(r"\b(?:RES|AGD|COL|DOC)\d{3}\b", (ROOT / "docs/diagnostics.md").read_text())))
EMITTED = sorted(codes.TABLE)

S = SAMPLE_TEXT
NO_TITLE = "**General Assembly**\n\nA/RES/51/148\n\nFifty-first session\n\nThe General Assembly,\n\n" \
    "but this text is a text and not preamble of anything at all.\n\n84th plenary meeting\n13 December 1996\n"


# A decision in parts lists every part's meeting at its end; the 68th meeting, dated outside the 71st
# session, is a line no part uses (each part takes the meeting its own text names).
DECISION_IN_PARTS = """**General Assembly**

71st session of the General Assembly

71/406 A and B. Appointment of members of the Committee on Contributions

A

At its 45th plenary meeting, on 10 November 2016, the General Assembly appointed Mr. Dème.

B

At its 81st plenary meeting, on 11 May 2017, the General Assembly appointed Ms. Zhang Wei.

68th plenary meeting  
1969-12-31

45th plenary meeting  
2016-11-10

81st plenary meeting  
2017-05-11
"""


def text(source: str) -> Callable[[Path], list[Diagnostic]]:
    return lambda _tmp: list(parse(source, "x.md").diagnostics)


def front(lines: str) -> Callable[[Path], list[Diagnostic]]:
    return text(f"---\n{lines}\n---\n{S}")


def file_bytes(data: bytes) -> Callable[[Path], list[Diagnostic]]:
    def run(tmp: Path) -> list[Diagnostic]:
        path = tmp / "x.md"
        path.write_bytes(data)
        return list(parse_file(path).diagnostics)
    return run


def agenda(source: str, size: int = 0) -> Callable[[Path], list[Diagnostic]]:
    def run(tmp: Path) -> list[Diagnostic]:
        (tmp / "agendas").mkdir()
        (tmp / "agendas/51.yml").write_text(source + "#" * size, encoding="utf-8")
        return agendas.read_agenda_titles(tmp)[1]
    return run


def links(make: Callable[[Path], None]) -> Callable[[Path], list[Diagnostic]]:
    def run(tmp: Path) -> list[Diagnostic]:
        (tmp / "docs").mkdir()
        make(tmp)
        return docs_links.link_problems(str(tmp / "docs"))
    return run


def duplicate(_tmp: Path) -> list[Diagnostic]:
    return list(Collection.build([parse(S, "a.md"), parse(S, "b.md")]).diagnostics)


def loop(tmp: Path) -> None:
    os.symlink(".", tmp / "docs/again")


TRIGGERS: dict[str, Callable[[Path], list[Diagnostic]]] = {
    "RES001": file_bytes(b"\x00\x01binary"),
    "RES002": file_bytes(b"**General Assembly**\n\xf5\n"),
    "RES003": text("  \n"),
    "RES004": file_bytes(b"x" * (limits.SOURCE_BYTES + 1)),
    "RES101": text("**General Assembly**\n\nJust some words.\n"),
    "RES102": text("**General Assembly**\n\nJust some words.\n"),
    "RES103": text(S.replace("Fifty-first session", "Please file under fixtures\n\nFifty-first session")),
    "RES104": text(S.replace("84th plenary meeting  \n13 December 1996", "")),
    "RES105": text(S.replace("3. Requests", "9. Requests")),
    "RES106": text(S.replace("nature,", "nature,<sup>9</sup>")),
    "RES107": text(S.replace("E/1996/90.", "E/1996/90.\n\n<sup>2</sup> A note nothing refers to.")),
    "RES108": text(NO_TITLE),
    "RES109": text(S.replace("3. Requests", "2. Requests")),
    "RES110": text(S.replace("Fifty-first session", "")),
    "RES111": text(S.replace("A/RES/51/148", "A/RES/51/149")),
    "RES112": text(S.replace("4 February 1997", "31 February 1997")),
    "RES113": text(S.replace("A/RES/51/148  ", "A/RES/../..  ")),
    "RES114": text(S.replace("Recalling also", 'Noting <a href="http://example.org">link</a>, recalling also')),
    "RES115": text(S.replace("84th plenary meeting  \n13 December 1996", "84th plenary meeting  \n31 December 1969")),
    "RES116": text(DECISION_IN_PARTS),
    "RES401": text(S.replace("to foster systematic consultations", "to report at a future session")),
    "RES201": text("---\ntitle: never closed\n" + NO_TITLE),
    "RES202": front("title: [unclosed"),
    "RES203": front("- a list"),
    "RES204": front("colour: blue"),
    "RES205": front("draft: [A/51/L.53]"),
    "RES206": front("vote: {outcome: acclaimed}"),
    "RES207": front("vote: {outcome: recorded vote, in_favour: 2, in_favour_members: [France]}"),
    "RES208": front("vote: {outcome: without vote, in_favour: 150}"),
    "RES209": front("issued: 2020-02-30"),
    "RES210": front("vote: {outcome: recorded vote, in_favour: 1, against: 1, in_favour_members: [Chad], "
                    "against_members: [Chad]}"),
    "RES211": front("title: Another title"),
    "RES212": front("a: &a x\ntitle: *a"),
    "RES213": front("session: " + "9" * 21),
    "RES214": front("symbol: javascript:alert(1)"),
    "AGD001": agenda("items: [unclosed"),
    "AGD002": agenda("- a list"),
    "AGD003": agenda("colour: blue\nitems: {'161': Migration}"),
    "AGD004": agenda("session: '51'"),
    "AGD005": agenda("items: {'161': ''}"),
    "AGD006": agenda("items:\n  '161': Migration\n  '161': Again"),
    "AGD007": agenda("items: &a {'161': Migration}\nbody: *a"),
    "AGD008": agenda("items: {'161': Migration}\n", size=limits.SOURCE_BYTES),
    "COL001": duplicate,
    "DOC001": links(lambda tmp: os.symlink("/etc/hostname", tmp / "docs/hostname")),
    "DOC002": links(loop),
    "DOC003": links(lambda tmp: os.symlink("missing.md", tmp / "docs/gone.md")),
}


def test_every_code_the_plugin_emits_is_documented_and_has_a_trigger():
    assert set(EMITTED) - set(DOCUMENTED) == set()
    assert set(DOCUMENTED) == set(TRIGGERS)


@pytest.mark.parametrize("code", DOCUMENTED)
def test_the_documented_code_is_triggered(code, tmp_path):
    found = [d for d in TRIGGERS[code](tmp_path) if d.code == code]
    assert found, f"{code} not triggered"
    assert {d.severity for d in found} == {codes.severity(code)}
