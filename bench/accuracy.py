"""Per-field accuracy of the parser against the development corpus' ``*.truth.json`` files.

Usage: ``.venv/bin/python bench/accuracy.py [CORPUS_DIR] [--misses FIELD]``

GA and ECOSOC files are compared with their truth file field by field; Security Council files and
GA decisions (no truth files) are checked for what the text prints: the symbol their file name
encodes, a meeting number where a meeting line is printed, and the adoption date where printed.
``tests/test_corpus_accuracy.py`` imports ``measure`` and asserts its thresholds.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from resolutions.model import Paragraph, Resolution  # noqa: E402
from resolutions.parse.parser import parse_file  # noqa: E402
from resolutions.parse import adoption  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

EXACT_FIELDS = ("symbol", "title", "session", "agenda_items", "issued", "adopted", "meeting")
COUNT_FIELDS = ("n_preamble", "n_operative", "n_footnotes")
THRESHOLDS = {**{name: 0.995 for name in EXACT_FIELDS}, **{name: 0.99 for name in COUNT_FIELDS}, "cited": 0.99}
EXTRA_FIELDS = (
    "number", "session_text", "proponent_line", "adopted_line", "agenda_item_names", "part_title",
    "n_subparagraphs", "n_operative_unnumbered", "n_annexes", "footnote_marks", "parts",
)
OTHER_FIELDS = ("sc_symbol", "sc_meeting", "sc_adopted", "dec_symbol", "dec_meeting", "dec_adopted")
OTHER_THRESHOLD = 0.99


@dataclass
class Score:
    """Right answers out of the cases that could be checked, and the files that missed."""

    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.misses.append(label)

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0


_PART_SUFFIX = re.compile(r" [A-Z](?:[-–][A-Z])?$")


def base_symbol(symbol: str) -> str:
    """``A/RES/54/237 C`` -> ``A/RES/54/237``: a citation of a part finds the resolution."""
    return _PART_SUFFIX.sub("", symbol.strip())


def counts(resolution: Resolution) -> dict[str, int]:
    """Counts as the truth files define them: resolution and parts, annexes and quoted text excluded."""
    containers = [resolution, *resolution.parts]
    n_preamble = sum(1 for c in containers for p in c.preamble if p.kind == "preamble")
    n_operative = 0
    for container in containers:
        n_operative += sum(1 for p in container.operative if p.kind == "operative")
        n_operative += sum(1 for s in container.sections for p in s.operative if p.kind == "operative")
    return {"n_preamble": n_preamble, "n_operative": n_operative, "n_footnotes": len(resolution.footnotes)}


def compare(resolution: Resolution, truth: dict) -> dict[str, bool | None]:
    """Field -> right (True/False), or None when the truth does not say."""
    meeting = resolution.meeting.number if resolution.meeting else None
    truth_meeting = truth["meeting"]["number"] if truth.get("meeting") else None
    result: dict[str, bool | None] = {
        "symbol": resolution.symbol == truth["symbol"],
        "title": resolution.title == truth["title"],
        "session": resolution.session == truth["session"],
        "agenda_items": [item.number for item in resolution.agenda_items] == truth["agenda_items"],
        "issued": resolution.issued == truth["issued"],
        "adopted": resolution.adopted == truth["adopted"],
        "meeting": meeting == truth_meeting,
    }
    found = counts(resolution)
    for name in COUNT_FIELDS:
        result[name] = None if truth.get(name) is None else found[name] == truth[name]
    for name, value in extra_values(resolution).items():
        expected = truth.get(name)
        if name == "parts" and expected:
            expected = [
                {
                    "label": part.get("label"),
                    "adopted": part.get("adopted"),
                    "meeting": (part.get("meeting") or {}).get("number"),
                    "n_operative": part.get("n_operative"),
                }
                for part in expected
            ]
        result[name] = None if expected is None and name not in ("part_title",) else value == expected
    return result


def _items(paragraphs) -> int:
    return sum(len(p.items) + sum(len(item.items) for item in p.items) for p in paragraphs)


def extra_values(resolution: Resolution) -> dict[str, object]:
    """Further fields of the truth files, reported (not asserted) to keep the parser honest."""
    containers = [resolution, *resolution.parts]
    own = lambda paragraphs: [p for p in paragraphs if p.kind in ("preamble", "operative", "text")]  # noqa: E731
    n_sub = 0
    n_unnumbered = 0
    for container in containers:
        n_sub += _items(own(container.preamble)) + _items(own(container.operative))
        n_sub += sum(_items(own(s.preamble)) + _items(own(s.operative)) for s in container.sections)
        n_unnumbered += sum(1 for p in container.operative if p.kind == "text" and not _is_draft(p))
        n_unnumbered += sum(1 for s in container.sections for p in s.operative if p.kind == "text" and not _is_draft(p))
    parts = [
        {
            "label": part.label,
            "adopted": part.adopted,
            "meeting": part.meeting.number if part.meeting else None,
            "n_operative": sum(1 for p in part.operative if p.kind == "operative")
            + sum(1 for s in part.sections for p in s.operative if p.kind == "operative"),
        }
        for part in resolution.parts
    ]
    return {
        "number": resolution.number,
        "session_text": resolution.session_text,
        "proponent_line": resolution.proponent,
        "adopted_line": resolution.adopted_line,
        "agenda_item_names": [" ".join(item.title.split()) for item in resolution.agenda_items if item.title] or [],
        "part_title": resolution.part_title,
        "n_subparagraphs": n_sub,
        "n_operative_unnumbered": n_unnumbered,
        "n_annexes": len(resolution.annexes),
        "footnote_marks": [note.mark for note in resolution.footnotes],
        "parts": parts,
    }


def _is_draft(paragraph: Paragraph) -> bool:
    return "draft-" in paragraph.id


def sc_expectations(text: str) -> tuple[bool, str | None]:
    """Whether a Security Council text prints a meeting number in an adoption line, and its printed date."""
    has_meeting = bool(re.search(r"^Adopted\b[^\n]*\b(?:at|its) the [0-9Il]+[ _]?(?:st|nd|rd|th|d)\b", text, re.M)) or bool(
        re.search(r"^Adopted\b[^\n]*\bat its [0-9Il]+", text, re.M)
    )
    date = re.search(
        r"^(?:\d+ \(\d{4}\)\. )?(?:Resolution(?: \d+ \(\d{4}\))? *\n?)?of (\d{1,2} [A-Z][a-z]+ \d{4})", text, re.M
    ) or re.search(r"^\d+ \(\d{4}\)\. Resolution of (\d{1,2} [A-Z][a-z]+ \d{4})", text, re.M)
    from resolutions.parse.grammar import find_date

    return has_meeting, find_date(date.group(1)) if date else None


def symbol_from_name(path: Path) -> str:
    """The symbol a corpus file name encodes: ``S_RES_84_1950`` -> ``S/RES/84 (1950)``."""
    stem = path.stem
    sc = re.fullmatch(r"S_RES_(\d+)_(\d{4})", stem)
    if sc:
        return f"S/RES/{sc.group(1)} ({sc.group(2)})"
    dec = re.fullmatch(r"A_DEC_(\d+)_(\d+)(?:_(.+))?", stem)
    if dec:
        # "A_and_B" / "A_B_and_C": parts, written as a range like every other symbol (A-B, A-C).
        letters = re.findall(r"(?:^|_)([A-Z])(?=_|$)", dec.group(3) or "")
        suffix = f" {letters[0]}-{letters[-1]}" if len(letters) > 1 else (f" {letters[0]}" if letters else "")
        return f"A/DEC/{dec.group(1)}/{dec.group(2)}{suffix}"
    return stem.replace("_", "/")


def measure(corpus: Path, parse: Callable[[Path], Resolution] = parse_file) -> dict[str, Score]:
    """Scores per field over the corpus; ``parse`` gives a source's model (the tests pass their parses)."""
    scores: dict[str, Score] = {name: Score() for name in (*EXACT_FIELDS, *COUNT_FIELDS, "cited", *OTHER_FIELDS, *EXTRA_FIELDS)}
    for folder in ("ga", "ecosoc"):
        for truth_path in sorted((corpus / folder).rglob("*.truth.json")):
            source = truth_path.with_name(truth_path.name.replace(".truth.json", ".md"))
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            resolution = parse(source)
            label = str(source.relative_to(corpus))
            for name, ok in compare(resolution, truth).items():
                if ok is not None:
                    scores[name].add(ok, label)
            cited = {base_symbol(citation.symbol) for citation in resolution.citations}
            for symbol in truth.get("cited_resolutions") or ():
                scores["cited"].add(base_symbol(symbol) in cited, f"{label} {symbol}")
    for source in sorted((corpus / "sc").rglob("*.md")):
        resolution = parse(source)
        label = str(source.relative_to(corpus))
        scores["sc_symbol"].add(resolution.symbol == symbol_from_name(source), label)
        has_meeting, printed_date = sc_expectations(source.read_text(encoding="utf-8"))
        if has_meeting:
            scores["sc_meeting"].add(resolution.meeting is not None and resolution.meeting.number is not None, label)
        if printed_date:
            scores["sc_adopted"].add(resolution.adopted == printed_date, label)
    for source in sorted((corpus / "ga-decisions").rglob("*.md")):
        resolution = parse(source)
        label = str(source.relative_to(corpus))
        text = source.read_text(encoding="utf-8")
        scores["dec_symbol"].add(resolution.symbol == symbol_from_name(source), label)
        meeting_line = re.search(r"^(\d+)(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting *\n(\d{4}-\d\d-\d\d)", text, re.M)
        if meeting_line:
            # The first meeting line is the decision's, or in a decision adopted in parts one part's.
            meetings = [resolution.meeting, *(part.meeting for part in resolution.parts)]
            scores["dec_meeting"].add(
                any(m is not None and m.number == int(meeting_line.group(1)) for m in meetings), label
            )
            # Its date is the decision's first, unless it falls outside the session (then it is not shown).
            limits = adoption.session_range(resolution.body, resolution.session)
            printed = meeting_line.group(2)
            plausible = limits is None or limits[0] <= printed <= limits[1]
            first = min((m.date for m in meetings if m is not None and m.date), default=resolution.adopted)
            scores["dec_adopted"].add((resolution.adopted == printed or first == printed) if plausible
                                      else resolution.adopted != printed, label)
    return scores


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_CORPUS
    show = argv[argv.index("--misses") + 1] if "--misses" in argv else None
    if not corpus.is_dir():
        print(f"no corpus at {corpus}")
        return 2
    scores = measure(corpus)
    print(f"{'field':<14} {'right':>6} {'total':>6} {'accuracy':>9} {'target':>7}")
    failed = False
    for name, score in scores.items():
        if name in EXTRA_FIELDS:
            print(f"{name:<14} {score.right:>6} {score.total:>6} {score.ratio:>9.2%} {'(info)':>7}")
            continue
        target = THRESHOLDS.get(name, OTHER_THRESHOLD)
        ok = score.ratio >= target
        failed |= not ok
        print(f"{name:<14} {score.right:>6} {score.total:>6} {score.ratio:>9.2%} {target:>7.1%} {'' if ok else 'BELOW'}")
    if show:
        for miss in scores[show].misses[:40]:
            print("  miss:", miss)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
