"""The metadata panel of a resolution page: body, symbol, session, agenda items, adoption, vote, sponsors.

``metadata_rows`` yields the panel's rows as (label, value HTML): each session, agenda item and meeting
linked to its index page or official record where one exists, the vote with its turnout and the recorded
lists of members, long lists of names shut behind their count.

Pure core: returns strings, imports no MkDocs or Jinja. Every piece of source text goes through ``esc``.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from resolutions.model import AgendaItem, Meeting, Resolution
from resolutions.site.collection import Collection
from resolutions.site.document_html import PageLinks, esc
from resolutions.site.labels import (
    agenda_title,
    document_name,
    format_date,
    meeting_text,
    member_name,
    membership,
    session_label,
)
from resolutions.site.views import adoption_meetings, body_of, meeting_record

SHORT_LIST = 5
"""A list of at most this many names is shown as it is; a longer one is shut behind its count."""


def _linked_symbol(symbol: str, collection: Collection, links: PageLinks) -> str:
    href, internal = collection.link_for_symbol(symbol)
    css = "res-doc" if internal else "res-doc res-external"
    return f'<a class="{css}" href="{esc(links.href(href))}">{esc(symbol)}</a>'


def metadata_rows(
    res: Resolution,
    collection: Collection,
    links: PageLinks,
    session_url: Callable[[Resolution], str | None] | None,
    agenda_item_url: Callable[[Resolution, AgendaItem], str | None] | None,
    timeline_url: Callable[[Resolution], str | None] | None,
) -> Iterable[tuple[str, str]]:
    if res.body:
        yield "Body", esc(res.body)
    if res.kind == "decision":
        yield "Decision", esc(document_name(res))
    elif res.symbol:
        yield "Symbol", f'<span class="res-symbol">{esc(res.symbol)}</span>'
    if res.session or res.session_text:
        label = esc(session_label(body_of(res), res.session) or res.session_text)
        target = session_url(res) if session_url else None
        yield "Session", f'<a href="{esc(links.href(target))}">{label}</a>' if target else label
    if res.agenda_items:
        items = []
        for item in res.agenda_items:
            label = esc(item.number) + (f": {esc(agenda_title(item.title))}" if item.title else "")
            target = agenda_item_url(res, item) if agenda_item_url else None
            items.append(f'<li><a href="{esc(links.href(target))}">{label}</a></li>' if target else f"<li>{label}</li>")
        yield "Agenda items" if len(res.agenda_items) > 1 else "Agenda item", f'<ul>{"".join(items)}</ul>'
    if res.proponent:
        yield "Proponent", esc(res.proponent)
    if res.documents:
        yield "Documents", ", ".join(_linked_symbol(s, collection, links) for s in res.documents)
    if res.issued:
        yield "Issued", esc(format_date(res.issued))
    yield from _adoption_rows(res, collection, links)
    timeline = timeline_url(res) if timeline_url else None
    if timeline:
        yield "Timeline", f'<a href="{esc(links.href(timeline))}">This meeting on the timeline</a>'

    if res.vote is not None:
        yield "Vote", _vote(res)
    if res.draft:
        yield "Draft", _linked_symbol(res.draft, collection, links)
    if res.sponsors:
        count = _count_names(res.sponsors)
        short = count <= SHORT_LIST
        yield "Sponsors", esc(res.sponsors) if short else _collapsed(res.sponsors, count, "sponsors", "res-sponsors")
    if res.subjects:
        yield "Subjects", esc(", ".join(res.subjects))


def _adoption_rows(res: Resolution, collection: Collection, links: PageLinks) -> Iterable[tuple[str, str]]:
    meetings: list[tuple[str, Meeting | None, str | None]] = []
    if res.meeting is not None or not res.parts:
        meetings.append(("", res.meeting, res.adopted))
    else:
        meetings.extend((f"{part.label}: ", part.meeting, part.adopted) for part in res.parts)
    for prefix, meeting, adopted in meetings:
        pieces = []
        if adopted or (meeting and meeting.date):
            pieces.append(esc(format_date(adopted or (meeting.date if meeting else None))))
        if meeting is not None:
            text = esc(meeting_text(meeting))
            record = meeting_record(res, meeting)
            if record:
                text += f" ({_linked_symbol(record, collection, links)})"
            pieces.append(text)
        if pieces:
            yield "Adopted", esc(prefix) + ", ".join(pieces)


def _vote(res: Resolution) -> str:
    vote = res.vote
    assert vote is not None
    counts = [
        f"{count} {label}"
        for count, label in (
            (vote.in_favour, "in favour"),
            (vote.against, "against"),
            (vote.abstaining, "abstaining"),
        )
        if count is not None
    ]
    summary = vote.outcome[:1].upper() + vote.outcome[1:] + (f": {', '.join(counts)}" if counts else "")
    summary += _turnout(res)
    lists = []
    for label, members in (
        ("In favour", vote.in_favour_members),
        ("Against", vote.against_members),
        ("Abstaining", vote.abstaining_members),
    ):
        if members:
            names = ", ".join(member_name(member) for member in members)
            lists.append(_collapsed(names, len(members), label.lower(), "res-vote-list", label))
    return esc(summary) + "".join(lists)


def _turnout(res: Resolution) -> str:
    """``; 171 of 193 members voted, 22 did not vote`` when the body's membership on that day is known."""
    vote = res.vote
    if vote is None or vote.in_favour is None:
        return ""
    voted = vote.in_favour + (vote.against or 0) + (vote.abstaining or 0)
    dates = [date for _meeting, date, _parts in adoption_meetings(res) if date]
    members = membership(body_of(res), dates[0] if dates else None)
    if members is None or voted > members:
        return f" ({voted} voting)"
    return f"; {voted} of {members} members voted, {members - voted} did not vote"


def _collapsed(text: str, count: int, noun: str, css: str, label: str = "") -> str:
    """A long list shut behind its count (``54 sponsors``), so the page's text comes first."""
    summary = f"{label} ({count})" if label else f"{count} {noun}"
    return f'<details class="{css}"><summary>{esc(summary)}</summary><p>{esc(text)}</p></details>'


# Names of Member States with "and" in them: the word does not separate two names there.
_NAMES_WITH_AND = re.compile(
    r"Antigua and Barbuda|Bosnia and Herzegovina|Saint Kitts and Nevis|Saint Vincent and the Grenadines"
    r"|Sao Tome and Principe|Trinidad and Tobago|Great Britain and Northern Ireland|Heard Island and McDonald"
)
_NAME_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _count_names(names: str) -> int:
    """How many names a printed list holds: ``Senegal, Trinidad and Tobago and Yemen`` holds 3."""
    joined = _NAMES_WITH_AND.sub(lambda m: m.group().replace(" and ", " & "), names)
    return len([name for name in _NAME_SEPARATOR.split(joined) if name.strip()])
