"""Symbolic links in docs_dir are checked before MkDocs lists it: a link out of it, a loop, a link to nothing
stop the build with an error naming the link, and nothing is published. (The check's speed on a loop is
measured by bench/hostile_bench.py.)"""

from __future__ import annotations

from hostile_project import no_traceback, resolution


def published(project, text: str) -> list[str]:
    if not project.site.exists():
        return []
    return [str(p) for p in project.site.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_a_link_to_a_file_outside_docs_is_an_error_and_the_file_is_not_published(project):
    secret = project.root.parent / "secret.txt"
    secret.write_text("the-secret-token\n", encoding="utf-8")
    project.write("resolutions/A_RES_51_148.md", resolution())
    leak = project.link("resolutions/leak.md", secret)
    hostname = project.link("hostname", "/etc/hostname")
    before = project.outside_site()
    built = project.build()
    assert built.returncode == 1
    assert "outside docs_dir" in built.diagnostic(f"{leak}:0", "DOC001")
    built.diagnostic(f"{hostname}:0", "DOC001")
    assert published(project, "the-secret-token") == []
    assert not (project.site / "hostname").exists()
    no_traceback(built)
    assert project.outside_site() == before


def test_a_link_to_a_folder_outside_docs_is_an_error(project):
    outside = project.root.parent / "private"
    outside.mkdir()
    (outside / "keys.md").write_text("the-private-key\n", encoding="utf-8")
    project.write("resolutions/A_RES_51_148.md", resolution())
    folder = project.link("private", outside)
    before = project.outside_site()
    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{folder}:0", "DOC001")
    assert published(project, "the-private-key") == []
    assert project.outside_site() == before


def test_links_out_are_published_when_the_option_allows_them(tmp_path):
    from hostile_project import Project

    project = Project(tmp_path / "project", allow_links_outside_docs=True)
    shared = tmp_path / "shared.md"
    shared.write_text(resolution("51/149"), encoding="utf-8")
    project.write("resolutions/A_RES_51_148.md", resolution())
    project.link("resolutions/shared.md", shared)
    built = project.build("--strict")
    assert built.returncode == 0, built.log
    assert (project.site / "A/RES/51/149/index.html").is_file()


def test_two_folder_links_that_loop_are_errors_naming_both(project):
    project.write("resolutions/A_RES_51_148.md", resolution())
    (project.docs / "a").mkdir()
    (project.docs / "b").mkdir()
    to_b = project.link("a/to_b", "../b")
    to_a = project.link("b/to_a", "../a")
    before = project.outside_site()
    built = project.build()
    assert built.returncode == 1
    assert "never end" in built.diagnostic(f"{to_b}:0", "DOC002")
    built.diagnostic(f"{to_a}:0", "DOC002")
    assert "nothing was built" in built.log
    no_traceback(built)
    assert project.outside_site() == before


def test_a_folder_linked_to_itself_is_one_error_not_forty_duplicates(project):
    project.write("resolutions/A_RES_51_148.md", resolution())
    self_link = project.link("resolutions/again", ".")
    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{self_link}:0", "DOC002")
    assert "COL001" not in built.log
    no_traceback(built)


def test_a_chain_of_links_that_never_ends_and_a_link_to_nothing(project):
    project.write("resolutions/A_RES_51_148.md", resolution())
    first = project.link("one.md", "two.md")
    project.link("two.md", "one.md")
    nowhere = project.link("gone.md", "missing.md")
    built = project.build()
    assert built.returncode == 1
    built.diagnostic(f"{first}:0", "DOC002")
    assert "'missing.md'" in built.diagnostic(f"{nowhere}:0", "DOC003")
    no_traceback(built)


def test_a_link_inside_docs_is_allowed(project):
    project.write("resolutions/A_RES_51_148.md", resolution())
    project.write("notes/about.md", "# About\n")
    project.link("about.md", "notes/about.md")
    built = project.build("--strict")
    assert built.returncode == 0, built.log
    assert (project.site / "about/index.html").is_file()
