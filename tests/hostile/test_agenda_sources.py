"""Agenda files are read by the plugin; their YAML is not published unless the option asks for it."""

from __future__ import annotations

from hostile_project import Project, resolution

AGENDA = "session: '51'\nitems:\n  '161': Cooperation with the International Organization for Migration\n"


def test_agenda_sources_are_not_published(project):
    project.write("resolutions/A_RES_51_148.md", resolution())
    project.write("agendas/51.yml", AGENDA)
    before = project.outside_site()
    built = project.build("--strict")
    assert built.returncode == 0, built.log
    assert not (project.site / "agendas").exists()
    session = (project.site / "sessions/51/index.html").read_text(encoding="utf-8")
    assert "Cooperation with the International Organization for Migration" in session  # the titles are used
    assert project.outside_site() == before


def test_agenda_sources_are_published_when_asked(tmp_path):
    project = Project(tmp_path / "project", publish_agenda_sources=True)
    project.write("resolutions/A_RES_51_148.md", resolution())
    project.write("agendas/51.yml", AGENDA)
    built = project.build("--strict")
    assert built.returncode == 0, built.log
    assert (project.site / "agendas/51.yml").read_text(encoding="utf-8") == AGENDA
