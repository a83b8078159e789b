#!/usr/bin/env python3
"""Write a collection of resolution files as ordinary Markdown pages: the baseline the plugin is compared with.

One responsibility: turn the same texts the plugin builds into pages a plain static generator understands, so
that plain MkDocs + Material (and Hugo) build comparable sites in the benchmark. Each resolution becomes one page
with the same words: the YAML front matter is replaced by a ``title``, ``<sup>n</sup>`` footnotes become Markdown
footnotes (``[^n]``), and resolution numbers cited in the text link to the cited page when it is in the collection.
A few index pages list the resolutions per body and session; only those are meant for the navigation.

    python bench/plain_site.py SOURCE_DIR DOCS_DIR [--flavour mkdocs|hugo]

From Python: ``write_plain_site(source_dir, docs_dir, flavour="mkdocs") -> int`` (pages written).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
FOOTNOTE_DEFINITION = re.compile(r"^<sup>([^<]+)</sup>\s?", re.MULTILINE)
FOOTNOTE_REFERENCE = re.compile(r"<sup>([^<]+)</sup>")
# Numbers as cited in the text: ``51/148`` (GA), ``2021/2`` (ECOSOC), ``1325 (2000)`` (Security Council). The
# look-behind keeps document symbols such as ``A/79/525`` from matching.
GA_OR_ECOSOC_NUMBER = re.compile(r"(?<![/\w.])(\d{1,4})/(\d{1,4})(?:\s([A-Z])\b)?(?![/\w])")
SECURITY_COUNCIL_NUMBER = re.compile(r"(?<![/\w])(\d{1,4}) \((\d{4})\)")


def _page_name(source: Path) -> str:
    return source.stem


def _symbol_keys(name: str) -> list[str]:
    """Keys under which a file can be cited: ``A_RES_51_148`` -> ``51/148``, ``A_RES_75_101_A-B`` -> ``75/101``."""
    parts = name.split("_")
    if len(parts) >= 4 and parts[1] == "RES" and parts[0] in {"A", "E"}:
        return [f"{parts[2]}/{parts[3]}"]
    if len(parts) == 4 and parts[0] == "S" and parts[1] == "RES":
        return [f"{parts[2]} ({parts[3]})"]
    return []


def _link_citations(text: str, pages: dict[str, str], own: str) -> str:
    def link(match: re.Match[str], key: str) -> str:
        target = pages.get(key)
        if target is None or target == own:
            return match.group(0)
        return f"[{match.group(0)}]({target}.md)"

    text = SECURITY_COUNCIL_NUMBER.sub(lambda m: link(m, f"{m.group(1)} ({m.group(2)})"), text)
    return GA_OR_ECOSOC_NUMBER.sub(lambda m: link(m, f"{m.group(1)}/{m.group(2)}"), text)


def plain_page(text: str, title: str, pages: dict[str, str], own: str) -> str:
    """One resolution as an ordinary Markdown page (front matter ``title``, Markdown footnotes, linked citations)."""
    body = FRONT_MATTER.sub("", text, count=1)
    body = FOOTNOTE_DEFINITION.sub(lambda m: f"[^{m.group(1).strip()}]: ", body)
    body = FOOTNOTE_REFERENCE.sub(lambda m: f"[^{m.group(1).strip()}]", body)
    body = _link_citations(body, pages, own)
    return f'---\ntitle: "{title}"\n---\n\n{body}'


def _title_of(name: str) -> str:
    """The symbol from the file name, good enough for a page title: ``A_RES_51_148`` -> ``A/RES/51/148``."""
    parts = name.split("_")
    if parts[0] == "S" and len(parts) == 4:
        return f"S/RES/{parts[2]} ({parts[3]})"
    return "/".join(parts[:4]) + (" " + " ".join(parts[4:]) if len(parts) > 4 else "")


def _group_of(name: str) -> str:
    """Index page a resolution is listed on: ``A-51``, ``E-2021``, ``S-2000``."""
    parts = name.split("_")
    if parts[0] == "S" and len(parts) >= 4:
        return f"S-{parts[3]}"
    return f"{parts[0]}-{parts[2]}" if len(parts) >= 3 else "other"


def write_plain_site(source_dir: str | Path, docs_dir: str | Path, flavour: str = "mkdocs") -> int:
    """Write every ``*.md`` under ``source_dir`` (README.md excepted) as a page under ``docs_dir/pages/``, plus
    index pages (``index.md`` and one per body and session under ``sessions/``). Returns the pages written.

    ``flavour="hugo"`` names the index files ``_index.md`` as Hugo's list pages expect; the pages are the same."""
    source_dir, docs_dir = Path(source_dir), Path(docs_dir)
    sources = sorted(p for p in source_dir.rglob("*.md") if p.name != "README.md")
    pages: dict[str, str] = {}
    for source in sources:
        for key in _symbol_keys(_page_name(source)):
            pages.setdefault(key, _page_name(source))
    (docs_dir / "pages").mkdir(parents=True, exist_ok=True)
    (docs_dir / "sessions").mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        name = _page_name(source)
        text = source.read_text(encoding="utf-8", errors="replace")
        page = plain_page(text, _title_of(name), pages, name)
        (docs_dir / "pages" / f"{name}.md").write_text(page, encoding="utf-8")
        groups[_group_of(name)].append(name)
    index_name = "_index.md" if flavour == "hugo" else "index.md"
    home = ["---", 'title: "Resolutions"', "---", "", "# Resolutions", ""]
    for group in sorted(groups):
        group_file = f"{group}.md"
        home.append(f"- [{group}](sessions/{group_file})")
        listing = ["---", f'title: "{group}"', "---", "", f"# {group}", ""]
        listing += [f"- [{_title_of(name)}](../pages/{name}.md)" for name in groups[group]]
        (docs_dir / "sessions" / group_file).write_text("\n".join(listing) + "\n", encoding="utf-8")
    (docs_dir / index_name).write_text("\n".join(home) + "\n", encoding="utf-8")
    return len(sources)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder of resolution files (as written by generate.py)")
    parser.add_argument("docs", type=Path, help="folder to write the plain Markdown pages into")
    parser.add_argument("--flavour", choices=("mkdocs", "hugo"), default="mkdocs")
    args = parser.parse_args(argv)
    count = write_plain_site(args.source, args.docs, args.flavour)
    print(f"wrote {count} pages to {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
