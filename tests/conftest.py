"""Shared fixtures (where the project and the development corpus are, the corpus parsed and built once) and how
the suite is spread over pytest-xdist's workers (``python3 dev.py test`` runs ``-n auto --dist loadscope``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "content" / "resolutions" / "A_RES_51_148.md"
ARTIFACTS = ROOT / "artifacts"
"""What tests leave for a person to look at (the browser tests' screenshots and PDF); CI keeps the folder."""

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


@dataclass
class CorpusSite:
    """The whole corpus built as one site: its folder (``root/site``), how the build ended, what it logged."""

    root: Path
    returncode: int
    lines: list[str]


@pytest.fixture(scope="session")
def corpus_site(corpus_dir, tmp_path_factory) -> CorpusSite:
    """One strict build of the whole corpus (the Pagefind index included) for the whole run: tests/test_corpus_site.py
    checks the build and its links, tests/browser/test_search_journey.py runs the query set on its search."""
    from test_site_build import MKDOCS_YML

    root = tmp_path_factory.mktemp("corpus-site")
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Corpus\n", encoding="utf-8")
    (docs / "resolutions").symlink_to(corpus_dir, target_is_directory=True)
    # Material's search plugin is left out: the resolutions plugin writes its own index.
    config = MKDOCS_YML.replace("  - search\n", "")
    # The corpus is linked in from outside docs_dir: the plugin builds such a link only when allowed.
    config = config.replace("      folder: resolutions\n", "      folder: resolutions\n      allow_links_outside_docs: true\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    return CorpusSite(root, done.returncode, (done.stdout + done.stderr).splitlines())


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The sample resolution A/RES/51/148 shipped in content/."""
    return SAMPLE


# ------------------------------------------------------------------------------------ one worker per costly setup
# A session or module fixture is made once in each xdist worker that runs a test using it. ``--dist loadscope``
# sends each module's tests to one worker (its module fixtures are made once); the scheduler below also keeps
# together the tests of the two costly session fixtures: the corpus (parsed, and built as a whole site) and the
# browser tests' served site. The scopes are read from test ids alone (xdist's controller collects nothing), so
# the lists are checked against the fixtures each test really uses when the workers collect.

CORPUS_TESTS = (
    "tests/browser/test_search_journey.py::test_the_query_set_meets_its_targets_on_the_whole_corpus",
    "tests/browser/test_search_journey.py::test_an_excerpt_shows_where_the_words_of_a_query_stand_together",
    "tests/browser/test_search_journey.py::test_a_query_no_resolution_has_every_word_of_lists_those_with_some_of_them",
    "tests/test_corpus_accuracy.py::",
    "tests/test_corpus_reader_facts.py::",
    "tests/test_corpus_site.py::",
    "tests/test_export.py::",
    "tests/test_nothing_lost.py::",
    "tests/test_parser_ocr_shapes.py::",
    "tests/test_series_corpus.py::",
)
"""The tests (by id prefix) that use ``corpus_parsed`` or ``corpus_site``, with their modules."""
BROWSER_SITE_TESTS = "tests/browser/"
"""Every browser test module uses the one served ``browser_site`` but these, which serve sites of their own."""
OWN_SITE_MODULES = ("tests/browser/test_preview.py::",)


def xdist_scope(nodeid: str) -> str:
    """The worker-sharing unit of a test: "corpus", "browser-site" or its module."""
    if nodeid.startswith(CORPUS_TESTS):
        return "corpus"
    if nodeid.startswith(BROWSER_SITE_TESTS) and not nodeid.startswith(OWN_SITE_MODULES):
        return "browser-site"
    return nodeid.split("::")[0]


@pytest.hookimpl(optionalhook=True)  # a hook of xdist's: unknown when it is not loaded (-p no:xdist)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class CostlyFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_scope(nodeid)

    return CostlyFixtureScheduling(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    misplaced = []
    for item in items:
        uses = set(item.fixturenames)  # with the fixtures its fixtures use
        if uses & {"corpus_parsed", "corpus_site"} and xdist_scope(item.nodeid) != "corpus":
            misplaced.append(f"{item.nodeid} uses the corpus: add it to CORPUS_TESTS")
        elif "browser_site" in uses and xdist_scope(item.nodeid) != "browser-site":
            misplaced.append(f"{item.nodeid} uses browser_site: take its module out of OWN_SITE_MODULES")
    if misplaced:
        raise pytest.UsageError("tests/conftest.py: " + "\n".join(misplaced))
    # The scopes go out in the order of their first test (dev.py turns xdist's largest-first order off): the
    # slowest single tests first, so that none is left running alone at the end.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# ------------------------------------------------------------------------------------ what the run left to look at
_STARTED = pytest.StashKey[float]()


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_STARTED] = time.time()


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    # Read from the folder, not from the tests: under xdist they run in other processes.
    started = config.stash.get(_STARTED, time.time())
    written = sorted(path for path in ARTIFACTS.rglob("*") if path.is_file() and path.stat().st_mtime >= started)
    if written:
        terminalreporter.section("artifacts")
        for path in written:
            terminalreporter.write_line(str(path.relative_to(ROOT)))
