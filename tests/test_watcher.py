"""The preview's watcher: file events replace MkDocs' polling; an edit triggers a rebuild, reading does not.

MkDocs' own live-reload server is used (never started as a web server): its ``watch`` schedules the handler
that asks for a rebuild, and ``_want_rebuild`` is the flag that handler sets.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from resolutions.mkdocs_adapter.speed.watcher import ChangesObserver, use_file_events


@pytest.fixture()
def server(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "A_RES_1_1.md").write_text("first\n", encoding="utf-8")
    live = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    live.watch(str(docs))
    live.watch(str(docs))  # MkDocs counts repeated watches of one path
    yield live, docs
    live.observer.stop()
    live.server_close()


def wants_rebuild_within(live: LiveReloadServer, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if live._want_rebuild:
            return True
        time.sleep(0.02)
    return False


def test_the_watches_move_to_an_event_observer(server) -> None:
    live, docs = server
    assert use_file_events(live, [str(docs), str(docs.parent / "not-watched")])
    assert isinstance(live.observer, ChangesObserver)
    assert live._watched_paths == {str(docs): 2}


def test_an_edit_asks_for_a_rebuild_and_reading_a_file_does_not(server) -> None:
    live, docs = server
    use_file_events(live, [str(docs)])
    live.observer.start()
    time.sleep(0.2)
    (docs / "A_RES_1_1.md").read_text(encoding="utf-8")  # MkDocs reads sources at every build
    assert not wants_rebuild_within(live, 1.0), "reading a source must not start another build"
    (docs / "A_RES_1_1.md").write_text("edited\n", encoding="utf-8")
    assert wants_rebuild_within(live, 5.0)


def test_a_server_without_readable_watches_is_left_as_it_was() -> None:
    class Other:
        observer = object()

    other = Other()
    assert not use_file_events(other, ["docs"])
    assert isinstance(other.observer, object) and not isinstance(other.observer, ChangesObserver)
