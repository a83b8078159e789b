"""Shared fixtures: where the project and the development corpus are."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "content" / "resolutions" / "A_RES_51_148.md"

NO_CORPUS_REASON = "../shared/corpus is absent (a fresh clone without the shared development corpus)"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The development corpus; tests that need it skip with a clear reason when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS_REASON)
    return CORPUS


def corpus_sources(corpus: Path) -> list[Path]:
    """The resolution sources of the corpus, in a stable order (its README is not a resolution)."""
    return sorted(path for path in corpus.rglob("*.md") if path.name != "README.md")


@pytest.fixture(scope="session")
def corpus_parsed(corpus_dir):
    """Every corpus file parsed once for the whole run, by path: several test modules check the same parses,
    and parsing the corpus is the slowest step of the suite. Worker processes share the work; each test that
    uses it still asserts on its own."""
    from resolutions.parse.parser import parse_file

    sources = corpus_sources(corpus_dir)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip(sources, pool.map(parse_file, sources, chunksize=64)))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The sample resolution A/RES/51/148 shipped in content/."""
    return SAMPLE

