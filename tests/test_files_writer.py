"""Generated files created by a writer process (issue 5).

What a user relies on: ``mkdocs build`` gives the same site, byte for byte, whether the data files, redirects
and search index were created by the writer process or by the build process itself; a redirect never takes
the place of a page; nothing is written outside the site folder, and every refusal is reported by the build
process (so ``--strict`` counts it); a writer that fails loses nothing; a failed build stops it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import bench_scripts
from resolutions.mkdocs_adapter.speed import files_writer
from resolutions.mkdocs_adapter.speed.files_writer import GeneratedFilesWriter
from resolutions.mkdocs_adapter.speed.forked import ForkedCall, fork_is_safe
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fork_allowed() -> None:
    """Asked when the test runs: a thread another test left running makes forking unsafe (forked.py)."""
    if not fork_is_safe():
        running = ", ".join(thread.name for thread in threading.enumerate())
        pytest.skip(f"forking is used on Linux only, from a process with a single thread (running: {running})")


needs_fork = pytest.mark.usefixtures("fork_allowed")


# --- forked: one call in a child process ---------------------------------------------------------------------


@needs_fork
def test_a_forked_call_returns_the_childs_value_not_run_here() -> None:
    parent = os.getpid()
    call = ForkedCall(lambda: {"pid": os.getpid(), "sum": sum(range(10))})
    value = call.result()
    assert value is not None and value["sum"] == 45 and value["pid"] != parent


@needs_fork
def test_a_child_that_raises_gives_none_and_its_traceback(capfd) -> None:
    def fails() -> None:
        raise ValueError("broken content callable")

    assert ForkedCall(fails).result() is None
    assert "ValueError: broken content callable" in capfd.readouterr().err


def _process_exists(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


@needs_fork
def test_cancel_stops_a_child_at_once() -> None:
    call = ForkedCall(lambda: time.sleep(60))
    pid = call._pid
    assert pid is not None and _process_exists(pid)
    started = time.monotonic()
    call.cancel()
    assert time.monotonic() - started < 10
    assert not _process_exists(pid)  # killed and reaped
    assert call.result() is None


def test_fork_is_not_safe_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_is_safe()
        with pytest.raises(RuntimeError):
            ForkedCall(lambda: None)
    finally:
        stop.set()
        thread.join()


# --- the writer ----------------------------------------------------------------------------------------------


def _items() -> list[GeneratedFile | GeneratedFolder]:
    def search_files() -> list[GeneratedFile]:
        return [GeneratedFile("search-index/terms-0.json", '{"a": [1]}'), GeneratedFile("search-index/meta.json", "{}")]

    return [
        GeneratedFile("resolutions.json", lambda: iter(['{"resolutions": [', "", "]}"])),
        GeneratedFile("A/RES/51/148/index.json", b"{}"),
        GeneratedFile("a/res/51/148/index.html", "<p>redirect</p>", replace_existing=False),
        GeneratedFile("page/index.html", "<p>redirect where a page is</p>", replace_existing=False),
        GeneratedFile("../escaped.txt", "x"),
        GeneratedFile("big.bin", lambda: (bytes([n]) * 300_000 for n in range(8))),
        GeneratedFolder("search-index/", search_files),
    ]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("parallel", [True, False])
def test_the_writer_writes_the_same_files_either_way_and_reports_refusals(tmp_path: Path, parallel: bool) -> None:
    site = tmp_path / "site"
    writer = GeneratedFilesWriter()
    writer.start(str(site), parallel=parallel)
    assert writer.in_parallel == (parallel and fork_is_safe())
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text("<p>the page MkDocs wrote</p>", encoding="utf-8")
    problems = writer.finish(_items())
    assert problems == ["refusing to write '../escaped.txt' outside the site folder"]
    assert _tree(site) == {
        "A/RES/51/148/index.json": b"{}",
        "a/res/51/148/index.html": b"<p>redirect</p>",
        "big.bin": b"".join(bytes([n]) * 300_000 for n in range(8)),
        "page/index.html": b"<p>the page MkDocs wrote</p>",  # a redirect never replaces a page
        "resolutions.json": b'{"resolutions": []}',
        "search-index/meta.json": b"{}",
        "search-index/terms-0.json": b'{"a": [1]}',
    }
    assert not (tmp_path / "escaped.txt").exists()


@needs_fork
def test_the_writer_refuses_a_folder_that_is_a_link_out_of_the_site(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside"
    outside.mkdir()
    writer = GeneratedFilesWriter()
    writer.start(str(site), parallel=True)
    site.mkdir(exist_ok=True)
    (site / "A").symlink_to(outside, target_is_directory=True)
    problems = writer.finish([GeneratedFile("A/RES/1/index.json", "{}")])
    assert problems == ["refusing to write 'A/RES/1/index.json': a link on its way leads outside the site folder"]
    assert list(outside.iterdir()) == []


def _broken_writer(site_dir: str, read_end: int, write_end: int) -> list[str]:
    os.close(write_end)
    os.close(read_end)
    raise OSError("disk full in the writer")


@needs_fork
def test_a_failed_writer_loses_nothing(tmp_path: Path, capfd, monkeypatch) -> None:
    monkeypatch.setattr(files_writer, "_write_received", _broken_writer)
    site = tmp_path / "site"
    writer = GeneratedFilesWriter()
    writer.start(str(site), parallel=True)
    assert writer.in_parallel
    assert writer.finish([GeneratedFile("feed.xml", "written by the build process")]) == []
    assert (site / "feed.xml").read_text(encoding="utf-8") == "written by the build process"
    assert "disk full in the writer" in capfd.readouterr().err


@needs_fork
def test_a_failed_build_stops_the_writer(tmp_path: Path) -> None:
    writer = GeneratedFilesWriter()
    writer.start(str(tmp_path / "site"), parallel=True)
    child = writer._child
    assert child is not None and child._pid is not None
    pid = child._pid
    writer.cancel()
    assert not writer.in_parallel and not _process_exists(pid) and child.result() is None
    assert writer.finish([]) == []


# --- the plugin: the same site either way --------------------------------------------------------------------

MKDOCS_YML = """\
site_name: Parallel files test
site_url: https://example.org/un/
docs_dir: docs
site_dir: {site_dir}
theme:
  name: material
  custom_dir: {templates}
plugins:
  - resolutions:
      folder: resolutions
      cache_dir: ""
      parallel_files: {parallel}
"""


def _synthetic_docs(root: Path) -> Path:
    docs = root / "docs"
    bench_scripts.load("generate").write_collection(docs / "resolutions", 40, 5, 120)
    (docs / "index.md").write_text("# Synthetic\n", encoding="utf-8")
    return docs


def _build(root: Path, parallel: bool) -> tuple[Path, object]:
    site = root / f"site-{'parallel' if parallel else 'serial'}"
    config_file = root / "mkdocs.yml"
    config_file.write_text(MKDOCS_YML.format(site_dir=site, templates=ROOT / "site_templates",
                                             parallel="true" if parallel else "false"), encoding="utf-8")
    config = load_config(str(config_file))
    build(config)
    return site, config.plugins["resolutions"]


@needs_fork
def test_a_build_with_a_second_process_equals_one_without(tmp_path: Path, monkeypatch) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    children: list[ForkedCall] = []

    class CountedCall(ForkedCall):
        def __init__(self, function):
            children.append(self)
            super().__init__(function)

    monkeypatch.setattr(files_writer, "ForkedCall", CountedCall)
    _synthetic_docs(tmp_path)
    serial, _ = _build(tmp_path, parallel=False)
    assert children == []
    parallel, plugin = _build(tmp_path, parallel=True)
    assert len(children) == 1
    serial_files, parallel_files = _tree(serial), _tree(parallel)
    assert sorted(parallel_files) == sorted(serial_files)
    assert [path for path in serial_files if parallel_files[path] != serial_files[path]] == []
    # The writer's share is there: a JSON twin beside each resolution page, the redirects, the search index.
    page_urls = [source.page_url for source in plugin.sources.values()]
    assert len(page_urls) >= 35
    assert all(url + "index.json" in parallel_files for url in page_urls)
    assert any(p.startswith("a/res/") for p in parallel_files)
    assert any(p.startswith("search-index/") for p in parallel_files)



def _documents() -> list:
    from resolutions.data.search_index import SearchDocument

    return [SearchDocument(url=f"A/RES/60/{n}/", symbol=f"A/RES/60/{n}", title=f"Water and sanitation {n}",
                           date="2005-11-03", keys=(f"a/res/60/{n}",),
                           blocks=(("pp-1", f"Recalling clean water number {n}"), ("para-1", "Decides to act")))
            for n in range(1, 150)]


@pytest.mark.parametrize("parallel", [True, False])
def test_the_search_index_made_by_the_writer_equals_the_one_made_here(tmp_path: Path, parallel: bool) -> None:
    from resolutions.data.search_index import build_search_files

    documents = _documents()
    expected = {f.dest_uri: f.data() for f in build_search_files(documents)}
    site = tmp_path / "site"
    writer = GeneratedFilesWriter()
    writer.start(str(site), parallel=parallel)
    folder = GeneratedFolder("search-index/", lambda: build_search_files(documents))
    writer.make_search_index(folder, iter(documents))
    assert writer.finish([GeneratedFile("feed.xml", "<feed/>"), folder]) == []
    written = _tree(site)
    assert written.pop("feed.xml") == b"<feed/>"
    assert written == expected


@needs_fork
def test_a_writer_that_died_before_the_search_index_loses_nothing(tmp_path: Path, monkeypatch, capfd) -> None:
    from resolutions.data.search_index import build_search_files

    monkeypatch.setattr(files_writer, "_write_received", _broken_writer)
    documents = _documents()
    site = tmp_path / "site"
    writer = GeneratedFilesWriter()
    writer.start(str(site), parallel=True)
    time.sleep(0.5)  # the writer has died: the pipe is broken
    folder = GeneratedFolder("search-index/", lambda: build_search_files(documents))
    writer.make_search_index(folder, iter(documents))
    documents_file = Path(writer._documents_path)
    assert writer.finish([folder]) == []
    assert _tree(site) == {f.dest_uri: f.data() for f in build_search_files(documents)}
    assert not documents_file.exists()  # the temporary file of documents is removed


def test_no_room_for_the_search_documents_makes_the_index_here(tmp_path: Path, monkeypatch) -> None:
    from resolutions.data.search_index import build_search_files

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    documents = _documents()
    site = tmp_path / "site"
    writer = GeneratedFilesWriter()
    writer.start(str(site), parallel=True)
    monkeypatch.setattr(files_writer.tempfile, "mkstemp", full_disk)
    folder = GeneratedFolder("search-index/", lambda: build_search_files(documents))
    writer.make_search_index(folder, iter(documents))
    assert writer.finish([folder]) == []
    assert _tree(site) == {f.dest_uri: f.data() for f in build_search_files(documents)}
