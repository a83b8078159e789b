"""Every diagnostic code the package emits, in one table: code, severity and a one-line meaning.

Emitters name a code by its constant here and take its severity from the table, so that a code has one
severity everywhere. docs/diagnostics.md lists the same codes (a test compares the two). Codes are
stable: never renumber or reuse one, users filter on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.model import ERROR, INFO, WARNING


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    meaning: str


TABLE: dict[str, Code] = {}


def _code(code: str, severity: str, meaning: str) -> str:
    assert code not in TABLE, f"code {code} defined twice"
    TABLE[code] = Code(code, severity, meaning)
    return code


def severity(code: str) -> str:
    """The severity every diagnostic with ``code`` has."""
    return TABLE[code].severity


# Reading the file (parser.parse_file)
UNREADABLE_FILE = _code("RES001", ERROR, "the file cannot be read, or is binary")
NOT_UTF8 = _code("RES002", ERROR, "the file is not valid UTF-8")
EMPTY_FILE = _code("RES003", ERROR, "the file is empty, or holds only a front matter")
TOO_LARGE = _code("RES004", ERROR, "the file is larger than the size limit (not read)")

# The printed text (parser.parse)
MISSING_SYMBOL = _code("RES101", ERROR, "no document symbol, printed or derived from the number")
MISSING_TITLE = _code("RES102", WARNING, "no number-and-title line")
UNKNOWN_HEADER_LINE = _code("RES103", WARNING, "a cover-page line of no known kind (kept as unplaced text)")
MISSING_MEETING = _code("RES104", WARNING, "no meeting line and no adoption date")
NUMBERING_JUMPS = _code("RES105", INFO, "the printed operative numbering jumps")
MARKER_WITHOUT_NOTE = _code("RES106", WARNING, "a footnote marker whose note is not defined")
NOTE_WITHOUT_MARKER = _code("RES107", INFO, "a footnote that no marker refers to (the note is kept)")
UNPLACED_TEXT = _code("RES108", WARNING, "body text that could not be placed (kept as unplaced text)")
DUPLICATE_NUMBER = _code("RES109", INFO, "a printed paragraph number repeated where numbering does not restart")
MISSING_SESSION = _code("RES110", WARNING, "a General Assembly or ECOSOC text without a session line")
SYMBOL_DISAGREES = _code("RES111", INFO, "the symbol line and the printed number disagree (the symbol is kept)")
BAD_DATE = _code("RES112", WARNING, "a cover-page line shaped as a date that is not a calendar date")
SYMBOL_LINE_NOT_A_SYMBOL = _code("RES113", WARNING, "a cover-page line shaped as a symbol that is not one (kept)")
HTML_IN_TEXT = _code("RES114", WARNING, "HTML in the text (shown as written, not run)")
DATE_OUTSIDE_SESSION = _code("RES115", WARNING, "an adoption or meeting date outside its session (shown as unknown)")
UNUSED_DATE_OUTSIDE_SESSION = _code(
    "RES116", INFO, "a listed meeting line dated outside its session that no part uses (the page is complete)")

# Mandates (mandates.py)
UNRESOLVED_DUE = _code("RES401", INFO, "a mandate's due phrase names a session the text does not let us know")

# The front matter (frontmatter.py reads it, overrides.py applies it)
FRONT_UNCLOSED = _code("RES201", ERROR, "the front matter block is not closed")
FRONT_INVALID_YAML = _code("RES202", ERROR, "the front matter is not valid YAML")
FRONT_NOT_A_MAPPING = _code("RES203", ERROR, "the front matter is not a mapping")
FRONT_UNKNOWN_KEY = _code("RES204", WARNING, "an unknown front matter key (ignored)")
FRONT_WRONG_TYPE = _code("RES205", ERROR, "a front matter value of the wrong type (ignored)")
FRONT_UNKNOWN_OUTCOME = _code("RES206", ERROR, "an unknown vote outcome")
FRONT_COUNT_DISAGREES = _code("RES207", WARNING, "a vote count disagrees with its list of States")
FRONT_VOTE_INCONSISTENT = _code("RES208", WARNING, "the vote outcome and counts are inconsistent")
FRONT_BAD_DATE = _code("RES209", ERROR, "a front matter date that is not an ISO calendar date")
FRONT_MEMBER_ON_TWO_SIDES = _code("RES210", WARNING, "a State listed on two sides of a vote")
FRONT_CONTRADICTS_TEXT = _code("RES211", INFO, "the front matter overrides the printed text")
FRONT_ALIAS = _code("RES212", ERROR, "a YAML anchor or alias in the front matter (refused before expansion)")
FRONT_TOO_LONG = _code("RES213", ERROR, "a front matter value longer than its key allows (ignored)")
FRONT_NOT_A_SYMBOL = _code("RES214", WARNING, "a front matter symbol that is not a document symbol (ignored)")

# Agenda files (agendas.py)
AGENDA_INVALID = _code("AGD001", WARNING, "an agenda file is not valid YAML or not UTF-8")
AGENDA_NOT_A_MAPPING = _code("AGD002", WARNING, "an agenda file is not a mapping")
AGENDA_UNKNOWN_KEY = _code("AGD003", WARNING, "an unknown top-level key in an agenda file")
AGENDA_NO_ITEMS = _code("AGD004", WARNING, "an agenda file without a mapping of items")
AGENDA_BAD_ENTRY = _code("AGD005", WARNING, "an agenda entry without a number or a one-line title")
AGENDA_ITEM_TWICE = _code("AGD006", WARNING, "an agenda item listed twice (the first title is kept)")
AGENDA_ALIAS = _code("AGD007", WARNING, "a YAML anchor or alias in an agenda file (refused before expansion)")
AGENDA_TOO_LARGE = _code("AGD008", WARNING, "an agenda file larger than the size limit (not read)")

# The collection (site/collection.py)
DUPLICATE_SYMBOL = _code("COL001", ERROR, "two source files carry the same symbol")

# Symbolic links in docs_dir (docs_links.py)
LINK_LEAVES_DOCS = _code("DOC001", ERROR, "a symbolic link whose target is outside docs_dir")
LINK_LOOP = _code("DOC002", ERROR, "a symbolic link that loops")
LINK_BROKEN = _code("DOC003", ERROR, "a symbolic link whose target does not exist")
