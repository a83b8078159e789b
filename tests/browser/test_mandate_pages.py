"""The mandate registry in real Chromium: no serious axe violation, no console error, the filters narrow the list,
every entry's link reaches its paragraph, nothing overflows at phone width; screenshots to look at."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from harness import DESKTOP, PHONE, axe_violations, open_reader


def _session_pages(site) -> list[str]:
    """The first pages of the due sessions (``mandates/sessions/<body>/<session>/``), the busiest first."""
    sessions = site.site_dir / "mandates" / "sessions"
    if not sessions.is_dir():
        pytest.skip("the site has no mandate due at a session")
    found = [page for page in sessions.glob("*/*/index.html") if page.parent.parent.parent == sessions]
    found.sort(key=lambda page: page.stat().st_size, reverse=True)
    return [page.parent.relative_to(site.site_dir).as_posix() + "/" for page in found]


def _session_page(site) -> str:
    """The registry page of the due session with the most entries (a full session's reports are due at the next)."""
    return _session_pages(site)[0]


def _pages(site) -> list[tuple[str, str]]:
    return [("overview", "mandates/"), ("session", _session_page(site)), ("actor", "mandates/actors/secretary-general/")]


def test_actor_pages_list_open_ended_mandates_after_those_with_a_due_point_marked_so(reader, browser_site):
    reader.open("mandates/actors/secretary-general/")
    page = reader.page
    marks = page.locator(".rs-mandate").evaluate_all(
        "items => items.map(item => !!item.querySelector('.rs-mandate-open'))")
    assert True in marks and False in marks, "the Secretary-General is asked things with and without a due point"
    assert marks == sorted(marks), "an entry with no due point comes before one with a due point"
    assert all(page.locator(".rs-mandate .rs-mandate-open").all_inner_texts()[i] == "no due point"
               for i in range(marks.count(True)))
    # The overview counts them and says where they are.
    reader.open("mandates/")
    lead = reader.page.locator(".rs-lead").inner_text()
    assert "have none (open-ended" in lead and "no due point" in lead
    reader.assert_clean()


def test_each_session_page_is_one_bodys_and_its_entries_are_due_there(reader, browser_site):
    for path in _session_pages(browser_site)[:12]:
        reader.open(path)
        title = reader.page.locator("h1").inner_text()
        assert title.startswith("Due at the ") and " session of the " in title, title
        where = title.removeprefix("Due at the ")
        dues = reader.page.locator(".rs-mandate-due").all_inner_texts()
        session, _of, body = where.partition(" of the ")
        # Each entry is due at this session; one that names a body (another's session) names this page's body.
        assert dues and all(session in due for due in dues), (path, dues[:3])
        assert all(body in due for due in dues if f"{session} of the " in due), (path, dues[:3])
    reader.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_registry_pages_have_no_serious_axe_violation_and_no_console_error(browser, browser_site, axe_script, scheme):
    context, reader = open_reader(browser, browser_site, color_scheme=scheme)
    try:
        for kind, path in _pages(browser_site):
            reader.open(path)
            blocking = axe_violations(reader.page, axe_script)
            assert blocking == [], f"{kind} page /{path} ({scheme}):\n" + "\n".join(blocking)
        reader.assert_clean()
    finally:
        context.close()


def test_the_filters_narrow_the_list_and_the_count_says_so(reader, browser_site):
    reader.open(_session_page(browser_site))
    page = reader.page
    total = page.locator(".rs-mandate").count()
    assert total > 0
    page.select_option("select[name=action]", "report")
    reports = page.locator(".rs-mandate[data-action=report]").count()
    assert page.locator(".rs-mandate:visible").count() == reports
    assert page.locator(".rs-mandate-filter output").inner_text() == f"{reports} of {total} shown"
    page.select_option("select[name=action]", "")
    page.fill("input[name=words]", "zzzz-no-such-words")
    assert page.locator(".rs-mandate:visible").count() == 0
    reader.assert_clean()


def test_each_entry_links_to_its_paragraph_and_the_resolution_page_lists_its_mandates(reader, browser_site):
    reader.open(_session_page(browser_site))
    first = reader.page.locator(".rs-mandate-head a").first
    href = first.get_attribute("href")
    anchor = href.rsplit("#", 1)[1]
    quote = reader.page.locator(".rs-mandate-quote").first.inner_text()
    first.click()  # Material's instant navigation swaps the page in: wait for the paragraph to arrive
    reader.page.wait_for_selector(f"[id='{anchor}']", timeout=15000)
    target = reader.page.locator(f"[id='{anchor}']")
    assert target.count() == 1
    # The quoted words are the paragraph's own (the quote may be cut with an ellipsis).
    assert quote.removesuffix(" …")[:60] in " ".join(target.inner_text().split())
    # Its metadata lists its mandates, each linking to a paragraph of the page.
    links = reader.page.locator(".res-mandates a")
    assert links.count() > 0
    here = urlsplit(reader.page.url).path
    for index in range(min(links.count(), 10)):
        linked = urlsplit(links.nth(index).evaluate("a => a.href"))  # resolved against the page
        assert linked.path == here and reader.page.locator(f"[id='{linked.fragment}']").count() == 1, linked
    reader.assert_clean()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots_and_nothing_wider_than_the_screen(browser, browser_site, artifacts_dir, device):
    viewport = DESKTOP if device == "desktop" else PHONE
    context, reader = open_reader(browser, browser_site, viewport=viewport)
    try:
        for kind, path in _pages(browser_site):
            reader.open(path)
            width = reader.page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"/{path} is {width}px wide at {viewport['width']}px"
            shot = artifacts_dir / f"mandates-{kind}-{device}.png"
            reader.page.screenshot(path=str(shot), full_page=False)
        reader.assert_clean()
    finally:
        context.close()
