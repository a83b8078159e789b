"""When a mandate is due: the session a clause names (and whose session it is), or the date.

Pure, and driven by the due-point tables of ``mandate_rules`` (docs/mandates.md). A session phrase is searched
only just before each "session" of a clause, and a date phrase only just before each year printed: one pattern of
many alternatives tried at every character was most of the extraction's time.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from resolutions import symbols
from resolutions.model import Mandate, Resolution
from resolutions.parse import mandate_rules as rules
from resolutions.parse.grammar import MONTHS, find_date, ordinal_word_value
from resolutions.parse.mandate_names import full_name_before, name_around, operative_lists
from resolutions.parse.mandate_patterns import MONTH, alternation, any_of, starting, template

_BODY_WORD = re.compile(rf"{any_of(rules.SESSION_BODY_WORDS)}\b")  # with its capital: a name
_LINKS = "|".join(rules.SESSION_NAME_LINKS)
_OF_BODY = re.compile(rf"\s+of\s+(?:the\s+)?(?=(?:[A-Z][\w’'-]*\s+(?:(?:{_LINKS}|and)\s+)*)*(?:{'|'.join(rules.SESSION_BODY_WORDS)})\b)")
# "through the Committee for Programme and Coordination and the Advisory Committee": the channels of a report
# (not across "to" after a body word: "through the Committee to the General Assembly at its …" is the Assembly's)
_THROUGH = re.compile(rf"\bthrough\s+(?:(?:the|its)\s+)?(?:(?!(?:{'|'.join(rules.SESSION_BODY_WORDS)})\s+to\s)"
                      rf"[A-Z][\w’'-]*,?\s+(?:(?:{_LINKS}|and|its)\s+)*)*\Z")
_OWN_NAMES = {body: names for body, names in rules.OWN_BODY_NAMES}
_SESSION_REACH = 60  # characters before "session" where its phrase starts ("during its seventy-seventh and …")
_SESSION_TAIL = len("sessions in 2030")  # and after its "session", where it ends ("at its session in 2030")
# "submitted to the Commission on Human Rights ", "adopted ": what may stand before a session phrase of the past
_PAST = re.compile(rf"(?<!\bbe )(?<!\bbeen )\b(?:{alternation(rules.SESSION_PAST_WORDS)})\s+(?:(?:to|by|at|in|during|"
                   rf"of)\s+(?:the\s+)?(?:[A-Z][\w’'-]*,?\s+(?:(?:{_LINKS}|and)\s+)*)*)?\Z")
_SESSION_HOW = [how for _phrase_text, how in rules.DUE_SESSION]
# Every session phrase starts with one of these words: the phrases are tried only where one stands (group w<i>: which).
_SESSION_FIRST_WORDS = sorted({t.split()[0] for t, _how in rules.DUE_SESSION} | {t.split()[0] for t in rules.UNRESOLVED_SESSION})
_SESSION_STARTS = re.compile(rf"\b(?:{'|'.join(f'(?P<w{i}>{word})' for i, word in enumerate(_SESSION_FIRST_WORDS))})\b",
                             re.IGNORECASE)


def _by_first_word(phrases: list[tuple[str, str]]) -> list[re.Pattern[str] | None]:
    """(phrase, its pattern) of a table, as one pattern for each of ``_SESSION_FIRST_WORDS`` (None: no phrase starts
    with it): the alternation, in the table's order, of the phrases that start with that word. Where a phrase may
    start, only those are tried, not the hundreds of the table's one pattern."""
    return [re.compile("|".join(pattern for phrase, pattern in phrases if phrase.split()[0] == word), re.IGNORECASE)
            if any(phrase.split()[0] == word for phrase, _pattern in phrases) else None
            for word in _SESSION_FIRST_WORDS]


# Group s<i> is the i-th phrase of DUE_SESSION, v<i>_0 its value.
_SESSIONS_AT = _by_first_word([(t, rf"(?P<s{i}>\b{template(t, f'v{i}')}\b)") for i, (t, _how) in enumerate(rules.DUE_SESSION)])
_UNRESOLVED_AT = _by_first_word([(t, rf"\b(?:{template(t)})") for t in rules.UNRESOLVED_SESSION])
YEAR = re.compile(r"(?:19|20)(?<!\w..)\d\d\b")
"""A year printed. Its word boundary before is tested after its first two digits, by the look-behind: a pattern
that starts with a boundary is tried at every character, one that starts with "19" or "20" only where they stand."""
_DATE_REACH = 40  # characters before a year where its date phrase starts ("no later than 15 November")
_ALL_DATES = rules.DUE_DATE + rules.DUE_DATE_AHEAD
_DATES = re.compile(rf"{starting(_ALL_DATES)}\b(?:{'|'.join(template(t) for t in _ALL_DATES)})", re.IGNORECASE)
_AHEAD = re.compile(rf"(?:{'|'.join(template(t) for t in rules.DUE_DATE_AHEAD)})$", re.IGNORECASE)
_AHEAD_NOT_AFTER = re.compile(rf"\b(?:{alternation(rules.DATE_AHEAD_NOT_AFTER)})\s+$", re.IGNORECASE)
_MEETING_NAMED = re.compile(rf"{any_of(rules.MEETING_NAMED_WORDS)}\b[^;:]{{0,60}}$", re.IGNORECASE)
_WITHIN = re.compile(  # "within three months", "in two months", "not later than one month from this date"
    rf"\b(?:within|in|(?:not|no)\s+later\s+than)\s+(?:a\s+period\s+of\s+)?"
    rf"(\d+|{'|'.join(map(re.escape, rules.NUMBER_WORDS))}|one|a|an)\s+(days|months|weeks|month|week|hours|hour)\b"
    # counted from the adoption, not from another day ("no later than three months from the date of submission")
    r"(?!\s+(?:before|prior|after\s+(?!(?:the\s+)?(?:adoption|this|its\s+adoption))"
    r"|(?:from|of)\s+the\s+date\s+(?!of\s+(?:(?:the|its)\s+)?(?:adoption|present|this))))", re.IGNORECASE)
_COUNT_UNITS = ("month", "days", "week", "hour")
"""What ``_WITHIN`` counts in, as text to look for before trying it."""
_UNITS_AFTER_SPACE = tuple(" " + unit for unit in _COUNT_UNITS)
_SAME_REPORT = re.compile(rf"{any_of(rules.SAME_REPORT)}\b", re.IGNORECASE)
_NAMED_BEFORE = re.compile(rf"\b(?:{alternation(rules.SESSION_NAMED_BEFORE)})\b", re.IGNORECASE)
_DECISION_BEFORE = re.compile(rf"\s*(?:{alternation(rules.DECISION_BEFORE_LEADS)})\b", re.IGNORECASE)


def issuing_body(res: Resolution) -> str:
    return _body_name(res.body, (res.symbol or "")[:2])


@lru_cache(maxsize=64)
def _body_name(printed_body: str | None, symbol_start: str) -> str:
    for printed, name in rules.BODY_ACTORS:
        if printed_body and printed.lower() in printed_body.lower():
            return name
    return symbols.body_of_symbol(symbol_start) or printed_body or ""


def find_due_session(res: Resolution, clause: str, text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(session, phrase as printed, unresolved phrase, whose session when another body's) of the first session
    phrase in the clause (of the paragraph ``text``)."""
    # Searched only just before each "session" (one pattern of many alternatives, tried at every character, was
    # most of the extraction's time).
    match = _near_session(_SESSIONS_AT, clause, _due_ahead_session)
    if match is not None:
        index = int(match.lastgroup[1:])
        session, problem = _session_value(res, _SESSION_HOW[index], _value_of(match, index))
        return session, match.group(0), match.group(0) if problem else None, _session_body(res, clause, match, text)
    vague = _near_session(_UNRESOLVED_AT, clause)
    if vague is not None and _NAMED_BEFORE.search(vague.group(0)):
        before = _session_named_before(res, text)
        if before is not None:
            earlier, match = before
            index = int(match.lastgroup[1:])
            session, problem = _session_value(res, _SESSION_HOW[index], _value_of(match, index))
            if not problem:
                return session, vague.group(0), None, _session_body(res, earlier, match, earlier)
    return None, None, vague.group(0) if vague else None, None


def _value_of(match: re.Match[str], index: int) -> str | None:
    """The value of the session phrase ``index`` that ``match`` found (its placeholder's group), or None."""
    group = f"v{index}_0"
    return match.group(group) if group in match.re.groupindex else None


def _session_named_before(res: Resolution, text: str) -> tuple[str, re.Match[str]] | None:
    """(paragraph text, session phrase) of the nearest operative paragraph before the one of ``text`` (in the same
    list) that names a session due ahead (``SESSION_NAMED_BEFORE``)."""
    for paragraphs in operative_lists(res):
        texts = [para.text for para in paragraphs]
        if text not in texts:
            continue
        for earlier in reversed(texts[:texts.index(text)]):
            match = _near_session(_SESSIONS_AT, earlier, _due_ahead_session)
            if match is not None:
                return earlier, match
        return None
    return None


def _session_body(res: Resolution, clause: str, match: re.Match[str], text: str) -> str | None:
    """Whose session the phrase ``match`` names (the rule of ``SESSION_BODY_WORDS``): None for the issuing body's
    own, else the other body's name."""
    after = _OF_BODY.match(clause, match.end())
    if after is not None:
        start = after.end()
    elif " its " in match.group(0).lower() or match.group(0).lower().startswith("its "):
        # Not a body named before another infinitive of the clause ("… of the Fourth Committee to address …, and to
        # include in the provisional agenda of its seventy-seventh session": the issuing body's own agenda).
        own_part = max(clause.rfind(join, 0, match.start()) for join in rules.INFINITIVE_JOINS)
        start = next((found.start() for found in reversed(list(_BODY_WORD.finditer(clause, max(own_part, 0), match.start())))
                      if not _THROUGH.search(clause, max(0, found.start() - 120), found.start())), -1)
        if start < 0:
            return None
    else:
        return None
    word = _BODY_WORD.match(clause, start)
    if word is None:
        return None
    name = name_around(clause, start, word.end())
    if name in _OWN_NAMES.get(issuing_body(res), ()):
        return None
    if " " not in name:  # "the Commission": the one named in full nearest before it
        return full_name_before(res, name, clause[:start], text[:text.find(clause)] if clause in text else "",
                                text) or name
    return name


def _near_session(patterns: list[re.Pattern[str] | None], clause: str,
                  keep: Callable[[str, re.Match[str]], bool] | None = None) -> re.Match[str] | None:
    """The first match of a table's ``patterns`` (``_by_first_word``) that ends at a "session" of the clause (and that
    ``keep`` keeps)."""
    lowered, start = clause.lower(), 0
    while (found := lowered.find("session", start)) >= 0:
        end = found + _SESSION_TAIL + 1
        # The leftmost match in the window, as a search would find it, tried only at the words a phrase starts with.
        for word in _SESSION_STARTS.finditer(clause, max(0, found - _SESSION_REACH), end):
            pattern = patterns[int(word.lastgroup[1:])]
            match = pattern.match(clause, word.start(), end) if pattern is not None else None
            if match is not None:
                if keep is None or keep(clause, match):
                    return match
                break
        start = found + 1
    return None


def _due_ahead_session(clause: str, match: re.Match[str]) -> bool:
    """False for the session of an officer (``the President of the General Assembly at its seventy-fifth
    session``: it says who, not when) and for one right after a past participle (``SESSION_PAST_WORDS``: when
    something happened)."""
    before = clause[max(0, match.start() - 120):match.start()]
    return not (before[-40:].rstrip().lower().endswith(rules.SESSION_OFFICERS) or _PAST.search(before))


def _session_value(res: Resolution, how: str, value: str | None) -> tuple[str | None, bool]:
    """(session code, whether it could not be resolved)."""
    if how == "year":
        return value, False
    if how == "ordinal":
        number = int(value) if value and value.isdigit() else ordinal_word_value(value or "")
        return (str(number), False) if number else (None, True)
    own = res.session or ""
    if not own.isdigit():
        return None, True
    return (str(int(own) + 1) if how == "next" else own), False


def due_of_the_same_report(mandate: Mandate, earlier: list[Mandate], clause: str) -> Mandate:
    """``mandate`` with the due point of the report asked for before it in its paragraph (``earlier``) when it is
    a reporting request with none of its own that names that report (``SAME_REPORT``: *include … in the report*);
    or with the session of the issuing body's decision right before it, when its clause starts with lead words that
    tie it to that decision (``DECISION_BEFORE_LEADS``: *…, and in that regard requests …*)."""
    if mandate.action != "report" or mandate.due_session or mandate.due_date:
        return mandate
    if (earlier and earlier[-1].verb == "decide" and earlier[-1].due_session and _DECISION_BEFORE.match(clause)):
        return with_due_of(mandate, earlier[-1])
    if not _SAME_REPORT.search(clause):
        return mandate
    before = next((m for m in reversed(earlier) if m.action == "report" and (m.due_session or m.due_date)), None)
    return mandate if before is None else with_due_of(mandate, before)


def with_due_of(mandate: Mandate, source: Mandate) -> Mandate:
    """``mandate`` due when ``source`` is, unless it has a due point of its own (a session or a date)."""
    if mandate.due_session or mandate.due_date or not (source.due_session or source.due_date):
        return mandate
    return replace(mandate, due_session=source.due_session, due_date=source.due_date, due_body=source.due_body,
                   due_text=source.due_text, recurrence=mandate.recurrence or source.recurrence)


def may_name_date(clause: str, lowered: str) -> bool:
    """Whether ``find_due_date`` can find anything in the clause (``lowered`` is its lower case): a year printed,
    or a span counted from the adoption. A cheap test: most clauses have neither."""
    return ((("19" in clause or "20" in clause) and YEAR.search(clause) is not None)
            or any(unit in lowered for unit in _UNITS_AFTER_SPACE))


def find_due_date(res: Resolution, clause: str, convening: bool = False) -> tuple[str | None, str | None]:
    """(due date, phrase as printed) of the first date phrase of the clause that is a due point; ``convening``: the
    clause asks to convene a meeting, so the date of a meeting it names is its due point (``MEETING_NAMED_WORDS``)."""
    # Every date phrase ends with a year: searched only just before each year printed in the clause.
    match = None
    for year in YEAR.finditer(clause):
        start = max(0, year.start() - _DATE_REACH)
        while (found := _DATES.search(clause, start, year.end())) is not None:
            if not _AHEAD.match(found.group(0)) or _due_ahead(res, clause, found, convening):
                match = found
                break
            start = found.start() + 1
        if match is not None:
            break
    if match is not None:
        printed = match.group(0)
        day = find_date(printed)
        if day:
            return day, printed
        month = re.search(rf"({MONTH})\s+(\d{{4}})", printed, re.IGNORECASE)
        if month:
            return f"{month.group(2)}-{MONTHS[month.group(1).lower()]:02d}", printed
        year = re.search(r"\d{4}", printed)
        return (year.group(0), printed) if year else (None, None)
    within = _WITHIN.search(clause) if res.adopted and _may_count(clause.lower()) else None
    if within is not None:
        count_text, unit = within.group(1).lower(), within.group(2).lower()
        count = int(count_text) if count_text.isdigit() else rules.NUMBER_WORDS.get(count_text, 1)
        try:
            adopted = date.fromisoformat(res.adopted)
        except ValueError:
            return None, None
        if unit.startswith("month"):  # calendar months: three months from 24 November is 24 February
            month = adopted.month - 1 + count
            year, month = adopted.year + month // 12, month % 12 + 1
            return date(year, month, min(adopted.day, monthrange(year, month)[1])).isoformat(), within.group(0)
        if unit.startswith("hour"):  # "within twenty-four hours": the day the hours end, from the adoption's day
            return (adopted + timedelta(days=count // 24)).isoformat(), within.group(0)
        return (adopted + timedelta(days=count * (7 if unit.startswith("week") else 1))).isoformat(), within.group(0)
    return None, None


def _may_count(lowered: str) -> bool:
    """Whether a lower-cased clause holds a unit of ``_WITHIN`` (a cheap test before that pattern, which is tried
    at every character: most clauses that print a year count no days)."""
    return any(unit in lowered for unit in _COUNT_UNITS)


def _due_ahead(res: Resolution, clause: str, match: re.Match[str], convening: bool) -> bool:
    """Whether a ``DUE_DATE_AHEAD`` phrase is a due point: its day after the adoption (unknown adoption: no), no
    word of ``DATE_AHEAD_NOT_AFTER`` before it, and not a meeting named in passing (``MEETING_NAMED_WORDS``) unless
    the clause convenes it."""
    if not convening and _MEETING_NAMED.search(clause, max(0, match.start() - 90), match.start()):
        return False
    day = find_date(match.group(0)) or YEAR.search(match.group(0)).group(0)  # a year alone: after the adoption's
    return bool(day and res.adopted and day > res.adopted
                and not _AHEAD_NOT_AFTER.search(clause, max(0, match.start() - 20), match.start()))
