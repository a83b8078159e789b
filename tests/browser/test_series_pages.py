"""Series of recurring resolutions in real Chromium: a series page, a changes view at desktop and phone width,
the "Series" row of a resolution page, keyboard, and axe-core (light and dark). Screenshots go to
artifacts/browser/. Skips when the test site has no series (the fixture site without the corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import PHONE, axe_violations, open_reader
from test_accessibility import _ACTIVE_JS, _FOCUSABLE_JS, _LOOK_JS


def _series_page(site_dir: Path) -> str | None:
    pages = sorted(p for p in (site_dir / "series").glob("*/index.html"))
    return pages[0].parent.relative_to(site_dir).as_posix() + "/" if pages else None


def _changes_page(site_dir: Path) -> str | None:
    """The changes page with the most marked words: the one a reader would look at."""
    best, most = None, 0
    for path in site_dir.glob("A/RES/*/*/changes/index.html"):
        marks = path.read_text(encoding="utf-8").count("<ins>")
        if marks > most:
            best, most = path.parent.relative_to(site_dir).as_posix() + "/", marks
    return best


@pytest.fixture
def series_paths(browser_site):
    series, changes = _series_page(browser_site.site_dir), _changes_page(browser_site.site_dir)
    if series is None or changes is None:
        pytest.skip("the test site has no series of recurring resolutions (it needs the corpus)")
    return series, changes


def test_series_page_lists_editions_that_lead_to_their_changes(reader, series_paths, artifacts_dir):
    series, _changes = series_paths
    page = reader.page
    reader.open(series)
    editions = page.locator(".rs-series__edition")
    assert editions.count() >= 2
    assert page.locator(".rs-unofficial").inner_text().startswith("Unofficial copies of United Nations documents")
    page.screenshot(path=str(artifacts_dir / "series-desktop.png"), full_page=True)
    link = page.locator(".rs-series__meta a").first
    text = link.inner_text()
    assert text.startswith("Changes since")
    from playwright.sync_api import expect

    link.click()  # Material's instant navigation swaps the content without a new page load: wait for it
    expect(page.locator("h1")).to_contain_text(text.replace("Changes", "changes"))
    assert page.url.endswith("/changes/")
    reader.assert_clean()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_changes_view_marks_words_counts_and_links_both_editions(browser, browser_site, series_paths, artifacts_dir,
                                                               device):
    _series, changes = series_paths
    options = {"viewport": PHONE, "is_mobile": True, "has_touch": True} if device == "phone" else {}
    context, reader = open_reader(browser, browser_site, **options)
    try:
        page = reader.page
        reader.open(changes)
        assert page.locator(".rs-change-counts li").count() == 2  # preamble and operative part
        inserted = page.locator(".rs-change ins").first
        inserted.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts_dir / f"changes-{device}.png"), full_page=False)
        # Marked beyond colour: underlined and struck through; the screen-reader words are in the text.
        assert "underline" in inserted.evaluate("(el) => getComputedStyle(el).textDecorationLine")
        assert "[inserted: " in inserted.inner_text() or "[inserted: " in inserted.text_content()
        deleted = page.locator(".rs-change del").first
        if deleted.count():
            assert "line-through" in deleted.evaluate("(el) => getComputedStyle(el).textDecorationLine")
        # Nothing wider than the screen on a phone.
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{changes} is {overflow}px wider than the {device} screen"
        # Each changed paragraph links to its place in both editions, and those places exist.
        links = page.locator(".rs-change--changed .rs-change__link")
        assert links.count() >= 2
        for index in (0, 1):
            href = links.nth(index).get_attribute("href")
            target = links.nth(index).evaluate("(a) => a.href")
            anchor = href.split("#", 1)[1]
            other = context.new_page()
            response = other.goto(target)
            assert response is not None and response.ok, target
            assert other.locator(f'[id="{anchor}"]').count() == 1, f"{target}: no element with id {anchor}"
            other.close()
        reader.assert_clean()
    finally:
        context.close()


def test_resolution_page_names_its_previous_and_next_editions(reader, browser_site, series_paths):
    _series, changes = series_paths
    edition = changes[: -len("changes/")]
    reader.open(edition)
    from playwright.sync_api import expect

    # The editions are in the metadata panel, collapsed under the title: the reader opens it.
    reader.page.locator("details.res-meta > summary").first.click()
    row = reader.page.locator(".res-editions")
    assert row.locator("a[rel=prev]").inner_text().startswith("Previous edition: ")
    row.locator("text=Changes since").click()
    expect(reader.page.locator(".rs-change-counts")).to_have_count(1)
    assert reader.page.url.endswith("/" + changes)
    reader.assert_clean()


@pytest.mark.parametrize("kind", ["index", "series", "changes"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_serious_violation_on_series_pages(browser, browser_site, axe_script, series_paths, kind,
                                                          scheme, artifacts_dir):
    path = {"index": "series/", "series": series_paths[0], "changes": series_paths[1]}[kind]
    context, reader = open_reader(browser, browser_site, color_scheme=scheme)
    try:
        reader.open(path)
        if kind == "index" and scheme == "light":
            reader.page.set_viewport_size(PHONE)
            reader.page.screenshot(path=str(artifacts_dir / "series-index-phone.png"))
        if kind == "changes" and scheme == "dark":
            reader.page.locator(".rs-change ins").first.scroll_into_view_if_needed()
            reader.page.screenshot(path=str(artifacts_dir / "changes-desktop-dark.png"))
        blocking = axe_violations(reader.page, axe_script)
        assert blocking == [], f"{kind} page /{path} ({scheme}):\n" + "\n".join(blocking)
        reader.assert_clean()
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["series", "changes"])
def test_keyboard_reaches_every_link_of_series_pages(reader, series_paths, kind):
    path = series_paths[0] if kind == "series" else series_paths[1]
    page = reader.page
    reader.open(path)
    expected = set(page.evaluate(_FOCUSABLE_JS))
    reached: set[str] = set()
    no_focus_ring: list[str] = []
    for _ in range(len(expected) + 40):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE_JS)
        if active is None or active["id"] is None:
            continue
        if active["id"] in reached:
            break
        reached.add(active["id"])
        if not (active["outline"] or active["shadow"]):  # else the focused look must differ from the unfocused
            element = page.locator(f'[data-kbd-id="{active["id"]}"]')
            focused_look = element.evaluate(_LOOK_JS)
            element.evaluate("(el) => el.blur()")
            if element.evaluate(_LOOK_JS) == focused_look:
                no_focus_ring.append(active["text"])
            element.focus()
    assert expected - reached == set(), f"not reached by Tab on /{path}"
    assert no_focus_ring == [], f"focus not visible on /{path}: {no_focus_ring[:5]}"
    reader.assert_clean()
