"""Accessibility in real Chromium: axe-core finds no serious or critical violation, and the keyboard reaches
every link and control with a visible focus indicator."""

from __future__ import annotations

import pytest

from site_pages import SAMPLE_PAGE, agenda_index_page, find_paragraph_citation, session_page, timeline_page

def _page_for(kind: str, site) -> str | None:
    site_dir = site.site_dir
    if kind == "home":
        return ""
    if kind == "resolution":
        return SAMPLE_PAGE
    if kind == "cited resolution":
        citation = find_paragraph_citation(site_dir)
        return citation.target_page if citation else None
    return {"session": session_page, "agenda index": agenda_index_page, "timeline": timeline_page}[kind](site_dir)


@pytest.mark.parametrize("kind", ["home", "resolution", "cited resolution", "session", "agenda index", "timeline"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_serious_violation(browser, browser_site, axe_script, kind, scheme):
    from harness import axe_violations, open_reader

    path = _page_for(kind, browser_site)
    if path is None:
        pytest.skip(f"the site has no {kind} page yet")
    context, reader = open_reader(browser, browser_site, color_scheme=scheme)
    try:
        reader.open(path)
        blocking = axe_violations(reader.page, axe_script)
        assert blocking == [], f"{kind} page /{path} ({scheme}):\n" + "\n".join(blocking)
        reader.assert_clean()
    finally:
        context.close()


# Everything the keyboard should reach: visible links and controls not taken out of the tab order.
_FOCUSABLE_JS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    // Inside a closed <details> only its summary is reachable; the rest once the reader opens it.
    const shut = el.closest('details:not([open])');
    const inShutPanel = shut && !el.closest('summary')?.parentElement?.isSameNode(shut);
    return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0
      && !el.closest('[hidden], [aria-hidden=true], [inert]') && !inShutPanel;
  };
  const out = [];
  document.querySelectorAll(selector).forEach((el, i) => {
    if (el.tabIndex < 0 || el.disabled || !visible(el)) return;
    el.setAttribute('data-kbd-id', String(i));
    out.push(String(i));
  });
  return out;
}"""

# How the focused element looks, to compare with how it looks without focus.
_LOOK_JS = """(el) => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
          s.textDecorationLine, s.borderColor].join('|');
}"""

_ACTIVE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return {id: el.getAttribute('data-kbd-id'), outline: outline, shadow: s.boxShadow !== 'none',
          text: (el.innerText || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40)};
}"""


@pytest.mark.parametrize("path", ["", SAMPLE_PAGE], ids=["home", "resolution"])
def test_keyboard_reaches_every_link_and_control_with_visible_focus(reader, path):
    page = reader.page
    reader.open(path)
    expected = set(page.evaluate(_FOCUSABLE_JS))
    assert expected, "no focusable element found"
    reached: set[str] = set()
    invisible_focus: list[str] = []
    # A freshly loaded page: the first Tab goes to the first focusable element ("Skip to content").
    for _ in range(len(expected) + 40):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE_JS)
        if active is None or active["id"] is None:
            continue
        if active["id"] in reached:
            break  # wrapped around
        reached.add(active["id"])
        if not (active["outline"] or active["shadow"]):
            element = page.locator(f'[data-kbd-id="{active["id"]}"]')
            focused_look = element.evaluate(_LOOK_JS)
            element.evaluate("(el) => el.blur()")
            if element.evaluate(_LOOK_JS) == focused_look:
                invisible_focus.append(active["text"] or active["id"])
            element.focus()
    missed = sorted(expected - reached, key=int)
    # The collapsed panels open from the keyboard, and then their links are reached too.
    panels = page.locator("details:not([open]) > summary")
    if panels.count():
        panels.first.focus()
        page.keyboard.press("Enter")
        assert page.locator("details[open]").count() >= 1, f"Enter does not open the panel on /{path}"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('details[open]') !== null"), \
            f"Tab after opening the panel on /{path} does not go into it"
    missed_text = [
        page.locator(f'[data-kbd-id="{i}"]').evaluate("(el) => el.outerHTML.slice(0, 120)") for i in missed[:10]
    ]
    assert not missed, f"{len(missed)} link(s)/control(s) never reached by Tab on /{path}: {missed_text}"
    assert invisible_focus == [], f"focus not visible on /{path}: {invisible_focus[:10]}"
    reader.assert_clean()
