"""Instruction benchmark: what a plugin option costs a build, in instructions counted by Valgrind's callgrind.

Wall and CPU times on a shared machine spread by 20% from one build to the next, more than the few percent a
feature's budget allows, so alternated timed builds need many runs to tell a 5% cost from a 10% one. Callgrind
counts the instructions each process executes instead: the same build gives the same count on a busy machine or
an idle one (the hash seed is fixed, so that sets and dicts are walked in the same order). This script builds one
synthetic collection several ways (``ours`` and each ``--variant``, as in ``build_bench.py``) under callgrind, with
every process the build starts counted (``--trace-children``): the build process, its parse workers, the search
feed and the Pagefind binary. The cost of what a variant turns off is ``ours / variant - 1`` of the counts.

Instructions are not seconds: an instruction of Pagefind's Rust or of a C library is not one of Python's
interpreter, and time spent in the kernel (creating files) or waiting counts nothing here. The build benchmark
measures time; this one measures, in one run and to a fraction of a percent, how much more work a feature adds.
A build under callgrind takes about 30 times as long (about 9 minutes at 1,000 resolutions on this machine), so
sizes stay small; a feature whose work grows linearly costs the same share at any size.

    python bench/instruction_bench.py --size 1000 --variant no-mandates=mandates:false
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import build_bench
import generate

BENCH = Path(__file__).resolve().parent
DEFAULT_OUT = BENCH / "out" / "instructions"
DEFAULT_RESULTS = BENCH / "results"
HASH_SEED = "0"
"""``PYTHONHASHSEED`` of every build: the same walk over sets and dicts, so the same count, run after run."""

ROLES = ("build process", "parse workers", "search feed", "Pagefind")
"""The processes of a build, as the report names them."""

_TOTAL = re.compile(r"^(?:summary|totals):\s+(\d+)", re.MULTILINE)
_COMMAND = re.compile(r"^cmd:\s*(.*)$", re.MULTILINE)


@dataclass
class Counted:
    """The instructions of one build, by role (``ROLES``)."""

    name: str
    roles: dict[str, int] = field(default_factory=dict)
    minutes: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.roles.values())


def role_of(command: str, build_pid: int, pid: int) -> str:
    """Which process of a build a callgrind output file is, from its command line and process id."""
    if pid == build_pid:
        return "build process"
    if "pagefind_feed" in command:
        return "search feed"
    program = command.split(maxsplit=1)[0] if command.strip() else ""
    if os.path.basename(program).startswith("pagefind"):
        return "Pagefind"
    return "parse workers"  # forked from the build: the same command line


def read_counts(folder: Path, build_pid: int) -> dict[str, int]:
    """The instructions of every process whose callgrind output (``<pid>.out``) is in ``folder``, by role."""
    roles = dict.fromkeys(ROLES, 0)
    for path in sorted(folder.glob("*.out")):
        text = path.read_text(encoding="utf-8", errors="replace")
        total = _TOTAL.search(text)
        if total is None:
            raise ValueError(f"{path}: no instruction total, expected a finished callgrind output")
        command = _COMMAND.search(text)
        roles[role_of(command.group(1) if command else "", build_pid, int(path.stem))] += int(total.group(1))
    return roles


def count_build(name: str, config_file: Path, folder: Path) -> Counted:
    """Build the site of ``config_file`` under callgrind; its instructions by role."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    command = ["valgrind", "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={folder}/%p.out",
               sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file)]
    started = time.monotonic()
    with open(folder / "log.txt", "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=config_file.parent,
                                   env=dict(os.environ, PYTHONHASHSEED=HASH_SEED))
        status = process.wait()
    if status != 0:
        raise RuntimeError(f"{name}: the build under callgrind failed (status {status}), see {folder / 'log.txt'}")
    # Valgrind runs the program in its own process: the build's process id is the one started here.
    return Counted(name, read_counts(folder, process.pid), (time.monotonic() - started) / 60)


def prepare(work: Path, size: int, seed: int, words: int, variants: Sequence[build_bench.Variant]
            ) -> list[tuple[str, Path]]:
    """The collection and one mkdocs.yml per build (``ours`` and each variant): (name, config file)."""
    if work.exists():
        shutil.rmtree(work)
    docs = work / "docs"
    generate.write_collection(docs / "resolutions", size, seed, words)
    (docs / "index.md").write_text("# Instruction benchmark\n\nA synthetic collection.\n", encoding="utf-8")
    builds = []
    for variant in [build_bench.Variant("ours"), *variants]:
        root = work / variant.name
        root.mkdir()
        config = build_bench._our_config(docs, root / "site", root / "cache", "resolutions")
        for entry in config["plugins"]:
            if isinstance(entry, dict) and "resolutions" in entry:
                entry["resolutions"].update(dict(variant.options))
        builds.append((variant.name, build_bench._write_yaml(root / "mkdocs.yml", config)))
    return builds


def report(size: int, counted: Sequence[Counted], command: str) -> dict:
    ours = next(c for c in counted if c.name == "ours")
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": build_bench._git_commit(),
        "command": command,
        "size": size,
        "builds": [{"name": c.name, "instructions": c.total, "roles": c.roles, "minutes": round(c.minutes, 1),
                    "cost_of_what_it_turns_off": None if c is ours else round(ours.total / c.total - 1, 4)}
                   for c in counted],
    }


def markdown(result: dict) -> str:
    lines = [f"# Instruction benchmark, {result['size']:,} resolutions", "",
             f"{result['date']}, commit {result['commit']}: `{result['command']}`", "",
             "Instructions (billions) counted by callgrind in every process of the build; the cost of what a "
             "variant turns off is ours / variant - 1.", "",
             "| variant | " + " | ".join(ROLES) + " | total | cost of what it turns off |",
             "|---|" + "---|" * (len(ROLES) + 2)]
    for build in result["builds"]:
        cost = build["cost_of_what_it_turns_off"]
        lines.append(f"| {build['name']} | " + " | ".join(f"{build['roles'][r] / 1e9:.2f}" for r in ROLES)
                     + f" | {build['instructions'] / 1e9:.2f} | " + ("" if cost is None else f"{cost:+.1%}") + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="resolutions in the collection (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--words", type=int, default=1000, help="mean words per resolution (default 1000)")
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=option:value,...",
                        help="also a build with these plugin options (repeatable), e.g. no-mandates=mandates:false")
    parser.add_argument("--jobs", type=int, default=2, help="builds counted side by side (default 2; the counts "
                        "do not depend on it)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="work folder (default bench/out/instructions)")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS,
                        help="where instructions.json and instructions.md are written (default bench/results)")
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(arguments)
    if shutil.which("valgrind") is None:
        parser.error("valgrind is missing: install Debian's valgrind (apt-get install -y valgrind)")
    try:
        variants = [build_bench.parse_variant(text) for text in args.variant]
    except ValueError as error:
        parser.error(str(error))
    if len({v.name for v in variants} | {"ours"}) != len(variants) + 1:
        parser.error("variant names must differ from each other and from ours")
    builds = prepare(args.out, args.size, args.seed, args.words, variants)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        counted = list(pool.map(lambda build: count_build(build[0], build[1], args.out / build[0] / "callgrind"),
                                builds))
    command = " ".join(["python bench/instruction_bench.py", *arguments])
    result = report(args.size, counted, command)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "instructions.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.results / "instructions.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
