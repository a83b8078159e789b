"""Shared fixtures (where the project and the development corpus are, the corpus parsed and built once) and how
the suite is spread over pytest-xdist's workers (``python3 dev.py test`` runs ``-n auto --dist loadgroup``)."""

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
# A session or module fixture is made once per xdist worker that runs a test using it. The costly ones are kept
# on one worker each by an ``xdist_group``: the corpus (parsed, and built as a whole site), the browser test site,
# and every module's own module-scoped builds. The rest is shared out test by test.

CORPUS_FIXTURES = {"corpus_parsed", "corpus_site"}


def _costly_group(item: pytest.Item) -> str | None:
    names = set(item.fixturenames)  # with the fixtures those fixtures use
    if names & CORPUS_FIXTURES:
        return "corpus"
    if "browser_site" in names:
        return "browser-site"
    return None


def _uses_a_module_fixture(item: pytest.Item) -> bool:
    definitions = getattr(item, "_fixtureinfo", None)
    if definitions is None:
        return False
    return any(defs and defs[-1].scope in {"module", "class", "package"}
               for defs in definitions.name2fixturedefs.values())


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if getattr(config.option, "dist", "no") != "loadgroup":
        return
    module_group: dict[str, str] = {}
    for item in items:
        group = _costly_group(item)
        if group is not None:
            module_group.setdefault(item.nodeid.split("::")[0], group)
    for item in items:
        module = item.nodeid.split("::")[0]
        group = _costly_group(item)
        if group is None and _uses_a_module_fixture(item):
            # The module's fixture is made where its other tests run.
            group = module_group.get(module, module)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
    # Groups go out largest first, then single tests in this order: the slowest single ones first, so that
    # none of them is left running alone at the end.
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
