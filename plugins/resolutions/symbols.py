"""United Nations document symbols: recognise, normalise, split and turn them into safe URL paths.

One small grammar that everything else depends on. A symbol is written many ways in the texts
(``A/RES/217(III)``, ``A/RES/217 A (III)``, ``s/res/1325(2000)``, ``A/51/L.53 and Add.1``); this module
gives each document one canonical spelling (upper case, one space before a part letter or a
parenthesis) and one URL path. It is pure: no I/O, and it never raises on content.

Canonical forms (see docs/symbols.md): ``A/RES/51/148``, ``A/RES/217 (III)``, ``A/RES/ES-11/1``,
``A/RES/S-32/1``, ``A/RES/77/264 A-C``, ``S/RES/1325 (2000)``, ``E/RES/2021/2 B``, ``A/HRC/RES/31/1``,
``A/DEC/72/402`` (our own symbol for General Assembly decisions, which have none printed),
``A/C.3/68/L.75``, ``A/79/PV.30``, ``E/1996/90``, ``A/51/L.53/Add.1``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

__all__ = [
    "normalise_symbol",
    "split_documents",
    "find_symbols",
    "find_documents",
    "resolution_symbol",
    "symbol_path",
    "alternate_paths",
    "official_url",
    "is_resolution_symbol",
    "base_symbol",
    "BODY_PREFIX",
    "body_of_symbol",
]

# Hyphen look-alikes found in the texts (non-breaking hyphen, en and em dashes, minus sign).
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})

# Words printed in mixed case inside symbols when followed by a number (``Add.1``, ``Corr.2``,
# ``UNEP/EA.4/Res.1``); every other letter of a symbol is upper case.
_MIXED_CASE_WORDS = {
    "ADD": "Add",
    "CORR": "Corr",
    "REV": "Rev",
    "AMEND": "Amend",
    "RES": "Res",
    "DEC": "Dec",
    "SECT": "Sect",
    "VOL": "Vol",
    "PART": "Part",
    "SUPP": "Supp",
}

GENERAL_ASSEMBLY = "General Assembly"
SECURITY_COUNCIL = "Security Council"
ECOSOC = "Economic and Social Council"
"""The principal organs' names as the texts print them (``Resolution.body``)."""

# Issuing body (as named in the texts) -> symbol prefix of its resolutions and decisions.
BODY_PREFIX: dict[str, str] = {
    GENERAL_ASSEMBLY: "A",
    SECURITY_COUNCIL: "S",
    ECOSOC: "E",
    "Human Rights Council": "A/HRC",
}

# A symbol's first letters -> the body whose document it is, when the text does not print the body.
# (Subsidiary bodies' series such as A/HRC/ start with their parent organ's letter.)
_BODY_OF_PREFIX = (("A/", GENERAL_ASSEMBLY), ("S/", SECURITY_COUNCIL), ("E/", ECOSOC))

_ROMAN = r"[IVXLC]+"
# The session in parentheses of old-style numbers: (III), (S-IV), (ES-V); a year for the Security Council.
_OLD_SESSION = rf"(?:{_ROMAN}|S-{_ROMAN}|ES-{_ROMAN}|\d{{4}})"
# Part letters after a resolution number: ``B``, ``A-C``, ``A and B``; long series run to ``AA``.
_PART = r"[A-Z]{1,2}(?:\s?-\s?[A-Z]{1,2}|\s(?:AND|and)\s[A-Z]{1,2})?"

# A resolution or decision symbol, matched on the text after dash folding.
_RESOLUTION_SYMBOL_RE = re.compile(
    rf"""^(?P<prefix>(?:[A-Za-z][A-Za-z0-9.]*/)*?)(?P<kind>RES|DEC)/
    (?:
        (?P<session>(?:ES-|S-)?\d{{1,4}})/(?P<number>\d{{1,4}})(?:\s?(?P<part>{_PART}))?
      | (?P<old_number>\d{{1,4}})\s?(?:(?P<old_part>[A-Z])\s?)?\((?P<old_session>{_OLD_SESSION})\)
    )$""",
    re.VERBOSE | re.IGNORECASE,
)

# One slash-separated component of a symbol: letters and digits, dots or hyphens only between them,
# optionally an inner parenthesis (``ICCD/COP(14)/13``).
_COMPONENT = r"[A-Za-z0-9]+(?:[.\-\u2011][A-Za-z0-9]+)*(?:\([A-Za-z0-9.]{1,10}\))?"
_FIRST_COMPONENT = r"[A-Z][A-Za-z0-9]*(?:[.\-\u2011][A-Za-z0-9]+)*(?:\([A-Za-z0-9.]{1,10}\))?"
# Parenthesised qualifiers printed after some document symbols: ``A/70/6 (Sect. 9)``, ``(Part I)``.
_QUALIFIER = r"\s?\((?:Sect|Part|Vol|Supp|SUPP|supp|Introduction|Income|Plan)[A-Za-z0-9. ]{0,30}\)"

# A document symbol anywhere in running text. Bounded repetitions only, so no backtracking blow-up.
_SYMBOL_IN_TEXT_RE = re.compile(
    rf"""(?<![A-Za-z0-9/.\-])
    (?P<symbol>
        {_FIRST_COMPONENT}(?:/{_COMPONENT}){{1,8}}
        (?:{_QUALIFIER}(?:/{_COMPONENT}){{0,3}})?
        (?:\s(?:{_PART})(?![A-Za-z0-9]))?
        (?:\s?\({_OLD_SESSION}\))?
    )""",
    re.VERBOSE,
)

_WHOLE_SYMBOL_RE = re.compile(
    rf"""^{_FIRST_COMPONENT}(?:/{_COMPONENT}){{1,12}}
    (?:{_QUALIFIER}(?:/{_COMPONENT}){{0,3}})?$""",
    re.VERBOSE,
)

_QUALIFIER_RE = re.compile(_QUALIFIER, re.IGNORECASE)
_ONLY_ROMAN_RE = re.compile(rf"^{_ROMAN}$")
_STAFF_GRADE_RE = re.compile(r"^[A-Z]{1,2}-\d$")  # P-5/P-4, D-1/D-2: grades, not symbols
_DIGIT_RE = re.compile(r"\d")
_SPACES_RE = re.compile(r"\s+")


_SAFE_SEGMENT_RE = re.compile(r"^[A-Za-z0-9().,\-]+$")
_SAFE_ALTERNATE_SEGMENT_RE = re.compile(r"^[A-Za-z0-9().,_\-]+$")


def _canonical_component(component: str) -> str:
    """Upper-case a component, keeping ``Add.1``-style words in their printed mixed case."""
    if component.upper() == "AGENDA":
        return "Agenda"  # S/Agenda/1498: the Security Council's provisional agendas
    pieces = component.upper().split(".")
    out = []
    for index, piece in enumerate(pieces):
        followed_by_number = index + 1 < len(pieces) and pieces[index + 1][:1].isdigit()
        out.append(_MIXED_CASE_WORDS.get(piece, piece) if followed_by_number else piece)
    return ".".join(out)


def _canonical_qualifier(qualifier: str) -> str:
    """A ``(Sect. 9)`` qualifier as printed, whitespace collapsed (``(Sect.9)`` stays ``(Sect.9)``)."""
    inner = _SPACES_RE.sub(" ", qualifier.strip()[1:-1].strip())
    return f"({inner})"


def _looks_like_symbol(symbol: str) -> bool:
    """Reject slash-joined words that are not symbols: no digit, roman-numbered decisions (``X/2``), grades."""
    if not _DIGIT_RE.search(symbol):
        return False
    components = symbol.split("/")
    if len(components) < 2 or not components[-1]:
        return False
    if _ONLY_ROMAN_RE.match(components[0]):
        return False
    if all(_STAFF_GRADE_RE.match(component) for component in components):
        return False
    return True


def _normalise_resolution(match: re.Match[str]) -> str:
    """Canonical spelling of a matched resolution or decision symbol."""
    prefix = "".join(_canonical_component(part) + "/" for part in match["prefix"].split("/") if part)
    kind = match["kind"].upper()
    if match["old_number"]:
        # Old-style symbols name the whole resolution: A/RES/217 (III) covers 217 A to E.
        return f"{prefix}{kind}/{match['old_number']} ({match['old_session'].upper()})"
    symbol = f"{prefix}{kind}/{match['session'].upper()}/{match['number']}"
    if match["part"]:
        part = _SPACES_RE.sub(" ", match["part"].upper())
        # ``A and B`` is the range ``A-B`` (the form of the official symbols).
        part = re.sub(r"\s?-\s?|\sAND\s", "-", part)
        symbol += f" {part}"
    return symbol


def normalise_symbol(text: str) -> str | None:
    """Canonical form of a document symbol, or None when ``text`` is not one.

    ``"a/res/51/148"`` -> ``"A/RES/51/148"``; ``"S/RES/1325(2000)"`` -> ``"S/RES/1325 (2000)"``;
    ``"A/RES/217 A (III)"`` -> ``"A/RES/217 (III)"``; ``"E/RES/2021/2B"`` -> ``"E/RES/2021/2 B"``;
    ``"16/10/1992"`` -> None.
    """
    if not isinstance(text, str) or len(text) > _LONGEST_SYMBOL_TEXT:
        return None
    return _normalise_text(text)


_LONGEST_SYMBOL_TEXT = 200  # a symbol is short; longer text is not one (and is not cached)


@lru_cache(maxsize=1 << 16)  # pure, and the same symbols recur across a collection
def _normalise_text(text: str) -> str | None:
    candidate = _SPACES_RE.sub(" ", text.translate(_DASHES)).strip().rstrip(".,;")
    if not candidate or len(candidate) > 120:
        return None
    resolution = _RESOLUTION_SYMBOL_RE.match(candidate)
    if resolution:
        return _normalise_resolution(resolution)
    if not candidate[0].isalpha():
        return None
    candidate = candidate[0].upper() + candidate[1:]
    if not _WHOLE_SYMBOL_RE.match(candidate):
        return None
    qualifier = _QUALIFIER_RE.search(candidate)
    if qualifier:
        before = candidate[: qualifier.start()].rstrip()
        after = candidate[qualifier.end() :].lstrip("/")
        symbol = "/".join(_canonical_component(c) for c in before.split("/"))
        symbol += " " + _canonical_qualifier(qualifier.group(0))
        if after:
            symbol += "/" + "/".join(_canonical_component(c) for c in after.split("/"))
    else:
        symbol = "/".join(_canonical_component(c) for c in candidate.split("/"))
    return symbol if _looks_like_symbol(symbol) else None


def is_resolution_symbol(symbol: str) -> bool:
    """True for a (normalised) resolution symbol: ``.../RES/...``."""
    return "/RES/" in symbol


def base_symbol(symbol: str) -> str:
    """The symbol without its part letters: ``A/RES/54/237 C`` -> ``A/RES/54/237``,
    ``A/RES/217 A (III)`` -> ``A/RES/217 (III)``."""
    return re.sub(rf"\s(?:{_PART})(?=$|\s\()", "", symbol)


# Where a joint symbol names a second document: "A/49/180-S/1994/727" (the hyphen before a series
# symbol, not the one in "ES-10" or "SR.10-12").
_JOINT_SYMBOL_RE = re.compile(r"[-\u2011](?=[A-Z][A-Za-z]*(?:\.[A-Za-z0-9]+)*/)")


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """Every document symbol in ``text``: ``(start, end, normalised symbol)``, in order, not overlapping.

    Numbers such as ``16/10/1992`` or ``2/3`` are not symbols: a symbol starts with a capital letter.
    A joint symbol (``A/49/180-S/1994/727``) gives each of its symbols with its own span.
    """
    found: list[tuple[int, int, str]] = []
    if not isinstance(text, str):
        return found
    for match in _symbol_matches(text):
        start = match.start("symbol")
        piece_start = 0
        raw = match["symbol"]
        for joint in _JOINT_SYMBOL_RE.finditer(raw):
            _add_symbol(found, start + piece_start, raw[piece_start : joint.start()])
            piece_start = joint.end()
        _add_symbol(found, start + piece_start, raw[piece_start:])
    return found


_SLASH_RE = re.compile("/")
_SYMBOL_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-\u2011()")
# How far back from its first slash a symbol may start ("NPT/CONF.2010/50": the first component).
_FIRST_COMPONENT_LIMIT = 40


def _symbol_matches(text: str):
    """The matches of ``_SYMBOL_IN_TEXT_RE``, found from the slashes of the text.

    Every symbol holds a slash, and slashes are rare, so the pattern only runs from the start of the
    word before each slash instead of at every capital letter of the text.
    """
    resume_at = 0
    for slash in _SLASH_RE.finditer(text):
        slash_at = slash.start()
        if slash_at < resume_at:
            continue
        start = slash_at
        limit = max(resume_at, slash_at - _FIRST_COMPONENT_LIMIT)
        while start > limit and text[start - 1] in _SYMBOL_CHARACTERS:
            start -= 1
        # The first component starts at a capital letter: try each one before the slash, as a scan
        # of the whole text would ("(A/51/1" after "AB.c" is still found).
        for candidate in range(start, slash_at):
            if "A" <= text[candidate] <= "Z":
                match = _SYMBOL_IN_TEXT_RE.match(text, candidate)
                if match is not None:
                    resume_at = match.end()
                    yield match
                    break


def _add_symbol(found: list[tuple[int, int, str]], start: int, raw: str) -> None:
    symbol = normalise_symbol(raw)
    if symbol is None:
        # The trailing part letter or parenthesis may not belong to a non-resolution symbol.
        trimmed = re.sub(rf"(?:\s(?:{_PART})|\s?\({_OLD_SESSION}\))+$", "", raw)
        symbol = normalise_symbol(trimmed) if trimmed != raw else None
        raw = trimmed
    if symbol is not None:
        found.append((start, start + len(raw), symbol))


# A suffix continuing the symbol before it: "A/51/L.53 and Add.1", "S/7930/Add.43, Add.44",
# "A/74/483 and Corr.1 and 2", "Add.1-3".
_SUFFIX_CHAIN_RE = re.compile(
    r"""(?:\s?,\s?(?:and\s)?|\sand\s)
    (?P<word>Add|Corr|Rev|Amend)\.(?P<first>\d{1,3})
    (?:\s?(?:[-\u2013]|and|to)\s?(?P<last>\d{1,3})(?![./\d]))?
    (?![A-Za-z0-9/])""",
    re.VERBOSE,
)
_SUFFIX_RANGE_LIMIT = 20


def _attach_suffix(base: str, word: str, number: int) -> str:
    """``A/51/L.53`` + Add 1 -> ``A/51/L.53/Add.1``; ``S/7930/Add.43`` + Add 44 -> ``S/7930/Add.44``."""
    head, _, last = base.rpartition("/")
    if head and last.startswith(word + "."):
        return f"{head}/{word}.{number}"
    return f"{base}/{word}.{number}"


def _documents_with_suffixes(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Symbols and the suffixes that continue them, each with its span and the documents it names."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end, symbol in find_symbols(text):
        if out and start < out[-1][1]:
            continue  # never overlap a suffix taken for the previous symbol
        out.append((start, end, (symbol,)))
        position = end
        while True:
            suffix = _SUFFIX_CHAIN_RE.match(text, position)
            if suffix is None:
                break
            word = _MIXED_CASE_WORDS[suffix["word"].upper()]
            first = int(suffix["first"])
            last = int(suffix["last"]) if suffix["last"] else first
            if not first <= last <= first + _SUFFIX_RANGE_LIMIT:
                last = first
            named = tuple(_attach_suffix(symbol, word, n) for n in range(first, last + 1))
            out.append((suffix.start("word"), suffix.end(), named))
            position = suffix.end()
    return out


def find_documents(text: str) -> list[tuple[int, int, str]]:
    """Like :func:`find_symbols`, plus the suffixes that continue a symbol (``and Add.1``) as their
    own documents (``A/51/L.53/Add.1``); a range (``Add.1-3``) is one span naming its first document."""
    return [(start, end, named[0]) for start, end, named in _documents_with_suffixes(text)]


def split_documents(text: str) -> tuple[str, ...]:
    """Documents named in a proponent line or a footnote list, normalised, in order, without repeats.

    ``"A/51/L.53 and Add.1"`` -> ``("A/51/L.53", "A/51/L.53/Add.1")``;
    ``"A/74/L.1, A/74/L.2 and Add.1"`` -> ``("A/74/L.1", "A/74/L.2", "A/74/L.2/Add.1")``;
    ``"A/74/L.1 and Add.1-3"`` names the three addenda.
    """
    if not isinstance(text, str):
        return ()
    documents = (document for _, _, named in _documents_with_suffixes(text) for document in named)
    return tuple(dict.fromkeys(documents))


def resolution_symbol(number: str, body: str | None, kind: str = "resolution") -> str | None:
    """Symbol of a resolution or decision from its printed number and issuing body.

    ``("51/148", "General Assembly")`` -> ``"A/RES/51/148"``; ``("1325 (2000)", "Security Council")``
    -> ``"S/RES/1325 (2000)"``; ``("72/402", "General Assembly", "decision")`` -> ``"A/DEC/72/402"``.
    A body that is not known defaults to the General Assembly; None when the number is not one.
    """
    if not isinstance(number, str):
        return None
    prefix = BODY_PREFIX.get((body or GENERAL_ASSEMBLY).strip(), None)
    if prefix is None:
        return None
    kind_code = "DEC" if kind == "decision" else "RES"
    return normalise_symbol(f"{prefix}/{kind_code}/{number.strip().rstrip('.')}")


def body_of_symbol(symbol: str | None) -> str | None:
    """The organ a symbol belongs to by its first letters: ``S/RES/1325 (2000)`` is the Security Council's;
    None for a symbol of another series (or none)."""
    if symbol:
        for prefix, body in _BODY_OF_PREFIX:
            if symbol.startswith(prefix):
                return body
    return None


def _fallback_path(text: str) -> str:
    """A safe, stable path for something that is not a usable symbol."""
    digest = hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"unknown/{digest}"


def _is_safe_path(path: str, segment_re: re.Pattern[str]) -> bool:
    segments = path.split("/")
    return all(segment_re.match(s) and s.strip(".") for s in segments)


def symbol_path(symbol: str) -> str:
    """URL path of a symbol's page, without leading or trailing slash: ``S/RES/1325(2000)``.

    Whatever the input, the result is made only of segments of ``[A-Za-z0-9().,-]`` that are not
    ``.`` or ``..`` (never empty); input that is not a symbol gets ``unknown/<sha1 prefix>``.
    """
    normalised = normalise_symbol(symbol) if isinstance(symbol, str) else None
    if normalised is None:
        return _fallback_path(symbol)
    path = normalised.replace(" ", "")
    if not _is_safe_path(path, _SAFE_SEGMENT_RE):
        return _fallback_path(symbol)
    return path


def is_symbol(text: str) -> bool:
    """True when ``text`` passes the symbol grammar and has a page path of its own (not ``unknown/...``):
    only such a symbol may name a page, a redirect or a folder."""
    return normalise_symbol(text) is not None and not symbol_path(text).startswith("unknown/")


def alternate_paths(symbol: str) -> list[str]:
    """Other spellings of a symbol's path that should redirect to :func:`symbol_path`.

    The lower-case path, and the spaced form with ``_`` for each space (``A/RES/77/264_A-C``) and its
    lower case. Every path is safe like :func:`symbol_path`'s; the canonical path is not repeated.
    Note for whoever writes these as files: on a case-insensitive file system (macOS, Windows) the
    lower-case path is the canonical page's own folder, so a redirect written there would overwrite
    the page; skip alternates equal to the canonical path when compared with ``str.casefold``.
    """
    canonical = symbol_path(symbol)
    if canonical.startswith("unknown/"):
        return []
    normalised = normalise_symbol(symbol) or ""
    candidates = [canonical.lower(), normalised.replace(" ", "_"), normalised.replace(" ", "_").lower()]
    out: list[str] = []
    for candidate in candidates:
        if candidate != canonical and candidate not in out and _is_safe_path(candidate, _SAFE_ALTERNATE_SEGMENT_RE):
            out.append(candidate)
    return out


# General Assembly decisions have no document of their own on the resolver; link a library search.
DECISION_SEARCH_URL = "https://digitallibrary.un.org/search?ln=en&p="


def official_url(symbol: str, base: str = "https://undocs.org/") -> str:
    """Link to the official text: ``https://undocs.org/S/RES/1325(2000)``.

    Our own decision symbols (``A/DEC/72/402``) have no document on the resolver; they link to a
    search of the UN Digital Library for ``decision 72/402`` instead.
    """
    normalised = normalise_symbol(symbol) if isinstance(symbol, str) else None
    if normalised is None:
        return base.rstrip("/") + "/" + quote(str(symbol).strip(), safe="/().,-")
    if normalised.startswith("A/DEC/"):
        return DECISION_SEARCH_URL + quote(f'"decision {normalised[len("A/DEC/"):]}"')
    return base.rstrip("/") + "/" + quote(normalised.replace(" ", ""), safe="/().,-")


@dataclass(frozen=True)
class OfficialResolver:
    """``official_url`` at one resolver, as a function of the symbol; two with the same ``base`` are equal (so
    a memo keyed on it survives a rebuild that made a new one)."""

    base: str = "https://undocs.org/"

    def __call__(self, symbol: str) -> str:
        return official_url(symbol, self.base)
