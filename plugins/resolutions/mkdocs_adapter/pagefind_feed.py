"""Feed Pagefind's indexing service with records and have it write the search bundle: a process of its own.

    python -m resolutions.mkdocs_adapter.pagefind_feed RECORDS OUTPUT_DIR

Responsibility: run ``pagefind --service`` (the binary of the ``pagefind-bin`` package), send it every record
of RECORDS (a file of JSON lines ``[url, html]``, deleted once read), then ask it to write the bundle into
OUTPUT_DIR; exit 0 when it did, else 1 with the reasons on stderr, one line each.

Why a process and not the ``pagefind`` package's asyncio client: that client waits 0.1 s before reading each
answer (measured: ~100 ms per record, 30 minutes for 20,000 pages), and a thread writing into a pipe in the
build's own process would slow the build (the GIL) and make forking there unsafe. Here the records go down the
pipe while a thread reads the answers as they come: Pagefind indexes ~3 ms a page on its own core.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from typing import BinaryIO

SECONDS_TO_FINISH = 600
"""How long the service may take to finish writing after its last answer."""

CONFIG = {"force_language": "en"}
"""Every page is in English; Pagefind need not detect it page by page."""


def pagefind_binary() -> str:
    """Path of the Pagefind binary shipped by ``pagefind-bin`` (``PAGEFIND_BINARY_PATH`` overrides it)."""
    configured = os.environ.get("PAGEFIND_BINARY_PATH")
    if configured:
        return configured
    from pagefind_bin import get_executable  # the binary package; ImportError when it is not installed

    return str(get_executable())


def _message(number: int, payload: bytes) -> bytes:
    return base64.b64encode(b'{"message_id":%d,"payload":%s}' % (number, payload)) + b","


class _Answers:
    """Reads Pagefind's answers (base64 JSON, each followed by a comma) in a thread; keeps errors and the last."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.errors: list[str] = []
        self.received: dict[int, dict] = {}
        self.count = 0
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._read, name="pagefind-answers", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        pending = b""
        while chunk := self._stream.read1(1 << 16):
            pending += chunk
            *complete, pending = pending.split(b",")
            with self._ready:
                for encoded in complete:
                    answer = json.loads(base64.b64decode(encoded))
                    payload = answer.get("payload") or {}
                    if payload.get("type") == "Error":
                        self.errors.append(f"{payload.get('message')} ({(payload.get('original_message') or '')[:200]})")
                    self.received[answer.get("message_id") or 0] = payload
                    self.count += 1
                self._ready.notify_all()
        with self._ready:
            self.received[-1] = {"type": "Closed"}
            self._ready.notify_all()

    def wait_for(self, number: int) -> dict:
        with self._ready:
            while number not in self.received and -1 not in self.received:
                self._ready.wait()
            return self.received.get(number, {"type": "Error", "message": "Pagefind stopped"})

    def wait_for_all(self, numbers: range) -> None:
        """Until every message of ``numbers`` is answered (or the service has stopped)."""
        with self._ready:
            while -1 not in self.received and not all(number in self.received for number in numbers):
                self._ready.wait()


def build_bundle(records_path: str, output_dir: str) -> list[str]:
    """Index the records of ``records_path`` and write the bundle to ``output_dir``; the problems (none: done)."""
    service = subprocess.Popen([pagefind_binary(), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               bufsize=1 << 20)
    assert service.stdin is not None and service.stdout is not None
    answers = _Answers(service.stdout)
    try:
        service.stdin.write(_message(1, json.dumps({"type": "NewIndex", "config": CONFIG}).encode()))
        service.stdin.flush()
        created = answers.wait_for(1)
        if created.get("type") != "NewIndex":
            return [f"Pagefind did not start an index: {created}"]
        index_id = created["index_id"]
        number = 1
        with open(records_path, "rb") as lines:
            os.remove(records_path)  # (still readable while open)
            for line in lines:
                url, html = json.loads(line)
                number += 1
                payload = {"type": "AddFile", "index_id": index_id, "url": url, "file_path": None,
                           "file_contents": html}
                service.stdin.write(_message(number, json.dumps(payload).encode()))
        # The service answers its messages concurrently: writing the bundle before every page is indexed
        # left a bundle with missing or empty files now and then.
        service.stdin.flush()
        answers.wait_for_all(range(2, number + 1))
        number += 1
        write = {"type": "WriteFiles", "index_id": index_id, "output_path": os.path.abspath(output_dir)}
        service.stdin.write(_message(number, json.dumps(write).encode()))
        service.stdin.flush()
        written = answers.wait_for(number)
        problems = list(answers.errors)
        if written.get("type") != "WriteFiles":
            problems.append(f"Pagefind did not write the index: {written.get('message', written)}")
        else:
            _wait_until_written(output_dir)
        return problems
    except BrokenPipeError:
        return [f"Pagefind stopped while indexing (exit status {service.wait()})"] + answers.errors
    finally:
        try:
            service.stdin.close()  # the service ends once its work is done (answered is not yet written)
        except BrokenPipeError:
            pass
        try:
            service.wait(timeout=SECONDS_TO_FINISH)
        except subprocess.TimeoutExpired:
            service.kill()
            service.wait()


def _sizes(folder: str) -> dict[str, int]:
    sizes = {}
    for parent, _folders, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            with contextlib.suppress(OSError):
                sizes[path] = os.path.getsize(path)
    return sizes


def _wait_until_written(output_dir: str, pause: float = 0.2) -> None:
    """Until the bundle's files are all there, none empty, and their sizes settled: the service answers
    WriteFiles before its last files are written, and it drops what is unwritten when its input closes (a bundle
    with an empty file or no entry file now and then)."""
    deadline = time.monotonic() + SECONDS_TO_FINISH
    entry = os.path.join(output_dir, "pagefind-entry.json")
    previous: dict[str, int] = {}
    while time.monotonic() < deadline:
        sizes = _sizes(output_dir)
        if sizes == previous and sizes.get(entry) and all(sizes.values()):
            return
        previous = sizes
        time.sleep(pause)


def main(arguments: list[str]) -> int:
    records_path, output_dir = arguments
    try:
        problems = build_bundle(records_path, output_dir)
        entry = os.path.join(output_dir, "pagefind-entry.json")
        if not problems and not (os.path.isfile(entry) and os.path.getsize(entry)):
            problems = [f"Pagefind ended without writing {entry}"]
    except ImportError:
        problems = ["the Pagefind binary is missing: install the package pagefind-bin (pip install 'pagefind[bin]')"]
    except OSError as error:
        problems = [f"Pagefind could not run: {error}"]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
