"""The parse cache: hits by content hash, relabelled paths, invalidation, corrupt entries, site_dir safety."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from resolutions import cache
from resolutions.cache import ParseCache, SourceFile, relabel, resolve_cache_folder
from resolutions.model import Diagnostic, Resolution


def make_resolution(path: str, title: str, diagnostics: tuple[Diagnostic, ...] = ()) -> Resolution:
    return Resolution(
        source=path, kind="resolution", body="General Assembly", symbol="A/RES/1/1", number="1/1",
        title=title, session="1", session_text=None, agenda_items=(), issued=None, adopted=None, meeting=None,
        proponent=None, documents=(), enacting_formula=None, preamble=(), operative=(), sections=(), parts=(),
        annexes=(), footnotes=(), citations=(), vote=None, diagnostics=diagnostics,
    )


class CountingParser:
    """A stand-in parser: the title is the file's first line; every parse adds a warning naming the path."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, data: bytes, abs_path: str, display_path: str) -> Resolution:
        self.calls.append(display_path)
        title = data.decode("utf-8").splitlines()[0]
        warning = Diagnostic(display_path, 3, "warning", "RES999", "something odd, expected something else")
        return make_resolution(display_path, title, (warning,))


def write(folder: Path, name: str, text: str) -> SourceFile:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return SourceFile(str(path), name)


def test_memory_layer_parses_each_content_once(tmp_path: Path) -> None:
    parse = CountingParser()
    store = ParseCache(folder=None, parse_bytes=parse)
    sources = [write(tmp_path, "a.md", "Alpha\n"), write(tmp_path, "b.md", "Beta\n")]
    first = store.parse_all(sources)
    second = store.parse_all(sources)
    assert [r.title for r in first] == ["Alpha", "Beta"]
    assert second == first
    assert parse.calls == ["a.md", "b.md"]
    assert store.stats.memory_hits == 2 and store.stats.parsed == 0 and store.stats.changed == ()


def test_edit_reparses_only_the_edited_file(tmp_path: Path) -> None:
    parse = CountingParser()
    store = ParseCache(folder=None, parse_bytes=parse)
    sources = [write(tmp_path, "a.md", "Alpha\n"), write(tmp_path, "b.md", "Beta\n")]
    store.parse_all(sources)
    write(tmp_path, "b.md", "Beta edited\n")
    result = store.parse_all(sources)
    assert [r.title for r in result] == ["Alpha", "Beta edited"]
    assert parse.calls == ["a.md", "b.md", "b.md"]
    assert store.stats.changed == ("b.md",)


def test_disk_layer_survives_a_new_process(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folder = tmp_path / "cache"
    sources = [write(content, "x/a.md", "Alpha\n")]
    first_parser = CountingParser()
    ParseCache(folder=folder, parse_bytes=first_parser).parse_all(sources)
    second_parser = CountingParser()
    fresh = ParseCache(folder=folder, parse_bytes=second_parser)
    result = fresh.parse_all(sources)
    assert result[0].title == "Alpha"
    assert second_parser.calls == []
    assert fresh.stats.disk_hits == 1
    assert list(folder.glob(f"{cache.parser_version()}/*/*.pickle"))


def test_identical_file_in_another_folder_reports_its_own_path(tmp_path: Path) -> None:
    parse = CountingParser()
    store = ParseCache(folder=tmp_path / "cache", parse_bytes=parse)
    store.parse_all([write(tmp_path, "old/name.md", "Same text\n")])
    moved = write(tmp_path, "new/name.md", "Same text\n")
    (result,) = ParseCache(folder=tmp_path / "cache", parse_bytes=parse).parse_all([moved])
    assert parse.calls == ["old/name.md"]
    assert result.source == "new/name.md"
    assert [d.path for d in result.diagnostics] == ["new/name.md"]
    assert result.diagnostics[0].format().startswith("new/name.md:3: ")


def test_a_renamed_file_is_parsed_again_because_the_parser_reads_the_name(tmp_path: Path) -> None:
    parse = CountingParser()
    store = ParseCache(folder=None, parse_bytes=parse)
    store.parse_all([write(tmp_path, "A_RES_1_1.md", "Same text\n")])
    (result,) = store.parse_all([write(tmp_path, "A_DEC_1_1.md", "Same text\n")])
    assert parse.calls == ["A_RES_1_1.md", "A_DEC_1_1.md"]
    assert result.source == "A_DEC_1_1.md"


def test_two_identical_files_in_one_build_keep_their_own_paths(tmp_path: Path) -> None:
    store = ParseCache(folder=None, parse_bytes=CountingParser())
    one, two = store.parse_all([write(tmp_path, "one/twin.md", "Twin\n"), write(tmp_path, "two/twin.md", "Twin\n")])
    assert (one.source, two.source) == ("one/twin.md", "two/twin.md")
    assert (one.diagnostics[0].path, two.diagnostics[0].path) == ("one/twin.md", "two/twin.md")


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps(("wrong", "shape", 3)),
                                     pickle.dumps(((cache.CACHE_FORMAT, "0" * 16), "key", None))])
def test_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path, garbage: bytes) -> None:
    folder = tmp_path / "cache"
    source = write(tmp_path, "a.md", "Alpha\n")
    ParseCache(folder=folder, parse_bytes=CountingParser()).parse_all([source])
    (entry,) = folder.glob("*/*/*.pickle")
    entry.write_bytes(garbage)
    parse = CountingParser()
    (result,) = ParseCache(folder=folder, parse_bytes=parse).parse_all([source])
    assert result.title == "Alpha" and parse.calls == ["a.md"]
    assert pickle.loads(entry.read_bytes())[2].title == "Alpha"


def test_entry_of_another_content_is_not_trusted(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    a, b = write(tmp_path, "a.md", "Alpha\n"), write(tmp_path, "b.md", "Beta\n")
    ParseCache(folder=folder, parse_bytes=CountingParser()).parse_all([a, b])
    entries = {p.stem: p for p in folder.glob("*/*/*.pickle")}
    key_a = cache.content_hash(b"Alpha\n", "a.md")
    key_b = cache.content_hash(b"Beta\n", "b.md")
    entries[key_a].write_bytes(entries[key_b].read_bytes())  # an entry copied under the wrong name
    (result,) = ParseCache(folder=folder, parse_bytes=CountingParser()).parse_all([a])
    assert result.title == "Alpha"


def test_entries_of_an_older_parser_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    stale = folder / "0123456789abcdef" / "ab"
    stale.mkdir(parents=True)
    (stale / "x.pickle").write_bytes(b"old")
    ParseCache(folder=folder, parse_bytes=CountingParser()).parse_all([write(tmp_path, "a.md", "Alpha\n")])
    assert not (folder / "0123456789abcdef").exists()
    assert (folder / cache.parser_version()).is_dir()


def test_parser_version_depends_on_parsing_code_only() -> None:
    version = cache.parser_version()
    assert len(version) == 16 and version == cache.parser_version()
    package = Path(cache.__file__).resolve().parent
    inputs = {path.relative_to(package).as_posix() for path in cache.parser_inputs()}
    # Every module of the parse layer, even in a sub-folder, and the model it fills; never the site or data.
    assert {"model.py", "symbols.py", "parse/parser.py", "parse/grammar.py"} <= inputs
    assert {path.relative_to(package).as_posix() for path in package.glob("parse/**/*.py")} <= inputs
    assert not any(path.startswith(("site/", "data/", "mkdocs_adapter/")) for path in inputs)


def test_cache_folder_is_never_inside_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert resolve_cache_folder(tmp_path, None, site) == (tmp_path / ".cache" / "resolutions").resolve()
    assert resolve_cache_folder(tmp_path, "site/.cache", site) is None
    assert resolve_cache_folder(tmp_path, "site", site) is None
    assert resolve_cache_folder(tmp_path, "", site) is None
    assert resolve_cache_folder(tmp_path, "elsewhere", site) == (tmp_path / "elsewhere").resolve()


def test_unwritable_cache_folder_only_disables_the_disk_layer(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    store = ParseCache(folder=blocker, parse_bytes=CountingParser())
    (result,) = store.parse_all([write(tmp_path, "a.md", "Alpha\n")])
    assert result.title == "Alpha" and store.folder is None


def test_relabel_keeps_diagnostics_about_other_files() -> None:
    own = Diagnostic("a.md", 1, "error", "RES101", "no symbol, expected one")
    other = Diagnostic("elsewhere.md", 2, "warning", "RES300", "duplicate, expected one")
    moved = relabel(make_resolution("a.md", "T", (own, other)), "b.md")
    assert [d.path for d in moved.diagnostics] == ["b.md", "elsewhere.md"]


def test_default_parser_gives_what_parse_file_gives(tmp_path: Path, sample_path: Path) -> None:
    from resolutions.parse import parser

    samples = {
        "A_RES_51_148.md": sample_path.read_bytes(),
        "bom.md": "\ufeff".encode() + sample_path.read_bytes(),
        "latin1.md": "Résolution".encode("latin-1"),
        "binary.md": b"\x00\x01\x02",
        "A_DEC_72_402.md": sample_path.read_bytes(),
    }
    folder = tmp_path / "content"
    folder.mkdir()
    sources = []
    for name, data in samples.items():
        (folder / name).write_bytes(data)
        sources.append(SourceFile(str(folder / name), f"content/{name}"))
    cached = ParseCache(folder=tmp_path / "cache").parse_all(sources)
    direct = [parser.parse_file(s.abs_path, s.display_path) for s in sources]
    assert cached == direct
    assert ParseCache(folder=tmp_path / "cache").parse_all(sources) == direct  # and from the disk layer


def test_unchanged_files_are_not_read_again_and_a_same_size_edit_is_seen(tmp_path: Path, monkeypatch) -> None:
    store = ParseCache(folder=None, parse_bytes=CountingParser())
    sources = [write(tmp_path, "a.md", "Alpha\n"), write(tmp_path, "b.md", "Beta\n")]
    store.parse_all(sources)
    reads: list[str] = []
    real_read = cache._read_bytes
    monkeypatch.setattr(cache, "_read_bytes", lambda path: reads.append(path) or real_read(path))
    assert [r.title for r in store.parse_all(sources)] == ["Alpha", "Beta"]
    assert reads == []  # a serve rebuild does not read and hash every source again
    write(tmp_path, "b.md", "Beto\n")  # same size, written right away
    assert [r.title for r in store.parse_all(sources)] == ["Alpha", "Beto"]
    assert reads == [str(tmp_path / "b.md")]


def test_every_model_class_round_trips_through_pickle_by_its_constructor(sample_path: Path) -> None:
    import dataclasses

    from resolutions import model
    from resolutions.parse import parser

    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert all("__reduce__" in vars(c) for c in classes), "add the new model class to model._pickled_by_constructor"
    parsed = parser.parse_file(str(sample_path))
    assert pickle.loads(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)) == parsed


def _synthetic_sources(folder: Path, count: int) -> list[SourceFile]:
    sample = (Path(__file__).resolve().parent.parent / "content" / "resolutions" / "A_RES_51_148.md").read_text(
        encoding="utf-8")
    return [write(folder, f"A_RES_51_{148 + n}.md", sample.replace("51/148", f"51/{148 + n}")) for n in range(count)]


def test_worker_processes_give_the_same_parses_and_store_every_entry(tmp_path: Path) -> None:
    # A first build's misses are parsed (and written to the disk layer) by worker processes: the models are the
    # ones parsing here gives, and a later build with a cold memory finds every one of them on disk.
    sources = _synthetic_sources(tmp_path / "docs", 6)
    first = ParseCache(folder=tmp_path / "cache", workers=2, parallel_min_misses=2)
    in_workers = first.parse_all(sources)
    assert first.stats.parallel
    here = ParseCache(folder=None, workers=1).parse_all(sources)
    assert in_workers == here
    assert [res.symbol for res in in_workers] == [f"A/RES/51/{148 + n}" for n in range(6)]
    later = ParseCache(folder=tmp_path / "cache", workers=1)
    assert later.parse_all(sources) == here
    assert later.stats.disk_hits == 6 and later.stats.parsed == 0
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_workers_on_a_read_only_cache_folder_turn_the_disk_layer_off(tmp_path: Path, monkeypatch) -> None:
    sources = _synthetic_sources(tmp_path / "docs", 4)
    monkeypatch.setattr(cache, "_write_entry", lambda path, blob: False)  # forked workers inherit the refusal
    parse_cache = ParseCache(folder=tmp_path / "cache", workers=2, parallel_min_misses=2)
    assert len(parse_cache.parse_all(sources)) == 4
    assert parse_cache.folder is None
