"""What a reader sees: the printed resolution (PDF by Chromium) and screenshots at desktop and phone width,
light and dark, all stored in artifacts/browser/. Also the site's published-address plumbing: canonical
links and sitemap.xml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest

from harness import DESKTOP, PHONE, open_reader
from site_pages import SAMPLE_PAGE, agenda_index_page, find_paragraph_citation, resolution_pages, timeline_page

# Computed display of what must not be printed, and of what must be.
_PRINT_LAYOUT_JS = """() => {
  const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
  const any = (selector) => Array.from(document.querySelectorAll(selector)).some(shown);
  const footnotes = document.querySelector('.res-document .footnote, .res-document #footnotes');
  const paragraphs = Array.from(document.querySelectorAll('.res-document .res-para'));
  const lastParagraph = paragraphs[paragraphs.length - 1];
  const numbers = Array.from(document.querySelectorAll('.res-document .res-para > .res-num'));
  return {
    header: any('.md-header'), sidebars: any('.md-sidebar'), footer: any('.md-footer'), tabs: any('.md-tabs'),
    panel: any('.res-meta'), citedBy: any('.res-cited-by-section'), neighbours: any('.res-neighbours'),
    notice: any('.res-head .res-notice'), title: any('h1.res-title'),
    footnotesShown: shown(footnotes),
    footnotesLast: !!(footnotes && lastParagraph &&
      (lastParagraph.compareDocumentPosition(footnotes) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      footnotes.getBoundingClientRect().top >= lastParagraph.getBoundingClientRect().bottom),
    numbersShown: numbers.length > 0 && numbers.every(shown),
    numbers: numbers.map((n) => n.textContent.trim()),
    background: getComputedStyle(document.body).backgroundColor,
  };
}"""


def test_print_gives_the_official_document_layout(reader, artifacts_dir):
    page = reader.page
    reader.open(SAMPLE_PAGE)
    page.emulate_media(media="print")
    layout = page.evaluate(_PRINT_LAYOUT_JS)
    hidden = ("header", "sidebars", "footer", "tabs", "panel", "citedBy", "neighbours")
    assert {key: layout[key] for key in hidden} == {key: False for key in hidden}, layout
    assert layout["notice"] and layout["title"], "the title and the unofficial-copy notice must be printed"
    assert layout["footnotesShown"] and layout["footnotesLast"], "footnotes must be printed after the text"
    assert layout["numbersShown"] and layout["numbers"][:3] == ["1.", "2.", "3."], layout["numbers"]
    assert layout["background"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    pdf = artifacts_dir / "A_RES_51_148.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False, prefer_css_page_size=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    reader.assert_clean()


def _screenshot_targets(site) -> list[tuple[str, str]]:
    targets = [("resolution", SAMPLE_PAGE)]
    citation = find_paragraph_citation(site.site_dir)
    if citation:
        targets.append(("cited-resolution", citation.target_page))
    for name, finder in (("agenda-index", agenda_index_page), ("timeline", timeline_page)):
        path = finder(site.site_dir)
        if path:
            targets.append((name, path))
    return targets


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots(browser, browser_site, artifacts_dir, device, scheme):
    """Screenshots for people to look at; the test checks only that nothing overflows sideways."""
    options = {"viewport": DESKTOP} if device == "desktop" else {
        "viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
    context, reader = open_reader(browser, browser_site, color_scheme=scheme, **options)
    overflowing = []
    try:
        for name, path in _screenshot_targets(browser_site):
            reader.open(path)
            reader.page.wait_for_timeout(300)  # let Material settle (palette, sticky header)
            shot = artifacts_dir / f"{name}-{device}-{scheme}.png"
            reader.page.screenshot(path=str(shot), full_page=False)
            width = reader.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if width > 1:
                overflowing.append(f"/{path} is {width}px wider than the {device} screen")
        assert overflowing == []
        reader.assert_clean()
    finally:
        context.close()


def test_canonical_links_use_site_url(browser_site):
    html = browser_site.html(SAMPLE_PAGE)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical and canonical.group(1) == browser_site.url(SAMPLE_PAGE)


def test_sitemap_lists_resolution_and_generated_pages(browser_site):
    tree = ET.parse(browser_site.site_dir / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    # MkDocs percent-encodes the addresses (S/RES/1600%282005%29/): compare them decoded.
    locations = {unquote(loc.text) for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    expected = [browser_site.url(page) for page in resolution_pages(browser_site.site_dir)]
    assert browser_site.url(SAMPLE_PAGE) in locations
    missing = [url for url in expected if url not in locations]
    assert missing == [], f"{len(missing)} resolution pages missing from sitemap.xml, e.g. {missing[:3]}"
    generated = [p for p in (agenda_index_page(browser_site.site_dir), timeline_page(browser_site.site_dir)) if p]
    assert all(browser_site.url(p) in locations for p in generated)
    assert not any("a/res/" in url for url in locations), "redirect pages must not be in the sitemap"
