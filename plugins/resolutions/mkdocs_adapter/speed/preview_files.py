"""Under ``mkdocs serve``: files of the preview written when a browser first asks for them, not at every rebuild.

Responsibility: hold the generated files of the latest preview build (data files, redirect pages, search index
pieces, and the pages whose HTML did not change since the previous build) and write each into the site folder
the first time it is requested. MkDocs empties the site folder and writes the whole site again on every
change; at 5,000 resolutions that is ~20,000 files, and writing and removing them cost most of a rebuild
(an edit must show in the browser in under 2 s). A reader looks at a few pages, so only those are
written.

How it plugs in (all from ``ResolutionsPlugin``): ``begin_build`` in ``on_pre_build`` (before MkDocs empties the
folder), ``add`` while building, ``publish`` in ``on_post_build``, ``abandon`` in ``on_build_error``, and
``wsgi_app`` wraps the preview server's WSGI application in ``on_serve``. The wrapper only writes the file and
hands the request on: MkDocs' own server still waits for a running build, injects the live-reload script and
serves the file. While a build runs, requests wait (the folder is being emptied and refilled).
"""

from __future__ import annotations

import os
import posixpath
import threading
from typing import Any, Callable, Iterable

from resolutions.mkdocs_adapter.site_folder import SiteFolder
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]

_BUILD_WAIT_SECONDS = 600.0
"""Longest a request waits for a running build (a first build of 20,000 resolutions takes minutes)."""


class PreviewFiles:
    """The files of the latest preview build that are written on request. Thread-safe (the server is threaded)."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._building = False
        self._published: dict[str, GeneratedFile] = {}
        self._pending: dict[str, GeneratedFile] = {}
        self._published_folders: dict[str, GeneratedFolder] = {}
        self._pending_folders: dict[str, GeneratedFolder] = {}
        self._site: SiteFolder | None = None

    # --- the build side ---

    def begin_build(self) -> None:
        """A build starts: requests wait until it is published (MkDocs is about to empty the site folder)."""
        with self._lock:
            self._building = True
            self._pending, self._pending_folders = {}, {}

    def add(self, data_file: GeneratedFile) -> None:
        """A file of the build being made, written only if a browser asks for it."""
        self._pending[posixpath.normpath(data_file.dest_uri)] = data_file

    def add_folder(self, folder: GeneratedFolder) -> None:
        """Files of the build being made that are produced (all together) when a browser asks for one of them."""
        self._pending_folders[posixpath.normpath(folder.folder)] = folder

    def publish(self, site_dir: str) -> None:
        """The build is complete: its files replace the previous build's, and waiting requests go on."""
        with self._lock:
            self._published, self._pending = self._pending, {}
            self._published_folders, self._pending_folders = self._pending_folders, {}
            self._site = SiteFolder(site_dir)
            self._building = False
            self._lock.notify_all()

    def abandon(self) -> None:
        """The build failed: keep serving the previous build's files (the folder was emptied, so write again)."""
        with self._lock:
            self._pending, self._pending_folders = {}, {}
            self._building = False
            self._lock.notify_all()

    def paths(self) -> list[str]:
        """Site-relative paths of the published files (written or not), producing every folder's files."""
        with self._lock:
            for folder in list(self._published_folders):
                self._produce(folder)
            return sorted(self._published)

    # --- the server side ---

    def write_if_requested(self, rel_path: str) -> bool:
        """Write the published file at ``rel_path`` (site-relative) unless it is in the site folder already.

        A file there is this build's: MkDocs empties the folder at the start of every build, after
        ``begin_build``, and nothing is written here while a build runs."""
        with self._lock:
            self._lock.wait_for(lambda: not self._building, timeout=_BUILD_WAIT_SECONDS)
            if rel_path not in self._published:
                self._produce(self._folder_holding(rel_path))
            data_file = self._published.get(rel_path)
            if data_file is None or self._site is None:
                return False
            target = self._site.target(rel_path)
            if target is not None and not os.path.exists(target):
                self._site.write(data_file)
            return True

    def _folder_holding(self, rel_path: str) -> str | None:
        """The unproduced folder ``rel_path`` would be in, if any (the nearest enclosing one)."""
        folder = posixpath.dirname(rel_path)
        while folder and folder not in self._published_folders:
            folder = posixpath.dirname(folder)
        return folder or None

    def _produce(self, folder: str | None) -> None:
        # The folder's files join the published ones, so it is produced once per build.
        generated = self._published_folders.pop(folder, None) if folder else None
        if generated is not None:
            for data_file in generated.produce():
                self._published.setdefault(posixpath.normpath(data_file.dest_uri), data_file)

    def wsgi_app(self, app: WsgiApp, mount_path: str = "/") -> WsgiApp:
        """``app`` preceded by writing the requested file when it is one of ours."""
        mount = "/" + mount_path.strip("/") + "/" if mount_path.strip("/") else "/"

        def preview_app(environ: dict, start_response: Callable) -> Iterable[bytes]:
            rel_path = _requested_path(environ.get("PATH_INFO", ""), mount)
            if rel_path is None:
                return app(environ, start_response)
            if not self.write_if_requested(rel_path):
                # "A/RES/51/148" without its slash: MkDocs redirects when the folder's index.html exists.
                rel_path = posixpath.join(rel_path, "index.html")
                if not self.write_if_requested(rel_path):
                    return app(environ, start_response)
            # A request that came just as a rebuild began (MkDocs counts it as begun before on_pre_build)
            # finds the file removed when MkDocs serves it after the build: written again, asked again.
            answer: list[tuple] = []
            body = app(environ, lambda *arguments: answer.append(arguments))
            if answer and answer[0][0].startswith("404") and self.write_if_requested(rel_path):
                _close(body)
                return app(environ, start_response)
            if answer:
                start_response(*answer[0])
            return body

        return preview_app


def _close(body: Iterable[bytes]) -> None:
    close = getattr(body, "close", None)
    if close is not None:
        close()


def _requested_path(path_info: str, mount: str) -> str | None:
    """The site-relative path a request names, as MkDocs' server reads it (None outside the site)."""
    # WSGI gives PATH_INFO as latin-1 decoded bytes; MkDocs decodes them as UTF-8 the same way.
    path = path_info.encode("latin-1", "ignore").decode("utf-8", "ignore")
    if not (path + "/").startswith(mount):
        return None
    relative = path[len(mount):]
    if path.endswith("/"):
        relative += "index.html"
    relative = posixpath.normpath("/" + relative).lstrip("/")
    return relative or None


def attach(server: Any, files: PreviewFiles, mount_path: str) -> None:
    """Put ``files`` in front of a WSGI server's application (``wsgiref`` servers: ``get_app``/``set_app``)."""
    server.set_app(files.wsgi_app(server.get_app(), mount_path))
