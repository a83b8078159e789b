#!/usr/bin/env python3
"""Build benchmark: the plugin against plain MkDocs + Material and Hugo on the same texts, in one run.

One responsibility: measure full site builds and write the figures to ``bench/results/latest.{json,md}``.
For each requested size it generates a synthetic collection (``generate.py``) and builds, each run in a fresh
subprocess, with the outputs in a temporary folder under ``bench/out/`` (gitignored):

* ``ours``: a site using the ``resolutions`` plugin (the project's ``mkdocs.yml`` with ``docs_dir`` holding the
  collection in the plugin's ``folder``), its parse cache emptied before each run (a first build);
* ``ours-warm``: the same, the parse cache kept from the previous build (a rebuild);
* ``plain``: plain MkDocs + Material with the search plugin on the same texts as ordinary Markdown pages
  (``plain_site.py``), the navigation limited to the home page;
* ``hugo``: Hugo on the same pages with a minimal theme (``bench/hugo/``), when ``hugo`` is installed;

``--variant NAME=option:value,...`` adds a first build of ours with plugin options changed (a feature turned
off, say ``--variant no-series=series:false``), and ``--baseline NAME=PYTHON`` a first build of ours by another
installation of the plugin (an older commit's virtual environment), so that a feature's cost and a change's
effect are ratios of the same run (``ours/no-series``, ``ours/before``);

and once, the real development corpus (``../shared/corpus``) with the plugin. Each build reports wall time,
CPU time and peak memory of the build process (``os.wait4``: user + system time of the process and of the
children it waited for; ``ru_maxrss`` is the largest of them, not a sum), the peak memory of the whole process
tree (``TreeMemory``: the build and its worker processes together, sampled), output size (total, per resolution
page) and the search index size (Material's whole ``search_index.json``, or for ours the Pagefind bundle and
the bytes the first search result needs, measured in Chromium by ``search_bench.measure_site``). Figures are medians of
``--runs`` runs; runs of the different builds are interleaved, every other round in the reverse order, so that
load from other processes and a drift of the machine's speed spread evenly; ratios of the sums over the runs are
reported beside the ratios of medians.

    python bench/build_bench.py --sizes 1000,5000,20000 --runs 3
    python bench/build_bench.py --sizes 200 --runs 1 --builds ours,plain      # quick check while developing
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/ is not a package; the scripts import each other by path)
import plain_site  # noqa: E402

DEFAULT_OUT = BENCH / "out"
DEFAULT_RESULTS = BENCH / "results"
CORPUS = ROOT.parent / "shared" / "corpus"
ALL_BUILDS = ("ours", "ours-warm", "plain", "hugo")
SEARCH_QUERIES = ("{number}", "desertification", "migrant workers", "cooperation international development")
"""Queries whose first-result download is measured on our index; ``{number}`` becomes a resolution number."""
LOG_TAIL = 2000
"""Characters of a failed build's output kept in the results."""


# ---------------------------------------------------------------------------------------------------------------
# One build, measured.
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class BuildSpec:
    """How to run one kind of build on one collection."""

    name: str
    """``ours``, ``ours-warm``, ``plain``, ``hugo`` or ``corpus``."""
    command: list[str]
    """The command, run in a fresh subprocess."""
    cwd: Path
    """Folder it runs in."""
    site_dir: Path
    """Where it writes the site; removed before each run (outside the timing)."""
    resolution_pages: Callable[[Path], list[Path]]
    """Finds the resolution pages in the built site."""
    clear_before_run: tuple[Path, ...] = ()
    """Folders removed before each run (a parse cache for a first build)."""
    search: str = "none"
    """``material`` (one search_index.json), ``ours`` (the plugin's chunked index) or ``none``."""


@dataclass
class RunFigures:
    """What one run measured."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    returncode: int
    tree_peak_mb: float | None = None
    """Largest sum of the proportional set sizes of the build process and its children (``TreeMemory``)."""
    system_s: float | None = None
    """The part of ``cpu_s`` spent in the kernel (creating files and folders, mostly): it depends on the file
    system under ``--out`` more than on the build."""


@dataclass
class BuildResult:
    """Medians over the runs of one build, and its output."""

    name: str
    resolutions: int
    runs: list[RunFigures] = field(default_factory=list)
    wall_s: float | None = None
    cpu_s: float | None = None
    system_s: float | None = None
    peak_mb: float | None = None
    tree_peak_mb: float | None = None
    output_bytes: int | None = None
    output_files: int | None = None
    resolution_pages: int | None = None
    bytes_per_resolution_page: float | None = None
    search: dict | None = None
    error: str | None = None


def run_once(spec: BuildSpec, log_path: Path, temporary: Path | None = None) -> RunFigures:
    """Run the build in a fresh subprocess and measure it with ``wait4`` (rusage of that process alone);
    ``temporary``: the folder its temporary files go to (``TMPDIR``), on the same file system as the site."""
    if spec.site_dir.exists():
        shutil.rmtree(spec.site_dir)
    for folder in spec.clear_before_run:
        if folder.exists():
            shutil.rmtree(folder)
    environment = dict(os.environ, TMPDIR=str(temporary)) if temporary else None
    with log_path.open("wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(spec.command, cwd=spec.cwd, stdout=log, stderr=subprocess.STDOUT, env=environment)
        tree = TreeMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        tree.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in kilobytes.
    return RunFigures(round(wall, 3), round(usage.ru_utime + usage.ru_stime, 3), round(usage.ru_maxrss / 1024, 1),
                      process.returncode, tree.peak_mb, round(usage.ru_stime, 3))


class TreeMemory:
    """Peak memory of a process and all its descendants together, sampled twice a second (Linux).

    ``ru_maxrss`` is per process: a build whose worker processes run beside it uses the sum. Each
    sample adds the proportional set size (``Pss`` in ``/proc/<pid>/smaps_rollup``) of every process in the tree:
    pages shared after a fork count once in all, not once per process as resident sizes would. A peak shorter
    than the interval can be missed; ``peak_mb`` is None where ``/proc`` does not tell."""

    INTERVAL_S = 0.5

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_mb: float | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stopped.wait(self.INTERVAL_S):
            kilobytes = sum(filter(None, (_pss_kb(pid) for pid in _process_tree(self.pid))))
            if kilobytes:
                self.peak_mb = max(self.peak_mb or 0.0, round(kilobytes / 1024, 1))


def _process_tree(pid: int) -> list[int]:
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                pending.extend(int(child) for child in children.read().split())
        except OSError:  # gone meanwhile, or no /proc
            continue
    return tree


def _pss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _tree_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def measure_output(spec: BuildSpec, result: BuildResult, sample_number: str | None) -> None:
    """Fill the output figures of ``result`` from the built site."""
    result.output_bytes, result.output_files = _tree_size(spec.site_dir)
    pages = spec.resolution_pages(spec.site_dir)
    result.resolution_pages = len(pages)
    if pages:
        result.bytes_per_resolution_page = round(sum(p.stat().st_size for p in pages) / len(pages), 1)
    if spec.search == "material":
        index = spec.site_dir / "search" / "search_index.json"
        if index.exists():
            data = index.read_bytes()
            # Material's client downloads the whole index before it can show any result.
            result.search = {"kind": "material search_index.json", "index_bytes": len(data),
                             "first_result_bytes": len(data), "first_result_gzip_bytes": len(gzip.compress(data, 6))}
    elif spec.search == "ours":
        result.search = measure_our_search(spec.site_dir, sample_number)


def measure_our_search(site_dir: Path, sample_number: str | None) -> dict | None:
    """Size of the plugin's search (Pagefind bundle, symbol lookup) and what the first result of a few queries
    downloads, measured in Chromium (``search_bench.measure_site``; the largest of the queries)."""
    if not (site_dir / "pagefind" / "pagefind-entry.json").is_file():
        return None
    import search_bench

    queries = {query: query.format(number=sample_number or "1/1") for query in SEARCH_QUERIES}
    try:
        figures = search_bench.measure_site(site_dir, queries)
    except Exception as error:  # no Chromium or Playwright here: the build figures still count
        return {"kind": "pagefind", "error": str(error)[:300]}
    return {"kind": "pagefind", "index_bytes": figures["bundle"]["bytes"], "index_files": figures["bundle"]["files"],
            "first_result_gzip_bytes": figures["first_result_gzip_bytes_worst"],
            "first_result_bytes": max(q["bytes"] for q in figures["queries"].values()),
            "queries": figures["queries"]}


def run_build(spec: BuildSpec, result: BuildResult, logs: Path) -> None:
    """One more run of ``spec``; records a failure (with the log's tail) instead of raising."""
    log_path = logs / f"{spec.name}-{result.resolutions}-run{len(result.runs) + 1}.log"
    temporary = logs.parent / "tmp"
    temporary.mkdir(exist_ok=True)
    figures = run_once(spec, log_path, temporary)
    result.runs.append(figures)
    if figures.returncode != 0 and result.error is None:
        result.error = log_path.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL:]


def summarise(result: BuildResult) -> None:
    """Medians over the successful runs."""
    good = [run for run in result.runs if run.returncode == 0]
    if not good:
        return
    result.wall_s = round(statistics.median(run.wall_s for run in good), 2)
    result.cpu_s = round(statistics.median(run.cpu_s for run in good), 2)
    system = [run.system_s for run in good if run.system_s is not None]
    result.system_s = round(statistics.median(system), 2) if system else None
    result.peak_mb = round(statistics.median(run.peak_mb for run in good), 1)
    tree_peaks = [run.tree_peak_mb for run in good if run.tree_peak_mb is not None]
    result.tree_peak_mb = round(statistics.median(tree_peaks), 1) if tree_peaks else None


# ---------------------------------------------------------------------------------------------------------------
# The sites being built.
# ---------------------------------------------------------------------------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it uses tags such as ``!ENV`` or ``!!python/name`` (kept as plain values)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _project_config(root: Path = ROOT) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def _our_config(docs_dir: Path, site_dir: Path, cache_dir: Path, folder: str, root: Path = ROOT) -> dict:
    """The mkdocs.yml of the project at ``root`` pointed at a benchmark collection: same theme, templates and
    plugins."""
    config = _project_config(root)
    config["site_name"] = "Resolutions (build benchmark)"
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    theme = dict(config.get("theme") or {"name": "material"})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    config["theme"] = theme
    config["nav"] = [{"Home": "index.md"}]
    plugins = []
    for entry in config.get("plugins") or []:
        if entry == "resolutions" or (isinstance(entry, dict) and "resolutions" in entry):
            options = dict((entry.get("resolutions") if isinstance(entry, dict) else None) or {})
            options["folder"] = folder
            options["cache_dir"] = str(cache_dir)
            options["allow_links_outside_docs"] = True  # the corpus collection links its files in
            entry = {"resolutions": options}
        plugins.append(entry)
    if not any(isinstance(p, dict) and "resolutions" in p for p in plugins):
        plugins.append({"resolutions": {"folder": folder, "cache_dir": str(cache_dir), "allow_links_outside_docs": True}})
    config["plugins"] = plugins
    return config


def _plain_config(docs_dir: Path, site_dir: Path) -> dict:
    """Plain MkDocs + Material with its search, footnotes as the texts need them, only the home page in the nav."""
    return {
        "site_name": "Resolutions (plain MkDocs baseline)",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material"},
        "markdown_extensions": ["footnotes", "attr_list"],
        "plugins": ["search"],
        "nav": [{"Home": "index.md"}],
    }


def _write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _our_resolution_pages(site_dir: Path) -> list[Path]:
    """Resolution pages are at their symbol's URL (``A/RES/51/148/``...); redirect pages for other spellings of
    a symbol live there too and are left out (they hold a ``http-equiv="refresh"``)."""
    pages = []
    for top in ("A", "S", "E"):
        for page in (site_dir / top).rglob("index.html") if (site_dir / top).is_dir() else ():
            with page.open("rb") as handle:
                head = handle.read(2048)
            if b'http-equiv="refresh"' not in head:
                pages.append(page)
    return pages


def _plain_resolution_pages(site_dir: Path) -> list[Path]:
    folder = site_dir / "pages"
    return sorted(folder.glob("*/index.html")) if folder.is_dir() else []


def _python_mkdocs(config_file: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file)]


@dataclass(frozen=True)
class Variant:
    """Another first build of ours on the same collection: plugin options changed, or another installation."""

    name: str
    options: tuple[tuple[str, object], ...] = ()
    """Plugin options that differ from the project's mkdocs.yml."""
    python: str | None = None
    """The Python of another installation of the plugin (a baseline), or None for this one."""
    root: Path = ROOT
    """The checkout whose mkdocs.yml and templates the build uses (a baseline's own)."""


def parse_variant(text: str) -> Variant:
    """``NAME=option:value,option:value`` (values read as YAML: ``false``, ``2``) into a ``Variant``."""
    name, _, spec = text.partition("=")
    if not name or not spec:
        raise ValueError(f"a variant is NAME=option:value[,option:value], not {text!r}")
    options = []
    for item in spec.split(","):
        key, _, value = item.partition(":")
        if not key or not value:
            raise ValueError(f"a variant option is option:value, not {item!r}")
        options.append((key.strip(), yaml.safe_load(value)))
    return Variant(name.strip(), tuple(options))


def parse_baseline(text: str) -> Variant:
    """``NAME=PYTHON`` into a ``Variant`` built by that Python, with the mkdocs.yml and templates of the checkout
    whose ``.venv/bin/python`` it is (a virtual environment's Python is not resolved: it links elsewhere)."""
    name, _, python = text.partition("=")
    if not name or not python:
        raise ValueError(f"a baseline is NAME=PYTHON, not {text!r}")
    interpreter = Path(python).absolute()
    checkout = interpreter.parent.parent.parent
    return Variant(name.strip(), python=str(interpreter), root=checkout if (checkout / "mkdocs.yml").is_file() else ROOT)


def _variant_specs(variants: Sequence[Variant], collection_dir: Path, docs: Path) -> list[BuildSpec]:
    specs = []
    for variant in variants:
        root = collection_dir / variant.name
        root.mkdir(parents=True, exist_ok=True)
        config = _our_config(docs, root / "site", root / "cache", "resolutions", variant.root)
        for entry in config["plugins"]:
            if isinstance(entry, dict) and "resolutions" in entry:
                entry["resolutions"].update(dict(variant.options))
        config_file = _write_yaml(root / "mkdocs.yml", config)
        command = _python_mkdocs(config_file)
        if variant.python:
            command[0] = variant.python
        specs.append(BuildSpec(variant.name, command, root, root / "site", _our_resolution_pages, (root / "cache",),
                               "ours"))
    return specs


def _index_page(text: str) -> str:
    return f"# Resolutions\n\n{text}\n"


def prepare_size(work: Path, count: int, seed: int, words: int, builds: Sequence[str],
                 variants: Sequence[Variant] = ()) -> tuple[list[BuildSpec], str]:
    """Generate the collection of ``count`` resolutions and the sites to build; returns the specs and the number
    of one resolution (for the search query)."""
    collection_dir = work / f"n{count}"
    if collection_dir.exists():
        shutil.rmtree(collection_dir)
    ours_docs = collection_dir / "ours" / "docs"
    synthetic = generate.write_collection(ours_docs / "resolutions", count, seed, words)
    (ours_docs / "index.md").write_text(_index_page("A synthetic collection for the build benchmark."),
                                        encoding="utf-8")
    sample_number = _sample_number(synthetic)
    specs: list[BuildSpec] = []
    if "ours" in builds or "ours-warm" in builds:
        cache = collection_dir / "ours" / "cache"
        config = _write_yaml(collection_dir / "ours" / "mkdocs.yml",
                             _our_config(ours_docs, collection_dir / "ours" / "site", cache, "resolutions"))
        for name in ("ours", "ours-warm"):
            if name in builds:
                specs.append(BuildSpec(name, _python_mkdocs(config), config.parent, collection_dir / "ours" / "site",
                                       _our_resolution_pages, (cache,) if name == "ours" else (), "ours"))
    specs += _variant_specs(variants, collection_dir, ours_docs)
    if "plain" in builds:
        plain_docs = collection_dir / "plain" / "docs"
        plain_site.write_plain_site(ours_docs / "resolutions", plain_docs, "mkdocs")
        config = _write_yaml(collection_dir / "plain" / "mkdocs.yml",
                             _plain_config(plain_docs, collection_dir / "plain" / "site"))
        specs.append(BuildSpec("plain", _python_mkdocs(config), config.parent, collection_dir / "plain" / "site",
                               _plain_resolution_pages, (), "material"))
    if "hugo" in builds and shutil.which("hugo"):
        hugo_site = collection_dir / "hugo"
        shutil.copytree(BENCH / "hugo", hugo_site)
        plain_site.write_plain_site(ours_docs / "resolutions", hugo_site / "content", "hugo")
        command = ["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(hugo_site / "public"),
                   "--cacheDir", str(hugo_site / "cache")]
        specs.append(BuildSpec("hugo", command, hugo_site, hugo_site / "public", _plain_resolution_pages, (), "none"))
    return specs, sample_number


def _sample_number(paths: Sequence[Path]) -> str | None:
    for path in paths:
        parts = path.stem.split("_")
        if parts[:2] == ["A", "RES"] and len(parts) == 4:
            return f"{parts[2]}/{parts[3]}"
    return None


def prepare_corpus(work: Path, corpus: Path) -> BuildSpec | None:
    """Our plugin on the real corpus. The files are linked (not copied) into a docs folder under bench/out/,
    without the corpus README and the .truth.json files."""
    if not corpus.is_dir():
        return None
    site_root = work / "corpus"
    if site_root.exists():
        shutil.rmtree(site_root)
    docs = site_root / "docs"
    for source in sorted(corpus.rglob("*.md")):
        if source.name == "README.md":
            continue
        target = docs / "resolutions" / source.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(source.resolve())
    (docs / "index.md").write_text(_index_page("The development corpus."), encoding="utf-8")
    cache = site_root / "cache"
    config = _write_yaml(site_root / "mkdocs.yml", _our_config(docs, site_root / "site", cache, "resolutions"))
    return BuildSpec("corpus", _python_mkdocs(config), site_root, site_root / "site", _our_resolution_pages, (cache,),
                     "ours")


# ---------------------------------------------------------------------------------------------------------------
# The whole run and its report.
# ---------------------------------------------------------------------------------------------------------------


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 3)


def _machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_kb = None
    try:
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "markdown-it-py"):
        try:
            from importlib.metadata import version
            versions[package] = version(package)
        except Exception:  # a missing package is reported as absent, not fatal
            versions[package] = None
    hugo = None
    if shutil.which("hugo"):
        hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    memory_gb = round(memory_kb / 1024 / 1024, 1) if memory_kb else None
    return {"cpu": model, "cores": os.cpu_count(), "memory_gb": memory_gb,
            "system": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "versions": versions, "hugo": hugo}


def _git_commit() -> str | None:
    completed = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return completed.stdout.strip() or None


def benchmark(sizes: Sequence[int], runs: Sequence[int], seed: int, words: int, builds: Sequence[str],
              corpus: Path | None, out: Path, keep: bool, command: str = "", corpus_runs: int = 1,
              variants: Sequence[Variant] = (),
              progress: Callable[[str], None] = print, save: Callable[[dict], None] = lambda report: None) -> dict:
    """Run every build ``runs[i]`` times at ``sizes[i]`` (and the corpus ``corpus_runs`` times); return the results.

    ``save`` receives the report so far after each size, so that an interrupted run still leaves figures."""
    out.mkdir(parents=True, exist_ok=True)
    work = out / f"run-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}"
    logs = work / "logs"
    logs.mkdir(parents=True)
    report: dict = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "command": command,
                    "machine": _machine(), "git_commit": _git_commit(), "runs": dict(zip(map(str, sizes), runs)),
                    "corpus_runs": corpus_runs, "seed": seed,
                    "words_per_resolution": words, "sizes": [], "corpus": None}
    # The real corpus first: it is quick, and a run cut short still has it.
    if corpus is not None:
        spec = prepare_corpus(work, corpus)
        if spec is not None:
            count = len(list((work / "corpus" / "docs" / "resolutions").rglob("*.md")))
            result = BuildResult("corpus", count)
            for run in range(corpus_runs):
                progress(f"[corpus, {count} files] run {run + 1}/{corpus_runs}")
                run_build(spec, result, logs)
                if run == 0 and result.error is None:
                    measure_output(spec, result, "74/1")
            summarise(result)
            report["corpus"] = asdict(result)
            save(report)
            if not keep:
                shutil.rmtree(work / "corpus", ignore_errors=True)
    for count, size_runs in zip(sizes, runs):
        progress(f"[{count}] generating the collection and the plain pages")
        started = time.perf_counter()
        specs, sample_number = prepare_size(work, count, seed, words, builds, variants)
        results = {spec.name: BuildResult(spec.name, count) for spec in specs}
        load_before = os.getloadavg()
        report["sizes"].append({})
        for run in range(size_runs):
            # Every other round in the reverse order (A B C, C B A, ...): a steady drift of the machine's speed
            # then weighs on every build alike over two rounds, and the ratio of sums cancels it.
            for spec in specs if run % 2 == 0 else specs[::-1]:
                progress(f"[{count}] {spec.name} run {run + 1}/{size_runs}")
                run_build(spec, results[spec.name], logs)
                if run == 0 and results[spec.name].error is None:
                    # Every run writes the same site: its output is measured once, after the first run.
                    measure_output(spec, results[spec.name], sample_number)
                if not keep:
                    # On a memory file system (``--out /dev/shm/…``) a built site holds memory until removed.
                    shutil.rmtree(spec.site_dir, ignore_errors=True)
            # Saved after every round of runs, so that a run cut short still leaves its figures.
            report["sizes"][-1] = _size_entry(count, results, run + 1, started, load_before)
            report["scaling"] = _scaling(report["sizes"])
            save(report)
        if not keep:
            shutil.rmtree(work / f"n{count}", ignore_errors=True)
    report["scaling"] = _scaling(report["sizes"])
    return report


def _size_entry(count: int, results: dict[str, BuildResult], runs_done: int, started: float,
                load_before: tuple[float, float, float]) -> dict:
    """The figures of one size so far: medians, ratios ours/plain and ours/Hugo, time per resolution."""
    for result in results.values():
        summarise(result)
    entry = {"resolutions": count, "runs_done": runs_done, "elapsed_s": round(time.perf_counter() - started, 1),
             "load_average_before": [round(x, 2) for x in load_before],
             "load_average_after": [round(x, 2) for x in os.getloadavg()],
             "builds": {name: asdict(result) for name, result in results.items()}}
    wall = {name: result.wall_s for name, result in results.items()}
    cpu = {name: result.cpu_s for name, result in results.items()}
    ours_builds = [name for name in results if name not in ("plain", "hugo")]
    pairs = [(name, other) for other in ("plain", "hugo") for name in ours_builds]
    pairs += [("ours", name) for name in ours_builds if name not in ("ours", "ours-warm")]
    entry["ratios"] = {f"{a}/{b}": _ratio(wall.get(a), wall.get(b)) for a, b in pairs}
    # CPU time is less disturbed than wall time when other processes share the machine.
    entry["cpu_ratios"] = {f"{a}/{b}": _ratio(cpu.get(a), cpu.get(b)) for a, b in pairs}
    # Ratios of the sums over the runs both builds completed: with the rounds' order alternating, these are the
    # figures a steady drift does not move (medians pick one run each, from different moments).
    entry["sum_ratios"] = {f"{a}/{b}": _sum_ratio(results.get(a), results.get(b), "wall_s") for a, b in pairs}
    entry["cpu_sum_ratios"] = {f"{a}/{b}": _sum_ratio(results.get(a), results.get(b), "cpu_s") for a, b in pairs}
    entry["run_ratios"] = {f"{a}/{b}": _run_ratios(results.get(a), results.get(b)) for a, b in pairs}
    entry["ms_per_resolution"] = {name: round(1000 * value / count, 2) for name, value in wall.items() if value}
    entry["cpu_ms_per_resolution"] = {name: round(1000 * value / count, 2) for name, value in cpu.items() if value}
    return entry


def _scaling(sizes: list[dict]) -> dict:
    """Time per resolution at the largest size over that at the smallest, per build (1.0 is linear)."""
    if len(sizes) < 2:
        return {}
    smallest, largest = sizes[0], sizes[-1]
    label = f"{largest['resolutions']}/{smallest['resolutions']}"

    def per_resolution_ratio(key: str) -> dict:
        return {name: _ratio(largest.get(key, {}).get(name), smallest.get(key, {}).get(name))
                for name in largest.get(key, {})}

    # CPU time per resolution is the steadier figure when the machine's load changes between sizes.
    return {"sizes": label, "ms_per_resolution_ratio": per_resolution_ratio("ms_per_resolution"),
            "cpu_ms_per_resolution_ratio": per_resolution_ratio("cpu_ms_per_resolution")}


def _fmt(value, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


def _kb(value) -> str:
    return "–" if value is None else f"{value / 1024:,.1f} KB"


def _mb(value) -> str:
    return "–" if value is None else f"{value / 1024 / 1024:,.1f} MB"


def _rounds(a: BuildResult | None, b: BuildResult | None) -> list[tuple[RunFigures, RunFigures]]:
    """The runs of ``a`` and ``b`` made in the same round, for the rounds where both succeeded."""
    if a is None or b is None:
        return []
    return [(x, y) for x, y in zip(a.runs, b.runs) if x.returncode == 0 and y.returncode == 0]


def _sum_ratio(a: BuildResult | None, b: BuildResult | None, figure: str) -> float | None:
    """Sum of ``figure`` over ``a``'s runs by that over ``b``'s, over the rounds both completed."""
    rounds = _rounds(a, b)
    if not rounds:
        return None
    return _ratio(sum(getattr(x, figure) for x, _ in rounds), sum(getattr(y, figure) for _, y in rounds))


def _run_ratios(a: BuildResult | None, b: BuildResult | None) -> list[float | None]:
    """The wall-time ratio of ``a`` to ``b`` in each round both completed (how far one round's pair strays)."""
    return [_ratio(x.wall_s, y.wall_s) for x, y in _rounds(a, b)]


def markdown_report(report: dict) -> str:
    """The results as a Markdown page (bench/results/latest.md)."""
    machine = report["machine"]
    lines = [
        "# Build benchmark: latest figures", "",
        f"- Date: {report['date']}; commit {report['git_commit']}",
        f"- Command: `{report['command']}`",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB; {machine['system']}; "
        f"Python {machine['python']}; " + ", ".join(f"{k} {v}" for k, v in machine["versions"].items())
        + (f"; {machine['hugo']}" if machine.get("hugo") else "; Hugo not installed"),
        f"- Medians of runs per size {report['runs']} (corpus: {report['corpus_runs']}); synthetic collections from "
        f"`bench/generate.py --seed {report['seed']}` (about {report['words_per_resolution']} words per resolution).",
        "- Wall = elapsed time; CPU = user + system time of the build process and its children (in brackets, when "
        "measured: the system time, the kernel's part, mostly creating files; it depends on the file system under "
        "`--out`); peak = largest "
        "resident set of one process; all processes = largest sum of the proportional set sizes of the build and "
        "its child processes (parse workers), sampled every 0.5 s.", "",
    ]
    for entry in report["sizes"]:
        lines += [f"## {entry['resolutions']:,} resolutions", "",
                  f"Runs done: {entry.get('runs_done')}.", "",
                  f"Load average before/after (1, 5, 15 min): {entry['load_average_before']} / "
                  f"{entry['load_average_after']}", "",
                  "| build | wall | CPU (system) | peak memory (one process / all processes) | output | files | per resolution "
                  "page | search: first result (gzip) | ms per resolution (wall / CPU) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for name, build in entry["builds"].items():
            search = build.get("search") or {}
            first = search.get("first_result_bytes")
            search_text = "–" if first is None else f"{_kb(first)} ({_kb(search.get('first_result_gzip_bytes'))})"
            status = "" if build["error"] is None else " (failed)"
            system = f" ({_fmt(build['system_s'], ' s')})" if build.get("system_s") is not None else ""
            lines.append(f"| {name}{status} | {_fmt(build['wall_s'], ' s')} | {_fmt(build['cpu_s'], ' s')}{system} | "
                         f"{_fmt(build['peak_mb'], ' MB', 0)} / {_fmt(build.get('tree_peak_mb'), ' MB', 0)} | "
                         f"{_mb(build['output_bytes'])} | "
                         f"{_fmt(build['output_files'])} | {_kb(build['bytes_per_resolution_page'])} | {search_text} | "
                         f"{_fmt(entry['ms_per_resolution'].get(name))} / "
                         f"{_fmt(entry.get('cpu_ms_per_resolution', {}).get(name))} |")
        ratios = ", ".join(f"{k} = {_fmt(v, '', 3)}" for k, v in entry["ratios"].items() if v is not None)
        cpu_ratios = ", ".join(f"{k} = {_fmt(v, '', 3)}" for k, v in entry["cpu_ratios"].items() if v is not None)
        lines += ["", f"Wall-time ratios: {ratios or '–'}", "", f"CPU-time ratios: {cpu_ratios or '–'}", ""]
        if entry.get("runs_done", 0) > 1 and entry.get("sum_ratios"):
            sums = ", ".join(f"{k} = {_fmt(v, '', 3)}" for k, v in entry["sum_ratios"].items() if v is not None)
            cpu_sums = ", ".join(f"{k} = {_fmt(v, '', 3)}" for k, v in entry["cpu_sum_ratios"].items()
                                 if v is not None)
            rounds = "; ".join(f"{k} = {', '.join(_fmt(v, '', 3) for v in values)}"
                               for k, values in entry.get("run_ratios", {}).items() if values and any(values))
            lines += [f"Ratios of the sums over the runs (wall): {sums or '–'}", "",
                      f"The same for CPU time: {cpu_sums or '–'}", "",
                      f"Each run's wall-time ratio, in the order of the runs: {rounds or '–'}", ""]
        for name, build in entry["builds"].items():
            if build["error"]:
                lines += [f"`{name}` failed; end of its log:", "", "```", build["error"].strip()[-800:], "```", ""]
    if report.get("scaling"):
        scaling = report["scaling"]
        ratios = ", ".join(f"{k} = {_fmt(v, '', 3)}" for k, v in scaling["ms_per_resolution_ratio"].items())
        cpu = ", ".join(f"{k} = {_fmt(v, '', 3)}" for k, v in scaling.get("cpu_ms_per_resolution_ratio", {}).items())
        lines += ["## Scaling", "", f"Time per resolution at {scaling['sizes']} resolutions (1.0 = linear): wall "
                  f"{ratios}; CPU {cpu or '–'}.", ""]
    corpus = report.get("corpus")
    if corpus:
        search = corpus.get("search") or {}
        lines += ["## Real corpus (`../shared/corpus`) with the plugin", "",
                  f"{corpus['resolutions']:,} files: wall {_fmt(corpus['wall_s'], ' s')}, CPU "
                  f"{_fmt(corpus['cpu_s'], ' s')}, peak {_fmt(corpus['peak_mb'], ' MB', 0)} (all processes "
                  f"{_fmt(corpus.get('tree_peak_mb'), ' MB', 0)}), output "
                  f"{_mb(corpus['output_bytes'])} in {_fmt(corpus['output_files'])} files, "
                  f"{_fmt(corpus['resolution_pages'])} resolution pages of {_kb(corpus['bytes_per_resolution_page'])} "
                  f"on average; search first result {_kb(search.get('first_result_bytes'))}.", ""]
        if corpus["error"]:
            lines += ["The corpus build failed; end of its log:", "", "```", corpus["error"].strip()[-800:], "```", ""]
    return "\n".join(lines)


def rewrite_report(results_dir: Path) -> int:
    """Recompute the derived figures of a saved report from its measured runs (nothing is re-measured)."""
    path = results_dir / "latest.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    for position, entry in enumerate(report["sizes"]):
        results = {}
        for name, build in entry["builds"].items():
            results[name] = BuildResult(**{**build, "runs": [RunFigures(**run) for run in build["runs"]]})
        rebuilt = _size_entry(entry["resolutions"], results, entry.get("runs_done", 0), time.perf_counter(),
                              tuple(entry["load_average_before"]))
        # Keep what was recorded at the time of the measurement.
        rebuilt["load_average_after"] = entry["load_average_after"]
        rebuilt["elapsed_s"] = entry.get("elapsed_s", entry.get("setup_s"))
        report["sizes"][position] = rebuilt
    report["scaling"] = _scaling(report["sizes"])
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (results_dir / "latest.md").write_text(markdown_report(report), encoding="utf-8")
    print(markdown_report(report))
    return 0


def _project_relative(argument: str) -> str:
    """An argument as the report shows it: an absolute path (also after ``NAME=``) relative to the project, so
    that a report names no folder of the machine it ran on."""
    name, equals, value = argument.rpartition("=")
    if not os.path.isabs(value):
        return argument
    return f"{name}{equals}{os.path.relpath(value, ROOT)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated collection sizes (default 1000,5000)")
    parser.add_argument("--runs", default="3", help="runs of each build, medians are reported: one number for all "
                        "sizes or one per size, e.g. 3,3,1 (default 3)")
    parser.add_argument("--corpus-runs", type=int, default=1, help="runs of the real corpus build (default 1)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--words", type=int, default=1000, help="mean words per resolution (default 1000)")
    parser.add_argument("--builds", default=",".join(ALL_BUILDS),
                        help=f"builds to run, among {','.join(ALL_BUILDS)} (default all; hugo only when installed)")
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=option:value,...",
                        help="also a first build of ours with these plugin options (repeatable), "
                        "e.g. no-series=series:false")
    parser.add_argument("--baseline", action="append", default=[], metavar="NAME=PYTHON",
                        help="also a first build of ours by another installation's Python (repeatable), "
                        "e.g. before=../baseline/.venv/bin/python")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="real corpus to build with the plugin")
    parser.add_argument("--no-corpus", action="store_true", help="skip the real corpus build")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="work folder (default bench/out, gitignored)")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS,
                        help="where latest.json and latest.md are written (default bench/results)")
    parser.add_argument("--keep", action="store_true", help="keep the generated collections and built sites")
    parser.add_argument("--rewrite-report", action="store_true",
                        help="only recompute the derived figures (ratios, per resolution, scaling) of "
                        "RESULTS/latest.json from its measured runs and rewrite latest.md")
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(arguments)
    if args.rewrite_report:
        return rewrite_report(args.results)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    runs = [int(value) for value in args.runs.split(",") if value.strip()]
    if len(runs) == 1:
        runs = runs * len(sizes)
    if len(runs) != len(sizes) or min(runs, default=1) < 1:
        parser.error("--runs takes one positive number, or one per size")
    builds = [name.strip() for name in args.builds.split(",") if name.strip()]
    unknown = set(builds) - set(ALL_BUILDS)
    if unknown:
        parser.error(f"unknown builds: {', '.join(sorted(unknown))}")
    try:
        variants = [parse_variant(text) for text in args.variant] + [parse_baseline(text) for text in args.baseline]
    except ValueError as error:
        parser.error(str(error))
    if len({variant.name for variant in variants} | set(ALL_BUILDS)) != len(variants) + len(ALL_BUILDS):
        parser.error("variant and baseline names must differ from each other and from the builds")

    def save(report: dict) -> None:
        args.results.mkdir(parents=True, exist_ok=True)
        (args.results / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        (args.results / "latest.md").write_text(markdown_report(report), encoding="utf-8")

    command = " ".join(["python bench/build_bench.py", *(shlex.quote(_project_relative(a)) for a in arguments)])
    report = benchmark(sizes, runs, args.seed, args.words, builds, None if args.no_corpus else args.corpus,
                       args.out, args.keep, command=command, corpus_runs=args.corpus_runs, variants=variants,
                       progress=lambda message: print(message, flush=True), save=save)
    save(report)
    print(markdown_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
