"""Mandates of a parsed resolution: what each operative paragraph asks for, of whom, and by when.

Run after the parse (``with_mandates``); pure, and driven only by the tables of ``mandate_rules`` (documented in
docs/mandates.md). A paragraph holds one mandate per clause whose verb asks for an action (``Requests the
Secretary-General to report …``, ``…, and decides to include …``); a sub-paragraph under ``Requests the
Secretary-General:`` inherits its parent's verb and actor. A due phrase that cannot be resolved is reported
as an info (``RES401``), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from calendar import monthrange
from datetime import date, timedelta
from typing import Callable, Iterable

from resolutions import symbols
from resolutions.model import Diagnostic, Mandate, Paragraph, Resolution
from resolutions.parse import codes
from resolutions.parse import mandate_rules as rules
from resolutions.parse.grammar import MONTHS, find_date, ordinal_word_value

UNRESOLVED_DUE = codes.UNRESOLVED_DUE
"""Code of the info given for a due phrase that names no session or date the text lets us know."""

_WORDS_GAP = r"(?:\S+\s+){0,12}?"  # at most twelve words between a document and whom it goes to


def _phrase(text: str) -> str:
    """A table phrase as a regular expression on whole words (``…`` for a few words)."""
    parts = [re.escape(part.strip()) for part in text.split("…")]
    body = (r"\s+" + _WORDS_GAP).join(parts)
    return body.replace(r"\ ", r"\s+")


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


_MONTH = "|".join(m.capitalize() for m in MONTHS)
_ORDINAL = r"[A-Za-z]+(?:-[A-Za-z]+)?(?<=st|nd|rd|th)"  # an ordinal word ends so: "eighty-first"
_PLACEHOLDERS = {
    "ORDINAL": rf"({_ORDINAL})", "YEAR": r"((?:19|20)\d\d)", "NUMBER": r"(\d{1,3})(?:st|nd|rd|th)?",
    "DATE": rf"(\d{{1,2}}\s+(?:{_MONTH}),?\s+\d{{4}})", "MONTH": rf"({_MONTH})",
}


def _template(text: str, group: str | None = None) -> str:
    """A table phrase with placeholders as a regular expression; with ``group``, the placeholders' values are the
    named groups ``<group>_0``, ``<group>_1``… (else numbered groups)."""
    pattern = _phrase(text)
    count = 0
    for name, replacement in _PLACEHOLDERS.items():
        while name in pattern:
            value = replacement if group is None else replacement.replace("(", f"(?P<{group}_{count}>", 1)
            pattern = pattern.replace(name, value, 1)
            count += 1
    return pattern


_LEAD = rf"(?:(?:{_alternation(rules.LEAD_WORDS)}),?\s+)*"
_VERB_KEYS = {verb: key for verb, key in rules.VERBS}
_VERB_AT_START = re.compile(rf"^\s*{_LEAD}({_alternation(_VERB_KEYS)})\b", re.IGNORECASE)
_VERB_HERE = re.compile(rf"(?:{_alternation(_VERB_KEYS)})\b", re.IGNORECASE)
_JOIN_BEFORE = re.compile(rf"(?:{_alternation(rules.CLAUSE_JOINS)})\s*{_LEAD}\Z", re.IGNORECASE)
_JOIN_REACH = 80  # characters before a verb where its join and lead words may stand
_JOIN_AT_START = re.compile(rf"^(?:{_alternation(rules.CLAUSE_JOINS)})\s*", re.IGNORECASE)
_NOT_MANDATE = re.compile(rf"^\s*{_LEAD}(?:{_alternation(rules.NOT_MANDATES)})\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")
_HEAD_FIRST_WORDS = frozenset(phrase.split()[0].lower() for phrase in (*rules.LEAD_WORDS, *_VERB_KEYS))
"""The words a text that starts with lead words or a verb can start with."""
_NOT_MANDATE_FIRST_WORDS = tuple(sorted({phrase.split()[0].lower() for phrase in rules.NOT_MANDATES}))
_JOIN_END_WORDS = frozenset(phrase.split()[-1].lower() for phrase in (*rules.LEAD_WORDS, *rules.CLAUSE_JOINS)
                            if phrase.strip(" ,;"))
"""The last words of the joins and lead words: what the word before a further clause's verb is, unless a comma or
a semicolon (``…, and also requests``, ``…; further urges``)."""
_TO_AT_START = re.compile(r"^\s*to\b", re.IGNORECASE)
_GAP_WORDS = 30  # "…" in a phrase: at most thirty words (quoted agenda item titles are removed before)


class _Phrases:
    """The phrases of a rules table, found by words: one pass over a text however long the table (a dictionary
    from each phrase's first word), where one alternation per table was tried at every character."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        # By first word, then by second word (the phrases whose first part is one word apart): common first words
        # such as "to" start dozens of phrases, and only those with the word that follows are tried.
        self._by_first: dict[str, tuple[list[tuple[list[tuple[str, ...]], str]],
                                        dict[str, list[tuple[list[tuple[str, ...]], str]]]]] = {}
        for phrase, value in entries:
            parts = [tuple(_WORD.findall(part.lower())) for part in phrase.split("…")]
            one_word, by_second = self._by_first.setdefault(parts[0][0], ([], {}))
            if len(parts[0]) > 1:
                by_second.setdefault(parts[0][1], []).append((parts, value))
            else:
                one_word.append((parts, value))

    def values(self, words: list[str]) -> set[str]:
        """The values of every phrase found in ``words``."""
        found: set[str] = set()
        by_first = self._by_first
        last = len(words) - 1
        for index in [i for i, word in enumerate(words) if word in by_first]:
            one_word, by_second = by_first[words[index]]
            for parts, value in one_word:
                if value not in found and _found_at(words, index, parts):
                    found.add(value)
            if index < last and (entries := by_second.get(words[index + 1])):
                for parts, value in entries:
                    if value not in found and _found_at(words, index, parts):
                        found.add(value)
        return found


def _found_at(words: list[str], index: int, parts: list[tuple[str, ...]]) -> bool:
    first = parts[0]
    if tuple(words[index:index + len(first)]) != first:
        return False
    position = index + len(first)
    for part in parts[1:]:
        window = range(position, min(position + _GAP_WORDS + 1, len(words) - len(part) + 1))
        position = next((i + len(part) for i in window if tuple(words[i:i + len(part)]) == part), -1)
        if position < 0:
            return False
    return True


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# Actions and recurrences are found in one pass over a clause's words (values "action:…", "recurrence:…").
_ACTION_ORDER = [f"action:{action}" for action, _cues in rules.ACTIONS]
_RECURRENCE_ORDER = [f"recurrence:{name}" for name, _cues in rules.RECURRENCE]
_CUES = _Phrases([(cue, f"action:{action}") for action, cues in rules.ACTIONS for cue in cues]
                 + [(cue, f"recurrence:{name}") for name, cues in rules.RECURRENCE for cue in cues])
_VERB_WORDS = frozenset(_words(verb)[0] for verb, _key in rules.VERBS)
"""The first words of the verbs: a paragraph without one after its head has no further clause."""
_VERB_STEMS = tuple(sorted({word for word in _VERB_WORDS if not any(o != word and word.startswith(o) for o in _VERB_WORDS)}))
"""The verbs' first words without those another one begins (``request`` finds ``requests`` too)."""

_FILLERS = re.compile(rf"^(?:(?:{_alternation(rules.ACTOR_FILLERS)})\s+)*", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")  # "Security Council Committee": a known name continued is another name
_ACTOR_WORDS = 10  # an actor kept as printed has at most this many words
_BODY_WORD = re.compile(rf"\b(?:{'|'.join(rules.SESSION_BODY_WORDS)})\b")  # with its capital: a name
_LINKS = "|".join(rules.SESSION_NAME_LINKS)
_NAME_GOES_ON_WORDS = re.compile(rf"(?:\s+(?:(?:{_LINKS})\s+)*[A-Z][\w’'-]*|\s+and\s+[A-Z][\w’'-]*)*")
_OF_BODY = re.compile(rf"\s+of\s+(?:the\s+)?(?=(?:[A-Z][\w’'-]*\s+(?:(?:{_LINKS}|and)\s+)*)*(?:{'|'.join(rules.SESSION_BODY_WORDS)})\b)")
# "through the Committee for Programme and Coordination and the Advisory Committee": the channels of a report
_THROUGH = re.compile(rf"\bthrough\s+(?:(?:the|its)\s+)?(?:[A-Z][\w’'-]*,?\s+(?:(?:{_LINKS}|and|its)\s+)*)*\Z")
_OWN_NAMES = {body: names for body, names in rules.OWN_BODY_NAMES}
_THAT = re.compile(r"^\s*,?\s*that\s+", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”")
_TO = re.compile(r"^to\s+", re.IGNORECASE)
_NOT_ACTORS = re.compile(rf"\b(?:{_alternation(rules.NOT_ACTORS)})\b", re.IGNORECASE)
_ACTOR_ENDS = re.compile("|".join(re.escape(end) for end in rules.ACTOR_ENDS), re.IGNORECASE)
# One pattern for the whole table: its alternatives are tried in the table's order, so the first actor wins.
_KNOWN_ACTOR_NAMES = [name for name, _phrases in rules.ACTORS]
_KNOWN_ACTORS = re.compile("^(?:" + "|".join(rf"(?P<a{i}>(?:{_alternation(phrases)})\b)"
                                             for i, (_name, phrases) in enumerate(rules.ACTORS)) + ")", re.IGNORECASE)
# One search finds the first session phrase of all (group s<i> is the i-th phrase, v<i>_0 its value).
_SESSION_REACH = 60  # characters before "session" where its phrase starts ("during its seventy-seventh and …")
_SESSION_HOW = [how for _phrase_text, how in rules.DUE_SESSION]
_SESSIONS = re.compile("|".join(rf"(?P<s{i}>\b{_template(t, f'v{i}')}\b)" for i, (t, _how) in enumerate(rules.DUE_SESSION)),
                       re.IGNORECASE)
# Every session phrase starts with one of these words: the long patterns are tried only where one stands.
_SESSION_STARTS = re.compile(rf"\b(?:{'|'.join(sorted({t.split()[0] for t, _how in rules.DUE_SESSION} | {t.split()[0] for t in rules.UNRESOLVED_SESSION}))})\b", re.IGNORECASE)
_UNRESOLVED = re.compile(rf"\b(?:{'|'.join(_template(t) for t in rules.UNRESOLVED_SESSION)})", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATE_REACH = 40  # characters before a year where its date phrase starts ("no later than 15 November")
_ALL_DATES = rules.DUE_DATE + rules.DUE_DATE_AHEAD
_DATES = re.compile(rf"\b(?:{'|'.join(_template(t) for t in _ALL_DATES)})", re.IGNORECASE)
_DATE_STARTS = re.compile(rf"\b(?:{'|'.join(sorted({t.split()[0] for t in _ALL_DATES}))})\b", re.IGNORECASE)
_AHEAD = re.compile(rf"(?:{'|'.join(_template(t) for t in rules.DUE_DATE_AHEAD)})$", re.IGNORECASE)
_AHEAD_NOT_AFTER = re.compile(rf"\b(?:{_alternation(rules.DATE_AHEAD_NOT_AFTER)})\s+$", re.IGNORECASE)
_WITHIN = re.compile(
    rf"\bwithin\s+(?:a\s+period\s+of\s+)?(\d+|{'|'.join(map(re.escape, rules.NUMBER_WORDS))}|one|a)\s+(days|months|weeks|month)\b",
    re.IGNORECASE)
# Searched in the lower-cased clause: twice as fast as ignoring case (the document is named in lower case).
_RECIPIENT = re.compile(rf"\b(?:{_alternation(rules.RECIPIENTS)})\b")
_DOCUMENT = re.compile(rf"\b({_alternation(rules.DOCUMENTS)})\b(?:\s+{_WORDS_GAP}({_alternation(rules.RECIPIENTS)})\b)?")


def with_mandates(res: Resolution) -> Resolution:
    """``res`` with its ``mandates`` and, added to its diagnostics, an info per due phrase left unresolved."""
    mandates: list[Mandate] = []
    problems: list[Diagnostic] = []
    for paragraphs in _operative_lists(res):
        _collect(res, paragraphs, None, mandates, problems)
    if not mandates and not problems:
        return res
    return replace(res, mandates=tuple(mandates), diagnostics=res.diagnostics + tuple(problems))


def _operative_lists(res: Resolution) -> Iterable[tuple[Paragraph, ...]]:
    yield res.operative
    for section in res.sections:
        yield section.operative
    for part in res.parts:
        yield part.operative
        for section in part.sections:
            yield section.operative


def _collect(res: Resolution, paragraphs: Iterable[Paragraph], inherited: tuple[str, str] | None,
             mandates: list[Mandate], problems: list[Diagnostic]) -> None:
    for para in paragraphs:
        # Unnumbered paragraphs among the operative ones ("text": the Security Council's early "Decides:") too.
        if para.kind not in ("operative", "item", "text"):
            continue
        found, head = _paragraph_mandates(res, para, inherited, problems)
        mandates.extend(found)
        if para.items:
            # Items under "Requests the Secretary-General:" say only "To submit …": they inherit verb and actor.
            lead_in = head if head and para.text.rstrip().endswith(":") else None
            _collect(res, para.items, lead_in, mandates, problems)


def _verb_at_start(text: str) -> re.Match[str] | None:
    """The lead words and verb a text starts with, or None. Most paragraphs start with a word that can begin
    neither (``Welcomes``, ``Notes``): a dictionary look-up turns them away before the long pattern is tried."""
    first = _FIRST_WORD.match(text)
    if first is None or first.group(1).lower() not in _HEAD_FIRST_WORDS:
        return None
    return _VERB_AT_START.match(text)


def _head(res: Resolution, text: str, match: re.Match[str] | None) -> tuple[str, str] | None:
    """(verb key, actor) of a text whose start ``_verb_at_start`` matched, else None."""
    if match is None:
        return None
    opening = text[:match.end() + 12].lower()
    if any(word in opening for word in _NOT_MANDATE_FIRST_WORDS) and _NOT_MANDATE.match(text):
        return None
    verb = _VERB_KEYS[_normal(match.group(1))]
    return verb, _actor(res, verb, text[match.end():])


def _paragraph_mandates(res: Resolution, para: Paragraph, inherited: tuple[str, str] | None,
                        problems: list[Diagnostic]) -> tuple[list[Mandate], tuple[str, str] | None]:
    """The paragraph's mandates, and the (verb key, actor) it starts with (None when it starts with no verb)."""
    text = para.text
    at_start = _verb_at_start(text)  # matched once: its end, its verb and its actor all come from it
    head = _head(res, text, at_start)
    # "Invites and encourages …" is one verb, not two clauses: further clauses start after the head's verb.
    starts = _joined_clause_starts(text, at_start.end() if at_start else 0)
    clauses: list[tuple[tuple[str, str], str]] = []
    first_end = starts[0] if starts else len(text)
    if head is not None:
        clauses.append((head, text[:first_end]))
    elif inherited is not None and _TO_AT_START.match(text):
        clauses.append((inherited, text[:first_end]))
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        clause = text[start:end]
        join = _JOIN_AT_START.match(clause)
        clause = clause[join.end():] if join else clause
        clause_head = _head(res, clause, _verb_at_start(clause))
        if clause_head is not None:
            clauses.append((clause_head, clause))
    if not clauses:
        return [], head
    mandates = []
    for (verb, actor), clause in clauses:
        if actor in rules.ACTOR_PRONOUNS:  # "…, and encourages him to continue": the actor named before
            actor = (mandates[-1].actor if mandates else inherited[1] if inherited
                     else _head_object(text) if head is None else "")
        mandates.append(_mandate(res, para, verb, actor, clause, problems))
    return mandates, head


def _joined_clause_starts(text: str, after: int) -> list[int]:
    """Where each further clause starts: a verb of ``VERBS`` after a join (and lead words) of the rules."""
    starts: list[int] = []
    # A further clause's verb follows a join, so it is printed in lower case; its first word is found by
    # substring (two paragraphs in three hold none: far cheaper than a pattern tried at every character).
    found: list[int] = []
    for stem in _VERB_STEMS:
        at = text.find(stem, after)
        while at >= 0:
            found.append(at)
            at = text.find(stem, at + len(stem))
    for at in sorted(found):
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):  # inside a word ("recalls")
            continue
        if not _after_join_word(text, at):
            continue
        if _VERB_HERE.match(text, at):
            reach = max(after, starts[-1] + 1 if starts else 0, at - _JOIN_REACH)
            before = _JOIN_BEFORE.search(text, reach, at)
            if before is not None:
                starts.append(before.start())
    return starts


def _head_object(text: str) -> str:
    """The known actor the head of a paragraph that asks nothing names (``Congratulates the States parties …``):
    what a pronoun in a further clause (``…, and calls upon them to``) stands for; ``""`` when its words name
    no actor of ``ACTORS`` (``Welcomes the work of the Commission, and encourages it …``: not a guess)."""
    first = _FIRST_WORD.match(text)
    words = _FILLERS.sub("", text[first.end():].strip(), count=1) if first else ""
    known = _KNOWN_ACTORS.match(words)
    return _KNOWN_ACTOR_NAMES[int(known.lastgroup[1:])] if known and not _NAME_GOES_ON.match(words, known.end()) else ""


def _after_join_word(text: str, at: int) -> bool:
    """Whether the text before ``at`` can end with a join or lead word (a cheap test, before the pattern that
    finds them is tried at each of the eighty characters before)."""
    before = text[max(0, at - 40):at]
    if not before or not before[-1].isspace():
        return False
    before = before.rstrip()
    if before.endswith((",", ";")):
        return True
    words = before.rsplit(None, 1)
    return bool(words) and words[-1].lower() in _JOIN_END_WORDS


def _mandate(res: Resolution, para: Paragraph, verb: str, actor: str, clause: str,
             problems: list[Diagnostic]) -> Mandate:
    # A quoted title ("the item entitled “…”") is not what is asked, and would keep "submit … report" apart.
    lowered = clause.lower()
    found = _CUES.values(_WORD.findall(_QUOTED.sub("“”", lowered) if "“" in lowered else lowered))
    action = next((name for name in _ACTION_ORDER if name in found), "action:other").partition(":")[2]
    session, due_text, unresolved, due_body = (_due_session(res, clause, para.text) if "session" in lowered
                                               else (None, None, None, None))
    due_date = None
    if session is None and ("within" in lowered or (("19" in clause or "20" in clause) and _YEAR.search(clause))):
        due_date, date_text = _due_date(res, clause)
        due_text = due_text or date_text
    if unresolved is not None and session is None and due_date is None:
        problems.append(Diagnostic(
            res.source, para.line, codes.severity(UNRESOLVED_DUE), UNRESOLVED_DUE,
            f"{para.id}: the due point '{unresolved}' cannot be resolved from the text, expected a session "
            f"such as 'at its eighty-first session' or a date"))
        due_text = unresolved
    recurrence = next((name.partition(":")[2] for name in _RECURRENCE_ORDER if name in found), None)
    document = None
    if action == "report":
        match = _DOCUMENT.search(lowered)
        if match is not None:  # whom it goes to: printed after the noun, or before it ("submit to the Council … a report")
            recipient = match.group(2) or (found.group(0) if (found := _RECIPIENT.search(lowered)) else None)
            document = _normal(match.group(1)) + (f" {_normal(recipient)}" if recipient else "")
    return Mandate(paragraph=para.id, line=para.line, verb=verb, actor=actor, action=action,
                   due_session=session, due_date=due_date, recurrence=recurrence, due_text=due_text,
                   document=document, due_body=due_body)


def _actor(res: Resolution, verb: str, rest: str) -> str:
    if verb == "decide":
        return _body(res)
    rest = _THAT.sub("", rest, count=1)
    words = _FILLERS.sub("", _TO.sub("", rest.strip(), count=1), count=1)
    if _TO.match(words):  # "Calls upon all concerned to give …": no one named
        return ""
    known = _KNOWN_ACTORS.match(words)
    if known is not None and not _NAME_GOES_ON.match(words, known.end()):
        return _KNOWN_ACTOR_NAMES[int(known.lastgroup[1:])]
    end = _ACTOR_ENDS.search(words)
    printed = (words[: end.start()] if end else words).strip(" .")
    if not printed or _NOT_ACTORS.search(printed):
        return ""  # "Calls for the immediate cessation of …", "Encourages the efforts …": asked of no one named
    kept = []
    for word in printed.split()[:_ACTOR_WORDS]:
        if word.islower() and word.endswith("ly") and kept:  # "the Government urgently to end …"
            break
        kept.append(word)
    return " ".join(kept)


def _body(res: Resolution) -> str:
    return _body_name(res.body, (res.symbol or "")[:2])


@lru_cache(maxsize=64)
def _body_name(printed_body: str | None, symbol_start: str) -> str:
    for printed, name in rules.BODY_ACTORS:
        if printed_body and printed.lower() in printed_body.lower():
            return name
    return symbols.body_of_symbol(symbol_start) or printed_body or ""


def _due_session(res: Resolution, clause: str, text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(session, phrase as printed, unresolved phrase, whose session when another body's) of the first session
    phrase in the clause (of the paragraph ``text``)."""
    # Searched only just before each "session" (one pattern of many alternatives, tried at every character, was
    # most of the extraction's time).
    match = _near_session(_SESSIONS, clause, _not_officers_session)
    if match is not None:
        index = int(match.lastgroup[1:])
        session, problem = _session_value(res, _SESSION_HOW[index], match.groupdict().get(f"v{index}_0"))
        return session, match.group(0), match.group(0) if problem else None, _session_body(res, clause, match, text)
    vague = _near_session(_UNRESOLVED, clause)
    return None, None, vague.group(0) if vague else None, None


def _session_body(res: Resolution, clause: str, match: re.Match[str], text: str) -> str | None:
    """Whose session the phrase ``match`` names (the rule of ``SESSION_BODY_WORDS``): None for the issuing body's
    own, else the other body's name."""
    after = _OF_BODY.match(clause, match.end())
    if after is not None:
        start = after.end()
    elif " its " in match.group(0).lower() or match.group(0).lower().startswith("its "):
        start = next((found.start() for found in reversed(list(_BODY_WORD.finditer(clause, 0, match.start())))
                      if not _THROUGH.search(clause, max(0, found.start() - 120), found.start())), -1)
        if start < 0:
            return None
    else:
        return None
    name = _body_name_at(clause, start)
    if name is None or name in _OWN_NAMES.get(_body(res), ()):
        return None
    if " " not in name:  # "the Commission": the one named in full before in the paragraph, or in the title
        return _full_name(name, text[:text.find(clause) if clause in text else len(text)]) or \
            _full_name(name, res.title) or name
    return name


def _full_name(word: str, text: str) -> str | None:
    """The last name in ``text`` of several words that holds the body ``word`` (``Commission on …``)."""
    for found in reversed(list(re.finditer(rf"\b{word}\b", text))):
        name = _body_name_at(text, found.start())
        if name is not None and " " in name:
            return name
    return None


def _body_name_at(clause: str, start: int) -> str | None:
    """The capitalised name around the body word at ``start`` (``Commission for Social Development``)."""
    word = _BODY_WORD.match(clause, start)
    if word is None:
        return None
    before = clause[:start].split()
    kept: list[str] = []
    while before and (before[-1][:1].isupper() or (before[-1] in ("and", "of") and len(before) > 1
                                                   and before[-2][:1].isupper())):
        if before[-1].endswith((",", ";", ":")):
            break
        kept.insert(0, before.pop())
    while kept and not kept[0][:1].isupper():
        kept.pop(0)
    following = _NAME_GOES_ON_WORDS.match(clause, word.end())
    return " ".join([*kept, word.group(0)]) + (following.group(0) if following else "")


def _near_session(pattern: re.Pattern[str], clause: str,
                  keep: Callable[[str, re.Match[str]], bool] | None = None) -> re.Match[str] | None:
    """The first match of ``pattern`` that ends at a "session" of the clause (and that ``keep`` keeps)."""
    lowered, start = clause.lower(), 0
    while (found := lowered.find("session", start)) >= 0:
        end = found + len("sessions") + 1
        # The leftmost match in the window, as a search would find it, tried only at the words a phrase starts with.
        match = next((m for word in _SESSION_STARTS.finditer(clause, max(0, found - _SESSION_REACH), end)
                      if (m := pattern.match(clause, word.start(), end)) is not None), None)
        if match is not None and (keep is None or keep(clause, match)):
            return match
        start = found + 1
    return None


def _not_officers_session(clause: str, match: re.Match[str]) -> bool:
    """False for the session of an officer (``the President of the General Assembly at its seventy-fifth
    session``): it says who, not when."""
    return not clause[max(0, match.start() - 40):match.start()].rstrip().lower().endswith(rules.SESSION_OFFICERS)


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


def _due_date(res: Resolution, clause: str) -> tuple[str | None, str | None]:
    # Every date phrase ends with a year: searched only just before each year printed in the clause.
    match = None
    for year in _YEAR.finditer(clause):
        match = next((m for word in _DATE_STARTS.finditer(clause, max(0, year.start() - _DATE_REACH), year.end())
                      if (m := _DATES.match(clause, word.start(), year.end())) is not None
                      and (not _AHEAD.match(m.group(0)) or _due_ahead(res, clause, m))), None)
        if match is not None:
            break
    if match is not None:
        printed = match.group(0)
        day = find_date(printed)
        if day:
            return day, printed
        month = re.search(rf"({_MONTH})\s+(\d{{4}})", printed, re.IGNORECASE)
        if month:
            return f"{month.group(2)}-{MONTHS[month.group(1).lower()]:02d}", printed
        year = re.search(r"\d{4}", printed)
        return (year.group(0), printed) if year else (None, None)
    within = _WITHIN.search(clause)
    if within is not None and res.adopted:
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
        return (adopted + timedelta(days=count * (7 if unit == "weeks" else 1))).isoformat(), within.group(0)
    return None, None


def _due_ahead(res: Resolution, clause: str, match: re.Match[str]) -> bool:
    """Whether a ``DUE_DATE_AHEAD`` phrase is a due point: its day after the adoption (unknown adoption: no), and
    no word of ``DATE_AHEAD_NOT_AFTER`` before it."""
    day = find_date(match.group(0))
    return bool(day and res.adopted and day > res.adopted
                and not _AHEAD_NOT_AFTER.search(clause, max(0, match.start() - 20), match.start()))


def _normal(text: str) -> str:
    return " ".join(text.lower().split())
