"""Accuracy of the parser on the development corpus, per field, against fixed thresholds.

Uses ``bench/accuracy.py`` (which also prints the table: ``.venv/bin/python bench/accuracy.py``).
Skips with a clear reason when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH_ACCURACY = Path(__file__).resolve().parent.parent / "bench" / "accuracy.py"

pytestmark = pytest.mark.corpus


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("bench_accuracy", BENCH_ACCURACY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def accuracy():
    return _accuracy_module()


@pytest.fixture(scope="module")
def scores(corpus_dir, corpus_parsed, accuracy):
    return accuracy.measure(corpus_dir, parse=corpus_parsed.__getitem__)


@pytest.mark.parametrize(
    "field",
    [
        "symbol", "title", "session", "agenda_items", "issued", "adopted", "meeting",
        "n_preamble", "n_operative", "n_footnotes", "cited",
    ],
)
def test_ga_and_ecosoc_field_accuracy(scores, accuracy, field):
    score = scores[field]
    assert score.total > 900, f"{field}: only {score.total} cases checked"
    target = accuracy.THRESHOLDS[field]
    assert score.ratio >= target, f"{field}: {score.ratio:.2%} < {target:.1%}; misses: {score.misses[:10]}"


@pytest.mark.parametrize(
    "field", ["sc_symbol", "sc_meeting", "sc_adopted", "dec_symbol", "dec_meeting", "dec_adopted"]
)
def test_security_council_and_decision_accuracy(scores, accuracy, field):
    score = scores[field]
    assert score.total > 300, f"{field}: only {score.total} cases checked"
    assert score.ratio >= accuracy.OTHER_THRESHOLD, f"{field}: {score.ratio:.2%}; misses: {score.misses[:10]}"


def test_no_error_diagnostics_on_the_corpus(corpus_parsed):
    from resolutions.model import ERROR

    errors = [d.format() for res in corpus_parsed.values() for d in res.diagnostics if d.severity == ERROR]
    assert errors == []
