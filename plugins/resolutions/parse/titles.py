"""The title of a Security Council resolution, by one rule, and names printed in capitals in normal case.

The old Security Council volumes print many resolutions without a title of their own: a topic heading in
capitals above the number ("MILITARY STAFF COMMITTEE"), then "1 (1946). Resolution of 25 January 1946" or
"Resolution 242 (1967) / of 22 November 1967". The rule (documented in docs/parser.md):

1. the printed topic heading, title-cased when printed in capitals;
2. else the printed title, when it is one (not a date line the OCR misread as a title: "ef 15 June 1965");
3. else ``Resolution of <date>`` with the printed date, the form the volumes themselves use;
4. else ``Resolution <number>``.

The page heading, the tab title, the indexes, search and the JSON all read ``Resolution.title``, so they
agree. Pure functions over strings.
"""

from __future__ import annotations

import re

from resolutions.parse.grammar import format_date
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "by", "with", "at", "between",
                          "concerning", "against", "from"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# "of 15 June 1965" read as "ef 15 June 1965", "of 14 October £964": a date line, not a title.
_MISREAD_DATE_LINE = re.compile(r"^[^\W\d_]{1,2} \d{1,2} [A-Z][a-z]+ \S{4}$")
_DATE_ONLY_TITLE = re.compile(r"^Resolution of \d{1,2} [A-Z][a-z]+ \d{4}$")


def title_case(printed: str) -> str:
    """``MILITARY STAFF COMMITTEE`` -> ``Military Staff Committee``, ``CÔTE D'IVOIRE`` -> ``Côte d'Ivoire``;
    small words stay small except first. Text printed in mixed case is returned unchanged."""
    if printed != printed.upper():
        return printed

    def word(match: re.Match[str]) -> str:
        text = match.group().lower()
        if match.start() > 0 and text in _SMALL_WORDS:
            return text
        if text.startswith("d'") and len(text) > 2:
            return "d'" + text[2:].capitalize()
        return text.capitalize()

    return _WORD.sub(word, printed)


def security_council_title(printed: str, topic: str | None, date: str | None, number: str | None) -> str:
    """The title by the rule above; ``date`` is the printed ISO date of the resolution."""
    if topic and topic.strip():
        return title_case(" ".join(topic.split()))
    if printed and not _MISREAD_DATE_LINE.match(printed) and not _DATE_ONLY_TITLE.match(printed):
        return printed
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and 1 <= int(date[5:7]) <= 12:
        return f"Resolution of {format_date(date)}"
    misread = _MISREAD_DATE_LINE.match(printed or "")
    if misread:  # the OCR'd date line: its day and month, the year from the number when misread too
        _of, day, month, year = printed.split(" ")
        number_year = re.search(r"\((\d{4})\)", number or "")
        if not year.isdigit() and number_year:
            year = number_year.group(1)
        return f"Resolution of {day} {month} {year}"
    if printed:
        return printed
    return f"Resolution {number}" if number else ""
