"""Have Pagefind index a file of records and write the search bundle: a process of its own.

    python -m resolutions.mkdocs_adapter.pagefind_feed WORK OUTPUT_DIR

Responsibility: write every record of ``WORK/records.jsonl`` (JSON lines ``[url, html]``) as
``WORK/pages/<url>/index.html``, run the Pagefind command (the binary of the ``pagefind-bin`` package) on that
folder so that it writes the bundle into OUTPUT_DIR, and exit 0 when it did, else 1 with the reasons on stderr,
one line each. WORK belongs to the caller (``pagefind_index``), which removes it whenever and however the process
ends; the process deletes the records once read only to give their disk space back while Pagefind runs. Both run
below the build's priority, Pagefind with one worker thread: they use the core MkDocs leaves free and yield it
when MkDocs wants it.

Why the command on a folder and not Pagefind's service mode (``pagefind --service``, records sent as messages):
measured at 5,000 records, the service took 24-25 s of CPU, the command 17-19 s plus 0.8 s to write the files
(1.7 s wall), the same peak memory (1.5-1.6 GB); and the command has written every file when it exits, where the
service answered before its last files were written and dropped them when its input closed. The ``pagefind``
package's own client is slower still (it waits 0.1 s before reading each answer).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys

NICENESS = 10
"""Scheduling priority below the build's: when both want a core, MkDocs writing pages goes first."""

WORKER_THREADS = "1"
"""Pagefind's worker threads (Tokio's ``TOKIO_WORKER_THREADS``): one, beside the build on the other core; two
take no less CPU time (measured at 5,000 records) and compete with the build for its core."""

RECORDS_FILE = "records.jsonl"
"""The records, in the work folder."""

PAGES_FOLDER = "pages"
"""The pages Pagefind indexes, in the work folder."""

LANGUAGE = "en"
"""Every page is in English; Pagefind need not detect it page by page."""


def pagefind_binary() -> str:
    """Path of the Pagefind binary shipped by ``pagefind-bin`` (``PAGEFIND_BINARY_PATH`` overrides it)."""
    configured = os.environ.get("PAGEFIND_BINARY_PATH")
    if configured:
        return configured
    from pagefind_bin import get_executable  # the binary package; ImportError when it is not installed

    return str(get_executable())


def write_pages(records_path: str, folder: str) -> int:
    """Each record of ``records_path`` as ``folder/<url>/index.html`` (the URL Pagefind gives the page); the
    records file is deleted once read. Returns how many were written."""
    root = os.path.realpath(folder)
    written = 0
    with open(records_path, "rb") as lines:
        os.remove(records_path)  # (still readable while open)
        for line in lines:
            url, html = json.loads(line)
            target = os.path.realpath(os.path.join(root, url.strip("/"), "index.html"))
            if not target.startswith(root + os.sep):  # page URLs are sanitised symbols: never outside
                raise ValueError(f"record URL outside the site: {url!r}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as out:
                out.write(html)
            written += 1
    return written


def build_bundle(work: str, output_dir: str) -> list[str]:
    """Index the records of the work folder and write the bundle to ``output_dir``; the problems (none: done)."""
    pages = os.path.join(work, PAGES_FOLDER)
    write_pages(os.path.join(work, RECORDS_FILE), pages)
    return run_pagefind(pages, output_dir)


def run_pagefind(pages: str, output_dir: str) -> list[str]:
    """Pagefind's command on the folder ``pages``, writing the bundle to ``output_dir``; the problems (none: done)."""
    done = subprocess.run(
        [pagefind_binary(), "--site", pages, "--output-path", os.path.abspath(output_dir),
         "--force-language", LANGUAGE, "--silent"],
        stdin=subprocess.DEVNULL, capture_output=True, env=dict(os.environ, TOKIO_WORKER_THREADS=WORKER_THREADS))
    if done.returncode == 0:
        return []
    said = (done.stderr + done.stdout).decode("utf-8", "replace").splitlines()
    return [line for line in said if line.strip()][-20:] or [f"Pagefind ended with status {done.returncode}"]


def _stop(_signal: int, _frame: object) -> None:
    raise SystemExit(1)  # unwinds through subprocess.run, which kills the Pagefind command


def main(arguments: list[str]) -> int:
    work, output_dir = arguments
    signal.signal(signal.SIGTERM, _stop)  # a build that failed stops the indexing (PagefindBundle.cancel)
    with contextlib.suppress(OSError, AttributeError):  # (no os.nice on Windows)
        os.nice(NICENESS)  # inherited by Pagefind
    try:
        problems = build_bundle(work, output_dir)
        entry = os.path.join(output_dir, "pagefind-entry.json")
        if not problems and not (os.path.isfile(entry) and os.path.getsize(entry)):
            problems = [f"Pagefind ended without writing {entry}"]
    except ImportError:
        problems = ["the Pagefind binary is missing: install the package pagefind-bin (pip install 'pagefind[bin]')"]
    except (OSError, ValueError) as error:
        problems = [f"Pagefind could not run: {error}"]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
