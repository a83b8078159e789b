"""A reader's journey in real Chromium: search, footnotes, citations, "Cited by", agenda index and timeline.

Every test ends by asserting that the pages it visited logged no console error and made no failed, erroring or
outside request (``reader.problems``, recorded by conftest).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from site_pages import (
    SAMPLE_PAGE,
    agenda_index_page,
    find_paragraph_citation,
    session_page,
    timeline_page,
)

SEARCH_INPUTS = 'input[type="search"]:visible, input[data-md-component="search-query"]'
WAIT_MS = 15_000

# Where the element is relative to the window and to Material's sticky header (which may hide a target).
_IN_VIEW_JS = """(element) => {
  const box = element.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  return {top: box.top, bottom: box.bottom, height: window.innerHeight, headerBottom: headerBottom};
}"""


def assert_in_view(page, selector: str) -> None:
    element = page.locator(selector).first
    # Scrolling may be smooth: give it up to 3 s to arrive before measuring.
    element.evaluate(
        """(el) => new Promise((resolve) => {
          const started = Date.now();
          const check = () => {
            const box = el.getBoundingClientRect();
            if (box.top >= 0 && box.top < window.innerHeight) resolve(true);
            else if (Date.now() - started > 3000) resolve(false);
            else requestAnimationFrame(check);
          };
          check();
        })"""
    )
    box = element.evaluate(_IN_VIEW_JS)
    # Its top line is on screen and not under the sticky header.
    assert box["headerBottom"] - 2 <= box["top"] < box["height"], f"{selector} is not in view: {box}"


def follow(page, link) -> None:
    """Click a link to another page and wait until that page is shown. Material's instant navigation changes
    the URL before it swaps the content in, so wait for the old content to be gone, not for the URL."""
    page.evaluate("() => document.querySelectorAll('.md-content').forEach((el) => el.setAttribute('data-old-page', ''))")
    link.click()
    page.wait_for_function("() => !document.querySelector('[data-old-page]')", timeout=WAIT_MS)
    page.wait_for_load_state("load")


def target_id(page) -> str | None:
    return page.evaluate("() => { const t = document.querySelector(':target'); return t ? t.id : null; }")


def wait_for_hash(page, fragment: str) -> None:
    page.wait_for_function("(h) => location.hash === h", arg=fragment, timeout=WAIT_MS)


def mark_link(page, selector: str, resolved_url: str | None = None, path_pattern: str | None = None) -> str:
    """A selector for the first ``selector`` link that resolves to ``resolved_url``, or whose resolved path
    matches the regular expression ``path_pattern``; hrefs may be relative or absolute (Material rewrites them)."""
    found = page.evaluate(
        """([selector, url, pattern]) => {
          document.querySelectorAll('[data-test-link]').forEach((a) => a.removeAttribute('data-test-link'));
          const wanted = (a) => url ? a.href === url : new RegExp(pattern).test(new URL(a.href).pathname);
          const link = Array.from(document.querySelectorAll(selector)).find(wanted);
          if (link) link.setAttribute('data-test-link', '1');
          return !!link;
        }""",
        [selector, resolved_url, path_pattern],
    )
    return '[data-test-link="1"]' if found else ""


def test_reader_finds_51_148_by_search_and_opens_it(reader):
    page = reader.page
    site_dir = reader.site.site_dir
    if not any((site_dir / index).is_file() for index in ("pagefind/pagefind-entry.json", "search/search_index.json")):
        pytest.skip("the site has no search index (neither the plugin's pagefind/ nor Material's search/)")
    reader.open("")
    search = page.locator(SEARCH_INPUTS).first
    if search.count() == 0:
        pytest.fail("the home page has no search box")
    if not search.is_visible():
        # Material hides the box behind a button on narrow screens and on some layouts.
        page.locator('label[for="__search"]').first.click()
    search.click()
    search.type("51/148", delay=30)
    result = page.locator(
        '[data-md-component="search-result"] a[href*="A/RES/51/148"], '
        '[role="search"] a[href*="A/RES/51/148"], [role="listbox"] a[href*="A/RES/51/148"], '
        '[class*="search"] a[href*="A/RES/51/148"]'
    ).first
    try:
        result.wait_for(state="visible", timeout=WAIT_MS)
    except Exception:
        # A search that lists its results on a page of their own.
        search.press("Enter")
        result = page.locator('main a[href*="A/RES/51/148"]').first
        result.wait_for(state="visible", timeout=WAIT_MS)
    follow(page, result)
    assert re.search(r"/A/RES/51/148/", page.url)
    assert "51/148" in page.locator("h1.res-title, main h1").first.inner_text()
    reader.assert_clean()


def test_footnote_marker_and_back_link(reader):
    page = reader.page
    reader.open(SAMPLE_PAGE)
    marker = page.locator('a.footnote-ref, sup[id^="fnref"] a[href^="#fn"]').first
    # Material's instant navigation rewrites hrefs to absolute URLs: compare what they resolve to.
    note_fragment = marker.evaluate("(a) => new URL(a.href, location.href).hash")
    assert note_fragment.startswith("#fn"), note_fragment
    marker_id = marker.evaluate("(a) => (a.closest('[id^=fnref]') || a).id")
    marker.click()
    wait_for_hash(page, note_fragment)
    assert_in_view(page, f'[id="{note_fragment[1:]}"]')

    back = page.locator(f'[id="{note_fragment[1:]}"] a[href$="#{marker_id}"]').first
    assert back.count() == 1, f"footnote {note_fragment} has no link back to #{marker_id}"
    back.click()
    wait_for_hash(page, f"#{marker_id}")
    assert_in_view(page, f'[id="{marker_id}"]')
    reader.assert_clean()


def test_citation_leads_to_the_cited_paragraph_and_cited_by_leads_back(reader):
    page = reader.page
    citation = find_paragraph_citation(reader.site.site_dir)
    if citation is None:
        pytest.skip("no resolution of the test site links a citation to another resolution's paragraph")
    reader.open(citation.citing_page)
    link_selector = mark_link(page, "a.res-citation", reader.site.url(citation.target_page) + "#" + citation.anchor)
    assert link_selector, f"{citation.citing_page} has no citation link to {citation.target_page}#{citation.anchor}"
    link = page.locator(link_selector)
    link.scroll_into_view_if_needed()
    follow(page, link)
    assert page.url == reader.site.url(citation.target_page) + "#" + citation.anchor
    assert target_id(page) == citation.anchor
    assert_in_view(page, f'[id="{citation.anchor}"]')

    # "Cited by" on the cited resolution lists the citing one, with a link to the citing paragraph.
    cited_by = page.locator("#cited-by").first
    assert cited_by.count() == 1, f"{citation.target_page} has no 'Cited by' section"
    back_selector = mark_link(page, ".res-cited-by-section a", path_pattern="^/" + re.escape(citation.citing_page) + "$")
    assert back_selector, f"'Cited by' on {citation.target_page} does not link {citation.citing_page}"
    back = page.locator(back_selector)
    href = back.evaluate("(a) => a.href")
    follow(page, back)
    assert page.url.split("#")[0] == reader.site.url(citation.citing_page)
    if "#" in href:
        anchor = href.split("#", 1)[1]
        assert target_id(page) == anchor
        assert_in_view(page, f'[id="{anchor}"]')
    reader.assert_clean()


def _follow_from_resolution(reader, path_pattern: str, what: str) -> None:
    """From the sample resolution, follow its link to an index page and find the resolution listed there."""
    page = reader.page
    reader.open(SAMPLE_PAGE)
    # The links to the indexes are in the metadata panel, collapsed under the title: the reader opens it.
    panel = page.locator("details.res-meta > summary")
    if panel.count():
        panel.first.click()
    link_selector = mark_link(page, "main a", path_pattern=path_pattern)
    if not link_selector:
        pytest.skip(f"{SAMPLE_PAGE} has no link to its {what} yet")
    follow(page, page.locator(link_selector))
    assert re.search(path_pattern, urlsplit(page.url).path), page.url
    back_selector = mark_link(page, "main a", path_pattern="^/A/RES/51/148/$")
    assert back_selector, f"the {what} page ({page.url}) does not list A/RES/51/148"
    follow(page, page.locator(back_selector))
    assert urlsplit(page.url).path == "/A/RES/51/148/"
    reader.assert_clean()


def test_reader_goes_to_the_session_page_and_back(reader):
    _follow_from_resolution(reader, "^/sessions/51/$", "session page")


def test_reader_goes_to_the_agenda_item_and_back(reader):
    _follow_from_resolution(reader, "^/sessions/51/agenda/[^/]+/$", "agenda item page")


def test_reader_goes_to_the_timeline_and_back(reader):
    _follow_from_resolution(reader, "^/timeline/[0-9]{4}/$", "place on the timeline")


@pytest.mark.parametrize("kind", ["session", "agenda index", "timeline"])
def test_index_pages_load_cleanly_and_link_resolutions(reader, kind):
    site_dir = reader.site.site_dir
    path = {"session": session_page, "agenda index": agenda_index_page, "timeline": timeline_page}[kind](site_dir)
    if path is None:
        pytest.skip(f"the site has no {kind} page yet")
    reader.open(path)
    links = reader.page.locator('main a[href*="/RES/"]')
    assert links.count() > 0, f"the {kind} page {path} links no resolution"
    reader.assert_clean()


def test_other_spellings_of_a_symbol_redirect_to_its_page(reader):
    page = reader.page
    for spelling in ("a/res/51/148/",):
        if not (reader.site.site_dir / spelling / "index.html").is_file():
            pytest.skip("redirect pages are not generated (plugin wiring of resolutions.site.redirects missing)")
        reader.open(spelling)
        page.wait_for_url(re.compile(r".*/A/RES/51/148/$"), timeout=WAIT_MS)
        assert "51/148" in page.locator("h1").first.inner_text()
    reader.assert_clean()


def test_a_shortened_address_leads_to_the_list_it_belongs_to(reader):
    page = reader.page
    reader.open("A/RES/51/")
    page.wait_for_url(re.compile(r".*/resolutions/51/$"), timeout=WAIT_MS)
    assert "51st session" in page.locator("h1").first.inner_text()
    assert page.locator('main a[href$="A/RES/51/148/"]').count() > 0
    reader.open("sessions/")
    page.wait_for_url(re.compile(r".*/resolutions/$"), timeout=WAIT_MS)
    reader.assert_clean()


def test_unknown_address_shows_the_404_page(reader):
    page = reader.page
    response = page.goto(reader.site.url("no/such/page/"), wait_until="load")
    assert response.status == 404
    assert "404" in page.locator("main, body").first.inner_text()
    # The 404 page's own stylesheets and scripts load from any depth (absolute URLs from site_url).
    assert [p for p in reader.problems if "no/such/page" not in p] == []
