"""Shared fixtures: where the project and the development corpus are."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The sample resolution A/RES/51/148 shipped in content/."""
    return SAMPLE


def pytest_collection_modifyitems(config, items) -> None:
    """Browser tests run last. Their session fixtures keep a server thread and Playwright's threads alive to
    the end of the run, and a process with threads never forks (mkdocs_adapter/forked.py): the builds of the
    other tests then run as a user's do, with their writer process, and its tests are not skipped."""
    items.sort(key=lambda item: "browser" in item.path.parts)  # a stable sort: the order is otherwise kept
