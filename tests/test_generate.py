"""The benchmark's synthetic collections: they parse cleanly, are deterministic, and have the requested shape."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench_scripts import load as _load
from resolutions.parse import parser
from resolutions.model import ERROR


generate = _load("generate")
plain_site = _load("plain_site")

SAMPLE_SIZE = 400


@pytest.fixture(scope="module")
def sample():
    """A 400-resolution collection (GA, Security Council, ECOSOC) and each file parsed by the project's parser."""
    files = list(generate.generate(SAMPLE_SIZE, seed=7, words=600))
    return [(synthetic, parser.parse(synthetic.text, synthetic.filename)) for synthetic in files]


def test_every_file_parses_without_error_diagnostics(sample):
    errors = [d.format() for _, parsed in sample for d in parsed.diagnostics if d.severity == ERROR]
    assert errors == []


def test_parsed_symbol_matches_the_file_name_and_symbol(sample):
    mismatched = [(s.filename, s.symbol, p.symbol) for s, p in sample if p.symbol != s.symbol]
    assert mismatched == []
    for synthetic, _ in sample:
        expected = synthetic.symbol.replace("(", "").replace(")", "").replace("/", "_").replace(" ", "_") + ".md"
        assert synthetic.filename == expected


def test_every_body_and_structure_is_represented(sample):
    bodies = Counter(parsed.body for _, parsed in sample)
    assert set(bodies) == {"General Assembly", "Security Council", "Economic and Social Council"}
    assert bodies["General Assembly"] > bodies["Security Council"] > bodies["Economic and Social Council"]
    parsed = [p for _, p in sample]
    assert any(len(p.parts) >= 2 for p in parsed), "no resolution with parts A/B"
    assert any(p.sections for p in parsed), "no resolution with roman sections"
    assert any(len(p.agenda_items) >= 2 for p in parsed), "no resolution with several agenda items"
    assert any(item.items for p in parsed for item in p.operative), "no lettered sub-paragraphs"
    assert sum(len(p.footnotes) for p in parsed) > SAMPLE_SIZE, "too few footnotes"
    assert all(p.meeting is not None or p.parts for p in parsed), "a resolution without its adoption meeting"


def test_citations_inside_the_collection_are_found_by_the_parser(sample):
    symbols = {s.symbol.split(" ")[0] for s, _ in sample}
    inside = 0
    for synthetic, parsed in sample:
        found = {citation.symbol.split(" ")[0] for citation in parsed.citations}
        for cited in synthetic.cited_symbols:
            assert cited.split(" ")[0] in symbols  # the generator only claims targets that exist
            assert cited.split(" ")[0] in found, f"{synthetic.filename}: citation of {cited} not found"
            inside += 1
    assert inside > SAMPLE_SIZE / 2


def test_adoption_dates_follow_the_resolution_numbers_within_a_session(sample):
    by_session: dict[str, list[tuple[int, str]]] = {}
    for synthetic, parsed in sample:
        if parsed.body == "General Assembly" and parsed.adopted:
            number = int(synthetic.symbol.split("/")[3].split(" ")[0])
            by_session.setdefault(parsed.session, []).append((number, parsed.adopted))
    assert by_session
    for adopted in by_session.values():
        dates = [day for _, day in sorted(adopted)]
        assert dates == sorted(dates)


def test_same_seed_gives_identical_files_and_another_seed_does_not():
    first = [(f.filename, f.text) for f in generate.generate(60, seed=3)]
    again = [(f.filename, f.text) for f in generate.generate(60, seed=3)]
    other = [(f.filename, f.text) for f in generate.generate(60, seed=4)]
    assert first == again
    assert first != other


def test_write_collection_writes_the_requested_number_of_files(tmp_path):
    paths = generate.write_collection(tmp_path / "collection", 250, seed=2, words=400)
    assert len(paths) == 250
    assert len({p.name for p in paths}) == 250
    assert sorted(p.name for p in (tmp_path / "collection").iterdir()) == sorted(p.name for p in paths)


def test_requested_sessions_are_used():
    planned = generate.plan_collection(3000, seed=1, sessions=6)
    ga_sessions = Counter(p.session for p in planned if p.body == "ga")
    assert len(planned) == 3000
    assert len(ga_sessions) == 6
    assert max(ga_sessions.values()) - min(ga_sessions.values()) <= 1
    default = generate.plan_collection(3000, seed=1)
    assert len({p.session for p in default if p.body == "ga"}) >= 8  # about 280 per session


def test_length_follows_the_requested_words():
    files = list(generate.generate(120, seed=5, words=1000))
    mean_words = sum(len(f.text.split()) for f in files) / len(files)
    assert 800 <= mean_words <= 1250


def test_plain_pages_keep_the_text_and_link_citations(tmp_path):
    source = tmp_path / "source"
    generate.write_collection(source, 120, seed=2, words=400)
    count = plain_site.write_plain_site(source, tmp_path / "docs")
    assert count == 120
    pages = sorted((tmp_path / "docs" / "pages").glob("*.md"))
    assert len(pages) == 120
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert "<sup>" not in text and "[^1]: " in text
    assert "](A_RES_" in text  # citations of resolutions in the collection are links
    assert (tmp_path / "docs" / "index.md").exists()


# The harness itself (bench/build_bench.py), without running any site build.

build_bench = _load("build_bench")


def test_our_benchmark_config_points_the_plugin_at_the_collection(tmp_path):
    config = build_bench._our_config(tmp_path / "docs", tmp_path / "site", tmp_path / "cache", "resolutions")
    assert config["docs_dir"] == str(tmp_path / "docs")
    assert config["site_dir"] == str(tmp_path / "site")
    assert config["nav"] == [{"Home": "index.md"}]
    options = [p["resolutions"] for p in config["plugins"] if isinstance(p, dict) and "resolutions" in p]
    assert options and options[0]["folder"] == "resolutions" and options[0]["cache_dir"] == str(tmp_path / "cache")
    custom_dir = config["theme"].get("custom_dir")
    assert custom_dir is None or Path(custom_dir).is_absolute()


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="needs Linux /proc/<pid>/smaps_rollup")
def test_the_memory_of_a_builds_child_processes_is_counted(tmp_path):
    # A build that forks a worker holding ~150 MB while the build process waits: the tree's peak counts it.
    worker = ("import os, time\n"
              "if os.fork() == 0:\n"
              "    block = bytearray(150 * 2**20)\n"
              "    block[::4096] = b'x' * len(block[::4096])\n"
              "    time.sleep(2)\n"
              "    os._exit(0)\n"
              "os.wait()\n")
    spec = build_bench.BuildSpec("forks", [sys.executable, "-c", worker], tmp_path, tmp_path / "site", lambda site: [])
    result = build_bench.BuildResult("forks", 1)
    build_bench.run_build(spec, result, tmp_path)
    run = result.runs[0]
    assert run.returncode == 0
    assert run.tree_peak_mb is not None and run.tree_peak_mb > 140


def test_a_build_is_measured_in_a_subprocess_and_a_failure_is_recorded(tmp_path):
    spec = build_bench.BuildSpec("probe", [sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"],
                                 tmp_path, tmp_path / "site", lambda site: [])
    result = build_bench.BuildResult("probe", 1)
    build_bench.run_build(spec, result, tmp_path)
    assert result.runs[0].returncode == 3
    assert result.runs[0].peak_mb > 0
    assert "boom" in result.error
    build_bench.summarise(result)
    assert result.wall_s is None  # no successful run, no median


def test_instruction_counts_are_summed_by_process_role(tmp_path):
    instruction_bench = _load("instruction_bench")
    python = "/venv/bin/python -m mkdocs build --quiet --config-file /w/ours/mkdocs.yml"
    outputs = {  # callgrind's own format: the command line, then the total of its first event (instructions)
        100: f"version: 1\ncmd: {python}\nevents: Ir\nsummary: 500\n",
        101: f"version: 1\ncmd: {python}\nevents: Ir\ntotals: 300\n",
        102: f"version: 1\ncmd: {python}\nevents: Ir\nsummary: 200\n",
        103: "cmd: /venv/bin/python -m resolutions.mkdocs_adapter.pagefind_feed /tmp/w /w/site/pagefind\nsummary: 7\n",
        104: "cmd: /venv/lib/site-packages/pagefind_bin/pagefind --site /tmp/w/pages\nsummary: 90\n",
    }
    for pid, text in outputs.items():
        (tmp_path / f"{pid}.out").write_text(text)
    assert instruction_bench.read_counts(tmp_path, build_pid=100) == {
        "build process": 500, "parse workers": 500, "search feed": 7, "Pagefind": 90}
    (tmp_path / "105.out").write_text(f"cmd: {python}\n")  # a process still running when the build ended
    with pytest.raises(ValueError, match="105.out: no instruction total"):
        instruction_bench.read_counts(tmp_path, build_pid=100)


def test_report_gives_ratios_and_scaling():
    def size(count: int, ours: float, plain: float) -> dict:
        builds = {}
        for name, wall in (("ours", ours), ("plain", plain)):
            builds[name] = {"wall_s": wall, "cpu_s": wall, "peak_mb": 100.0, "output_bytes": 2048,
                            "output_files": count, "bytes_per_resolution_page": 1024.0, "search": None,
                            "error": None}
        return {"resolutions": count, "load_average_before": [1, 1, 1], "load_average_after": [1, 1, 1],
                "builds": builds, "ratios": {"ours/plain": round(ours / plain, 3)},
                "cpu_ratios": {"ours/plain": round(ours / plain, 3)},
                "ms_per_resolution": {"ours": 1000 * ours / count, "plain": 1000 * plain / count}}

    sizes = [size(1000, 2.0, 6.0), size(5000, 11.0, 35.0)]
    report = {"date": "2026-11-29T04:00:00+00:00", "git_commit": "abc", "command": "python bench/build_bench.py",
              "machine": {"cpu": "x", "cores": 2, "memory_gb": 8, "system": "Linux", "python": "3.11",
                          "versions": {"mkdocs": "1.6.1"}, "hugo": None},
              "runs": {"1000": 3, "5000": 3}, "corpus_runs": 1, "seed": 1, "words_per_resolution": 1000,
              "sizes": sizes, "corpus": None, "scaling": build_bench._scaling(sizes)}
    assert report["scaling"]["ms_per_resolution_ratio"]["ours"] == 1.1
    text = build_bench.markdown_report(report)
    assert "ours/plain = 0.333" in text
    assert "5000/1000" in text and "ours = 1.100" in text


def test_variants_are_builds_of_ours_with_changed_options_or_another_python(tmp_path):
    assert build_bench.parse_variant("no-series=series:false,concurrency:1") == build_bench.Variant(
        "no-series", (("series", False), ("concurrency", 1))
    )
    assert build_bench.parse_baseline("before=/x/bin/python") == build_bench.Variant("before", python="/x/bin/python")
    checkout = tmp_path / "old"
    (checkout / ".venv" / "bin").mkdir(parents=True)
    (checkout / "mkdocs.yml").write_text("theme: {name: material, custom_dir: site_templates}\n", encoding="utf-8")
    old = build_bench.parse_baseline(f"old={checkout}/.venv/bin/python")
    assert old.root == checkout
    assert build_bench._our_config(tmp_path, tmp_path, tmp_path, "r", old.root)["theme"]["custom_dir"] == str(
        checkout / "site_templates")
    with pytest.raises(ValueError):
        build_bench.parse_variant("no-series")
    specs, _ = build_bench.prepare_size(
        tmp_path, 20, 1, 200, ["ours"],
        [build_bench.Variant("quiet", (("search", False),)), build_bench.Variant("before", python="/x/bin/python")],
    )
    by_name = {spec.name: spec for spec in specs}
    assert sorted(by_name) == ["before", "ours", "quiet"]
    quiet = yaml.safe_load((tmp_path / "n20" / "quiet" / "mkdocs.yml").read_text())
    options = next(entry["resolutions"] for entry in quiet["plugins"] if isinstance(entry, dict) and "resolutions" in entry)
    assert options["search"] is False and options["cache_dir"] == str(tmp_path / "n20" / "quiet" / "cache")
    assert by_name["before"].command[0] == "/x/bin/python"
    assert by_name["quiet"].clear_before_run == (tmp_path / "n20" / "quiet" / "cache",)


def test_the_cost_of_a_variant_is_a_ratio_of_the_same_run():
    results = {}
    for name, wall in (("ours", 3.0), ("no-series", 2.5), ("plain", 6.0)):
        result = build_bench.BuildResult(name, 10)
        result.runs.append(build_bench.RunFigures(wall, wall, 10.0, 0))
        results[name] = result
    entry = build_bench._size_entry(10, results, 1, 0.0, (1.0, 1.0, 1.0))
    assert entry["ratios"]["ours/plain"] == 0.5
    assert entry["ratios"]["no-series/plain"] == round(2.5 / 6.0, 3)
    assert entry["ratios"]["ours/no-series"] == 1.2


def test_the_recorded_command_names_paths_relative_to_the_project():
    root = build_bench.ROOT
    assert build_bench._project_relative(f"before={root.parent}/baseline/.venv/bin/python") == (
        "before=../baseline/.venv/bin/python")
    assert build_bench._project_relative(str(root / "bench" / "out")) == "bench/out"
    assert build_bench._project_relative("no-series=series:false") == "no-series=series:false"
