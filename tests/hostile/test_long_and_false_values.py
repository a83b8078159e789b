"""Values that would become paths: too long, or not a symbol. Each is reported at its line and never becomes a
file name: no ``File name too long``, no folder named ``<script>`` or ``javascript:alert(1)``."""

from __future__ import annotations

import os

from hostile_project import no_traceback, resolution


def names_in(site) -> list[str]:
    return [name for _folder, dirs, files in os.walk(site) for name in dirs + files]


def test_a_long_symbol_and_a_long_session_are_errors_at_their_lines(project):
    symbol = project.write("resolutions/symbol.md", resolution("51/149", "symbol: A/RES/" + "1" * 320))
    session = project.write("resolutions/session.md", resolution("51/150", "title: Fine\nsession: " + "9" * 300))
    before = project.outside_site()
    checked = project.check()
    assert checked.returncode == 1
    assert "326 characters long, expected at most 60" in checked.diagnostic(f"{symbol}:2", "RES213")
    assert "300 characters long, expected at most 20" in checked.diagnostic(f"{session}:3", "RES213")
    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{symbol}:2", "RES213")
    no_traceback(built)
    assert "File name too long" not in built.log
    assert max(len(name) for name in names_in(project.site)) < 100
    assert (project.site / "A/RES/51/149/index.html").is_file()  # the printed symbol is kept
    assert project.outside_site() == before


def test_a_long_title_is_an_error_and_the_printed_title_is_kept(project):
    path = project.write("resolutions/title.md", resolution(front="title: " + "Long " * 3000))
    run = project.check()
    assert run.returncode == 1
    run.diagnostic(f"{path}:2", "RES213")


def test_a_front_matter_symbol_that_is_not_a_symbol_is_a_warning_and_makes_no_folder(project):
    script = project.write("resolutions/script.md", resolution("51/149", 'symbol: "<script>alert(1)</script>"'))
    scheme = project.write("resolutions/scheme.md", resolution("51/150", 'symbol: "javascript:alert(1)"'))
    nul = project.write("resolutions/nul.md", resolution("51/151", 'symbol: "A/RES/51/151%00"'))
    before = project.outside_site()
    checked = project.check()
    assert checked.returncode == 0  # warnings
    for path in (script, scheme, nul):
        assert "expected one such as A/RES/51/148" in checked.diagnostic(f"{path}:2", "RES214")
    assert project.check("--strict", "docs/resolutions").returncode == 1

    built = project.build()
    assert built.returncode == 0, built.log
    names = names_in(project.site)
    assert not [name for name in names if any(c in name for c in '<>:%"\\|?*')]
    assert not (project.site / "unknown").exists()
    for symbol in ("A/RES/51/149", "A/RES/51/150", "A/RES/51/151"):  # the printed symbols are used
        assert (project.site / symbol / "index.html").is_file()
    assert project.outside_site() == before
