"""Where a plugin build's memory goes: resident set after each MkDocs event, and optionally the largest
live Python allocations (tracemalloc) at the end of the build (peak memory at 20,000 resolutions).

    .venv/bin/python bench/memory_probe.py prepare --count 2000 --out /tmp/mem     # generate once
    .venv/bin/python bench/memory_probe.py build /tmp/mem/n2000                    # RSS per event
    .venv/bin/python bench/memory_probe.py build /tmp/mem/n2000 --tracemalloc 25   # + top allocation sites

The build runs in this process (``mkdocs.commands.build``) with the project's ``mkdocs.yml`` pointed at the
collection, as ``bench/build_bench.py`` does; the parse cache is emptied first (a first build). Peak RSS of a
plain ``mkdocs build`` is what ``build_bench.py`` or ``/usr/bin/time -v`` reports; this script explains it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_bench  # noqa: E402  (bench/ is not a package)
import generate  # noqa: E402


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(count: int, out: Path, seed: int) -> Path:
    """Write the collection and its mkdocs.yml under ``out/n<count>``; returns that folder."""
    folder = out / f"n{count}"
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    generate.write_collection(docs / "resolutions", count, seed, 1000)
    (docs / "index.md").write_text("# Resolutions\n\nA synthetic collection for the memory probe.\n", encoding="utf-8")
    build_bench._write_yaml(folder / "mkdocs.yml",
                            build_bench._our_config(docs, folder / "site", folder / "cache", "resolutions"))
    return folder


def _print_top(when: str, top: int) -> None:
    stats = tracemalloc.take_snapshot().statistics("traceback")
    total = sum(stat.size for stat in stats)
    print(f"\nlive Python allocations {when}: {total / 2**20:.1f} MB")
    for stat in stats[:top]:
        print(f"{stat.size / 2**20:8.1f} MB {stat.count:9d} blocks")
        for line in stat.traceback.format(limit=6):
            print("           " + line)


def build(folder: Path, top: int) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from resolutions.mkdocs_adapter import plugin as plugin_module

    for leftover in (folder / "site", folder / "cache"):
        if leftover.exists():
            shutil.rmtree(leftover)
    started = time.perf_counter()
    marks: list[tuple[str, float, float, float]] = []

    def mark(label: str) -> None:
        marks.append((label, time.perf_counter() - started, _rss_mb(), _peak_mb()))

    # Wrap the plugin's events once each (per-page events only on their first and last call).
    cls = plugin_module.ResolutionsPlugin
    for event in ("on_config", "on_files", "on_nav", "on_env", "on_post_build"):
        original = getattr(cls, event)

        def wrapped(self, *args, __original=original, __event=event, **kwargs):
            mark(f"before {__event}")
            result = __original(self, *args, **kwargs)
            mark(f"after {__event}")
            return result

        setattr(cls, event, wrapped)
    # Steps inside on_files, so a peak reached there is attributed to one of them.
    from resolutions.site import collection as collection_module
    from resolutions.data import datasets
    from resolutions.site import indexes
    from resolutions.mkdocs_adapter.speed import speedups as speed

    def wrap_step(owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        def wrapped(*args, __original=original, **kwargs):
            result = __original(*args, **kwargs)
            mark(f"  after {label}")
            return result

        setattr(owner, name, staticmethod(wrapped) if isinstance(owner.__dict__.get(name), staticmethod) else wrapped)

    wrap_step(speed.Speedups, "parse", "parse")
    wrap_step(indexes, "index_pages", "indexes.index_pages")
    wrap_step(datasets, "site_files", "datasets.site_files")
    wrap_step(plugin_module.ResolutionsPlugin, "site_outputs", "site_outputs")
    counter = {"pages": 0}
    original_post_page = cls.on_post_page

    def post_page(self, output, *, page, config):
        counter["pages"] += 1
        if counter["pages"] % 1000 == 0:
            mark(f"{counter['pages']} pages written")
        return original_post_page(self, output, page=page, config=config)

    cls.on_post_page = post_page

    if top:
        tracemalloc.start(8)
        for event in ("on_nav", "on_post_build"):
            original = getattr(cls, event)

            def snapshot_first(self, *args, __original=original, __event=event, **kwargs):
                _print_top(f"before {__event}", top)
                return __original(self, *args, **kwargs)

            setattr(cls, event, snapshot_first)

    config = load_config(str(folder / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    mark("end")
    print(f"\n{'when':32} {'s':>7} {'RSS MB':>8} {'peak MB':>8}")
    for label, seconds, rss, peak in marks:
        print(f"{label:32} {seconds:7.1f} {rss:8.0f} {peak:8.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare", help="generate a synthetic collection and its mkdocs.yml")
    prep.add_argument("--count", type=int, default=2000)
    prep.add_argument("--out", type=Path, default=Path("/tmp/resolutions-memory"))
    prep.add_argument("--seed", type=int, default=1)
    run = commands.add_parser("build", help="build it in this process and report memory per event")
    run.add_argument("folder", type=Path)
    run.add_argument("--tracemalloc", type=int, default=0, metavar="N", help="print the N largest allocation sites")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        print(prepare(args.count, args.out, args.seed))
    else:
        build(args.folder, args.tracemalloc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
