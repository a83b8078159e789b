"""The mandate registry: what the collection's resolutions ask for, by due session, due year and actor.

Pure core: from the parsed mandates (``Resolution.mandates``, see parse/mandates.py) this module builds one
entry per mandate (quoting its paragraph and linking to it), groups the same request repeated in the editions
of a recurring resolution, and describes the registry pages (``/mandates/``, a page per body's due session, per
due year and per actor) as ``GeneratedPage`` values; it also makes the mandates row of a resolution page's
metadata.

A session page is one body's session (*Due at the 81st session of the General Assembly*): a paragraph that asks
for a report at a Commission's sixtieth session is on that Commission's page, never on the Assembly's. Actor
pages list every mandate of their actor, the open-ended ones too (*Urges States to ratify …*: no due point, most
mandates), after those with a due point and marked "no due point". Long lists are split into pages of
``MANDATES_PER_PAGE`` groups, each linking to the others, so no page grows with the collection; every mandate is
also in ``mandates.json``/``mandates.csv``. Every step is one pass with dictionaries, then sorts: n log n.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

from resolutions import symbols
from resolutions.model import Mandate, Paragraph, Resolution
from resolutions.parse.ids import slug
from resolutions.site.mandate_html import escape_name, list_items_html
from resolutions.site.labels import format_date, session_name
from resolutions.site.series import Series, series_url
from resolutions.site.site_plan import GeneratedPage
from resolutions.site.views import UNOFFICIAL_NOTICE, body_of

MANDATES_URL = "mandates/"
MANDATES_PER_PAGE = 300
"""Groups of mandates listed on one registry page; a longer list continues on ``…/2/``, ``…/3/``."""
QUOTE_LENGTH = 200
"""Characters of a paragraph quoted in a registry entry with a due point (cut at a word, with an ellipsis): the
paragraph's beginning says what is asked; its link leads to the rest."""
OPEN_QUOTE_LENGTH = 120
"""The same for an open-ended entry (no due point: most mandates), listed on its actor's page only."""
ACTOR_PAGE_FROM = 10
"""Mandates an actor needs for a page of its own; the others share the list ``actors/others/``, by actor name (most
actors printed by name are asked once or twice: a page each would be thousands of pages at 20,000 resolutions)."""
OTHER_ACTORS = "Other actors"
ACTORS_ON_OVERVIEW = 40
"""Actors listed on ``/mandates/`` (by number of tracked mandates); the page of all actors lists every one."""
UNTRACKED_ACTIONS = ("other", "continue")
"""Actions that, with no due point or recurrence, make a mandate open-ended: listed on its actor's page only."""
ACTION_LABELS = {
    "report": "Reports", "include-item": "Agenda items", "extend": "Extensions", "establish": "Establishments",
    "convene": "Meetings to convene", "continue": "Continuations", "other": "Other actions",
}
"""How each action is named on the pages (plural, as a heading)."""
ISSUING_BODIES = (symbols.GENERAL_ASSEMBLY, symbols.SECURITY_COUNCIL, symbols.ECOSOC)
"""Whose session pages come first on ``/mandates/``, in this order."""
NO_ACTOR = "(no one named)"
"""How a mandate that names no actor (``Calls for the cessation of …``) is listed."""

UrlFor = Callable[[str], str]


class MandateEntry(NamedTuple):
    """One mandate of one resolution, with what a registry entry shows (a named tuple: about 180,000 of them
    at 20,000 resolutions, made faster and held smaller than objects with a ``__dict__``)."""

    res: Resolution
    """The resolution that asks it."""
    mandate: Mandate
    """The mandate as parsed."""
    url: str
    """Site-relative URL of the resolution's page (``A/RES/75/1/``)."""
    quote: str
    """The paragraph's beginning, cut at ``QUOTE_LENGTH`` (``OPEN_QUOTE_LENGTH`` when it has no due point)."""
    group: tuple
    """Key shared by the same request in every edition of a recurring resolution (``recurrence_group``)."""

    @property
    def href(self) -> str:
        return f"{self.url}#{self.mandate.paragraph}"


class ListedMandate(NamedTuple):
    """One item of a registry list page: a request's latest edition on that list, with the first edition in the
    collection when the request recurs. What the item shows is worked out when the page is written
    (``mandate_html``), so the build holds three references per item rather than a dict of its texts."""

    latest: MandateEntry
    first: MandateEntry | None
    """The oldest edition of the same request, when there are several."""
    editions: int
    """How many editions of the request the collection holds."""

    @property
    def paragraph(self) -> str:
        return _paragraph_label(self.latest.mandate.paragraph)

    @property
    def actor(self) -> str:
        return actor_name(self.latest.mandate)

    @property
    def action(self) -> str:
        return self.latest.mandate.action

    @property
    def body(self) -> str:
        return body_of(self.latest.res) or ""

    @property
    def due(self) -> str:
        return due_label(self.latest.mandate)

    @property
    def open(self) -> bool:
        return not has_due_point(self.latest.mandate)

    @property
    def number(self) -> str:
        return _number(self.latest)

    @property
    def adopted(self) -> str:
        return _adopted(self.latest)

    @property
    def first_number(self) -> str:
        return "" if self.first is None else _number(self.first)

    @property
    def first_adopted(self) -> str:
        return "" if self.first is None else _adopted(self.first)


def _number(entry: MandateEntry) -> str:
    return entry.res.number or entry.res.symbol or ""


def _adopted(entry: MandateEntry) -> str:
    return _date_in_words(entry.res.adopted) if entry.res.adopted else ""


_date_in_words = lru_cache(maxsize=4096)(format_date)
"""``format_date`` for adoption dates, which many entries share."""


def entries(resolutions: Iterable[Resolution], url_for: UrlFor,
            series_of: Callable[[str | None], Series | None] | None = None) -> list[MandateEntry]:
    """Every mandate of every resolution that has a page, in the given order of resolutions; ``series_of`` (the
    collection's ``series.series_of``) names the series each resolution is an edition of."""
    found = []
    for res in resolutions:
        if not res.mandates or not res.symbol:
            continue
        url = url_for(res.symbol).lstrip("/")
        texts = _paragraph_texts(res)
        seen: dict[tuple, int] = {}
        group = recurrence_group(res, series_of)
        for mandate in res.mandates:
            # The n-th request of an actor and action in one edition matches the n-th in the next edition.
            key = (mandate.actor, mandate.action)
            seen[key] = seen.get(key, 0) + 1
            limit = QUOTE_LENGTH if has_due_point(mandate) else OPEN_QUOTE_LENGTH
            found.append(MandateEntry(res, mandate, url, _quote(texts.get(mandate.paragraph, ""), limit),
                                      (group, *key, seen[key])))
    return found


def recurrence_group(res: Resolution, series_of: Callable[[str | None], Series | None] | None = None) -> tuple:
    """Which recurring resolution ``res`` is an edition of: its series (site/series.py) when the collection has
    series, else the same body and the same title."""
    series = series_of(res.symbol) if series_of is not None else None
    if series is not None:
        return ("series", series_url(series))
    return (body_of(res) or "", " ".join(res.title.casefold().split()))


def is_tracked(mandate: Mandate) -> bool:
    """Whether it has a due point or a concrete action (listed on the pages by action and body); the others are
    open-ended, on their actor's page only."""
    return bool(mandate.due_session or mandate.due_date or mandate.recurrence) or \
        mandate.action not in UNTRACKED_ACTIONS


def has_due_point(mandate: Mandate) -> bool:
    return bool(mandate.due_session or mandate.due_date or mandate.recurrence)


def due_label(mandate: Mandate) -> str:
    """When it is due, in words: ``81st session``, ``60th session of the Commission for Social Development``,
    ``31 December 2025``, ``annual``; ``""`` when not said."""
    words = []
    if mandate.due_session:
        words.append(session_name(None, mandate.due_session)
                     + (f" of the {mandate.due_body}" if mandate.due_body else ""))
    if mandate.due_date:
        words.append(format_date(mandate.due_date) if len(mandate.due_date) == 10 else mandate.due_date)
    if mandate.recurrence:
        words.append(mandate.recurrence)
    return ", ".join(words)


def due_year(mandate: Mandate) -> str | None:
    """The year of its due date, when it has one."""
    return mandate.due_date[:4] if mandate.due_date else None


def actor_name(mandate: Mandate) -> str:
    return mandate.actor or NO_ACTOR


# ------------------------------------------------------------------------------------------ resolution page


def metadata_row(res: Resolution) -> tuple[str, str] | None:
    """The ``Mandates`` row of a resolution page's metadata: each mandate linked to its paragraph, or None when
    the resolution asks for nothing."""
    if not res.mandates:
        return None
    items = "".join(
        f'<li><a href="#{escape_name(m.paragraph)}">{escape_name(_paragraph_label(m.paragraph))}</a>: '
        f"{escape_name(actor_name(m))} · {escape_name(m.action)}"
        + (f" · <span class=\"res-mandate-due\">{escape_name(due)}</span>" if (due := due_label(m)) else "")
        + "</li>"
        for m in res.mandates
    )
    # A plain list, never folded away: a link inside a closed <details> is out of the keyboard's reach.
    return "Mandates", f'<ul class="res-mandates">{items}</ul>'


@lru_cache(maxsize=4096)
def _paragraph_label(anchor: str) -> str:
    """``para-12-b`` -> ``para. 12 (b)``; other anchors as they are (a few hundred anchors make most labels: each
    is worked out once)."""
    head, _, rest = anchor.rpartition("para-")
    if not rest:
        return anchor
    number, *items = rest.split("-")
    prefix = head.strip("-").replace("-", " ").upper() + ", " if head.strip("-") else ""
    return prefix + "para. " + number + "".join(f" ({item})" for item in items)


# ------------------------------------------------------------------------------------------ registry pages


def due_body(entry: MandateEntry) -> str:
    """Whose session its due session is: the body it names, else the issuing body."""
    return entry.mandate.due_body or body_of(entry.res) or ""


def registry_pages(all_entries: Sequence[MandateEntry]) -> list[GeneratedPage]:
    """``/mandates/`` and the pages per body's due session, due year and actor."""
    tracked = [e for e in all_entries if is_tracked(e.mandate)]
    editions = _editions(all_entries)
    by_session: dict[tuple[str, str], list[MandateEntry]] = {}
    by_year: dict[str, list[MandateEntry]] = {}
    by_actor: dict[str, list[MandateEntry]] = {}
    for entry in all_entries:
        by_actor.setdefault(actor_name(entry.mandate), []).append(entry)
        if entry.mandate.due_session:
            by_session.setdefault((due_body(entry), entry.mandate.due_session), []).append(entry)
        if (year := due_year(entry.mandate)) is not None:
            by_year.setdefault(year, []).append(entry)

    pages: list[GeneratedPage] = []
    sessions = []
    for body, session in sorted(by_session, key=_body_session_order):
        listed = by_session[body, session]
        url = f"{MANDATES_URL}sessions/{slug(body, 8, empty='unnamed-body')}/{slug(session, empty='session')}/"
        reports = sum(1 for e in listed if e.mandate.action == "report")
        where = f"the {session_name(None, session)}" + (f" of the {body}" if body else "")
        others_due = len(listed) - reports
        lead = (f"{reports:,} {'report' if reports == 1 else 'reports'} requested, and {others_due:,} other "
                f"{'mandate' if others_due == 1 else 'mandates'} due, at {where}.")
        pages.extend(_list_pages(url, f"Due at {where}", lead, listed, editions))
        sessions.append({"label": session_name(None, session) + (f" of the {body}" if body else ""), "url": url,
                         "count": len(listed), "reports": reports})
    years = []
    for year in sorted(by_year, reverse=True):
        url = f"{MANDATES_URL}years/{year}/"
        pages.extend(_list_pages(url, f"Due in {year}", f"Mandates due by, or lasting until, a date in {year}.", by_year[year], editions))
        years.append({"label": year, "url": url, "count": len(by_year[year])})
    actors, others, other_actors = [], [], 0
    others_url = f"{MANDATES_URL}actors/others/"
    taken = {others_url}
    for actor in sorted(by_actor, key=lambda a: (-len(by_actor[a]), a.casefold())):
        listed = by_actor[actor]
        if len(listed) < ACTOR_PAGE_FROM:
            others.extend(listed)
            other_actors += 1
            continue
        url = _unique(f"{MANDATES_URL}actors/{slug(actor, 8, empty='no-one')}", taken)
        open_ended = sum(1 for e in listed if not has_due_point(e.mandate))
        # The title names the actor; naming it again in a sentence would need "the" before some names
        # ("the Secretary-General") and not others ("Member States", "UNEP").
        lead = (f"{len(listed):,} mandates asked of this actor, {len(listed) - open_ended:,} with a due point first, "
                f"then {open_ended:,} with none.")
        pages.extend(_list_pages(url, f"Asked of: {actor}", lead, listed, editions, due_first=True))
        actors.append({"label": actor, "url": url, "count": len(listed), "open": open_ended})
    if others:
        # One shared list: actors printed by name are mostly asked once (a page each would be thousands of pages).
        pages.extend(_list_pages(others_url, f"Asked of: {OTHER_ACTORS.lower()}",
                                 f"The actor asked fewer than {ACTOR_PAGE_FROM} times." if other_actors == 1 else
                                 f"The {other_actors:,} actors asked fewer than {ACTOR_PAGE_FROM} times, in the "
                                 f"order of their names.", others, editions, by_actor=True))
        actors.append({"label": OTHER_ACTORS, "url": others_url, "count": len(others),
                       "open": sum(1 for e in others if not has_due_point(e.mandate)), "actors": other_actors,
                       "fewer_than": ACTOR_PAGE_FROM})
    # Every mandate is on a page (open-ended ones on their actor's), so the overview counts them all.
    actions = _counts(all_entries, lambda e: e.mandate.action)
    bodies = _counts(all_entries, lambda e: body_of(e.res) or "")
    common = {"notice": UNOFFICIAL_NOTICE, "overview_url": MANDATES_URL}
    open_ended = sum(1 for e in all_entries if not has_due_point(e.mandate))
    pages.append(GeneratedPage(
        src_uri=f"{MANDATES_URL}index.md", title="Mandates", template="mandates.html",
        context={"view": "overview", "total": len(all_entries), "tracked": len(tracked), "open_ended": open_ended,
                 "sessions": sessions, "years": years, "actors": actors[:ACTORS_ON_OVERVIEW],
                 "actor_count": len(actors), "actors_url": f"{MANDATES_URL}actors/", "actions": actions,
                 "bodies": bodies, **common},
        in_nav=True))
    pages.append(GeneratedPage(
        src_uri=f"{MANDATES_URL}actors/index.md", title="Mandates by actor", template="mandates.html",
        context={"view": "actors", "actors": actors, **common}))
    return pages


def _unique(base: str, taken: set[str]) -> str:
    """``base/``, or ``base-2/``… when another actor's name gave the same slug."""
    url, number = f"{base}/", 1
    while url in taken:
        number += 1
        url = f"{base}-{number}/"
    taken.add(url)
    return url


def _list_pages(url: str, title: str, lead: str, listed: Sequence[MandateEntry],
                editions: dict[tuple, list[MandateEntry]], due_first: bool = False,
                by_actor: bool = False) -> Iterator[GeneratedPage]:
    """The pages of one list: its groups of recurring mandates, newest first (``due_first``: those with a due
    point before the others; ``by_actor``: by actor name, then so), ``MANDATES_PER_PAGE`` a page."""
    groups = _grouped(listed, editions)
    if due_first or by_actor:  # stable sorts: newest first within each
        groups.sort(key=lambda item: (item.actor.casefold() if by_actor else "", item.open))
    count = max(1, -(-len(groups) // MANDATES_PER_PAGE))
    page_urls = [url if n == 1 else f"{url}{n}/" for n in range(1, count + 1)]
    for number, page_url in enumerate(page_urls, start=1):
        chunk = groups[(number - 1) * MANDATES_PER_PAGE: number * MANDATES_PER_PAGE]
        yield GeneratedPage(
            src_uri=f"{page_url}index.md",
            title=title if number == 1 else f"{title} (page {number} of {count})",
            template="mandates.html",
            context={
                "view": "list", "lead": lead, "groups": chunk, "items_html": partial(list_items_html, chunk),
                "total": len(listed),
                "pages": _pager(page_urls, number), "page_count": count, "page_number": number,
                "filters": _filters(chunk), "notice": UNOFFICIAL_NOTICE, "overview_url": MANDATES_URL,
            },
        )


PAGER_REACH = 2
"""Pages linked on each side of the current one (with the first and the last): a list of 80 pages links 7."""


def _pager(page_urls: Sequence[str], number: int) -> list[dict]:
    """The page links of a long list: the first, the last, and those near the current page; None for a gap."""
    shown = {1, len(page_urls), *range(number - PAGER_REACH, number + PAGER_REACH + 1)}
    links: list[dict] = []
    for n, u in enumerate(page_urls, 1):
        if n in shown:
            if links and links[-1]["number"] is not None and links[-1]["number"] < n - 1:
                links.append({"number": None, "url": None, "current": False})
            links.append({"number": n, "url": u, "current": n == number})
    return links


def _editions(tracked: Iterable[MandateEntry]) -> dict[tuple, list[MandateEntry]]:
    """Every edition of each recurring request, oldest first."""
    groups: dict[tuple, list[MandateEntry]] = {}
    for entry in tracked:
        groups.setdefault(entry.group, []).append(entry)
    for listed in groups.values():
        listed.sort(key=_edition_order)
    return groups


def _grouped(listed: Sequence[MandateEntry], editions: dict[tuple, list[MandateEntry]]) -> list[ListedMandate]:
    """One item per recurring request on the list, newest first: its latest edition there, with the first
    edition and the number of editions in the whole collection."""
    latest: dict[tuple, tuple[tuple, MandateEntry]] = {}
    for entry in listed:
        order = _edition_order(entry)
        known = latest.get(entry.group)
        if known is None or order > known[0]:
            latest[entry.group] = (order, entry)
    items = []
    for group, (order, entry) in sorted(latest.items(), key=lambda kv: kv[1][0], reverse=True):
        every = editions[group]
        items.append(ListedMandate(entry, every[0] if len(every) > 1 else None, len(every)))
    return items


def _filters(items: Sequence[ListedMandate]) -> dict:
    """The values a list page can be narrowed to in the browser, each with its count on the page."""
    return {"action": _value_counts(item.action for item in items),
            "actor": _value_counts(item.actor for item in items),
            "body": _value_counts(item.body for item in items)}


def _value_counts(values: Iterable[str]) -> list[dict]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return [{"value": v, "count": n} for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _counts(listed: Iterable[MandateEntry], key: Callable[[MandateEntry], str]) -> list[dict]:
    return [{"label": ACTION_LABELS.get(v["value"], v["value"]), **v} for v in _value_counts(map(key, listed))]


def _edition_order(entry: MandateEntry) -> tuple:
    return (entry.res.adopted or "", entry.res.symbol or "", entry.mandate.line)


def _body_session_order(key: tuple[str, str]) -> tuple:
    """The issuing bodies' sessions first (the General Assembly, the Security Council, ECOSOC), then other bodies'
    by name; newest session first within a body."""
    body, session = key
    rank = next((i for i, name in enumerate(ISSUING_BODIES) if name == body), len(ISSUING_BODIES))
    return (rank, body, -(int(session) if session.isdigit() else -1), session)


def _paragraph_texts(res: Resolution) -> dict[str, str]:
    texts: dict[str, str] = {}

    def walk(paragraphs: Iterable[Paragraph]) -> None:
        for para in paragraphs:
            texts[para.id] = para.text
            walk(para.items)

    walk(res.operative)
    for section in res.sections:
        walk(section.operative)
    for part in res.parts:
        walk(part.operative)
        for section in part.sections:
            walk(section.operative)
    return texts


def _quote(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
