"""The entries of a mandate registry list page as HTML, made in Python rather than by a template loop.

Pure core: ``list_items_html(groups, base_url)`` turns the groups of one list page (``site/mandates.py``'s
``ListedMandate``: the entries themselves, their texts worked out when the page is written) into the
``<li class="rs-mandate">`` items that ``mandates.html`` prints, and that ``assets/mandates.js`` narrows by their
``data-action``, ``data-actor`` and ``data-body``. A list page holds up to 300 entries and a large collection
hundreds of such pages: one f-string per entry costs a fraction of the same markup made by Jinja's loop, attribute
look-ups and filters. Every text from the sources is escaped here, as the template would; the Mandates row of a
resolution page (``site/mandates.metadata_row``) escapes its repeated names with the same memo.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from itertools import repeat
from typing import Iterable


escape_name = lru_cache(maxsize=4096)(escape)
"""``escape`` for the few distinct names repeated on every entry (actions, actors, bodies, numbers, paragraph
anchors and labels, due points): escaping each afresh was a third of the entries' time."""


def list_items_html(groups: Iterable, base_url: str) -> str:
    """The ``<li>`` of each group (``site.mandates.ListedMandate``); ``base_url`` is the page's relative path to
    the site root (as in templates)."""
    return "".join(map(_item_html, groups, repeat(base_url)))


def _item_html(g, base_url: str) -> str:
    latest, first = g.latest, g.first
    due = g.due
    due = (f' · <strong class="rs-mandate-due">{escape(due)}</strong>' if due
           else ' · <span class="rs-mandate-open">no due point</span>')
    adopted = g.adopted
    adopted = f' <span class="rs-muted">(adopted {escape(adopted)})</span>' if adopted else ""
    series = ""
    if first is not None:
        first_adopted = g.first_adopted
        series = (f'<p class="rs-muted rs-mandate-series">Recurring: {g.editions} editions, first in '
                  f'<a href="{base_url}/{escape(first.href)}">{escape_name(g.first_number)}</a>'
                  + (f' ({escape(first_adopted)})' if first_adopted else "") + ".</p>")
    action, actor = escape_name(g.action), escape_name(g.actor)
    return (f'<li class="rs-mandate" data-action="{action}" data-actor="{actor}" '
            f'data-body="{escape_name(g.body)}"><p class="rs-mandate-head">'
            f'<a href="{base_url}/{escape(latest.href)}">{escape_name(g.number)}, {escape_name(g.paragraph)}</a> '
            f'<span class="rs-badge">{action}</span> '
            f'<span class="rs-mandate-actor">{actor}</span>{due}{adopted}</p>'
            f'<blockquote class="rs-mandate-quote">{escape(latest.quote)}</blockquote>{series}</li>')
