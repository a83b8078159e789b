"""One table of diagnostic codes: the docs list exactly its codes, with its severities, and no module
emits a code the table does not hold."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from resolutions.model import ERROR
from resolutions.parse import codes
from resolutions.parse.parser import parse, parse_file

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "plugins" / "resolutions"
CODE = re.compile(r"\b[A-Z]{3}\d{3}\b")
DOCUMENTED_ROW = re.compile(r"^\| `([A-Z]{3}\d{3})` \| (error|warning|info) \|", re.MULTILINE)


def test_diagnostics_page_lists_every_code_of_the_table_and_no_other():
    documented = set(CODE.findall((ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")))
    assert documented == set(codes.TABLE)


def test_documented_severities_are_the_table_severities():
    rows = []
    for page in ("diagnostics.md", "front-matter.md"):
        rows += DOCUMENTED_ROW.findall((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert len(rows) >= 27  # every RES code has a row with its severity
    assert {code: severity for code, severity in rows} == {code: codes.severity(code) for code, _ in rows}


def test_no_module_spells_a_code_itself():
    spelled = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                spelled.setdefault(str(path.relative_to(PACKAGE)), []).append(node.value)
    assert spelled == {}


def test_emitted_diagnostics_have_the_severity_of_their_code(tmp_path):
    texts = [
        "",
        "---\ntitle: [\n---\nText",
        "---\nvote: {outcome: maybe}\nunknown: 1\nissued: soon\n---\nGeneral Assembly\n\n31 February 2020\n\nStray line\n",
        "51/148. Title\n\nThe General Assembly,\n\n1. One;<sup>9</sup>\n\n3. Three;\n\n---\n\n1/ A note no one cites.\n",
    ]
    resolutions = [parse(text, f"x{index}.md") for index, text in enumerate(texts)]
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01")
    resolutions.append(parse_file(binary))
    diagnostics = [d for res in resolutions for d in res.diagnostics]
    found = {d.code for d in diagnostics}
    assert {"RES001", "RES003", "RES101", "RES105", "RES106", "RES112", "RES202", "RES204", "RES206", "RES209"} <= found
    assert [(d.code, d.severity) for d in diagnostics] == [(d.code, codes.severity(d.code)) for d in diagnostics]
    assert codes.severity(codes.MISSING_SYMBOL) == ERROR
