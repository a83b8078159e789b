"""Shortened addresses that lead somewhere: a redirect page in each folder above the site's pages that has none.

A reader who shortens ``/A/RES/75/1/`` to ``/A/RES/75/``, or ``/mandates/sessions/general-assembly/81/`` to
``/mandates/sessions/``, expects the list the page belongs to, not "page not found". Each such folder gets a
redirect page (``redirects.redirect_html``) to the first of these that applies:

1. a folder above resolution pages (their symbol addresses, and the other spellings that ``redirects`` sends to
   them): the most specific place that lists every resolution below it, from the places each resolution gives,
   most general first (the overview, its body's part of the overview, its session's list): ``A/RES/75/`` goes to
   the 75th session's list, ``S/RES/`` to the Security Council's part of the overview;
2. a folder the caller names a home for (``sessions/``: the overview of sessions);
3. any other folder above a generated page: the nearest folder above it that has a generated page
   (``mandates/sessions/`` goes to ``mandates/``).

A folder that is some page's address, or that none of these rules gives a place, gets nothing. Pure core, no
file written here; linear in the number of addresses (a few folders above each).
"""

from __future__ import annotations

import posixpath
from functools import partial
from typing import Iterable, Mapping, Sequence

from resolutions.site.redirects import is_safe_site_path, redirect_html
from resolutions.site.site_plan import GeneratedFile

LEAD = "This address has no page of its own; what it holds is listed on"
"""What a folder's redirect page says before its link, to a reader it does not send on."""


def folder_redirect_files(listed: Iterable[tuple[str, Sequence[str]]], pages: Mapping[str, str],
                          homes: Mapping[str, str] = {}, spellings: Iterable[str] = (),
                          site_url: str | None = None) -> list[GeneratedFile]:
    """Redirect pages for the folders above the site's pages.

    ``listed``: each resolution page's address (``A/RES/75/1/``) with the places listing it, most general first
    (site-relative addresses, with a ``#fragment`` where the place is part of a page; none when no index lists
    it); ``pages``: each generated page's address (``resolutions/75/``) with its title; ``homes``: a folder's own
    target where the rules above have none (``{"sessions/": "resolutions/"}``); ``spellings``: the addresses of
    the redirect pages of other spellings (``a/res/75/1/``), whose folders lead where their page's folders do.
    """
    titles = {_folder(address): title for address, title in pages.items()}
    page_folders = titles.keys()
    taken = set(page_folders)
    shared: dict[str, Sequence[str]] = {}
    for address, places in listed:
        address = _folder(address)
        taken.add(address)
        if not places:  # listed nowhere: it says nothing of where its folders should lead
            continue
        for folder in _folders_above(address):
            known = shared.get(folder)
            shared[folder] = places if known is None or known == places else _common_start(known, places)
    # A spelling differs from its page's address in case and spaces only: ``a/res/75/`` is ``A/RES/75/``.
    by_spelling = {_spelling_key(folder): places for folder, places in shared.items()}
    for address in map(_folder, spellings):
        taken.add(address)
        for folder in _folders_above(address):
            if folder not in shared and (places := by_spelling.get(_spelling_key(folder))) is not None:
                shared[folder] = places
    targets: dict[str, str] = {folder: places[-1] for folder, places in shared.items() if places}
    for folder, home in homes.items():
        targets.setdefault(_folder(folder), home)
    for page in page_folders:
        for folder in _folders_above(page):
            if folder not in targets:
                targets[folder] = next((above for above in _folders_above(folder) if above in page_folders), "")
    return [
        GeneratedFile(folder + "index.html", partial(_page, folder, target, titles, site_url), replace_existing=False)
        for folder, target in sorted(targets.items())
        if target and folder not in taken and is_safe_site_path(folder)
    ]


def _spelling_key(folder: str) -> str:
    return folder.casefold().replace("_", "").replace(" ", "")


def _page(folder: str, target: str, titles: Mapping[str, str], site_url: str | None) -> str:
    title = titles.get(_folder(target.partition("#")[0]), target)
    return redirect_html(folder, target, title, LEAD, title, site_url)


def _folder(address: str) -> str:
    """``resolutions/75`` or ``/resolutions/75/`` -> ``resolutions/75/``; the site root -> ``""``."""
    address = address.strip("/")
    return address + "/" if address else ""


def _folders_above(address: str) -> list[str]:
    """``A/RES/75/1/`` -> ``A/RES/75/``, ``A/RES/``, ``A/`` (nearest first; never the root)."""
    folders = []
    parent = posixpath.dirname(address.strip("/"))
    while parent:
        folders.append(parent + "/")
        parent = posixpath.dirname(parent)
    return folders


def _common_start(a: Sequence[str], b: Sequence[str]) -> Sequence[str]:
    """The places both lists begin with."""
    size = 0
    for x, y in zip(a, b):
        if x != y:
            break
        size += 1
    return a[:size]
