"""Severity ``info``: a discrepancy of the source that leaves the page complete and correct is reported
everywhere in the usual ``path:line: message [CODE]`` form, but never fails a build or a check."""

from __future__ import annotations

import logging

import pytest

from resolutions import cli
from resolutions.model import INFO, WARNING, Diagnostic
from resolutions.parse.parser import parse

ORPHAN_NOTE = """**General Assembly**

A/RES/90/4  
4 July 2036

Ninetieth session  
Agenda item 7

90/4. A resolution whose note nothing refers to

The General Assembly,

1. Decides.

12th plenary meeting  
30 June 2036

---

<sup>1</sup> A note nothing refers to.
"""


@pytest.mark.parametrize("strict", [False, True])
def test_check_prints_info_and_keeps_exit_status_0(tmp_path, capsys, strict):
    source = tmp_path / "orphan.md"
    source.write_text(ORPHAN_NOTE, encoding="utf-8")
    status = cli.main(["check", str(source), *(["--strict"] if strict else [])])
    out, err = capsys.readouterr()
    assert status == 0
    assert out.strip().endswith("footnote '1' is never referenced, expected a marker in the text [RES107]")
    assert f"{source}:" in out
    assert "0 errors, 0 warnings, 1 info" in err


def test_parse_summary_counts_info_apart_from_warnings(tmp_path, capsys):
    source = tmp_path / "orphan.md"
    source.write_text(ORPHAN_NOTE, encoding="utf-8")
    assert cli.main(["parse", str(source)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("; 0 errors, 0 warnings, 1 info]")


def test_check_strict_still_fails_on_a_warning(tmp_path, capsys):
    source = tmp_path / "unplaced.md"
    source.write_text(ORPHAN_NOTE.replace("A/RES/90/4  \n", "A/RES/90/4  \nPlease file under fixtures  \n"), encoding="utf-8")
    assert [d.severity for d in parse(source.read_text(), str(source)).diagnostics if d.code == "RES103"] == [WARNING]
    assert cli.main(["check", str(source), "--strict"]) == 1
    capsys.readouterr()


def test_adapter_logs_info_at_info_level_and_warnings_as_warnings(caplog):
    from resolutions.mkdocs_adapter.plugin import ResolutionsPlugin

    plugin = ResolutionsPlugin()
    info = Diagnostic("a.md", 3, INFO, "RES107", "footnote '1' is never referenced, expected a marker in the text")
    warning = Diagnostic("b.md", 4, WARNING, "RES108", "text before the number and title line kept as unplaced text")
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.resolutions"):
        plugin._report([info, warning])
    logged = [(record.levelno, record.getMessage()) for record in caplog.records if "[RES10" in record.getMessage()]
    assert logged == [(logging.INFO, info.format()), (logging.WARNING, warning.format())]
    assert plugin.error_count == 0
