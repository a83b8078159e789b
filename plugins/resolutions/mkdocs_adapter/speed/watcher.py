"""Under ``mkdocs serve``: notice edits through the operating system's file events instead of polling.

Responsibility: give MkDocs' preview server a watchdog observer driven by file events (inotify on Linux,
FSEvents on macOS, ReadDirectoryChangesW on Windows) in place of its polling observer, for the paths it
already watches. MkDocs polls: twice a second it lists and stats every file under ``docs_dir``. With 5,000
resolutions each walk took about a quarter of a second of Python, in the same process as the rebuild, so
polling alone cost as much CPU as the rebuild it triggers, and added up to half a second before it started
(an edit must show in the browser in under 2 s).

Only events that change a file trigger a rebuild: a file being opened or read (MkDocs reads the hand-written
pages at every build) must not, or every build would start the next one.

Some file systems deliver no events (network drives, WSL's ``/mnt/c``, folders mounted into some
containers), and a tree of many thousands of folders can exceed the system's number of watches: the plugin
option ``watch_file_events: false`` keeps MkDocs' polling there.
"""

from __future__ import annotations

import logging
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.plugins.resolutions")

CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
           DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
"""Events that mean a file changed (opening and reading a file are left out)."""



class ChangesObserver(Observer):  # type: ignore[misc, valid-type]  (Observer is the platform's class)
    """The platform's event-driven observer, reporting only ``CHANGES`` for every watch scheduled on it."""

    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                 event_filter: Any = None, **options: Any) -> Any:
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES, **options)


def use_file_events(server: Any, watched: list[str]) -> bool:
    """Move the ``watched`` paths of MkDocs' live-reload ``server`` (not started yet) to a ``ChangesObserver``.

    ``watched`` are the paths MkDocs watches before ``on_serve`` (``mkdocs serve`` watches ``config.watch``
    after it, on the observer set here); a theme folder it does not watch (no ``--watch-theme``) is left out,
    which ``unwatch`` tells by its ``KeyError``: the server lists its watches in no public attribute.
    Returns False, leaving the server as it was, when it has no ``observer`` to replace."""
    if not (hasattr(server, "observer") and hasattr(server, "unwatch") and hasattr(server, "watch")):
        return False
    counts = {path: _unwatch_all(server, path) for path in dict.fromkeys(watched)}
    server.observer = ChangesObserver()
    for path, count in counts.items():
        for _ in range(count):  # MkDocs counts repeated watches of one path
            server.watch(path)
    return True


def _unwatch_all(server: Any, path: str) -> int:
    """Remove every watch of ``path``; how many there were."""
    count = 0
    while True:
        try:
            server.unwatch(path)
        except KeyError:  # no (more) watch of it
            return count
        count += 1
