"""The entries of a mandate registry list page as HTML, made in Python rather than by a template loop.

Pure core: ``list_items_html(groups, base_url)`` turns the groups of one list page (``site/mandates.py``, plain
dicts) into the ``<li class="rs-mandate">`` items that ``mandates.html`` prints, and that ``assets/mandates.js``
narrows by their ``data-action``, ``data-actor`` and ``data-body``. A list page holds up to 300 entries and a
large collection hundreds of such pages: one f-string per entry costs a fraction of the same markup made by
Jinja's loop, attribute look-ups and filters. Every text from the sources is escaped here, as the template would.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Mapping


def list_items_html(groups: Iterable[Mapping], base_url: str) -> str:
    """The ``<li>`` of each group; ``base_url`` is the page's relative path to the site root (as in templates)."""
    return "".join(_item_html(group, base_url) for group in groups)


def _item_html(g: Mapping, base_url: str) -> str:
    due = (f' · <strong class="rs-mandate-due">{escape(g["due"])}</strong>' if g["due"]
           else ' · <span class="rs-mandate-open">no due point</span>')
    adopted = f' <span class="rs-muted">(adopted {escape(g["adopted"])})</span>' if g["adopted"] else ""
    first = g["first"]
    series = "" if first is None else (
        f'<p class="rs-muted rs-mandate-series">Recurring: {g["editions"]} editions, first in '
        f'<a href="{base_url}/{escape(first["href"])}">{escape(first["number"])}</a>'
        + (f' ({escape(first["adopted"])})' if first["adopted"] else "") + ".</p>")
    return (f'<li class="rs-mandate" data-action="{escape(g["action"])}" data-actor="{escape(g["actor"])}" '
            f'data-body="{escape(g["body"])}"><p class="rs-mandate-head">'
            f'<a href="{base_url}/{escape(g["href"])}">{escape(g["number"])}, {escape(g["paragraph"])}</a> '
            f'<span class="rs-badge">{escape(g["action"])}</span> '
            f'<span class="rs-mandate-actor">{escape(g["actor"])}</span>{due}{adopted}</p>'
            f'<blockquote class="rs-mandate-quote">{escape(g["quote"])}</blockquote>{series}</li>')
