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
from typing import Iterable, NamedTuple

from resolutions.model import Diagnostic, Mandate, Paragraph, Resolution
from resolutions.parse import codes
from resolutions.parse import mandate_rules as rules
from resolutions.parse.mandate_due import (due_of_the_same_report, find_due_date, find_due_session, issuing_body,
                                           may_name_date, with_due_of)
from resolutions.parse.mandate_names import full_name_before, is_short_name, operative_lists, without_suffix
from resolutions.parse.mandate_cues import WORD, what_is_asked
from resolutions.parse.mandate_patterns import alternation, any_of, first_of, normal, starting

UNRESOLVED_DUE = codes.UNRESOLVED_DUE
"""Code of the info given for a due phrase that names no session or date the text lets us know."""

_PARAGRAPHS_KEPT = 8192
"""Paragraphs whose analysis is kept (a few megabytes): about one session's worth of resolutions, so that the
next edition of a series, read a session later by the same worker, finds its repeated paragraphs."""

_LEAD = rf"(?:(?:{alternation(rules.LEAD_WORDS)}),?\s+)*"
_VERB_KEYS = {verb: key for verb, key in rules.VERBS}
_VERB_AT_START = re.compile(rf"^\s*{_LEAD}({alternation(_VERB_KEYS)})\b", re.IGNORECASE)
_VERB_HERE = re.compile(rf"(?:{alternation(_VERB_KEYS)})\b", re.IGNORECASE)
_JOIN_BEFORE = re.compile(rf"(?:{alternation(rules.CLAUSE_JOINS)})\s*{_LEAD}\Z", re.IGNORECASE)
_JOIN_REACH = 80  # characters before a verb where its join and lead words may stand
_JOIN_AT_START = re.compile(rf"^(?:{alternation(rules.CLAUSE_JOINS)})\s*", re.IGNORECASE)
# Matched at the verb, not before its lead words: "Renews its commitment" is no mandate, "Renews its request to" is.
_NOT_MANDATE = re.compile(rf"(?:{alternation(rules.NOT_MANDATES)})\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")
_HEAD_FIRST_WORDS = frozenset(phrase.split()[0].lower() for phrase in (*rules.LEAD_WORDS, *_VERB_KEYS))
"""The words a text that starts with lead words or a verb can start with."""
_NOT_MANDATE_FIRST_WORDS = tuple(sorted({phrase.split()[0].lower() for phrase in rules.NOT_MANDATES}))
_JOIN_END_WORDS = frozenset(phrase.split()[-1].lower() for phrase in (*rules.LEAD_WORDS, *rules.CLAUSE_JOINS)
                            if phrase.strip(" ,;"))
"""The last words of the joins and lead words: what the word before a further clause's verb is, unless a comma or
a semicolon (``…, and also requests``, ``…; further urges``)."""
_TO_AT_START = re.compile(r"^\s*(?:to|that)\b", re.IGNORECASE)  # "(a) To submit …", "(c) That the Secretary-General …"


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


_VERB_WORDS = frozenset(_words(verb)[0] for verb, _key in rules.VERBS if _words(verb)[0] != "we")
"""The first words of the verbs: a paragraph without one after its head has no further clause."""
_VERB_STEMS = tuple(sorted({word for word in _VERB_WORDS if not any(o != word and word.startswith(o) for o in _VERB_WORDS)}))
"""The verbs' first words without those another one begins (``request`` finds ``requests`` too)."""
_WE_VERBS = tuple(sorted(verb for verb, _key in rules.VERBS if _words(verb)[0] == "we"))
"""A declaration's verbs (``we call upon``): "we" would be found in most paragraphs ("were", "new"), so they are
looked for whole, and only in a paragraph that holds the word."""
_VERB_STARTS = first_of([(stem,) for stem in _VERB_STEMS + _WE_VERBS])
_FURTHER_VERB = re.compile(rf"\s(?=({_VERB_STARTS}))")
"""Where a further clause's verb may stand: one of their first words after a space (the space matched, so that
"call" is found inside "we call upon" too)."""
_FURTHER_VERB_AFTER_SPACE = re.compile(rf" (?=({_VERB_STARTS}))")
"""The same in a text whose only space is " " (``str.isprintable``): a pattern that starts with a character is tried
only where it stands, one that starts with a class at every character."""

_FILLERS = re.compile(rf"^(?:(?:{alternation(rules.ACTOR_FILLERS)})\s+)*", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")  # "Security Council Committee": a known name continued is another name
_ACTOR_WORDS = 16  # an actor kept as printed has at most this many words
_THAT = re.compile(r"^\s*,?\s*that\s+", re.IGNORECASE)
_CITED_AFTER_VERB = re.compile(r"^\s*in\s+(?:paragraph\s+\S+\s+of\s+)?(?:its\s+)?resolution\s+[^,;]*,\s*")  # "made in … 68/268, that"
# Lead words after the verb, set off by commas or not: "Requests, in this regard, the …", "encourages in this regard
# Member States", "Urges in the meantime all other States".
_LEAD_AFTER_VERB = re.compile(rf"^\s*(?:,\s*(?:(?:{alternation(rules.LEAD_WORDS)}),\s*)+|"
                              rf"(?:(?:{alternation(rules.LEAD_WORDS)})\s+)+)", re.IGNORECASE)
_OBJECT_VERBS = frozenset(rules.OBJECT_VERBS)
_NOT_ACTOR_STARTS = frozenset(rules.NOT_ACTOR_STARTS)
# A lead-in that names no one: it ends on its verb ("We call upon:") or on "the following:" ("Also encourages, …, the
# following: (a) Nuclear-weapon States to …").
_ENDS_ON_VERB = re.compile(rf"{starting([*_VERB_KEYS, 'the following'])}\b(?:{alternation(_VERB_KEYS)}|the following)\s*:\s*$", re.IGNORECASE)
_SHARED_TO = re.compile(r"^[^,;]*,\s+to\s+[a-z]")  # "invites other organizations, to continue …"
_ITEM_NAMES_ACTOR = re.compile(r"^\s*[A-Z][^,;:.]{0,150}?\s+to\s+[a-z]")  # "(a) All entities of … to address …"
# "(b) The Consular Commission is requested to …", "The Secretary-General is authorized to advance …:": the actor
# (no "that", no clause break) first.
_PASSIVE = re.compile(rf"^\s*(?P<actor>[A-Z](?:(?!\bthat\b)[^;:.]){{0,200}}?)\s+(?:{alternation(rules.PASSIVE_BE)})\s+"
                      rf"(?:{alternation(rules.PASSIVE_VERBS)})\s*(?=to\s|:)")
_PASSIVE_VERBS = tuple(rules.PASSIVE_VERBS)
_NOT_IN_PASSIVE_ACTOR = re.compile(r"\b(?:which|who|whom|whose|is|are|was|were)\b")
_TO = re.compile(r"^to\s+", re.IGNORECASE)
_PASSIVE_THAT = re.compile(rf"\s(?:{alternation(rules.THAT_PASSIVE_BE)})\s")
_TRAILING_JOIN = re.compile(r"\s+(?:and|or)$")  # "… be investigated by Afghan authorities and" (the clause goes on)
_BY_AGENT = re.compile(rf"\bby\s+(.+?)(?=\s+(?:{alternation(rules.THAT_PASSIVE_BE)})\s|$)")
_NOT_ACTORS = re.compile(rf"{any_of(rules.NOT_ACTORS)}\b", re.IGNORECASE)
_ACTOR_ENDS = re.compile("|".join(re.escape(end) for end in rules.ACTOR_ENDS), re.IGNORECASE)
# One pattern for the whole table: its alternatives are tried in the table's order, so the first actor wins.
_KNOWN_ACTOR_NAMES = [name for name, _phrases in rules.ACTORS]
_KNOWN_ACTOR_SET = frozenset(_KNOWN_ACTOR_NAMES)
_KNOWN_ACTORS = re.compile("^(?:" + "|".join(rf"(?P<a{i}>(?:{alternation(phrases)})\b)"
                                             for i, (_name, phrases) in enumerate(rules.ACTORS)) + ")", re.IGNORECASE)


def with_mandates(res: Resolution) -> Resolution:
    """``res`` with its ``mandates`` and, added to its diagnostics, an info per due phrase left unresolved."""
    mandates: list[Mandate] = []
    problems: list[Diagnostic] = []
    body = issuing_body(res)
    for paragraphs in operative_lists(res):
        _collect(res, body, paragraphs, None, mandates, problems)
    if not mandates and not problems:
        return res
    return replace(res, mandates=tuple(mandates), diagnostics=res.diagnostics + tuple(problems))


def _collect(res: Resolution, body: str, paragraphs: Iterable[Paragraph], inherited: tuple[str, str] | None,
             mandates: list[Mandate], problems: list[Diagnostic], items_name_actor: bool = False) -> None:
    """The mandates of ``paragraphs`` (``body``: the issuing body); ``items_name_actor``: they are the items of a
    lead-in that ends on its verb (*We call upon:*) or on *the following:*, so each one names its own actor."""
    for para in paragraphs:
        # Unnumbered paragraphs among the operative ones ("text": the Security Council's early "Decides:") too.
        if para.kind not in ("operative", "item", "text"):
            continue
        found, head = _paragraph_mandates(res, body, para, inherited, problems, items_name_actor)
        mandates.extend(found)
        if para.items:
            # Items under "Requests the Secretary-General:" say only "To submit …": they inherit verb and actor.
            # The lead-in is the paragraph's last clause ("Calls for …, and in this regard calls upon the
            # Secretary-General:").
            lead_in = (found[-1].verb, found[-1].actor) if head and found and para.text.rstrip().endswith(":") else None
            first_item = len(mandates)
            _collect(res, body, para.items, lead_in, mandates, problems,
                     lead_in is not None and _ENDS_ON_VERB.search(para.text) is not None)
            if lead_in and found:  # "Requests the Special Committee, at its session in 2022: (a) To consider …"
                mandates[first_item:] = [with_due_of(item, found[-1]) for item in mandates[first_item:]]
        elif head and para.text.rstrip().endswith(":"):
            inherited = head  # "Resolves:" on its own, its "To …" paragraphs printed after it (early Security Council)


def _verb_at_start(text: str) -> re.Match[str] | None:
    """The lead words and verb a text starts with, or None. Most paragraphs start with a word that can begin
    neither (``Welcomes``, ``Notes``): a dictionary look-up turns them away before the long pattern is tried."""
    first = _FIRST_WORD.match(text)
    if first is None or first.group(1).lower() not in _HEAD_FIRST_WORDS:
        return None
    return _VERB_AT_START.match(text)


def _head(body: str, text: str, match: re.Match[str] | None) -> tuple[str, str] | None:
    """(verb key, actor) of a text whose start ``_verb_at_start`` matched, else None."""
    if match is None:
        return None
    opening = text[:match.end() + 12].lower()
    if any(word in opening for word in _NOT_MANDATE_FIRST_WORDS) and _NOT_MANDATE.match(text, match.start(1)):
        return None
    printed = normal(match.group(1))
    verb = _VERB_KEYS[printed]
    return verb, _actor(body, verb, text[match.end():], known_only=printed in _OBJECT_VERBS)


def _paragraph_mandates(res: Resolution, body: str, para: Paragraph, inherited: tuple[str, str] | None,
                        problems: list[Diagnostic], names_actor: bool = False
                        ) -> tuple[list[Mandate], tuple[str, str] | None]:
    """The paragraph's mandates, and the (verb key, actor) it starts with (None when it starts with no verb)."""
    head, asks = _asked_in(para.text, inherited, names_actor, body)
    mandates: list[Mandate] = []
    for ask in asks:
        mandates.append(due_of_the_same_report(_mandate(res, para, ask, problems), mandates, ask.clause))
    return mandates, head


class _Ask(NamedTuple):
    """What one clause asks, whatever resolution prints it: all of a mandate but when it is due."""

    verb: str
    actor: str
    clause: str
    action: str
    recurrence: str | None
    document: str | None
    names_session: bool
    """Whether the clause prints "session" (else it names no session it is due at)."""
    may_name_date: bool
    """Whether it may name a date it is due by (``may_name_date``)."""


@lru_cache(maxsize=_PARAGRAPHS_KEPT)
def _asked_in(text: str, inherited: tuple[str, str] | None, names_actor: bool, body: str
              ) -> tuple[tuple[str, str] | None, tuple[_Ask, ...]]:
    """The (verb key, actor) a paragraph's text starts with, and what each of its clauses asks; ``body`` is the
    issuing body (the actor of *decides*). Kept for the paragraphs last read: a series repeats its paragraphs
    from one edition to the next, and only when they are due depends on the resolution."""
    at_start = _verb_at_start(text)  # matched once: its end, its verb and its actor all come from it
    head = _head(body, text, at_start)
    # "Invites and encourages …" is one verb, not two clauses: further clauses start after the head's verb.
    starts = _joined_clause_starts(text, at_start.end() if at_start else 0)
    clauses: list[tuple[tuple[str, str], str]] = []
    first_end = starts[0] if starts else len(text)
    if head is not None:
        clauses.append((head, text[:first_end]))
    elif inherited is not None and _TO_AT_START.match(text):
        clauses.append((inherited, text[:first_end]))
    elif (names_actor and inherited is not None and not inherited[1] and inherited[0] != "decide"
          and _ITEM_NAMES_ACTOR.match(text)
          and (named := _actor(body, inherited[0], text[:first_end]))):
        # "We call upon: (a) All entities of the United Nations system to address …": each item names its actor
        # (not "Calls for practical steps …: (e) A diminishing role for nuclear weapons … so as to …").
        clauses.append(((inherited[0], named), text[:first_end]))
    elif inherited is not None and inherited[0] == "decide" and _passive(text):
        # "Decides: … (b) The Consular Commission is requested to …": what the body decides.
        clauses.append((inherited, text[:first_end]))
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        clause = text[start:end]
        join = _JOIN_AT_START.match(clause)
        clause = clause[join.end():] if join else clause
        clause_head = _head(body, clause, _verb_at_start(clause))
        if clause_head is not None:
            clauses.append((clause_head, clause))
    asks: list[_Ask] = []
    for index, ((verb, actor), clause) in enumerate(clauses):
        if actor in rules.ACTOR_PRONOUNS:  # "…, and encourages him to continue": the actor named before
            actor = (asks[-1].actor if asks else inherited[1] if inherited
                     else _head_object(text) if head is None else "")
        if index + 1 < len(clauses) and " to " not in clause and _SHARED_TO.match(clauses[index + 1][1]):
            # "Requests United Nations agencies, and invites other organizations, to continue …": one infinitive
            clause = clause + ", " + clauses[index + 1][1]
        lowered = clause.lower()
        asks.append(_Ask(verb, actor, clause, *what_is_asked(verb, lowered), "session" in lowered,
                         may_name_date(clause, lowered)))
    return head, tuple(asks)


def _passive(text: str) -> bool:
    """Whether a text starts with its actor and a verb in the passive (``PASSIVE_VERBS``); not a relative clause
    (*the policy brief …, in which States are encouraged to*, *the Team, which is authorized to*)."""
    if not any(verb in text for verb in _PASSIVE_VERBS):
        return False
    passive = _PASSIVE.match(text)
    return passive is not None and not _NOT_IN_PASSIVE_ACTOR.search(passive.group("actor"))


def _joined_clause_starts(text: str, after: int) -> list[int]:
    """Where each further clause starts: a verb of ``VERBS`` after a join (and lead words) of the rules."""
    starts: list[int] = []
    # A further clause's verb follows a join, so it is printed in lower case, after a space: one pattern of the
    # verbs' first words finds where (most paragraphs have no such place).
    further_verb = _FURTHER_VERB_AFTER_SPACE if text.isprintable() else _FURTHER_VERB
    for candidate in further_verb.finditer(text, max(after - 1, 0)):
        at = candidate.end()
        if candidate.group(1).startswith("we ") and " we " not in text:
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
    return _known_actor(words) or ""


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


def _mandate(res: Resolution, para: Paragraph, ask: _Ask, problems: list[Diagnostic]) -> Mandate:
    """The mandate of what a clause of the paragraph asks, due when the resolution lets us know."""
    clause = ask.clause
    session, due_text, unresolved, due_body = (find_due_session(res, clause, para.text) if ask.names_session
                                               else (None, None, None, None))
    due_date = None
    if session is None and ask.may_name_date:
        due_date, date_text = find_due_date(res, clause, convening=ask.action == "convene")
        due_text = due_text or date_text
    if unresolved is not None and session is None and due_date is None:
        problems.append(Diagnostic(
            res.source, para.line, codes.severity(UNRESOLVED_DUE), UNRESOLVED_DUE,
            f"{para.id}: the due point '{unresolved}' cannot be resolved from the text, expected a session "
            f"such as 'at its eighty-first session' or a date"))
        due_text = unresolved
    actor = ask.actor
    before_actor = clause[:max(clause.find(actor), 0)]
    before_clause = para.text[:max(para.text.find(clause), 0)]
    for _ in range(2):  # "the Office", named in full before as "the Office of the High Commissioner": twice
        if actor in _KNOWN_ACTOR_SET or not is_short_name(actor):
            break
        full = full_name_before(res, actor, before_actor, before_clause, para.text)
        if full is None:
            break
        actor = _known_actor(full) or without_suffix(full)
    return Mandate(paragraph=para.id, line=para.line, verb=ask.verb, actor=actor, action=ask.action,
                   due_session=session, due_date=due_date, recurrence=ask.recurrence, due_text=due_text,
                   document=ask.document, due_body=due_body)


def _actor(body: str, verb: str, rest: str, known_only: bool = False) -> str:
    """Who the clause asks (``rest`` is its text after the verb; ``body``: the issuing body, who *decides*);
    ``known_only``: a verb of ``OBJECT_VERBS``, whose words name an actor only when they begin with one of
    ``ACTORS``."""
    if verb == "decide":
        return body
    # "Requests, in this regard, the …", "Reiterates its request, made in … resolution 68/268, that the …"
    if rest.startswith(" in "):
        rest = _past(_CITED_AFTER_VERB, rest)
    rest = _past(_LEAD_AFTER_VERB, rest)
    after_that = _THAT.match(rest)
    rest = rest[after_that.end():] if after_that else rest
    words = _past(_FILLERS, _past(_TO, rest.strip()))
    if _TO.match(words):  # "Calls upon all concerned to give …": no one named
        return ""
    known = _known_actor(words)
    if known is not None:
        return known
    end = _ACTOR_ENDS.search(words)
    if known_only and (end is None or end.group(0) != " to "):  # "Calls for a sincere … follow-up": what is asked
        return ""
    printed = (words[: end.start()] if end else words).strip(" .")
    if after_that and _PASSIVE_THAT.search(printed):
        # "requests that peacekeeping missions be provided with …": asked of whoever provides, named after "by"
        # ("that full compensation by the Government of Portugal be paid") or no one.
        agent = _BY_AGENT.search(printed)
        printed = _TRAILING_JOIN.sub("", _past(_FILLERS, agent.group(1))) if agent else ""
        known = _known_actor(printed)
        if known is not None:
            return known
    if not printed or _NOT_ACTORS.search(printed) or printed.split()[0] in _NOT_ACTOR_STARTS:
        return ""  # "Calls for the immediate cessation of …", "Encourages the efforts …": asked of no one named
    kept = []
    for word in printed.split()[:_ACTOR_WORDS]:
        if word.islower() and word.endswith("ly") and kept:  # "the Government urgently to end …"
            break
        kept.append(word)
    return " ".join(kept)


def _known_actor(words: str) -> str | None:
    """The actor of ``ACTORS`` that ``words`` begin with (a name that goes on is another one), or None."""
    known = _KNOWN_ACTORS.match(words)
    if known is None or _NAME_GOES_ON.match(words, known.end()):
        return None
    return _KNOWN_ACTOR_NAMES[int(known.lastgroup[1:])]


def _past(start: re.Pattern[str], text: str) -> str:
    """``text`` after what the pattern ``start`` matches at its beginning (a pattern anchored there)."""
    match = start.match(text)
    return text[match.end():] if match else text

