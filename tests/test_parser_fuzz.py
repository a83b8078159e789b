"""Random mutations of real texts never make the parser raise (hypothesis).

The sample ships with the project; corpus files are used when ``../shared/corpus`` is present
(the tests that need them skip with a clear reason otherwise).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.model import ERROR, INFO, WARNING
from resolutions.parse.parser import parse

# Fragments that steer mutations towards the parser's own grammar rather than random noise.
_GRAMMAR_PIECES = [
    "\n\n", "  \n", "\n---\n", "<sup>1</sup>", "<sup>", "</sup>", "[^1]", "[^1]: ", "1/ ", "* ", "\\*",
    "1. ", "(a) ", "(i) ", "A  \n", "I  \n", "Annex\n", "| a | b |\n|---|---|\n", "84th plenary meeting  \n",
    "Adopted unanimously at the 179Ist meeting.", "The General Assembly,", "[without reference (A/1/L.1)]",
    "Agenda items 20 and 78 (a)", "Fifty-first session", "51/148. ", "S/RES/1 (1946)", "\x00", "\ufeff", "\r\n",
    "<!-- comment -->", "> ", "```", "**", "\u200e", "2017-10-03", "13 December 1996",
]


@st.composite
def mutated(draw, text: str) -> str:
    """``text`` with a few random cuts, duplications and insertions of grammar pieces or noise."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate", "noise"]))
        if not lines:
            lines = [""]
        position = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if action == "delete":
            del lines[position]
        elif action == "duplicate":
            lines.insert(position, lines[position])
        elif action == "insert":
            lines.insert(position, draw(st.sampled_from(_GRAMMAR_PIECES)))
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[position], lines[other] = lines[other], lines[position]
        elif action == "truncate":
            line = lines[position]
            lines[position] = line[: draw(st.integers(min_value=0, max_value=len(line)))]
        elif action == "noise":
            line = lines[position]
            cut = draw(st.integers(min_value=0, max_value=len(line)))
            noise = draw(st.text(max_size=12))
            lines[position] = line[:cut] + noise + line[cut:]
    return "\n".join(lines)


def _check(resolution) -> None:
    assert isinstance(resolution.title, str)
    for diagnostic in resolution.diagnostics:
        assert diagnostic.severity in (ERROR, WARNING, INFO)
        assert diagnostic.line >= 0
        assert diagnostic.format().endswith(f"[{diagnostic.code}]")
    for paragraph in (*resolution.preamble, *resolution.operative, *resolution.unplaced):
        for mark in paragraph.marks:
            assert 0 <= mark.start <= mark.end <= len(paragraph.text)


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_mutations_of_the_sample_never_raise(sample_path: Path):
    text = sample_path.read_text(encoding="utf-8")

    @_SETTINGS
    @given(mutated(text))
    def run(mutant: str) -> None:
        _check(parse(mutant, "mutant.md"))

    run()


def _corpus_texts(corpus_dir: Path) -> list[str]:
    # A fixed, varied handful: each folder's first files (GA parts, SC OCR, ECOSOC, decisions).
    picked = []
    for folder in ("ga/74", "ga/75", "ecosoc/2021", "sc/1940s", "sc/1970s", "ga-decisions/74"):
        picked += sorted((corpus_dir / folder).glob("*.md"))[:3]
    picked += sorted((corpus_dir / "ga" / "75").glob("*_A-*.md"))[:2]
    return [path.read_text(encoding="utf-8") for path in picked]


@pytest.mark.corpus
def test_mutations_of_corpus_files_never_raise(corpus_dir: Path):
    texts = _corpus_texts(corpus_dir)
    assert texts

    @_SETTINGS
    @given(st.sampled_from(texts).flatmap(mutated))
    def run(mutant: str) -> None:
        _check(parse(mutant, "mutant.md"))

    run()


@_SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str):
    _check(parse(text, "arbitrary.md"))
