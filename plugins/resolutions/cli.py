"""The ``resolutions`` command line: parse files to JSON or a summary, check them for diagnostics.

    resolutions parse PATH... [--json]   the model of each file (JSON, or one summary line per file)
    resolutions check PATH... [--strict] every diagnostic as ``path:line: message [CODE]``; exit 1 on errors
    resolutions schema                   the JSON Schema of the --json output
    resolutions new DIR                  a ready collection in DIR (never overwrites a file)

Folders are walked for ``*.md`` in sorted order. Output is streamed file by file, so a collection of
20,000 resolutions never has to fit in memory. Documented in docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from resolutions import __version__, new_collection
from resolutions.cache import is_resolution_source_name
from resolutions.data import export
from resolutions.parse import parser
from resolutions.model import ERROR, INFO, WARNING, Resolution


EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    args = _argument_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # ``resolutions parse corpus --json | head`` closes our stdout early; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def _argument_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="resolutions",
        description="Parse United Nations resolutions written in Markdown and report what is wrong in them.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse", help="print the parsed model of each file",
        description="Print the parsed model of each file: a summary line per file, or JSON with --json "
        "(one indented document for a single file, JSON Lines for a folder or several paths).",
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="a Markdown file or a folder walked for *.md")
    parse.add_argument("--json", action="store_true", help="print the model as JSON (see docs/json.md)")
    parse.set_defaults(run=_run_parse)

    check = commands.add_parser(
        "check", help="print every diagnostic; exit 1 when any is an error",
        description="Print every diagnostic as 'path:line: message [CODE]', one per line. "
        "Exit status 1 when any is an error (with --strict: any diagnostic at all), else 0.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a Markdown file or a folder walked for *.md")
    check.add_argument("--strict", action="store_true", help="warnings count as errors for the exit status")
    check.set_defaults(run=_run_check)

    schema = commands.add_parser("schema", help="print the JSON Schema of 'parse --json' output")
    schema.set_defaults(run=_run_schema)

    new = commands.add_parser(
        "new", help="start a collection in DIR: mkdocs.yml, content/, the publishing workflow",
        description="Write a ready collection into DIR (made if missing): mkdocs.yml, content/index.md, the "
        "sample resolution in content/resolutions/, .gitignore, requirements.txt and "
        ".github/workflows/publish.yml. Refuses, writing nothing, when any of these files exists.",
    )
    new.add_argument("folder", metavar="DIR", help="the collection's folder, e.g. my-collection")
    new.set_defaults(run=_run_new)
    return top


def source_files(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The files named by ``paths`` (folders walked for ``*.md``, sorted) and the paths that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(
                found for found in sorted(path.rglob("*.md"))
                if found.is_file() and is_resolution_source_name(found.name)
            )
        elif path.exists():
            files.append(path)
        else:
            missing.append(given)
    return files, missing


def _parsed(paths: Sequence[str]) -> tuple[Iterator[Resolution], list[str], int]:
    files, missing = source_files(paths)
    for given in missing:
        print(f"resolutions: {given}: no such file or folder", file=sys.stderr)
    return (parser.parse_file(path) for path in files), missing, len(files)


def _run_parse(args: argparse.Namespace) -> int:
    resolutions, missing, _count = _parsed(args.paths)
    # One file named alone reads best indented; a folder or several paths stream as JSON Lines, so
    # a script gets the same shape however many files a folder happens to hold.
    single_file = len(args.paths) == 1 and Path(args.paths[0]).is_file()
    for resolution in resolutions:
        if not args.json:
            print(summary(resolution))
        elif single_file:
            print(export.dumps(resolution, indent=2))
        else:
            print(export.dumps(resolution, indent=None))  # JSON Lines: one document per line
    return EXIT_USAGE if missing else EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    resolutions, missing, count = _parsed(args.paths)
    errors = warnings = infos = 0
    for resolution in resolutions:
        for diagnostic in resolution.diagnostics:
            print(diagnostic.format())
            if diagnostic.severity == ERROR:
                errors += 1
            elif diagnostic.severity == WARNING:
                warnings += 1
            elif diagnostic.severity == INFO:
                infos += 1  # printed and counted, never part of the exit status (even with --strict)
    print(
        f"{count} file{'s' if count != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info",
        file=sys.stderr,
    )
    if missing:
        return EXIT_USAGE
    failing = errors + (warnings if args.strict else 0)
    return EXIT_PROBLEMS if failing else EXIT_OK


def _run_schema(_args: argparse.Namespace) -> int:
    print(json.dumps(export.load_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _run_new(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        print(f"resolutions: {folder}: exists and is not a folder; nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        written = new_collection.create(folder)
    except new_collection.CollectionExists as refused:
        for path in refused.existing:
            print(f"resolutions: {path}: already exists, not overwritten", file=sys.stderr)
        print("resolutions: nothing was written; give 'resolutions new' a new or empty folder", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(f"created {path}")
    print(f"\nPreview it at http://127.0.0.1:8000 (rebuilt on every save):\n\n    cd {folder}\n    mkdocs serve\n\n"
          "Add one Markdown file per resolution under content/resolutions/. To publish on GitHub Pages, push the "
          "folder to a GitHub repository and set Settings > Pages > Source to GitHub Actions.\n"
          "Material prints an end-of-life notice above every mkdocs command: export NO_MKDOCS_2_WARNING=1 "
          "hides it (the workflow sets it).")
    return EXIT_OK


def summary(res: Resolution) -> str:
    """One line a person can read: what the file is and what the parser found in it."""
    errors = sum(1 for d in res.diagnostics if d.severity == ERROR)
    warnings = sum(1 for d in res.diagnostics if d.severity == WARNING)
    infos = len(res.diagnostics) - errors - warnings
    facts = [f"session {res.session or '?'}"]
    if res.adopted:
        facts.append(f"adopted {res.adopted}")
    if res.meeting is not None and res.meeting.number is not None:
        facts.append(f"meeting {res.meeting.number}{' (resumed)' if res.meeting.resumed else ''}")
    if res.vote is not None:
        counts = (
            f" {res.vote.in_favour}-{res.vote.against or 0}-{res.vote.abstaining or 0}"
            if res.vote.in_favour is not None else ""
        )
        facts.append(f"{res.vote.outcome}{counts}")
    operative = len(res.operative) + sum(len(s.operative) for s in res.sections)
    counts = [
        _plural(len(res.preamble), "preambular paragraph"),
        _plural(operative, "operative paragraph"),
    ]
    if res.parts:
        counts.append(_plural(len(res.parts), "part"))
    if res.annexes:
        counts.append(_plural(len(res.annexes), "annex", "annexes"))
    counts += [_plural(len(res.footnotes), "footnote"), _plural(len(res.citations), "citation")]
    problems = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}" + (f", {infos} info" if infos else "")
    title = res.title or "(no title)"
    return f"{res.source}: {res.symbol or '(no symbol)'} {title} [{', '.join(facts)}; {', '.join(counts)}; {problems}]"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


if __name__ == "__main__":
    sys.exit(main())
