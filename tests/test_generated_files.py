"""Generated files written by worker threads (option ``concurrency``).

What a user relies on: ``mkdocs build`` gives the same site, byte for byte, whatever the number of workers;
a redirect never takes the place of a page; nothing is written outside the site folder, and every refusal is
reported by the build (so ``--strict`` counts it).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import bench_scripts
from search_bundle import fragments, without_pagefind
from site_files import site_files
from resolutions.mkdocs_adapter.site_folder import write_files
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder, GeneratedTogether

ROOT = Path(__file__).resolve().parent.parent


def _items() -> list[GeneratedFile | GeneratedFolder]:
    def search_files() -> list[GeneratedFile]:
        return [GeneratedFile("search-index/terms-0.json", '{"a": [1]}'), GeneratedFile("search-index/meta.json", "{}")]

    many = [GeneratedFile(f"A/RES/60/{n}/index.json", f'{{"n": {n}}}') for n in range(300)]
    one, two = GeneratedFile("A/RES/61/1/index.json", "1"), GeneratedFile("A/RES/61/2/index.json", "2")
    return [
        GeneratedFile("resolutions.json", lambda: iter(['{"resolutions": [', "", "]}"])),
        GeneratedFile("a/res/51/148/index.html", "<p>redirect</p>", replace_existing=False),
        GeneratedFile("page/index.html", "<p>redirect where a page is</p>", replace_existing=False),
        GeneratedFile("../escaped.txt", "x"),
        *many[:150],
        GeneratedFile("big.bin", lambda: (bytes([n]) * 300_000 for n in range(8))),
        GeneratedFile("/tmp/absolute.txt", "x"),
        *many[150:],
        GeneratedTogether(GeneratedFile("all.json", "[1,2]"), (one, two), lambda: ["[", one, "1,", two, "2]"]),
        GeneratedFolder("search-index/", search_files),
    ]


@pytest.mark.parametrize("workers", [1, 3])
def test_the_same_files_whatever_the_workers_and_every_refusal_reported(tmp_path: Path, workers: int) -> None:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text("<p>the page MkDocs wrote</p>", encoding="utf-8")
    problems = write_files(str(site), _items(), workers=workers)
    assert problems == ["refusing to write '../escaped.txt' outside the site folder",
                        "refusing to write '/tmp/absolute.txt' outside the site folder"]
    assert site_files(site) == {
        "a/res/51/148/index.html": b"<p>redirect</p>",
        "all.json": b"[1,2]", "A/RES/61/1/index.json": b"1", "A/RES/61/2/index.json": b"2",  # in one pass
        "big.bin": b"".join(bytes([n]) * 300_000 for n in range(8)),
        "page/index.html": b"<p>the page MkDocs wrote</p>",  # a redirect never replaces a page
        "resolutions.json": b'{"resolutions": []}',
        "search-index/meta.json": b"{}",
        "search-index/terms-0.json": b'{"a": [1]}',
        **{f"A/RES/60/{n}/index.json": f'{{"n": {n}}}'.encode() for n in range(300)},
    }
    assert not (tmp_path / "escaped.txt").exists()


def test_a_folder_that_is_a_link_out_of_the_site_is_refused(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside"
    outside.mkdir()
    site.mkdir()
    (site / "A").symlink_to(outside, target_is_directory=True)
    files = [GeneratedFile(f"A/RES/{n}/index.json", "{}") for n in range(100)]
    problems = write_files(str(site), files, workers=2)
    assert problems == [f"refusing to write 'A/RES/{n}/index.json': a link on its way leads outside the site folder"
                        for n in range(100)]
    assert list(outside.iterdir()) == []


def test_a_link_in_place_of_a_file_is_not_written_through(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside.txt"
    outside.write_text("kept", encoding="utf-8")
    (site / "a").mkdir(parents=True)
    (site / "data.json").symlink_to(outside)
    (site / "a" / "index.html").symlink_to(outside)
    problems = write_files(str(site), [GeneratedFile("data.json", "{}"),
                                       GeneratedFile("a/index.html", "<p>redirect</p>", replace_existing=False)])
    assert problems == ["refusing to write 'data.json': a link on its way leads outside the site folder"]
    assert outside.read_text(encoding="utf-8") == "kept"


def test_files_made_in_one_pass_are_each_written_when_their_main_file_is_refused(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside.txt"
    outside.write_text("kept", encoding="utf-8")
    site.mkdir()
    (site / "all.json").symlink_to(outside)
    others = tuple(GeneratedFile(f"A/RES/{n}/index.json", f"{n}") for n in range(3))
    group = GeneratedTogether(GeneratedFile("all.json", "[0,1,2]"), others,
                              lambda: ["[", others[0], "0,", others[1], "1,", others[2], "2]"])
    assert write_files(str(site), [group]) == [
        "refusing to write 'all.json': a link on its way leads outside the site folder"]
    assert outside.read_text(encoding="utf-8") == "kept"
    assert site_files(site, skip=("all.json",)) == {f"A/RES/{n}/index.json": f"{n}".encode() for n in range(3)}


def test_a_content_that_fails_fails_the_writing(tmp_path: Path) -> None:
    def broken() -> str:
        raise ValueError("broken content callable")

    with pytest.raises(ValueError, match="broken content callable"):
        write_files(str(tmp_path), [GeneratedFile("ok.json", "{}"), GeneratedFile("feed.xml", broken)], workers=2)


# --- the plugin: the same site whatever the concurrency ------------------------------------------------------

MKDOCS_YML = """\
site_name: Concurrency test
site_url: https://example.org/un/
docs_dir: docs
site_dir: {site_dir}
theme:
  name: material
plugins:
  - resolutions:
      folder: resolutions
      cache_dir: ""
      concurrency: {concurrency}
"""


def _write_config(root: Path, concurrency: object) -> Path:
    site = root / f"site-{concurrency}"
    config_file = root / "mkdocs.yml"
    config_file.write_text(MKDOCS_YML.format(site_dir=site, concurrency=concurrency), encoding="utf-8")
    return config_file


def _build(root: Path, concurrency: int) -> tuple[Path, object]:
    config = load_config(str(_write_config(root, concurrency)))
    build(config)
    return Path(config.site_dir), config.plugins["resolutions"]


def test_a_build_with_workers_equals_one_without(tmp_path: Path) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    docs = tmp_path / "docs"
    bench_scripts.load("generate").write_collection(docs / "resolutions", 40, 5, 120)
    (docs / "index.md").write_text("# Synthetic\n", encoding="utf-8")
    alone, _ = _build(tmp_path, concurrency=1)
    shared, plugin = _build(tmp_path, concurrency=2)
    alone_files, shared_files = without_pagefind(site_files(alone)), without_pagefind(site_files(shared))
    assert sorted(shared_files) == sorted(alone_files)
    assert [path for path in alone_files if shared_files[path] != alone_files[path]] == []
    assert fragments(shared) == fragments(alone)  # the same pages indexed, whatever its file names
    # The generated files are there: a JSON twin beside each resolution page, the redirects, the search files.
    page_urls = [source.page_url for source in plugin.sources.values()]
    assert len(page_urls) >= 35
    assert all(url + "index.json" in shared_files for url in page_urls)
    assert any(p.startswith("a/res/") for p in shared_files)
    assert any(p.startswith("search-symbols/") for p in shared_files)
    assert len(fragments(shared)) == len(page_urls)


@pytest.mark.parametrize("value, expected", [(0, "expected 1 or more"), (-2, "expected 1 or more"),
                                             ("many", "Expected type")])
def test_concurrency_must_be_a_number_of_workers(tmp_path: Path, caplog, value: object, expected: str) -> None:
    (tmp_path / "docs").mkdir()
    with pytest.raises(Abort):
        load_config(str(_write_config(tmp_path, value)))
    assert any("concurrency" in r.getMessage() and expected in r.getMessage() for r in caplog.records)
