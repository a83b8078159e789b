"""Citations: find every mention of another resolution, decision or document in a text.

A second small grammar over plain paragraph text (footnote markers may be present or removed):
"its resolution 47/4 of 16 October 1992", lists ("resolutions 47/19, 48/16 and 49/9"), parts
("resolution 72/262 C"), cited paragraphs ("section III, paragraph 3, of its resolution 61/275"),
other bodies ("Security Council resolution 1325 (2000)"), decisions ("decision 76/563") and document
symbols anywhere ("A/74/483"). A number printed without a body ("resolution 47/4") is resolved by the
citing body and, where that cannot be right, by the shape of the number: ``1325 (2000)`` is always a
Security Council number, ``1996/31`` always an Economic and Social Council one.

One left-to-right pass per text: a literal scan for the keywords ("resolution", "decision") and for
slashes (document symbols), then compiled patterns with bounded repetitions in short windows around
each hit, so the cost follows the number of citations rather than the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.symbols import find_documents, normalise_symbol

__all__ = ["Found", "find_citations", "citing_body_code"]


@dataclass(frozen=True)
class Found:
    """One citation found in a text, before it is placed in the model as a ``Citation``."""

    start: int
    """Offset in the text where the citing span starts (the keyword or body name for the first item of a list)."""
    end: int
    """Offset just after the span (the number, its part letters or session)."""
    symbol: str
    """Normalised symbol of the cited document: ``A/RES/47/4``, ``S/RES/1325 (2000)``, ``A/74/483``."""
    kind: str
    """``"resolution"``, ``"decision"`` or ``"document"``."""
    paragraph: str | None
    """Cited paragraph when named: ``"5"``, ``"III.3"`` (section III, paragraph 3); None otherwise."""


GA, SC, ECOSOC, HRC = "GA", "SC", "ECOSOC", "HRC"

# Symbol prefixes of each body's resolutions and decisions. The Security Council numbers no decisions.
_RESOLUTION_PREFIX = {GA: "A/RES/", SC: "S/RES/", ECOSOC: "E/RES/", HRC: "A/HRC/RES/"}
_DECISION_PREFIX = {GA: "A/DEC/", ECOSOC: "E/DEC/", HRC: "A/HRC/DEC/"}

_BODY_NAMES = {
    "general assembly": GA,
    "assembly": GA,
    "security council": SC,
    "economic and social council": ECOSOC,
    "human rights council": HRC,
}


def citing_body_code(body: str | None) -> str:
    """``"General Assembly"`` -> ``"GA"`` etc.; an unknown or missing body is taken as the General Assembly."""
    if not body:
        return GA
    return _BODY_NAMES.get(" ".join(body.split()).lower(), GA)


_ROMAN = r"[IVXLC]{1,8}"
_OLD_SESSION = r"(?:[IVXLC]{1,8}|S-[IVXLC]{1,6}|ES-[IVXLC]{1,6}|\d{4})"
# More paragraph numbers after the first: "3, 5 and 7 to 9", "(a) to (f)".
_PARAGRAPH_TAIL = r"(?:\s?\([a-z]{1,5}\)){0,3}(?:(?:\s?,\s?|\s(?:and|to)\s)(?:\d{1,3}|\([a-z]{1,5}\))(?:\s?\([a-z]{1,5}\)){0,3}){0,20}"

_CITATION_RE = re.compile(
    rf"""(?<![A-Za-z])
    (?P<prefix>
        (?:section\s(?P<section>{_ROMAN})(?:\s?,\s?paragraphs?\s(?P<section_paragraph>\d{{1,3}}){_PARAGRAPH_TAIL}\s?,)?\sof\s
          |paragraphs?\s(?P<paragraph>\d{{1,3}}){_PARAGRAPH_TAIL}(?:\sof\ssection\s(?P<paragraph_section>{_ROMAN}))?\s?,?\sof\s)
        (?:(?:its|the)\s)?
    )?
    (?P<body>(?:General\sAssembly|Assembly|Security\sCouncil|Economic\sand\sSocial\sCouncil|Human\sRights\sCouncil|Council)\s)?
    (?P<keyword>[Rr]esolutions?|[Dd]ecisions?)\s(?=(?:E?S[-\u2010\u2011])?\d)
    """,
    re.VERBOSE,
)

# One cited number: new style ``51/148``, ``ES-11/1``, ``2021/2 B``, ``54/237 A to D``; old style
# ``217 A (III)``, ``1325 (2000)``, ``1503 (XLVIII)``.
_NUMBER_RE = re.compile(
    rf"""(?P<number>
        (?P<session>(?:E?S[-\u2010\u2011])?\d{{1,4}})/(?P<serial>\d{{1,4}})(?![\d/])
        (?:\s(?P<part>[A-Z]{{1,2}}(?:\s?[-\u2013]\s?[A-Z]{{1,2}}|\s(?:to|and)\s[A-Z]{{1,2}})?)(?![\w\u2019'/]))?
      | (?P<old_serial>\d{{1,4}})(?:\s?(?P<old_part>[A-Z]))?\s?\((?P<old_session>{_OLD_SESSION})\)
    )""",
    re.VERBOSE,
)

# What may stand between two numbers of one list: a date, a footnote marker, then a separator.
_SUP = r"<sup>[^<]{1,8}</sup>"
_LIST_GAP_RE = re.compile(
    rf"""(?:,?\sof\s\d{{1,2}}\s[A-Z][a-z]{{2,8}}(?:\s\d{{4}})?)?
    (?:\s?{_SUP})?
    (?:\s?,\s?(?:and\s|as\swell\sas\s)?|\sand\s|\sas\swell\sas\s|;\s(?:and\s)?)
    (?:{_SUP}\s?)?""",
    re.VERBOSE,
)

# Where in the cited resolution, printed after its number: "55/222, sect. III, para. 12",
# "59/39, para. 9", "45/248 B, section VI". Not "70/1, paragraph 9 of resolution 71/243": that
# paragraph belongs to the next citation.
_LOCATOR_RE = re.compile(
    r"""(?:,\s(?:section|sect\.)\s(?P<section>[IVXLC]{1,8}|[A-Z])(?=[,;.]|\s(?!of\s)|$))?
    (?:,\s(?:in\sparticular\s)?(?:paragraphs?|paras?\.)\s(?P<paragraph>\d{1,3})(?:\s?[-\u2013]\s?\d{1,3})?(?![\d(])(?!\s(?:of|to|and)\s))?
    (?:,\s(?:annex(?:es)?)(?:\s[IVXLC]{1,6})?(?=[,;.]|$))?""",
    re.VERBOSE,
)

# The year may be left out where the number carries it: "187 (1964) of 13 March".
_DATE = r"\d{1,2}\s[A-Z][a-z]{2,8}(?:\s\d{4})?"
# After a dated item, a list may go on past a description ("74/270 of 2 April 2020 on global solidarity
# ..., 74/274 of 20 April 2020"): the next item is recognised by its own date.
_NEXT_DATED_ITEM_RE = re.compile(
    rf"""(?:,\s?(?:<sup>[^<]{{1,8}}</sup>\s?)?(?:and\s|as\swell\sas\s)?|\sand\s)
    (?=(?:\d{{1,2}}(?=E?S[-\u2010\u2011]))?(?:(?:E?S[-\u2010\u2011])?\d{{1,4}}/\d{{1,4}}(?:\s[A-Z]{{1,2}}(?:-[A-Z]{{1,2}})?)?|\d{{1,4}}(?:\s?[A-Z])?\s?\({_OLD_SESSION}\))
       (?:\s?<sup>[^<]{{1,8}}</sup>)?,?\sof\s{_DATE})""",
    re.VERBOSE,
)
_DESCRIPTION_LIMIT = 400
_QUOTED_RE = re.compile(r"“[^”]{0,400}”|\"[^\"]{0,400}\"")
# A description that holds one of these is not part of the list any more.
_DESCRIPTION_STOP_RE = re.compile(r";|\.\s|\b(?:[Rr]esolutions?|[Dd]ecisions?|paragraphs?|section)\b")
_DATED_RE = re.compile(rf"(?:\s?<sup>[^<]{{1,8}}</sup>)?,?\sof\s{_DATE}")

_PRECEDING_WORD_RE = re.compile(r"([A-Za-z][A-Za-z\-]*)\s{1,3}$")
# Capitalised words that may stand before "resolution" without naming another body.
_NEUTRAL_CAPITALISED = {"See", "Also", "And", "In", "Of", "By", "To", "Under", "With", "Pursuant", "The", "Its", "As"}
# Capitalised plurals that end a body's name ("Commission on Narcotic Drugs resolution 61/11").
_BODY_PLURALS = {"Drugs", "Parties", "Nations", "Unions", "Affairs", "States", "Rights", "Americas", "Islands"}
_SPACES_RE = re.compile(r"\s+")


def _preceding_word(text: str, start: int) -> str:
    match = _PRECEDING_WORD_RE.search(text, max(0, start - 40), start)
    return match.group(1) if match else ""


def _names_another_body(word: str) -> bool:
    """True when the capitalised word before "resolution" ends another body's name ("Justice", "Health")."""
    if not word or not word[0].isupper():
        return False
    if word in _NEUTRAL_CAPITALISED or word.endswith("ing"):
        return False
    if word.endswith("s") and word not in _BODY_PLURALS:
        return False  # an operative verb: "Recalls resolution ...", "Reaffirms ..."
    return True


def _number_shape(number: re.Match[str]) -> str:
    """``"year"`` for 1325 (2000), ``"yearly"`` for 1996/31, ``"roman"`` for 217 (III),
    ``"early-session"`` for 18/15 (before the Assembly used that form), else ``"session"``."""
    if number["old_serial"]:
        return "year" if number["old_session"].isdigit() else "roman"
    session = number["session"]
    if session.isdigit() and len(session) == 4 and int(session) >= 1946:
        return "yearly"
    if session.isdigit() and int(session) < 31:
        return "early-session"
    return "session"


def _resolve_body(explicit: str | None, contextual: bool, default: str, shape: str) -> str | None:
    """Which body issued a cited number, from the named body, the body the context suggests and the
    shape of the number. ``contextual`` is true for a bare "Council resolution". None when no body
    we can name issued it."""
    if explicit is not None:
        # "General Assembly and Security Council resolutions 70/262 and 2282 (2016)": a number whose
        # shape the named body never used belongs to the body that used it.
        if shape == "year":
            return SC
        if shape == "yearly" and explicit in (GA, SC):
            return ECOSOC
        if explicit == SC or (explicit == ECOSOC and shape in ("session", "early-session")):
            return GA
        return explicit
    if shape == "year":
        return SC
    if shape == "yearly":
        return ECOSOC
    if shape == "early-session":
        # The Assembly numbered its resolutions "session/number" only from its thirty-first session
        # (1976): a low session is the Human Rights Council's when the context names that Council,
        # else another body's ("Environment Assembly ... resolution 4/6"), which we cannot name.
        return HRC if contextual or default == HRC else None
    if shape == "session":
        if contextual and default in (GA, ECOSOC):
            # "Council resolution 39/8" seen from the Assembly or ECOSOC is the Human Rights Council's.
            return HRC
        return GA if default in (SC, ECOSOC) else default
    # Old roman-numbered sessions: the General Assembly's, or the Economic and Social Council's own.
    if contextual and default == GA:
        return ECOSOC
    return GA if default in (SC, HRC) else default


# Body names, and the Assembly's Official Records supplement that is the Human Rights Council's
# report ("Supplement No. 53A (A/74/53/Add.1), chap. III, resolution 42/12").
_BODY_MENTION_RE = re.compile(
    r"General\sAssembly|Human\sRights\sCouncil|Security\sCouncil|Economic\sand\sSocial\sCouncil"
    r"|Supplement\sNo\.\s53A?\b"
)
_SENTENCE_BREAK_RE = re.compile(r"[;\n]|(?P<word>[\w.]+)\.\s+(?=[A-Z(\u201c])")
# Abbreviations whose full stop does not end a sentence ("chap. III, resolution 42/12").
_ABBREVIATIONS = {"No", "Nos", "chap", "chaps", "para", "paras", "sect", "Sect", "art", "arts", "vol", "Vol",
                  "p", "pp", "Add", "Corr", "Rev", "Suppl", "e.g", "i.e", "Mr", "Ms", "Mrs", "Dr", "St", "Ibid", "ibid"}
_ITS_AFTER_BODY_RE = re.compile(
    r"(General\sAssembly|Human\sRights\sCouncil|Security\sCouncil|Economic\sand\sSocial\sCouncil),?\sin\sits\s$"
)
_COUNCIL_IN_ITS_RE = re.compile(r"\bCouncil,?\sin\sits\s$")
# "by the <body> (at its <n> session,) of/in (its) resolution": the body that adopted it.
_BODY_AS_SUBJECT_RE = re.compile(
    r"""\bby\sthe\s(?P<name>[A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|and|for|on|of|the|in)){0,12}?)
    (?:\s\([A-Z]{2,10}\))?
    (?:,?\sat\sits\s[\w-]+(?:\s[\w-]+)?\ssession)?
    ,?\s(?:in|of|through)\s(?:its\s)?$""",
    re.VERBOSE,
)
_ITS_RE = re.compile(r"\bits\s$")
_CONTEXT_WINDOW = 300


def _context_body(text: str, start: int, citing: str) -> str | None:
    """The body a number printed without one belongs to, judging by the words before it; None for
    another body ("adopted by the World Health Assembly in its resolution 72/8").

    "its resolution" is the citing body's, unless "the Human Rights Council in its resolution"; a bare
    "resolution" after "Human Rights Council resolutions ..., as well as" in the same sentence is
    the body last named in that sentence.
    """
    window = text[max(0, start - _CONTEXT_WINDOW) : start]
    subject = _BODY_AS_SUBJECT_RE.search(window)
    if subject:
        # "the adoption by the Economic Commission for Latin America and the Caribbean of its
        # resolution 574 (XXVII)": the resolution is that body's.
        name = _SPACES_RE.sub(" ", subject["name"]).lower()
        if name in _BODY_NAMES:
            return _BODY_NAMES[name]
        if name == "council":
            return HRC if citing == GA else citing
        return None
    if _ITS_RE.search(window):
        named = _ITS_AFTER_BODY_RE.search(window)
        if named:
            return _BODY_NAMES[_SPACES_RE.sub(" ", named.group(1)).lower()]
        if citing == GA and _COUNCIL_IN_ITS_RE.search(window):
            return HRC  # "mandated by the Council in its resolutions 47/21": the Assembly's Council is HRC
        return citing
    sentence_start = 0
    for sentence_break in _SENTENCE_BREAK_RE.finditer(window):
        if sentence_break["word"] not in _ABBREVIATIONS:
            sentence_start = sentence_break.end()
    window = window[sentence_start:]
    last = None
    for last in _BODY_MENTION_RE.finditer(window):
        pass
    if last is None:
        return citing
    if last.group(0).startswith("Supplement"):
        return HRC
    return _BODY_NAMES[_SPACES_RE.sub(" ", last.group(0)).lower()]


def _symbol_for(number: re.Match[str], body: str | None, kind: str) -> str | None:
    prefixes = _DECISION_PREFIX if kind == "decision" else _RESOLUTION_PREFIX
    prefix = prefixes.get(body) if body else None
    if prefix is None:
        return None
    if number["old_serial"]:
        return normalise_symbol(f"{prefix}{number['old_serial']} ({number['old_session']})")
    text = f"{prefix}{number['session']}/{number['serial']}"
    if number["part"]:
        # "54/237 A to D" is the range A-D.
        text += " " + re.sub(r"\s?(?:[-\u2013]|to|and)\s?", "-", number["part"])
    return normalise_symbol(text)


def _cited_paragraph(match: re.Match[str]) -> str | None:
    if match["section"]:
        return f"{match['section']}.{match['section_paragraph']}" if match["section_paragraph"] else None
    if match["paragraph"]:
        if match["paragraph_section"]:
            return f"{match['paragraph_section']}.{match['paragraph']}"
        return match["paragraph"]
    return None


def _located_paragraph(locator: re.Match[str]) -> str | None:
    if locator["paragraph"]:
        return f"{locator['section']}.{locator['paragraph']}" if locator["section"] else locator["paragraph"]
    return None


def _explicit_body(text: str, match: re.Match[str]) -> tuple[str | None, bool, bool]:
    """(named body, named only as "Council" so resolved by context, names a body we do not publish)."""
    named = match["body"]
    start = match.start("body") if named else match.start("keyword")
    before = _preceding_word(text, start)
    if named is None:
        return None, False, _names_another_body(before)
    name = _SPACES_RE.sub(" ", named.strip()).lower()
    if name == "council":
        # "Trusteeship Council", "Governing Council": another body; a bare "Council" depends on who speaks.
        return None, True, _names_another_body(before)
    if name == "assembly":
        # "World Health Assembly", "Environment Assembly": another body.
        return GA, False, _names_another_body(before)
    return _BODY_NAMES[name], False, False


def find_citations(text: str, citing_body: str | None) -> list[Found]:
    """Every resolution, decision and document cited in ``text``, ordered by start, spans not overlapping.

    ``citing_body`` is the body whose text this is ("General Assembly", "Security Council",
    "Economic and Social Council", "Human Rights Council"); it resolves numbers printed without one.
    Numbers of bodies whose symbols we cannot form ("Commission on Narcotic Drugs resolution 61/11")
    are skipped. Never raises on content.
    """
    if not isinstance(text, str) or not _may_cite(text):
        return []
    citing = citing_body_code(citing_body)
    found: list[Found] = []
    for match in _citation_starts(text):
        explicit, contextual, other_body = _explicit_body(text, match)
        default: str | None = citing
        if explicit is None and not other_body:
            # Judge by the words just before the body or keyword ("paragraph 5 of its resolution").
            default = _context_body(text, match.start("body") if contextual else match.start("keyword"), citing)
            other_body = default is None
        kind = "decision" if match["keyword"][0] in "Dd" else "resolution"
        position = match.end()
        first = True
        while True:
            number = _NUMBER_RE.match(text, position)
            if number is None:
                break
            symbol = None
            if not other_body:
                body = _resolve_body(explicit, contextual, default, _number_shape(number))
                symbol = _symbol_for(number, body, kind)
            # "2322 (2016), in particular paragraph 15" or "2322 (2016) of 12 December 2016, in particular ..."
            locator = _LOCATOR_RE.match(text, number.end())
            position = locator.end()
            dated = _DATED_RE.match(text, position)
            if dated is not None and not locator.group(0):
                locator = _LOCATOR_RE.match(text, dated.end())
                position = locator.end() if locator.group(0) else position
            if not other_body and symbol is not None:
                start = match.start() if first else number.start()
                paragraph = _located_paragraph(locator) or (_cited_paragraph(match) if first else None)
                found.append(Found(start, number.end(), symbol, kind, paragraph))
            first = False
            gap = _LIST_GAP_RE.match(text, position)
            if gap is not None:
                next_item = _next_item_start(text, gap.end())
                if next_item is not None:
                    position = next_item
                    continue
            next_position = _skip_description(text, position)
            if next_position is None:
                break
            position = _next_item_start(text, next_position) or next_position
    # Numbers quoted inside a skipped description are found after the list that skips them.
    found.sort(key=lambda f: f.start)
    found = _without_overlaps(found)
    documents = _documents_outside(text, [(f.start, f.end) for f in found])
    if documents:
        found = sorted(found + documents, key=lambda f: f.start)
    return found


# Where to look for citations: the keyword without its first letter is a plain literal, which the
# regex engine finds far faster than the full pattern tried at every character.
_KEYWORD_SCAN_RE = re.compile(r"(?:esolution|ecision)s?\s(?=(?:E?S[-\u2010\u2011])?\d)")


def _may_cite(text: str) -> bool:
    """Whether ``text`` can cite anything: a resolution or decision needs its keyword (``_KEYWORD_SCAN_RE``),
    a document symbol a slash (``symbols.find_symbols``). Seven paragraphs and notes in ten have neither and
    are answered here, without the dozen calls of an empty search."""
    return "esolution" in text or "ecision" in text or "/" in text
# How far before its keyword a citation may start ("section III, paragraph 3, of its ...").
_LEAD_LIMIT = 200
_BODY_LEAD = 40  # "Economic and Social Council " and a little more


def _citation_starts(text: str):
    """The matches of the citation pattern, one per keyword, found by scanning for keywords first.

    Equivalent to ``_CITATION_RE.finditer(text)`` but the full pattern only runs in a short window
    before each keyword, so the cost is proportional to the number of keywords, not of characters.
    """
    for hit in _KEYWORD_SCAN_RE.finditer(text):
        keyword_start = hit.start() - 1
        if keyword_start < 0 or text[keyword_start] not in "RrDd":
            continue
        # A long lead only when a paragraph or section prefix ("... of its resolution") may be there.
        lead = _LEAD_LIMIT if text.rfind("of ", max(0, keyword_start - _BODY_LEAD), keyword_start) >= 0 else _BODY_LEAD
        position = max(0, keyword_start - lead)
        while True:
            match = _CITATION_RE.search(text, position, hit.end() + 4)
            if match is None or match.start("keyword") > keyword_start:
                break
            if match.start("keyword") == keyword_start:
                yield match
                break
            position = match.end("keyword")  # an earlier keyword of the window, already seen


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Drop any citation whose span overlaps the one kept before it (``found`` is sorted by start)."""
    kept: list[Found] = []
    for citation in found:
        if kept and citation.start < kept[-1].end:
            continue
        kept.append(citation)
    return kept


def _plausible(number: re.Match[str]) -> bool:
    """A session of 100 to 1945 is no body's: "1024/22" is a footnote mark 10 glued to 24/22;
    nor is a session printed with a leading zero."""
    session = number["session"]
    if not session or not session.isdigit():
        return True
    return not session.startswith("0") and not 100 <= int(session) < 1946


def _next_item_start(text: str, position: int) -> int | None:
    """Start of the next number of a list at ``position``, past a footnote mark glued to it.

    Some texts repeat a footnote mark as plain digits before the next number ("2011,3S-18/1",
    "2016,233/22"); such a mark is skipped when the digits do not read as a number themselves.
    """
    number = _NUMBER_RE.match(text, position)
    if number is not None and _plausible(number):
        return position
    for mark_length in (1, 2):
        if not text[position : position + mark_length].isdigit():
            break
        after_mark = position + mark_length
        candidate = _NUMBER_RE.match(text, after_mark)
        if candidate is not None and _plausible(candidate) and _DATED_RE.match(text, candidate.end()):
            return after_mark
    return position if number is not None else None


def _skip_description(text: str, position: int) -> int | None:
    """Where the next item of a dated list starts after a description of the previous one, or None."""
    window_end = min(len(text), position + _DESCRIPTION_LIMIT)
    following = _NEXT_DATED_ITEM_RE.search(text, position, window_end)
    if following is None:
        return None
    description = _QUOTED_RE.sub("", text[position : following.start()])
    if _DESCRIPTION_STOP_RE.search(description):
        return None
    return following.end()


def _documents_outside(text: str, spans: list[tuple[int, int]]) -> list[Found]:
    """Document symbols of ``text`` that do not overlap a resolution or decision citation."""
    out: list[Found] = []
    span_index = 0
    for start, end, symbol in find_documents(text):
        while span_index < len(spans) and spans[span_index][1] <= start:
            span_index += 1
        if span_index < len(spans) and spans[span_index][0] < end:
            continue
        kind = "resolution" if "/RES/" in symbol else "decision" if "/DEC/" in symbol else "document"
        out.append(Found(start, end, symbol, kind, None))
    return out
