"""A shortened address (``/A/RES/75/``, ``/sessions/``, ``/mandates/sessions/``) leads to the list it belongs to."""

from __future__ import annotations

import re
from dataclasses import replace

from resolutions.parse import parser
from resolutions.site.folder_redirects import folder_redirect_files
from resolutions.site.indexes import FOLDER_HOMES, listing_places
from resolutions.site.redirects import redirect_files

GA = ("resolutions/", "resolutions/#general-assembly")
SC = ("resolutions/", "resolutions/#security-council")
PAGES = {"resolutions": "Resolutions", "resolutions/75": "Resolutions: General Assembly, 75th session",
         "resolutions/76": "Resolutions: General Assembly, 76th session", "mandates": "Mandates",
         "mandates/sessions/general-assembly/81": "Due at the 81st session", "search": "Search"}


def _files(listed, pages=PAGES, homes=FOLDER_HOMES, site_url=None):
    """The folder redirects of resolution pages (symbol, address, places), as the site makes them: with the
    redirect pages of their other spellings."""
    spellings = [f.dest_uri.removesuffix("index.html") for f in redirect_files([(s, a) for s, a, _ in listed])]
    return folder_redirect_files([(a, places) for _, a, places in listed], pages, homes, spellings, site_url)


def _targets(listed, pages=PAGES, homes=FOLDER_HOMES, site_url=None) -> dict[str, str]:
    """Each redirect page's folder -> where its refresh sends the reader."""
    found = {}
    for generated in _files(listed, pages, homes, site_url):
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]*)"', generated.text())
        found[generated.dest_uri.removesuffix("index.html")] = refresh.group(1)
    return found


def test_a_session_folder_leads_to_that_session_list_and_a_body_folder_to_its_part_of_the_overview():
    listed = [("A/RES/75/1", "A/RES/75/1/", (*GA, "resolutions/75/")),
              ("A/RES/75/2", "A/RES/75/2/", (*GA, "resolutions/75/")),
              ("A/RES/76/1", "A/RES/76/1/", (*GA, "resolutions/76/")),
              ("S/RES/2250 (2015)", "S/RES/2250(2015)/", (*SC, "resolutions/sc-2015/")),
              ("S/RES/2419 (2018)", "S/RES/2419(2018)/", (*SC, "resolutions/sc-2018/"))]
    targets = _targets(listed)
    assert targets["A/RES/75/"] == "../../../resolutions/75/"
    assert targets["a/res/75/"] == "../../../resolutions/75/"  # the lower-case spelling's folders too
    assert targets["A/RES/76/"] == "../../../resolutions/76/"
    assert targets["A/RES/"] == "../../resolutions/#general-assembly"
    assert targets["A/"] == "../resolutions/#general-assembly"
    assert targets["S/RES/"] == "../../resolutions/#security-council"
    # The pages themselves and the other spellings of each symbol are left alone.
    assert not {"A/RES/75/1/", "a/res/75/1/", "S/RES/2250(2015)/", "S/RES/2250 (2015)/"} & set(targets)


def test_a_folder_whose_resolutions_share_one_session_leads_to_that_session_list():
    listed = [("S/RES/2250 (2015)", "S/RES/2250(2015)/", (*SC, "resolutions/sc-2015/"))]
    assert _targets(listed)["S/RES/"] == "../../resolutions/sc-2015/"


def test_a_folder_holding_several_bodies_leads_to_the_whole_overview():
    listed = [("X/1", "X/1/", (*GA, "resolutions/75/")), ("X/2", "X/2/", (*SC, "resolutions/sc-2015/"))]
    assert _targets(listed, homes={})["X/"] == "../resolutions/"


def test_a_resolution_on_no_list_does_not_keep_its_folder_from_leading_to_the_others():
    listed = [("A/RES/75/1", "A/RES/75/1/", (*GA, "resolutions/75/")), ("A/RES/75/2", "A/RES/75/2/", ())]
    assert _targets(listed)["A/RES/75/"] == "../../../resolutions/75/"


def test_other_folders_lead_to_the_nearest_page_above_and_sessions_to_the_overview():
    targets = _targets([], pages={**PAGES, "sessions/75": "General Assembly, 75th session"})
    assert targets["mandates/sessions/"] == "../"
    assert targets["mandates/sessions/general-assembly/"] == "../../"
    assert targets["sessions/"] == "../resolutions/"
    assert "mandates/" not in targets and "resolutions/" not in targets  # pages of their own


def test_the_page_names_its_target_and_gives_an_absolute_canonical_link_when_the_site_url_is_known():
    listed = [("A/RES/75/1", "A/RES/75/1/", (*GA, "resolutions/75/"))]
    [page] = [f for f in _files(listed, PAGES, {}, "https://example.org/un/")
              if f.dest_uri == "A/RES/75/index.html"]
    text = page.text()
    assert '<link rel="canonical" href="https://example.org/un/resolutions/75/">' in text
    assert '<a href="../../../resolutions/75/">Resolutions: General Assembly, 75th session</a>' in text
    assert page.replace_existing is False  # never over a page the site already has


def test_no_redirect_is_written_outside_the_site_folder_and_titles_are_escaped():
    listed = [("../../etc/x", "../../etc/x/", (*GA, "resolutions/75/"))]
    pages = {**PAGES, "resolutions/75": "<script>alert(1)</script>"}
    for generated in _files(listed, pages):
        assert ".." not in generated.dest_uri.split("/") and not generated.dest_uri.startswith("/")
        assert "<script>" not in generated.text()


def test_the_places_of_a_resolution_are_its_overview_body_and_session_list(sample_path):
    res = parser.parse(sample_path.read_text(encoding="utf-8"), "A_RES_51_148.md")
    assert listing_places(res) == ("resolutions/", "resolutions/#general-assembly", "resolutions/51/")
    assert listing_places(replace(res, session=None)) == ()
