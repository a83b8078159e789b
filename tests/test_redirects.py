"""Redirect pages for other spellings of a symbol: where they go, what they contain, what they never do."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from resolutions.site.redirects import alternate_paths, redirect_files, redirect_page_html


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html_text: str) -> list[tuple[str, dict]]:
    parser = _Collect()
    parser.feed(html_text)
    return parser.tags


def test_lower_case_and_spaced_spellings_redirect_to_the_page():
    paths = {f.dest_uri for f in redirect_files([("A/RES/51/148", "A/RES/51/148/")])}
    assert "a/res/51/148/index.html" in paths
    assert "A/RES/51/148/index.html" not in paths

    spaced = {f.dest_uri for f in redirect_files([("S/RES/1325 (2000)", "S/RES/1325(2000)/")])}
    assert {"S/RES/1325 (2000)/index.html", "s/res/1325(2000)/index.html"} <= spaced
    assert "S/RES/1325(2000)/index.html" not in spaced


def test_redirect_page_has_refresh_canonical_and_visible_link():
    html_text = redirect_page_html("A/RES/51/148", "a/res/51/148/", "A/RES/51/148/", site_url="https://example.org/un/")
    tags = _tags(html_text)
    refresh = [a for t, a in tags if t == "meta" and a.get("http-equiv") == "refresh"]
    assert refresh == [{"http-equiv": "refresh", "content": "0; url=../../../../A/RES/51/148/"}]
    assert ("link", {"rel": "canonical", "href": "https://example.org/un/A/RES/51/148/"}) in tags
    assert ("a", {"href": "../../../../A/RES/51/148/"}) in tags
    assert "A/RES/51/148" in re.sub(r"<[^>]+>", "", html_text)
    # It asks the server for nothing else: no /favicon.ico (a 404 on most sites) on the way to the page.
    assert ("link", {"rel": "icon", "href": "data:,"}) in tags


def test_relative_link_goes_up_only_as_far_as_needed():
    html_text = redirect_page_html("S/RES/1325 (2000)", "S/RES/1325 (2000)/", "S/RES/1325(2000)/")
    assert 'href="../1325(2000)/"' in html_text
    lower = redirect_page_html("S/RES/1325 (2000)", "s/res/1325 (2000)/", "S/RES/1325(2000)/")
    assert 'href="../../../S/RES/1325(2000)/"' in lower


def test_symbol_text_is_escaped():
    html_text = redirect_page_html('A/RES/1/<script>"', "a/res/1/x/", "A/RES/1/X/")
    assert "<script>" not in html_text
    assert "&lt;script&gt;" in html_text


def test_no_path_leaves_the_site_folder():
    files = redirect_files([("../../etc/passwd", "../../etc/passwd/"), ("A/RES/../../x", "A/RES/x/")])
    for generated in files:
        assert not generated.dest_uri.startswith("/")
        assert ".." not in generated.dest_uri.split("/")


def test_a_spelling_that_is_another_page_or_taken_is_not_written():
    targets = [("A/RES/1/1", "A/RES/1/1/"), ("a/res/1/1", "a/res/1/1/")]
    paths = [f.dest_uri for f in redirect_files(targets, taken_paths=["A/RES/2/2/"])]
    assert "a/res/1/1/index.html" not in paths
    assert len(paths) == len(set(paths))
    taken = [f.dest_uri for f in redirect_files([("A/RES/2/2", "A/RES/2/2/")], taken_paths=["a/res/2/2"])]
    assert "a/res/2/2/index.html" not in taken


def test_alternate_paths_never_repeat_the_canonical_path():
    assert "A/RES/51/148/" not in alternate_paths("A/RES/51/148", "A/RES/51/148/")


def test_a_redirect_never_replaces_a_file_already_in_the_site(tmp_path):
    """On a case-insensitive file system a/res/51/148/index.html is the page A/RES/51/148/index.html itself."""
    from resolutions.mkdocs_adapter.site_folder import SiteFolder
    from resolutions.site.redirects import redirect_files

    page = tmp_path / "a" / "res" / "51" / "148" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("the resolution page")
    redirects = redirect_files([("A/RES/51/148", "A/RES/51/148/")])
    lower = [f for f in redirects if f.dest_uri == "a/res/51/148/index.html"]
    assert lower, "the lower-case spelling must get a redirect"
    SiteFolder(str(tmp_path)).write(lower[0])
    assert page.read_text() == "the resolution page"
    # Where nothing stands in its way (a case-sensitive file system), the redirect is written.
    fresh_site = tmp_path / "fresh"
    fresh_site.mkdir()
    SiteFolder(str(fresh_site)).write(lower[0])
    assert "A/RES/51/148/" in (fresh_site / lower[0].dest_uri).read_text()
