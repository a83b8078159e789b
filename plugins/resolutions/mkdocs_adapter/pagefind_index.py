"""The Pagefind search bundle of a build: started once the texts are parsed, done beside MkDocs' pages.

Responsibility: run ``pagefind_feed`` (a process of its own, which has the Pagefind command index them) over the
records of ``data.search_records`` and report what went wrong. ``mkdocs build``: ``start`` writes the records
into a temporary work folder (about 0.2 ms a page here) and starts the process, which writes ``pagefind/`` into the site
folder while MkDocs renders and writes the pages on the other core; ``finish`` (after the pages) waits for it and
``cancel`` stops it, each removing the work folder, so nothing is left behind however the process ended.
``mkdocs serve``: ``preview_folder`` is a ``GeneratedFolder`` made when a browser first asks for one of its
files after a rebuild (``preview_files``), so an edit costs nothing until someone searches.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO, Callable, Iterable

from resolutions.data.search_records import PAGEFIND_FOLDER
from resolutions.mkdocs_adapter.pagefind_feed import RECORDS_FILE
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder

Records = Iterable[tuple[str, str]]
"""(page URL, record HTML) pairs (``search_records.records``)."""


class PagefindBundle:
    """``start`` in ``on_files`` of a build, ``finish`` once the pages are written (or ``cancel``)."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._errors: IO[bytes] | None = None
        self._work: str | None = None

    def start(self, records: Records, site_dir: str) -> list[str]:
        """Start indexing ``records`` into ``site_dir/pagefind/``; the problems that prevented it."""
        self.cancel()
        try:
            work = new_work_folder(records)
        except OSError as error:
            return [f"search index not built: no room for its records in the temporary folder ({error})"]
        self._work = work
        self._errors = tempfile.TemporaryFile()
        try:
            self._process = _feed(work, os.path.join(site_dir, PAGEFIND_FOLDER), self._errors)
        except OSError as error:
            self.cancel()
            return [f"search index not built: the indexing process could not start ({error})"]
        return []

    def finish(self) -> list[str]:
        """Wait for the bundle; the problems (each a line for the log)."""
        process, errors, self._process, self._errors = self._process, self._errors, None, None
        if process is None or errors is None:
            return []
        status = process.wait()
        self._remove_work()
        errors.seek(0)
        reported = errors.read().decode("utf-8", "replace").splitlines()
        errors.close()
        if status == 0:
            return []
        return [f"search index not built: {line}" for line in reported[-20:]] or [
            f"search index not built: the Pagefind process ended with status {status}"]

    def cancel(self) -> None:
        """Stop the indexing of a build that failed, leaving nothing in the temporary folder."""
        process, errors, self._process, self._errors = self._process, self._errors, None, None
        if process is not None:
            process.terminate()  # it kills the Pagefind command on the way out (pagefind_feed.main)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if errors is not None:
            errors.close()
        self._remove_work()

    def _remove_work(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def preview_folder(records: Callable[[], Records], report: Callable[[str], None]) -> GeneratedFolder:
    """The bundle as a folder made on first request (``mkdocs serve``): built in a temporary folder, read back."""
    def make() -> list[GeneratedFile]:
        with tempfile.TemporaryDirectory(prefix="pagefind-preview-") as bundle, tempfile.TemporaryFile() as errors:
            work = new_work_folder(records())
            try:
                status = _feed(work, bundle, errors).wait()
            finally:
                shutil.rmtree(work, ignore_errors=True)
            if status != 0:
                errors.seek(0)
                for line in errors.read().decode("utf-8", "replace").splitlines()[-20:]:
                    report(f"search index not built: {line}")
                return []
            root = Path(bundle)
            return [GeneratedFile(f"{PAGEFIND_FOLDER}/{path.relative_to(root).as_posix()}", path.read_bytes())
                    for path in sorted(root.rglob("*")) if path.is_file()]

    return GeneratedFolder(PAGEFIND_FOLDER + "/", make)


def new_work_folder(records: Records) -> str:
    """A new work folder (under ``tempfile``'s folder) holding ``records`` (``pagefind_feed``'s input); its path."""
    work = tempfile.mkdtemp(prefix="pagefind-")
    try:
        with open(os.path.join(work, RECORDS_FILE), "w", encoding="utf-8") as out:
            for url, html in records:
                out.write(json.dumps([url, html], ensure_ascii=False))
                out.write("\n")
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return work


def _feed(work: str, output_dir: str, errors: IO[bytes]) -> subprocess.Popen:
    plugins = str(Path(__file__).resolve().parents[2])  # the folder holding the resolutions package
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")])))
    if os.path.isdir(output_dir):  # a dirty build's previous bundle: its files are named by content hash
        shutil.rmtree(output_dir, ignore_errors=True)
    return subprocess.Popen([sys.executable, "-m", "resolutions.mkdocs_adapter.pagefind_feed", work, output_dir],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, env=environment)
