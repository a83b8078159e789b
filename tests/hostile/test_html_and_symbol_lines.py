"""HTML in the source text reaches the page escaped, as written, with a warning; a symbol line that is not a
symbol is kept and reported; nothing becomes a bogus linked document."""

from __future__ import annotations

from html.parser import HTMLParser

from hostile_project import no_traceback, resolution


def page(project, symbol: str) -> str:
    return (project.site / symbol / "index.html").read_text(encoding="utf-8")


def visible_text(markup: str) -> str:
    """What a reader sees: the page's text with the tags gone and the entities read."""
    parts: list[str] = []
    reader = HTMLParser(convert_charrefs=True)
    reader.handle_data = parts.append  # type: ignore[method-assign]
    reader.feed(markup)
    return " ".join("".join(parts).split())


def test_html_in_the_text_is_shown_as_written_with_a_warning(project):
    text = resolution().replace(
        "Recalling also that",
        'Noting <a href="http://evil.example/">the link</a> and <iframe src="http://evil.example/"></iframe>,\n\n'
        "Recalling also that",
    ).replace("(A/51/L.53 and Add.1)", "(A/51/L.53<script>alert(1)</script> and Add.1)")
    path = project.write("resolutions/A_RES_51_148.md", text)
    lines = text.splitlines()
    noting = next(n for n, line in enumerate(lines, 1) if line.startswith("Noting <a"))
    proponent = next(n for n, line in enumerate(lines, 1) if "<script>" in line)
    before = project.outside_site()

    built = project.build()
    assert built.returncode == 0, built.log  # warnings only
    assert "'<a href=\"http://evil.example/\">'" in built.diagnostic(f"{path}:{noting}", "RES114")
    assert "'<script>'" in built.diagnostic(f"{path}:{proponent}", "RES114")
    no_traceback(built)
    shown = page(project, "A/RES/51/148")
    text = visible_text(shown)
    assert 'Noting <a href="http://evil.example/">the link</a> and <iframe src="http://evil.example/"></iframe>,' in text
    assert "A/51/L.53<script>alert(1)</script> and Add.1" in text
    assert "&lt;iframe" in shown and "<iframe" not in shown
    assert "<script>alert(1)" not in shown and "&lt;script&gt;alert(1)" in shown
    assert "l.53alert" not in shown.lower()  # no bogus document A/51/L.53ALERT, linked or listed
    assert 'href="http://evil.example/"' not in shown
    assert project.build("--strict").returncode == 1
    assert project.outside_site() == before


def test_a_symbol_line_of_dot_segments_is_kept_and_reported(project):
    text = resolution().replace("A/RES/51/148  ", "A/RES/../..  ", 1)
    path = project.write("resolutions/dots.md", text)
    line = next(n for n, printed in enumerate(text.splitlines(), 1) if printed.startswith("A/RES/../.."))
    before = project.outside_site()
    checked = project.check()
    assert checked.returncode == 0
    assert "'A/RES/../..'" in checked.diagnostic(f"{path}:{line}", "RES113")
    built = project.build()
    assert built.returncode == 0, built.log
    assert "A/RES/../.." in page(project, "A/RES/51/148")  # kept as unplaced text; the number gives the symbol
    assert project.outside_site() == before
