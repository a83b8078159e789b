"""Preview files: under ``mkdocs serve`` generated files are written when a browser asks, never stale, never outside.

The WSGI wrapper is driven directly (no server, no timing): the application behind it stands for MkDocs' own
live-reload server and reads the file from the site folder as that server does.
"""

from __future__ import annotations

import threading
from pathlib import Path

from resolutions.mkdocs_adapter.speed.preview_files import PreviewFiles
from resolutions.mkdocs_adapter.site_folder import SiteFolder
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder


def serving_app(site: Path):
    """A stand-in for MkDocs' server: answers with the file's bytes, or 404."""

    def app(environ, start_response):
        path = environ["PATH_INFO"].lstrip("/")
        if path.endswith("/") or not path:
            path += "index.html"
        target = site / path
        if target.is_file():
            start_response("200 OK", [])
            return [target.read_bytes()]
        start_response("404 Not Found", [])
        return [b"404"]

    return app


def get(app, path: str) -> tuple[str, bytes]:
    status: list[str] = []
    body = b"".join(app({"PATH_INFO": path}, lambda s, headers: status.append(s)))
    return status[0], body


def published(site: Path, *files: GeneratedFile) -> PreviewFiles:
    preview = PreviewFiles()
    preview.begin_build()
    for data_file in files:
        preview.add(data_file)
    preview.publish(str(site))
    return preview


def test_a_file_is_written_only_when_requested(tmp_path: Path) -> None:
    preview = published(tmp_path, GeneratedFile("A/RES/1/1/index.json", '{"symbol": "A/RES/1/1"}'),
                        GeneratedFile("A/RES/1/2/index.json", "{}"))
    app = preview.wsgi_app(serving_app(tmp_path))
    assert not (tmp_path / "A").exists()
    assert get(app, "/A/RES/1/1/index.json") == ("200 OK", b'{"symbol": "A/RES/1/1"}')
    assert (tmp_path / "A/RES/1/1/index.json").is_file()
    assert not (tmp_path / "A/RES/1/2").exists()
    assert get(app, "/nothing/here.json")[0].startswith("404")


def test_a_directory_url_with_or_without_its_slash_writes_its_page(tmp_path: Path) -> None:
    preview = published(tmp_path, GeneratedFile("a/res/1/1/index.html", "<p>redirect</p>"))
    app = preview.wsgi_app(serving_app(tmp_path))
    assert get(app, "/a/res/1/1/") == ("200 OK", b"<p>redirect</p>")
    other = tmp_path / "other"
    preview = published(other, GeneratedFile("a/res/1/1/index.html", "<p>redirect</p>"))
    app = preview.wsgi_app(serving_app(other))
    assert not preview.write_if_requested("a/res/1/1")  # no file of that name
    get(app, "/a/res/1/1")  # the server redirects to the slash when the folder's index.html exists
    assert (other / "a/res/1/1/index.html").read_bytes() == b"<p>redirect</p>"


def test_under_a_mount_path_only_the_site_part_of_the_path_counts(tmp_path: Path) -> None:
    preview = published(tmp_path, GeneratedFile("feed.xml", "<feed/>"))
    preview.wsgi_app(lambda environ, start_response: [], mount_path="/project/")({"PATH_INFO": "/project/feed.xml"},
                                                                                lambda *a: None)
    assert (tmp_path / "feed.xml").read_text() == "<feed/>"


def test_each_build_serves_its_own_content(tmp_path: Path) -> None:
    preview = published(tmp_path, GeneratedFile("data.json", "first"))
    app = preview.wsgi_app(serving_app(tmp_path))
    assert get(app, "/data.json")[1] == b"first"
    # The next build: MkDocs empties the folder, the plugin publishes the new content.
    preview.begin_build()
    (tmp_path / "data.json").unlink()
    preview.add(GeneratedFile("data.json", "second"))
    preview.publish(str(tmp_path))
    assert get(app, "/data.json")[1] == b"second"


def test_a_request_during_a_build_waits_for_the_new_content(tmp_path: Path) -> None:
    preview = published(tmp_path, GeneratedFile("data.json", "old"))
    app = preview.wsgi_app(serving_app(tmp_path))
    preview.begin_build()
    answers: list[bytes] = []
    reader = threading.Thread(target=lambda: answers.append(get(app, "/data.json")[1]))
    reader.start()
    reader.join(timeout=0.5)
    assert reader.is_alive() and answers == [], "a request must not be served from a half-built site"
    preview.add(GeneratedFile("data.json", "new"))
    preview.publish(str(tmp_path))
    reader.join(timeout=10)
    assert answers == [b"new"]


def test_a_failed_build_keeps_serving_the_last_published_files(tmp_path: Path) -> None:
    preview = published(tmp_path, GeneratedFile("data.json", "good"))
    app = preview.wsgi_app(serving_app(tmp_path))
    preview.begin_build()
    preview.add(GeneratedFile("data.json", "half"))
    preview.abandon()
    assert get(app, "/data.json")[1] == b"good"


def test_nothing_is_written_outside_the_site_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "outside").mkdir()
    (site / "link").symlink_to(tmp_path / "outside")
    preview = published(site, GeneratedFile("../escape.txt", "x"), GeneratedFile("link/escape.txt", "x"),
                        GeneratedFile("/etc/escape.txt", "x"))
    app = preview.wsgi_app(serving_app(site))
    for path in ("/../escape.txt", "/link/escape.txt", "/%2e%2e/escape.txt", "//etc/escape.txt"):
        get(app, path)
    for data_file in ("../escape.txt", "link/escape.txt", "/etc/escape.txt"):
        preview.write_if_requested(data_file)
    assert not (tmp_path / "escape.txt").exists()
    assert list((tmp_path / "outside").iterdir()) == []
    folder = SiteFolder(str(site))
    assert folder.target("../escape.txt") is None
    assert folder.target("link/escape.txt") is None
    assert folder.target("a/../../escape.txt") is None
    assert folder.target("A/RES/1/1/index.html") == str(site.resolve() / "A" / "RES" / "1" / "1" / "index.html")


def test_a_folder_is_produced_once_and_only_when_one_of_its_files_is_requested(tmp_path: Path) -> None:
    calls: list[int] = []

    def produce() -> list[GeneratedFile]:
        calls.append(1)
        return [GeneratedFile("search-index/manifest.json", "{}"), GeneratedFile("search-index/t0.json", "[]")]

    preview = PreviewFiles()
    preview.begin_build()
    preview.add_folder(GeneratedFolder("search-index/", produce))
    preview.publish(str(tmp_path))
    app = preview.wsgi_app(serving_app(tmp_path))
    assert get(app, "/index.html")[0].startswith("404") and calls == []  # an edit does not rebuild the index
    assert get(app, "/search-index/manifest.json") == ("200 OK", b"{}")
    assert get(app, "/search-index/t0.json") == ("200 OK", b"[]")
    assert get(app, "/search-index/missing.json")[0].startswith("404")
    assert calls == [1]


def test_a_file_removed_by_a_rebuild_while_its_request_waited_is_written_again(tmp_path: Path) -> None:
    """MkDocs counts a rebuild as begun before on_pre_build: a request in that gap passes the wrapper, then the
    rebuild empties the folder before MkDocs' server reads the file. The 404 is caught and the file written again."""
    preview = published(tmp_path, GeneratedFile("data.json", "old"))
    served = serving_app(tmp_path)

    def rebuild_then_serve(environ, start_response):
        (tmp_path / "data.json").unlink()  # the rebuild empties the folder ...
        preview.begin_build()
        preview.add(GeneratedFile("data.json", "new"))
        preview.publish(str(tmp_path))  # ... and publishes; only then does the server read the file
        return served(environ, start_response)

    calls: list[int] = []

    def app(environ, start_response):
        calls.append(1)
        return (rebuild_then_serve if len(calls) == 1 else served)(environ, start_response)

    assert get(preview.wsgi_app(app), "/data.json") == ("200 OK", b"new")
