"""Front matter and agenda YAML: an impossible date, a number YAML cannot build, an alias bomb.

Each is a diagnostic at its path:line, never an exception: the other files' diagnostics are still printed, the
exit code says error, and nothing outside the site folder changes. (How long each takes is measured by
bench/hostile_bench.py, not here.)
"""

from __future__ import annotations

from hostile_project import INPUTS, no_traceback, resolution

alias_bomb = INPUTS.alias_bomb


def test_an_impossible_date_is_an_error_at_its_key_and_nothing_else_is_lost(project):
    february = project.write("resolutions/february.md", resolution("51/149", "issued: 2020-02-30"))
    year_zero = project.write("resolutions/year_zero.md", resolution("51/150", "title: Fine\nadopted: 0000-01-01"))
    other = project.write("resolutions/other.md", resolution("51/151", "colour: blue"))
    before = project.outside_site()

    checked = project.check()
    assert checked.returncode == 1
    assert "'2020-02-30'" in checked.diagnostic(f"{february}:2", "RES209")
    assert "'0000-01-01'" in checked.diagnostic(f"{year_zero}:3", "RES209")
    checked.diagnostic(f"{other}:2", "RES204")  # the other files are still read and reported
    no_traceback(checked)

    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{february}:2", "RES209")
    built.diagnostic(f"{year_zero}:3", "RES209")
    no_traceback(built)
    assert project.outside_site() == before


def test_an_impossible_date_under_an_unknown_key_is_only_the_unknown_key(project):
    path = project.write("resolutions/unknown.md", resolution(front="noted: 2021-02-29"))
    run = project.check()
    assert run.returncode == 0
    run.diagnostic(f"{path}:2", "RES204")
    no_traceback(run)


def test_a_number_yaml_cannot_build_is_invalid_yaml_at_its_line(project):
    path = project.write("resolutions/digits.md", resolution(front="title: Fine\nsession: " + "9" * 5000))
    before = project.outside_site()
    run = project.check()
    assert run.returncode == 1
    line = run.diagnostic(f"{path}:3", "RES202")
    assert "9" * 100 not in line  # the value is not printed whole
    no_traceback(run)
    assert project.outside_site() == before


def test_an_alias_bomb_in_front_matter_is_refused_before_it_expands(project):
    path = project.write("resolutions/bomb.md", resolution(front=alias_bomb()))
    before = project.outside_site()
    run = project.check()
    assert run.returncode == 1
    assert "'&a0'" in run.diagnostic(f"{path}:2", "RES212")
    assert len(run.log) < 2000  # nothing expanded into the message
    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{path}:2", "RES212")
    assert project.outside_site() == before


def test_an_alias_alone_is_refused_at_its_line(project):
    path = project.write("resolutions/alias.md", resolution(front="title: Fine\nsponsors: *nothing"))
    run = project.check()
    assert run.returncode == 1
    assert "'*nothing'" in run.diagnostic(f"{path}:3", "RES212")


def test_an_alias_bomb_in_an_agenda_file_is_refused(project):
    project.write("resolutions/A_RES_51_148.md", resolution())
    agenda = project.write("agendas/51.yml", "items:\n  '161': Migration\n" + alias_bomb().replace("title:", "body:"))
    before = project.outside_site()
    built = project.build("--strict")
    assert built.returncode == 1
    assert "'&a0'" in built.diagnostic(f"{agenda}:3", "AGD007")
    no_traceback(built)
    assert project.outside_site() == before
