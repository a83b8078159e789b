"""One function run in a forked child process while this process goes on (issue 5).

Responsibility: start a call in a child made by ``fork()`` and later collect its result (any picklable value),
or learn that it failed. Fork, not spawn: the child starts at once, with this process's modules and state as
they are, nothing imported or pickled again. Memory is shared only until either process writes to a page
(copy-on-write), and CPython writes to every object it touches (if only its reference count), so fork while
this process is small: forked after the parse of 20,000 resolutions, both processes soon held a copy of the
heap (``gc.freeze()`` before the fork made no measurable difference, so it is not done).

Fork is used only where it is safe: on Linux (macOS can only fork a process that never used its system
frameworks; Windows cannot fork), and from a process with a single thread (the child gets only the calling
thread: a lock another thread held at that moment would stay locked in the child forever).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import traceback
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


def fork_is_safe() -> bool:
    """Whether this process can fork a child here and now (see the module docstring)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class ForkedCall(Generic[T]):
    """``function()`` running in a child process from construction; ``result()`` waits for its value."""

    def __init__(self, function: Callable[[], T]) -> None:
        if not fork_is_safe():
            raise RuntimeError("fork is not safe in this process (not Linux, or more than one thread)")
        for stream in (sys.stdout, sys.stderr):  # else the child would print the parent's buffered output again
            stream.flush()
        read_end, write_end = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _run_child(function, write_end, parent)
        os.close(write_end)
        self._pid: int | None = pid
        self._read_end = read_end

    def result(self) -> T | None:
        """The child's return value, once it has finished; None when it raised or was killed (its traceback,
        if any, is on stderr). Called once."""
        if self._pid is None:
            return None
        with os.fdopen(self._read_end, "rb") as pipe:
            data = pipe.read()  # read before waiting: a child blocked on a full pipe would never exit
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            return None
        return pickle.loads(data)

    def cancel(self) -> None:
        """Stop the child at once (the build it worked for has failed); nothing it returned is read."""
        if self._pid is None:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:  # already gone
            pass
        os.waitpid(self._pid, 0)
        os.close(self._read_end)
        self._pid = None


def _run_child(function: Callable[[], object], write_end: int, parent: int) -> None:
    status = 1
    try:
        value = function()
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BrokenPipeError:
        pass  # the parent closed its end: it was killed, or cancelled this call; no one wants the result
    except BaseException:  # noqa: BLE001 (Ctrl-C included: the parent sees a failed child and carries on)
        # A parent that was killed (its build stopped) cut the pipe mid-message and reads no traceback: the
        # child ends quietly. Only a failure the parent will see is printed.
        if not _gone(parent):
            traceback.print_exc()
    finally:
        # No atexit handlers, no flushing of the parent's inherited buffers, no cleanup of its objects.
        os._exit(status)


def _gone(pid: int) -> bool:
    """Whether the parent ``pid`` has died: this process was handed to another, or the parent is a zombie
    (dead, its pipes closed, not yet reaped: the moment a killed parent's child notices)."""
    if os.getppid() != pid:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] in (b"Z", b"X")
    except (OSError, IndexError):
        return True
