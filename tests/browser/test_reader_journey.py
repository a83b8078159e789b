"""A reader's first look at every kind of page, on a desktop (1280x900) and a phone (390x844), light and
dark: the title is on the first screen, the page never scrolls sideways (a wide table scrolls inside its own
box), nothing goes wrong in the console, and axe-core finds no serious or critical violation. Each view is
kept as a screenshot in artifacts/browser/journey-<kind>-<device>-<scheme>.png for people to look at."""

from __future__ import annotations

import pytest

from harness import DESKTOP, PHONE, axe_violations, open_reader
from site_pages import agenda_item_page, resolution_pages, session_page, timeline_page

KINDS = ("GA resolution", "SC resolution", "ECOSOC resolution", "decision", "session", "agenda item",
         "timeline year", "home", "404", "search")

_FIRST_LOOK_JS = """() => {
  const title = document.querySelector('main h1, article h1, h1');
  const box = title ? title.getBoundingClientRect() : null;
  return {
    title: title ? title.textContent.trim() : null,
    titleBottom: box ? box.bottom : null,
    titleVisible: !!box && box.height > 0 && getComputedStyle(title).visibility !== 'hidden',
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  };
}"""


def _first_page(pages: list[str], prefix: str) -> str | None:
    return next((page for page in pages if page.startswith(prefix)), None)


def _page_for(kind: str, site) -> str | None:
    site_dir = site.site_dir
    pages = resolution_pages(site_dir)
    finders = {
        "GA resolution": lambda: _first_page(pages, "A/RES/"),
        "SC resolution": lambda: _first_page(pages, "S/RES/"),
        "ECOSOC resolution": lambda: _first_page(pages, "E/RES/"),
        "decision": lambda: _first_page(pages, "A/DEC/"),
        "session": lambda: session_page(site_dir),
        "agenda item": lambda: agenda_item_page(site_dir),
        "timeline year": lambda: timeline_page(site_dir),
        "home": lambda: "",
        "404": lambda: "no/such/page/",
        "search": lambda: "search/?q=51%2F148" if (site_dir / "search" / "index.html").is_file() else None,
    }
    return finders[kind]()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("kind", KINDS)
def test_first_look(browser, browser_site, axe_script, artifacts_dir, kind, device, scheme):
    path = _page_for(kind, browser_site)
    if path is None:
        pytest.skip(f"the site has no {kind} page (built {'with' if browser_site.with_corpus else 'without'} the corpus)")
    options = {"viewport": DESKTOP} if device == "desktop" else {
        "viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
    context, reader = open_reader(browser, browser_site, color_scheme=scheme, **options)
    try:
        page = reader.page
        response = page.goto(browser_site.url(path), wait_until="load")
        assert response is not None
        assert response.status == (404 if kind == "404" else 200), f"/{path}: HTTP {response.status}"
        page.wait_for_timeout(200)  # let Material settle (palette, sticky header)
        shot = artifacts_dir / f"journey-{kind.replace(' ', '-')}-{device}-{scheme}.png"
        page.screenshot(path=str(shot))

        look = page.evaluate(_FIRST_LOOK_JS)
        where = f"{kind} /{path} ({device}, {scheme})"
        assert look["title"] and look["titleVisible"], f"{where}: no visible title"
        assert look["titleBottom"] <= look["innerHeight"], f"{where}: the title ends below the first screen: {look}"
        assert look["scrollWidth"] <= look["innerWidth"], f"{where}: the page scrolls sideways: {look}"

        blocking = axe_violations(page, axe_script)
        assert blocking == [], f"{where}:\n" + "\n".join(blocking)
        # The 404 answer itself is the one expected HTTP error.
        problems = [p for p in reader.problems if not (kind == "404" and "no/such/page" in p)]
        assert problems == [], f"{where}:\n" + "\n".join(problems)
    finally:
        context.close()


def test_every_table_fits_or_scrolls_in_its_own_box_on_a_phone(browser, browser_site):
    """The overview, a session's list and an agenda item on a 390 px phone: no table pushes the page sideways,
    and a table wider than the screen can be scrolled inside its box."""
    paths = ["resolutions/", agenda_item_page(browser_site.site_dir)]
    context, reader = open_reader(browser, browser_site, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        for path in filter(None, paths):
            reader.open(path)
            boxes = reader.page.evaluate("""() => Array.from(document.querySelectorAll('table')).map((table) => {
              const box = table.parentElement;
              const style = getComputedStyle(box);
              return {fits: table.scrollWidth <= box.clientWidth + 1,
                      scrolls: ['auto', 'scroll'].includes(style.overflowX) && box.clientWidth <= innerWidth};
            })""")
            assert boxes, f"/{path}: no table"
            assert all(b["fits"] or b["scrolls"] for b in boxes), (path, boxes)
            assert reader.page.evaluate("document.documentElement.scrollWidth <= innerWidth"), path
        reader.assert_clean()
    finally:
        context.close()
