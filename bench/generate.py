#!/usr/bin/env python3
"""Generate realistic synthetic collections of resolutions for the build benchmark.

One responsibility: write N resolution files in the seed layout (``seeds/A_RES_51_148.md``) whose shape follows
the development corpus: General Assembly resolutions over many sessions (plus some Security Council and Economic
and Social Council ones), agenda items (sometimes several), meetings adopting several resolutions on increasing
dates, footnotes, parts A/B, roman sections, lettered and roman sub-paragraphs, and citations between them.

The output is deterministic for a given ``--seed``: the same arguments give byte-identical files. Every text is
made up from word lists written for this script; no corpus text is copied.

    python bench/generate.py --count 20000 --out DIR [--seed 1] [--words 1000] [--sessions 60]
    python bench/generate.py --calibrate ../shared/corpus      # print the corpus figures the defaults come from

From Python: ``plan_collection(count, seed, sessions)``, ``generate(count, seed, words, sessions)`` (yields
``SyntheticFile``) and ``write_collection(out_dir, count, seed, words, sessions)``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import random
import re
import statistics
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, Sequence

# ---------------------------------------------------------------------------------------------------------------
# Distributions measured on the development corpus (GA 74-76 and ECOSOC 2021-2022 files with .truth.json,
# 1,017 resolutions; rerun with --calibrate). Vigintiles: value at 0%, 5%, ..., 100% of the sorted counts.
# ---------------------------------------------------------------------------------------------------------------

CITED_RESOLUTIONS_VIGINTILES = (0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 17, 20, 22, 26, 31, 80)
"""Unique resolutions cited per resolution (mean 12.1, median 9)."""
CITED_DOCUMENTS_VIGINTILES = (0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 9, 12, 17, 74)
"""Unique other documents cited per resolution (mean 5.3)."""
FOOTNOTES_VIGINTILES = (0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 25, 165)
"""Footnotes per resolution (mean 9.2) for the corpus' mean of 2,760 words; scaled to the requested length."""
CORPUS_MEAN_WORDS = 2760
"""Mean words per GA file in the corpus; footnotes are scaled by ``words / CORPUS_MEAN_WORDS``."""

# Session distance of GA-to-GA citations (citing session minus cited session), in buckets of five sessions:
# 0-4: 3103, 5-9: 2541, 10-14: 1460, 15-19: 1086, 20-24: 624, 25-29: 322, 30-34: 155, 35-39: 85, 40+: 77.
CITATION_DISTANCE_WEIGHTS = (3103, 2541, 1460, 1086, 624, 322, 155, 85, 77)
# What cited resolutions are: numbered GA 77%, GA emergency/special sessions 7.5%, Security Council 6.7%,
# Human Rights Council 3.3%, ECOSOC 1.4% (the rest rounds into GA).
CITED_KIND_WEIGHTS = (("ga", 810), ("ga-special", 75), ("sc", 67), ("hrc", 33), ("ecosoc", 15))

PREAMBLE_WORDS = (20, 46, 93)
"""10th percentile, median and 90th percentile of words per preambular paragraph."""
OPERATIVE_WORDS = (25, 53, 107)
"""The same for operative paragraphs."""

SHARE_SECURITY_COUNCIL = 0.10
SHARE_ECOSOC = 0.05
SHARE_SEVERAL_AGENDA_ITEMS = 0.05
SHARE_PARTS = 0.02
SHARE_SECTIONS = 0.04
SHARE_RECORDED_VOTE = 0.28
SHARE_PARAGRAPH_CITED = 0.12
"""Share of citations of a GA resolution that name one of its paragraphs (``paragraph 5 of resolution 47/4``)."""

BODY_SHARE_OF_WORDS = 0.8
"""Share of a file's words written as preamble and operative paragraphs (measured on this generator's output)."""

GA_RESOLUTIONS_PER_SESSION = (230, 330)
SC_RESOLUTIONS_PER_YEAR = (40, 75)
ECOSOC_RESOLUTIONS_PER_YEAR = (25, 45)
AGENDA_ITEMS_PER_SESSION = (140, 180)
LAST_GA_SESSION = 79

# ---------------------------------------------------------------------------------------------------------------
# Word lists (written for this generator).
# ---------------------------------------------------------------------------------------------------------------

ORDINAL_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                 "seventeenth", "eighteenth", "nineteenth")
ORDINAL_TENS = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                70: "seventieth", 80: "eightieth", 90: "ninetieth"}
CARDINAL_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
                 90: "ninety"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ROMAN_LOWER = ("i", "ii", "iii", "iv", "v", "vi")
LETTERS = "abcdefghijklmnop"

TOPICS = (
    "the rights of persons with disabilities", "sustainable development of mountain regions",
    "the protection of migrant workers", "international cooperation against the world drug problem",
    "the promotion of a culture of peace", "the situation of refugees and displaced persons",
    "the elimination of violence against women and girls", "the prevention of an arms race in outer space",
    "the safety of humanitarian personnel", "the rights of the child", "the question of desertification",
    "oceans and the law of the sea", "the eradication of poverty", "agricultural development and food security",
    "disaster risk reduction", "the protection of the global climate", "the rule of law at the national and "
    "international levels", "the financing of peacekeeping operations", "the elimination of racial discrimination",
    "the role of science and technology in development", "the protection of cultural heritage",
    "global health and foreign policy", "the advancement of rural women", "literacy for life",
    "the strengthening of the coordination of emergency humanitarian assistance", "nuclear disarmament",
    "the prevention of crime and criminal justice", "the rights of indigenous peoples",
    "information and communications technologies for development", "the situation of human rights defenders",
    "the follow-up to the International Conference on Financing for Development", "sport for development and peace",
    "the protection of the environment in relation to armed conflicts", "entrepreneurship for development",
    "the pension scheme of the United Nations", "the programme budget for the biennium", "assistance in mine action",
    "the effects of atomic radiation", "international trade and development", "youth policies and programmes",
    "the rights of older persons", "the fight against trafficking in persons", "the right to development",
    "the question of the Falkland Islands", "the return of cultural property to the countries of origin",
    "the involvement of volunteers in development", "the protection of journalists", "the world road safety situation",
    "the prevention of armed conflict", "the improvement of the status of women in the Secretariat",
)
TITLE_FORMS = ("{Topic}", "Strengthening of {topic}", "Follow-up to the work on {topic}", "Towards {topic}",
               "Cooperation in {topic}", "Implementation of the programme on {topic}", "Report on {topic}")
RECURRING_SHARE = 0.6
"""Share of GA and ECOSOC resolutions that are editions of a recurring resolution: the same title as the
resolution of the same number in earlier sessions, and a text made from the last edition's paragraphs (most kept,
some edited, dropped or added), as delegates negotiate the new edition from the last one."""
EDITION_EDIT, EDITION_DROP, EDITION_ADD = 0.12, 0.05, 0.05
"""Chances that a paragraph of the last edition is edited (a word or a year changed) or dropped (else it is kept as
it was), and that a new paragraph follows it: texts keep their length from edition to edition."""
ALL_TITLES = tuple(form.format(topic=topic, Topic=topic[0].upper() + topic[1:]) for topic in TOPICS
                   for form in TITLE_FORMS)
PREAMBLE_OPENINGS = ("Recalling", "Reaffirming", "Noting", "Recognizing", "Welcoming", "Bearing in mind",
                     "Emphasizing", "Expressing concern at", "Convinced of", "Mindful of", "Taking note of",
                     "Acknowledging", "Stressing", "Deeply concerned about", "Guided by")
OPERATIVE_VERBS = ("Requests", "Invites", "Urges", "Calls upon", "Decides", "Encourages", "Welcomes",
                   "Reaffirms", "Takes note of", "Emphasizes", "Stresses", "Recognizes",
                   "Expresses its appreciation to", "Underlines", "Notes with concern")
ACTORS = ("the Secretary-General", "Member States", "the specialized agencies", "regional organizations",
          "the United Nations system", "the international community", "donor countries", "civil society",
          "the relevant funds and programmes", "the Office of the United Nations High Commissioner for Human Rights",
          "the regional commissions", "national human rights institutions", "all States",
          "the Bretton Woods institutions")
ACTIONS = ("to continue to provide support for", "to strengthen their efforts towards", "to give due consideration to",
           "to report on the implementation of", "to mobilize resources for", "to cooperate fully in",
           "to share best practices on", "to integrate a gender perspective into", "to promote awareness of",
           "to consider ways of improving", "to take concrete measures to advance", "to contribute generously to")
CLAUSES = ("in accordance with the Charter of the United Nations", "within existing resources",
           "at the national, regional and international levels", "in close cooperation with relevant stakeholders",
           "taking into account the needs of developing countries", "with full respect for international law",
           "in a transparent and inclusive manner", "through voluntary contributions",
           "in particular in the least developed countries", "with a view to achieving lasting results",
           "as a matter of priority", "on the basis of the principle of common but differentiated responsibilities",
           "consistent with national legislation", "in the context of the 2030 Agenda for Sustainable Development",
           "while avoiding duplication of work", "including through South-South and triangular cooperation")
REPORT_NOUNS = ("the report of the Secretary-General", "the note by the Secretary-General",
                "the report of the Special Rapporteur", "the report of the Advisory Committee",
                "the report of the Board of Auditors", "the report of the Joint Inspection Unit")
TREATIES = ("the Convention on the Rights of the Child", "the International Covenant on Civil and Political Rights",
            "the Convention on Biological Diversity", "the Vienna Convention on the Law of Treaties",
            "the Treaty on the Non-Proliferation of Nuclear Weapons", "the Paris Agreement",
            "the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment")
COMMITTEES = ("First Committee", "Second Committee", "Third Committee", "Fifth Committee", "Sixth Committee",
              "Special Political and Decolonization Committee (Fourth Committee)")
SC_ABSTAINERS = ("China", "France", "Russian Federation", "India", "Brazil", "Pakistan", "South Africa", "Algeria")


# ---------------------------------------------------------------------------------------------------------------
# The plan: every resolution's identity, session, agenda items, meeting and date, decided before any text is
# written, so that citations can point at resolutions that exist, with their real adoption dates.
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    """A meeting at which resolutions are adopted."""

    number: int
    """Meeting number as printed."""
    resumed: bool
    """Printed as ``56th (resumed) plenary meeting``."""
    day: date
    """Date of the meeting."""


@dataclass(frozen=True)
class PlannedResolution:
    """What is decided about one resolution before its text is written."""

    index: int
    """Position in the collection (0-based), also the order files are generated in."""
    body: str
    """``"ga"``, ``"sc"`` or ``"ecosoc"``."""
    session: int
    """GA session number, or the year for the Security Council and ECOSOC."""
    number: int
    """Resolution number within the session (GA, ECOSOC) or the global Security Council number."""
    parts: tuple[str, ...]
    """Part letters (``("A", "B")``) when the file prints several resolutions under one number, else ``()``."""
    agenda_items: tuple[tuple[str, str], ...]
    """(number as printed, title) of each agenda item; empty for the Security Council."""
    meeting: Meeting
    """Adoption meeting."""

    @property
    def symbol(self) -> str:
        """Document symbol: ``A/RES/51/148``, ``A/RES/75/101 A-B``, ``S/RES/1325 (2000)``, ``E/RES/2021/2``."""
        if self.body == "sc":
            return f"S/RES/{self.number} ({self.session})"
        base = f"A/RES/{self.session}/{self.number}" if self.body == "ga" else f"E/RES/{self.session}/{self.number}"
        return f"{base} {self.parts[0]}-{self.parts[-1]}" if self.parts else base

    @property
    def short_number(self) -> str:
        """The number as cited in text: ``51/148``, ``1325 (2000)``, ``2021/2``."""
        if self.body == "sc":
            return f"{self.number} ({self.session})"
        return f"{self.session}/{self.number}"

    @property
    def filename(self) -> str:
        """File name as in the corpus: ``/`` and spaces to ``_``, parentheses dropped."""
        return self.symbol.replace("(", "").replace(")", "").replace("/", "_").replace(" ", "_") + ".md"


@dataclass(frozen=True)
class SyntheticFile:
    """One generated source file."""

    filename: str
    """File name in the seed layout, e.g. ``A_RES_51_148.md``."""
    symbol: str
    """Its document symbol."""
    text: str
    """The Markdown text."""
    cited_symbols: tuple[str, ...]
    """Symbols of the resolutions in the collection that this text cites (for tests and statistics)."""


def _draw_from_vigintiles(rng: random.Random, vigintiles: Sequence[int]) -> int:
    # Linear interpolation between the 21 measured points reproduces the corpus' distribution, heavy tail included.
    position = rng.random() * 20
    low = int(position)
    high = min(low + 1, 20)
    value = vigintiles[low] + (vigintiles[high] - vigintiles[low]) * (position - low)
    return int(round(value))


def _draw_words(rng: random.Random, percentiles: tuple[int, int, int]) -> int:
    # Log-normal through the measured median whose 10th/90th percentiles match: paragraph lengths are skewed.
    p10, median, p90 = percentiles
    sigma = (math.log(p90) - math.log(p10)) / (2 * 1.2816)
    return max(8, int(rng.lognormvariate(math.log(median), sigma)))


def _session_of_year(session: int) -> int:
    """Calendar year in which GA session ``session`` opens (the 1st opened in 1946)."""
    return 1945 + session


def _meetings_for(rng: random.Random, count: int, first_day: date, last_day: date, first_number: int,
                  resumed_share: float = 0.05) -> list[Meeting]:
    """One adoption meeting per resolution, in order: a few meetings adopt many (the December plenaries),
    most adopt one to three, as in the corpus (median 2, 90th percentile 34 per meeting)."""
    batch_sizes: list[int] = []
    while sum(batch_sizes) < count:
        batch_sizes.append(rng.randint(15, 45) if rng.random() < 0.12 else rng.randint(1, 3))
    span = max(1, (last_day - first_day).days)
    days = sorted(rng.sample(range(span), min(len(batch_sizes), span)) if len(batch_sizes) <= span
                  else [rng.randrange(span) for _ in batch_sizes])
    per_resolution: list[Meeting] = []
    number = first_number
    for batch, offset in zip(batch_sizes, days + [days[-1]] * (len(batch_sizes) - len(days))):
        resumed = rng.random() < resumed_share and number > first_number
        if not resumed:
            number += rng.randint(1, 3)
        meeting = Meeting(number=number, resumed=resumed, day=first_day + timedelta(days=offset))
        per_resolution.extend([meeting] * batch)
    return per_resolution[:count]


def _agenda_titles(rng: random.Random, count: int) -> list[str]:
    titles = []
    for _ in range(count):
        topic = rng.choice(TOPICS)
        titles.append(rng.choice(TITLE_FORMS).format(topic=topic, Topic=topic[0].upper() + topic[1:]))
    return titles


def _split_counts(count: int) -> tuple[int, int, int]:
    sc = int(round(count * SHARE_SECURITY_COUNCIL))
    ecosoc = int(round(count * SHARE_ECOSOC))
    return count - sc - ecosoc, sc, ecosoc


def plan_collection(count: int, seed: int = 1, sessions: int | None = None) -> list[PlannedResolution]:
    """Decide symbols, sessions, agenda items and meetings of ``count`` resolutions (ordered by body, session, number).

    GA sessions run backwards from the 79th, 230-330 resolutions each, or spread over ``sessions`` sessions when
    given; the Security Council and ECOSOC cover the years of those sessions. Linear in ``count``."""
    rng = random.Random(f"plan:{seed}")
    ga_count, sc_count, ecosoc_count = _split_counts(count)
    planned: list[PlannedResolution] = []

    sizes: list[int] = []
    if sessions:
        sessions = max(1, min(sessions, LAST_GA_SESSION, ga_count or 1))
        sizes = [ga_count // sessions + (1 if i < ga_count % sessions else 0) for i in range(sessions)]
    else:
        while sum(sizes) < ga_count:
            sizes.append(rng.randint(*GA_RESOLUTIONS_PER_SESSION))
        if sizes:
            sizes[-1] -= sum(sizes) - ga_count
    first_session = max(1, LAST_GA_SESSION - len(sizes) + 1)
    for session, size in zip(range(first_session, first_session + len(sizes)), sizes):
        if size <= 0:
            continue
        year = _session_of_year(session)
        agenda_numbers = rng.randint(*AGENDA_ITEMS_PER_SESSION)
        titles = _agenda_titles(rng, agenda_numbers)
        meetings = _meetings_for(rng, size, date(year, 9, 20), date(year + 1, 6, 30), first_number=3)
        numbers = sorted(rng.sample(range(1, int(size * 1.15) + 2), size))
        for number, meeting in zip(numbers, meetings):
            item_count = rng.choice((2, 2, 3)) if rng.random() < SHARE_SEVERAL_AGENDA_ITEMS else 1
            items = []
            for item_number in sorted(rng.sample(range(8, agenda_numbers + 1), item_count)):
                printed = f"{item_number} ({rng.choice('abc')})" if rng.random() < 0.15 else str(item_number)
                items.append((printed, titles[item_number - 1]))
            parts = ("A", "B", "C")[: rng.choice((2, 2, 3))] if rng.random() < SHARE_PARTS else ()
            planned.append(PlannedResolution(len(planned), "ga", session, number, parts, tuple(items), meeting))

    years = [_session_of_year(session) for session in range(first_session, first_session + len(sizes))] or [2024]
    sc_number = 1 + max(0, 2700 - sc_count)  # end near today's numbering
    sc_meeting = 4000
    remaining = sc_count
    for year in _spread_over(rng, years, sc_count, SC_RESOLUTIONS_PER_YEAR):
        size = min(year[1], remaining)
        remaining -= size
        meetings = _meetings_for(rng, size, date(year[0], 1, 5), date(year[0], 12, 28), first_number=sc_meeting,
                                 resumed_share=0.0)
        # The Security Council adopts one resolution per meeting or a few at most.
        meetings = [Meeting(sc_meeting + i * rng.randint(2, 6) + 1, False, m.day) for i, m in enumerate(meetings)]
        sc_meeting = meetings[-1].number + 1 if meetings else sc_meeting
        for meeting in meetings:
            planned.append(PlannedResolution(len(planned), "sc", year[0], sc_number, (), (), meeting))
            sc_number += 1

    remaining = ecosoc_count
    for year in _spread_over(rng, years, ecosoc_count, ECOSOC_RESOLUTIONS_PER_YEAR):
        size = min(year[1], remaining)
        remaining -= size
        titles = _agenda_titles(rng, 20)
        meetings = _meetings_for(rng, size, date(year[0], 2, 1), date(year[0], 7, 31), first_number=1)
        for number, meeting in enumerate(meetings, start=1):
            item = rng.randint(2, 20)
            planned.append(PlannedResolution(len(planned), "ecosoc", year[0], number, (),
                                             ((str(item), titles[item - 1]),), meeting))
    return planned


def _spread_over(rng: random.Random, years: list[int], count: int,
                 per_year: tuple[int, int]) -> list[tuple[int, int]]:
    """(year, resolutions that year) for the most recent years needed to hold ``count`` resolutions."""
    chosen: list[tuple[int, int]] = []
    total = 0
    for year in reversed(years):
        if total >= count:
            break
        size = rng.randint(*per_year)
        chosen.append((year, size))
        total += size
    if total < count and chosen:  # few GA sessions but many SC resolutions: widen the last year
        year, size = chosen[-1]
        chosen[-1] = (year, size + count - total)
    return list(reversed(chosen))


# ---------------------------------------------------------------------------------------------------------------
# Writing the text of one resolution.
# ---------------------------------------------------------------------------------------------------------------


def _long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def session_words(session: int) -> str:
    """``51`` -> ``Fifty-first``: the session line's ordinal, as printed."""
    if session < 10:
        word = ORDINAL_UNITS[session]
    elif session < 20:
        word = ORDINAL_TEENS[session - 10]
    elif session % 10 == 0:
        word = ORDINAL_TENS[session]
    else:
        word = f"{CARDINAL_TENS[session - session % 10]}-{ORDINAL_UNITS[session % 10]}"
    return word[0].upper() + word[1:]


class _TextWriter:
    """Writes the body of one resolution: paragraphs, citations and footnotes, with the collection for targets."""

    def __init__(self, rng: random.Random, plan: PlannedResolution, index: "_CitationIndex", words: int):
        self.rng = rng
        self.plan = plan
        self.index = index
        self.target_words = words
        self.footnotes: list[str] = []
        self.cited_inside: list[str] = []
        citations = _draw_from_vigintiles(rng, CITED_RESOLUTIONS_VIGINTILES)
        self.pending_citations = [self._pick_citation() for _ in range(citations)]
        self.pending_documents = _draw_from_vigintiles(rng, CITED_DOCUMENTS_VIGINTILES)
        scale = words / CORPUS_MEAN_WORDS
        self.pending_footnotes = int(round(_draw_from_vigintiles(rng, FOOTNOTES_VIGINTILES) * scale + rng.random()))

    # -- citations ---------------------------------------------------------------------------------------------

    def _pick_citation(self) -> str:
        """Text citing one resolution, e.g. ``resolution 47/4 of 16 October 1992``; links inside the collection
        when the drawn target exists."""
        rng = self.rng
        kind = rng.choices([k for k, _ in CITED_KIND_WEIGHTS], [w for _, w in CITED_KIND_WEIGHTS])[0]
        if kind == "ga":
            bucket = rng.choices(range(len(CITATION_DISTANCE_WEIGHTS)), CITATION_DISTANCE_WEIGHTS)[0]
            distance = bucket * 5 + rng.randrange(5)
            reference_session = self.plan.session if self.plan.body == "ga" else self.plan.session - 1945
            target = self.index.ga_target(rng, reference_session - distance, self.plan)
            if target is not None:
                self.cited_inside.append(target.symbol)
                paragraph = f"paragraph {rng.randint(1, 12)} of " if rng.random() < SHARE_PARAGRAPH_CITED else ""
                # A file of several parts is cited by one of its parts (``resolution 75/101 B``), as texts do.
                cited = f"{target.short_number} {rng.choice(target.parts)}" if target.parts else target.short_number
                return f"{paragraph}resolution {cited} of {_long_date(target.meeting.day)}"
            session = max(1, reference_session - distance)
            day = date(_session_of_year(session), rng.randint(10, 12), rng.randint(1, 28))
            return f"resolution {session}/{rng.randint(1, 330)} of {_long_date(day)}"
        if kind == "ga-special":
            return rng.choice((f"resolution ES-10/{rng.randint(1, 24)}", f"resolution S-{rng.randint(17, 32)}/2"))
        if kind == "sc":
            target = self.index.other_target(rng, "sc", self.plan)
            if target is not None:
                self.cited_inside.append(target.symbol)
                return f"Security Council resolution {target.short_number}"
            return f"Security Council resolution {rng.randint(200, 1500)} ({rng.randint(1967, 2003)})"
        if kind == "hrc":
            return f"Human Rights Council resolution {rng.randint(20, 55)}/{rng.randint(1, 40)}"
        target = self.index.other_target(rng, "ecosoc", self.plan)
        if target is not None:
            self.cited_inside.append(target.symbol)
            return f"Economic and Social Council resolution {target.short_number} of {_long_date(target.meeting.day)}"
        return f"Economic and Social Council resolution {rng.randint(1995, 2010)}/{rng.randint(1, 40)}"

    def _document_symbol(self) -> str:
        rng = self.rng
        session = self.plan.session if self.plan.body == "ga" else 60
        return rng.choice((f"A/{session}/{rng.randint(50, 700)}", f"A/{session}/L.{rng.randint(2, 80)}",
                           f"E/{_session_of_year(session)}/{rng.randint(10, 99)}",
                           f"S/{_session_of_year(session)}/{rng.randint(100, 999)}"))

    # -- paragraphs --------------------------------------------------------------------------------------------

    def _filler(self, words: int) -> str:
        rng = self.rng
        pieces: list[str] = []
        count = 0
        while count < words:
            piece = rng.choice((rng.choice(CLAUSES), f"{rng.choice(ACTIONS)} {rng.choice(TOPICS)}",
                                f"and {rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(TOPICS)}"))
            pieces.append(piece)
            count += len(piece.split())
        return ", ".join(pieces)

    def _footnote_marker(self) -> str:
        if self.pending_footnotes <= 0:
            return ""
        self.pending_footnotes -= 1
        rng = self.rng
        note = rng.choice((f"{self._document_symbol()}.", f"See {self._document_symbol()}.",
                           f"United Nations, Treaty Series, vol. {rng.randint(500, 3000)}, "
                           f"No. {rng.randint(1000, 56000)}.",
                           f"Official Records of the General Assembly, {session_words(max(1, self.plan.session % 80))}"
                           f" Session, Supplement No. {rng.randint(1, 53)} ({self._document_symbol()}).",
                           None))
        if note is None:  # a footnote that itself cites a resolution, as "Resolution 69/15, annex." does
            citation = self.pending_citations.pop() if self.pending_citations else None
            note = f"{citation[0].upper()}{citation[1:]}, annex." if citation else f"{self._document_symbol()}."
        self.footnotes.append(note)
        return f"<sup>{len(self.footnotes)}</sup>"

    def _citations_phrase(self) -> str:
        """Zero, one or a list of citations to weave into a paragraph, consuming the pending ones."""
        if not self.pending_citations or self.rng.random() < 0.35:
            return ""
        take = min(len(self.pending_citations), self.rng.choice((1, 1, 1, 2, 3, 4)))
        chosen = [self.pending_citations.pop() for _ in range(take)]
        if len(chosen) == 1:
            return chosen[0]
        # The Assembly's own resolutions first, as one list; other bodies' resolutions each with their body's name,
        # so that a body named in the list never seems to govern the numbers after it.
        own = [c[len("resolution "):] for c in chosen if c.startswith("resolution ")]
        paragraphs = [c for c in chosen if c.startswith("paragraph ")]
        groups = paragraphs + [c for c in chosen if not c.startswith(("resolution ", "paragraph "))]
        if len(own) == 1:
            groups.insert(0, f"resolution {own[0]}")
        elif own:
            groups.insert(0, f"resolutions {', '.join(own[:-1])} and {own[-1]}")
        return groups[0] if len(groups) == 1 else f"{', '.join(groups[:-1])}, and {groups[-1]}"

    def preamble_paragraph(self, opening: str) -> str:
        rng = self.rng
        words = _draw_words(rng, PREAMBLE_WORDS)
        citation = self._citations_phrase()
        if citation:
            lead = f"{opening} its {citation}" if citation.startswith("resolution") else f"{opening} {citation}"
        else:
            lead = f"{opening} {rng.choice(REPORT_NOUNS)}{self._footnote_marker()} on {rng.choice(TOPICS)}"
        if self.pending_documents > 0 and rng.random() < 0.4:
            self.pending_documents -= 1
            lead += f" ({self._document_symbol()})"
        return f"{lead}, {self._filler(max(4, words - len(lead.split())))},"

    def operative_paragraph(self) -> str:
        rng = self.rng
        words = _draw_words(rng, OPERATIVE_WORDS)
        citation = self._citations_phrase()
        lead = f"{rng.choice(OPERATIVE_VERBS)} {rng.choice(ACTORS)}"
        if citation:
            lead += f", recalling {citation},"
        elif rng.random() < 0.3:
            lead += f" to ratify {rng.choice(TREATIES)}{self._footnote_marker()},"
        if self.pending_documents > 0 and rng.random() < 0.3:
            self.pending_documents -= 1
            lead += f" as set out in document {self._document_symbol()},"
        return f"{lead} {self._filler(max(4, words - len(lead.split())))}"

    def sub_items(self, depth: int = 0) -> list[str]:
        rng = self.rng
        labels = LETTERS if depth == 0 else ROMAN_LOWER
        items = []
        for label in labels[: rng.randint(2, 5 if depth == 0 else 3)]:
            items.append(f"({label}) {rng.choice(ACTIONS).capitalize()} {self._filler(rng.randint(8, 30))};")
            if depth == 0 and rng.random() < 0.15:
                items[-1] = items[-1][:-1] + ":"
                items.extend(self.sub_items(depth + 1))
        return items


class _CitationIndex:
    """Where citations can point: resolutions of the collection by body and session, looked up in O(1)."""

    def __init__(self, planned: Sequence[PlannedResolution]):
        self.ga_by_session: dict[int, list[PlannedResolution]] = {}
        self.by_body: dict[str, list[PlannedResolution]] = {"sc": [], "ecosoc": []}
        for plan in planned:
            if plan.body == "ga":
                self.ga_by_session.setdefault(plan.session, []).append(plan)
            else:
                self.by_body[plan.body].append(plan)
        self.other_days = {body: [p.meeting.day for p in plans] for body, plans in self.by_body.items()}

    def ga_target(self, rng: random.Random, session: int, citing: PlannedResolution) -> PlannedResolution | None:
        """A GA resolution of ``session`` adopted before ``citing`` (None when the collection has none)."""
        candidates = self.ga_by_session.get(session)
        if not candidates:
            return None
        if citing.body == "ga" and session == citing.session:
            # Same session: only resolutions adopted earlier (numbers are in adoption order here).
            earlier = _count_lower(candidates, citing.number)
            if earlier == 0:
                return None
            return candidates[rng.randrange(earlier)]
        return rng.choice(candidates)

    def other_target(self, rng: random.Random, body: str, citing: PlannedResolution) -> PlannedResolution | None:
        """A Security Council or ECOSOC resolution adopted before ``citing``."""
        days = self.other_days[body]
        earlier = bisect.bisect_left(days, citing.meeting.day)
        if earlier == 0:
            return None
        return self.by_body[body][rng.randrange(earlier)]


def _count_lower(candidates: Sequence[PlannedResolution], number: int) -> int:
    low, high = 0, len(candidates)
    while low < high:
        middle = (low + high) // 2
        if candidates[middle].number < number:
            low = middle + 1
        else:
            high = middle
    return low


def _vote_front_matter(rng: random.Random) -> str:
    if rng.random() >= SHARE_RECORDED_VOTE:
        return "---\nvote:\n  outcome: without vote\n---\n"
    against = rng.randint(0, 12)
    abstaining = rng.randint(0, 40)
    in_favour = rng.randint(100, 190 - against - abstaining)
    return (f"---\nvote:\n  outcome: recorded vote\n  in_favour: {in_favour}\n  against: {against}\n"
            f"  abstaining: {abstaining}\n---\n")


def _capitalized(text: str) -> str:
    return text[0].upper() + text[1:]


def _opening_variant(opening: str, repeat: int) -> str:
    """``Recalling``, then ``Recalling also``, then ``Recalling further``, as resolutions vary repeated openings."""
    if repeat == 0:
        return opening
    first, _, rest = opening.partition(" ")
    adverb = "also" if repeat == 1 else "further"
    return f"{first} {adverb} {rest}".rstrip()


def _body_paragraphs(writer: _TextWriter, rng: random.Random, words: int, enacting: str, sections: bool,
                     closing: str, place_remaining_citations: bool, edition: "_Edition | None" = None) -> list[str]:
    """Enacting formula, preamble and operative part (sections, sub-paragraphs) of about ``words`` words.

    ``closing`` is the text of the last operative paragraph; with ``place_remaining_citations`` the citations not
    yet woven into a paragraph go into extra paragraphs, so each resolution cites as many resolutions as drawn.
    With ``edition`` (a recurring resolution), the text is made from its last edition's paragraphs instead, and
    ``edition`` then holds this one's for the next."""
    if edition is not None and edition.preamble:
        return _next_edition(writer, rng, enacting, closing, edition)
    blocks = [enacting]
    preamble_words = int(words * rng.uniform(0.3, 0.5))
    used_openings: dict[str, int] = {}
    written = 0
    while written < preamble_words or len(blocks) < 3:
        opening = rng.choice(PREAMBLE_OPENINGS)
        repeat = used_openings.get(opening, 0)
        used_openings[opening] = repeat + 1
        paragraph = writer.preamble_paragraph(_opening_variant(opening, repeat))
        blocks.append(paragraph)
        written += len(paragraph.split())
    written = 0
    number = 0
    section_starts: list[int] = []
    if sections:
        section_starts = [0, *sorted(rng.sample(range(2, 12), rng.randint(1, 3)))]
    while written < words - preamble_words or number < 2:
        if number in section_starts:
            blocks += [ROMAN[section_starts.index(number)], _capitalized(rng.choice(TOPICS))]
        number += 1
        paragraph = f"{number}. {writer.operative_paragraph()}"
        written += len(paragraph.split())
        if rng.random() < 0.08:
            blocks.append(paragraph + ":")
            items = writer.sub_items()
            blocks.extend(items)
            written += sum(len(item.split()) for item in items)
            if edition is not None:
                edition.operative.append((paragraph.partition(". ")[2], tuple(items)))
        else:
            blocks.append(paragraph + ";")
            if edition is not None:
                edition.operative.append((paragraph.partition(". ")[2], ()))
    if edition is not None:
        edition.preamble = [_without_markers(b) for b in blocks[1:] if not b[:1].isdigit() and b not in ROMAN]
        edition.operative = [(_without_markers(t), tuple(map(_without_markers, i))) for t, i in edition.operative]
    while place_remaining_citations and writer.pending_citations:
        number += 1
        phrase = writer._citations_phrase() or writer.pending_citations.pop()
        blocks.append(f"{number}. Requests the Secretary-General to take into account {phrase} "
                      f"in {rng.choice(REPORT_NOUNS)[4:]};")
    blocks.append(f"{number + 1}. {closing}")
    return blocks


@dataclass
class _Edition:
    """The paragraphs of the last edition of a recurring resolution (footnote markers removed)."""

    preamble: list[str] = field(default_factory=list)
    operative: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """(text without its number, sub-paragraphs) of each operative paragraph."""


_MARKER = re.compile(r"<sup>[^<]*</sup>")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _without_markers(text: str) -> str:
    return _MARKER.sub("", text)


def _edited(rng: random.Random, text: str) -> str:
    """A paragraph as the next edition changes it: a later year, another verb, or a phrase added."""
    choice = rng.random()
    if choice < 0.3 and _YEAR.search(text):
        return _YEAR.sub(lambda m: str(int(m.group(0)) + 1), text, count=1)
    words = text.split(" ")
    if choice < 0.6 and len(words) > 4:
        at = rng.randrange(1, len(words) - 1)
        words[at] = rng.choice(("strongly", "further", "also", "urgently", "duly", "fully"))
        return " ".join(words)
    return text.rstrip(",;.:") + f", {rng.choice(ACTIONS)} {rng.choice(ACTORS)}" + text[len(text.rstrip(",;.:")):]


def _next_edition(writer: _TextWriter, rng: random.Random, enacting: str, closing: str, edition: _Edition) -> list[str]:
    """The body of a recurring resolution's next edition, from the last one's paragraphs (``EDITION_*``)."""
    preamble: list[str] = []
    for paragraph in edition.preamble:
        roll = rng.random()
        if roll < EDITION_DROP:
            continue
        preamble.append(_edited(rng, paragraph) if roll < EDITION_DROP + EDITION_EDIT else paragraph)
        if rng.random() < EDITION_ADD:
            preamble.append(_without_markers(writer.preamble_paragraph(rng.choice(PREAMBLE_OPENINGS))))
    operative: list[tuple[str, tuple[str, ...]]] = []
    for text, items in edition.operative:
        roll = rng.random()
        if roll < EDITION_DROP:
            continue
        operative.append((_edited(rng, text) if roll < EDITION_DROP + EDITION_EDIT else text, items))
        if rng.random() < EDITION_ADD:
            operative.append((_without_markers(writer.operative_paragraph()), ()))
    edition.preamble, edition.operative = preamble, list(operative)
    while writer.pending_citations:  # this edition's own citations (not carried to the next edition)
        phrase = writer._citations_phrase() or writer.pending_citations.pop()
        operative.append((f"Requests the Secretary-General to take into account {phrase} "
                          f"in {rng.choice(REPORT_NOUNS)[4:]}", ()))
    blocks = [enacting, *preamble]
    for number, (text, items) in enumerate(operative, start=1):
        blocks.append(f"{number}. {text.rstrip(',;.:')}{':' if items else ';'}")
        blocks.extend(items)
    blocks.append(f"{len(operative) + 1}. {closing}")
    return blocks


def _meeting_line(meeting: Meeting) -> str:
    resumed = " (resumed)" if meeting.resumed else ""
    return f"{meeting.number}{_ordinal_suffix(meeting.number)}{resumed} plenary meeting  \n{_long_date(meeting.day)}"


def _security_council_lines(plan: PlannedResolution, writer: _TextWriter, rng: random.Random, words: int) -> list[str]:
    """A Security Council resolution in the corpus' layout: number and date on top, adoption line at the end."""
    lines = ["**Security Council**", "", plan.symbol, "", f"Resolution {plan.short_number}  ",
             f"of {_long_date(plan.meeting.day)}", ""]
    blocks = _body_paragraphs(writer, rng, words, "The Security Council,", sections=False,
                              closing="Decides to remain seized of the matter.", place_remaining_citations=True)
    ordinal = f"{plan.meeting.number}{_ordinal_suffix(plan.meeting.number)}"
    if rng.random() < 0.7:
        adoption = f"Adopted unanimously at the {ordinal} meeting."
    else:
        abstainers = sorted(rng.sample(SC_ABSTAINERS, rng.randint(1, 3)))
        plural = "s" if len(abstainers) > 1 else ""
        adoption = (f"Adopted at the {ordinal} meeting by {15 - len(abstainers)} votes to none, with "
                    f"{len(abstainers)} abstention{plural} ({', '.join(abstainers)}).")
    return lines + _join_blocks(blocks) + [adoption]


def _assembly_or_council_lines(plan: PlannedResolution, writer: _TextWriter, rng: random.Random,
                               words: int, editions: dict[str, _Edition] | None = None) -> list[str]:
    """A GA or ECOSOC resolution in the seed layout: cover block, proponent line, number and title, body, meeting.

    ``editions`` (title -> last edition) makes ``RECURRING_SHARE`` of them editions of recurring resolutions."""
    is_ga = plan.body == "ga"
    body_name = "General Assembly" if is_ga else "Economic and Social Council"
    edition = None
    if editions is not None and not plan.parts and plan.number <= len(ALL_TITLES) and rng.random() < RECURRING_SHARE:
        # The same number in every session has the same title: one edition per session, as on a real agenda.
        title = ALL_TITLES[plan.number - 1]
        edition = editions.setdefault(f"{plan.body}:{title}", _Edition())
    else:
        topic = rng.choice(TOPICS)
        title = f"{rng.choice(TITLE_FORMS).format(topic=topic, Topic=_capitalized(topic))}: " \
                f"{rng.choice(ACTIONS)} {rng.choice(ACTORS)}"
    issued = plan.meeting.day + timedelta(days=rng.randint(10, 60))
    session_line = f"{session_words(plan.session)} session" if is_ga else f"{plan.session} session"
    numbers = [number for number, _ in plan.agenda_items]
    agenda = f"Agenda item {numbers[0]}" if len(numbers) == 1 else \
        f"Agenda items {', '.join(numbers[:-1])} and {numbers[-1]}"
    # Cover lines are joined by Markdown hard breaks (two trailing spaces), the last one of a block has none.
    cover = [session_line, agenda, *(agenda_title for _, agenda_title in plan.agenda_items)]
    report = f"A/{plan.session}/{rng.randint(400, 700)}"
    if not is_ga:
        proponent = f"[on the recommendation of the Council (E/{plan.session}/L.{rng.randint(2, 60)})]"
    elif rng.random() < 0.7:
        proponent = f"[on the report of the {rng.choice(COMMITTEES)} ({report})]"
    else:
        proponent = f"[without reference to a Main Committee (A/{plan.session}/L.{rng.randint(2, 90)})]"
    adopted_by = f"RESOLUTION{'S' if plan.parts else ''} ADOPTED BY THE {body_name.upper()}"
    lines = [f"**{body_name}**", "", "Distr.  ", "GENERAL", "", f"{plan.symbol}  ", _long_date(issued), ""]
    lines += [line + "  " for line in cover[:-1]] + [cover[-1]]
    lines += ["", adopted_by, "", proponent, "", f"{plan.short_number}. {title}", ""]
    enacting = f"The {body_name},"
    closing = (f"Decides to include in the provisional agenda of its {session_words(plan.session + 1).lower()} "
               f"session the item entitled \u201c{_capitalized(rng.choice(TOPICS))}\u201d.") if is_ga else \
        "Decides to consider the question at its next session."
    if not plan.parts:
        sections = edition is None and rng.random() < SHARE_SECTIONS
        blocks = _body_paragraphs(writer, rng, words, enacting, sections, closing, True, edition)
        return lines + _join_blocks(blocks) + [_meeting_line(plan.meeting)]
    for position, letter in enumerate(plan.parts):
        lines += [f"{letter}  ", _capitalized(rng.choice(TOPICS)), ""]
        last = position == len(plan.parts) - 1
        blocks = _body_paragraphs(writer, rng, words // len(plan.parts), enacting, False, closing, last)
        lines += _join_blocks(blocks) + [_meeting_line(plan.meeting), ""]
    return lines[:-1]


def render_resolution(plan: PlannedResolution, index: "_CitationIndex", seed: int, words: int,
                      editions: dict[str, _Edition] | None = None) -> SyntheticFile:
    """The Markdown text of one planned resolution, in the seed layout, with its footnotes; ``editions`` carries
    the last edition of each recurring resolution from one call to the next (in the planned order)."""
    rng = random.Random(f"text:{seed}:{plan.symbol}")
    # Length varies around the requested mean (log-normal, corrected so that the mean stays ``words``); the body
    # target leaves room for the cover page, closing paragraphs and footnotes, which add about a fifth.
    body_words = words * BODY_SHARE_OF_WORDS
    length = max(120, int(rng.lognormvariate(math.log(body_words), 0.35) * math.exp(-0.35 ** 2 / 2)))
    writer = _TextWriter(rng, plan, index, length)
    if plan.body == "sc":
        lines = _security_council_lines(plan, writer, rng, length)
        front_matter = ""
    else:
        front_matter = _vote_front_matter(rng) if plan.body == "ga" else ""
        lines = _assembly_or_council_lines(plan, writer, rng, length, editions)
    if writer.footnotes:
        lines += ["", "---"]
        for number, note in enumerate(writer.footnotes, start=1):
            lines += ["", f"<sup>{number}</sup> {note}"]
    text = front_matter + "\n".join(lines) + "\n"
    return SyntheticFile(plan.filename, plan.symbol, text, tuple(dict.fromkeys(writer.cited_inside)))


def _join_blocks(blocks: Sequence[str]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines += [block, ""]
    return lines


# ---------------------------------------------------------------------------------------------------------------
# Public entry points.
# ---------------------------------------------------------------------------------------------------------------


def generate(count: int, seed: int = 1, words: int = 1000, sessions: int | None = None) -> Iterator[SyntheticFile]:
    """Yield ``count`` synthetic resolution files (about ``words`` words each on average), deterministic for ``seed``;
    the General Assembly ones over ``sessions`` sessions when given (else about 280 per session)."""
    planned = plan_collection(count, seed, sessions)
    index = _CitationIndex(planned)
    editions: dict[str, _Edition] = {}
    for plan in planned:
        yield render_resolution(plan, index, seed, words, editions)


def write_collection(out_dir: str | Path, count: int, seed: int = 1, words: int = 1000,
                     sessions: int | None = None) -> list[Path]:
    """Write ``count`` files into ``out_dir`` (created if needed); return their paths in generation order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for synthetic in generate(count, seed, words, sessions):
        path = out / synthetic.filename
        path.write_text(synthetic.text, encoding="utf-8")
        paths.append(path)
    return paths


def measure_corpus(corpus: str | Path) -> dict:
    """The figures the defaults above come from, measured on the corpus' ``.truth.json`` files and GA texts."""
    corpus = Path(corpus)
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*/*/*.truth.json"))]

    def vigintiles(values: list[int]) -> list[int]:
        values = sorted(values)
        return [values[min(len(values) - 1, i * len(values) // 20)] for i in range(21)] if values else []

    words = [len(p.read_text(encoding="utf-8").split()) for p in sorted(corpus.glob("ga/*/*.md"))]
    return {
        "resolutions": len(truths),
        "cited_resolutions_vigintiles": vigintiles([len(t["cited_resolutions"]) for t in truths]),
        "cited_documents_vigintiles": vigintiles([len(t["cited_documents"]) for t in truths]),
        "footnotes_vigintiles": vigintiles([t["n_footnotes"] or 0 for t in truths]),
        "mean_words_per_ga_file": round(statistics.mean(words)) if words else None,
        "share_with_parts": round(sum(1 for t in truths if t["parts"]) / max(1, len(truths)), 4),
        "share_several_agenda_items": round(sum(1 for t in truths if len(t["agenda_items"] or []) > 1)
                                            / max(1, len(truths)), 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="number of resolution files (default 1000)")
    parser.add_argument("--out", type=Path, help="folder to write the files into")
    parser.add_argument("--seed", type=int, default=1, help="random seed; same seed, same files (default 1)")
    parser.add_argument("--words", type=int, default=1000, help="mean words per resolution (default 1000)")
    parser.add_argument("--sessions", type=int, help="General Assembly sessions to spread over (default: ~280 "
                        "resolutions per session, as the Assembly adopts)")
    parser.add_argument("--calibrate", type=Path, metavar="CORPUS",
                        help="print the corpus figures the generator's distributions come from, and exit")
    args = parser.parse_args(argv)
    if args.calibrate:
        print(json.dumps(measure_corpus(args.calibrate), indent=2))
        return 0
    if args.out is None:
        parser.error("--out is required")
    paths = write_collection(args.out, args.count, args.seed, args.words, args.sessions)
    print(f"wrote {len(paths)} resolutions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
