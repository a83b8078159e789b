"""Series of recurring resolutions measured on the development corpus (GA 74-76, ECOSOC 2021-22).

One responsibility: report how ``site/series.py`` groups the real texts: how many series, editions per series, how
each consecutive pair was joined, and every pair its rules decide differently from plain title equality (same
body, same title once case and spaces are ignored), in both directions; and check that every pair of consecutive
editions with the same title and agenda item is linked. The figures and the judgement of each case are in
docs/series.md.

    .venv/bin/python bench/series_report.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from resolutions.parse.parser import parse_file  # noqa: E402
from resolutions.site.collection import Collection  # noqa: E402
from resolutions.site.series import CITATION  # noqa: E402

FOLDERS = ("ga/74", "ga/75", "ga/76", "ecosoc/2021", "ecosoc/2022")


def _plain(title: str) -> str:
    return " ".join(title.casefold().split())


def report(corpus: Path) -> int:
    files = sorted(p for folder in FOLDERS for p in (corpus / folder).glob("*.md"))
    resolutions = [parse_file(p, str(p.relative_to(corpus))) for p in files]
    collection = Collection.build(resolutions)
    index, by_symbol = collection.series, collection.by_symbol
    sizes = collections.Counter(len(s.editions) for s in index.series)
    print(f"{len(resolutions)} texts, {len(index)} series with {sum(len(s.editions) for s in index.series)} editions")
    print("editions per series:", ", ".join(f"{n}: {sizes[n]}" for n in sorted(sizes)))
    joined = collections.Counter(how for s in index.series for how in s.joined_by)
    print(f"consecutive pairs: {sum(joined.values())} ({joined['title']} by title, {joined[CITATION]} by citation)")

    print("\npairs whose titles are not equal (as printed, ignoring case and spaces):")
    for item in index.series:
        for position, (one, two) in enumerate(zip(item.editions, item.editions[1:])):
            a, b = by_symbol[one], by_symbol[two]
            if _plain(a.title) != _plain(b.title):
                print(f"  [{item.joined_by[position]}] {one} -> {two}\n      {a.title}\n      {b.title}")

    print("\nconsecutive texts with equal titles that are not linked:")
    groups: dict[tuple, list] = {}
    for res in resolutions:
        if res.symbol and by_symbol.get(res.symbol) is res:
            groups.setdefault((res.body, res.kind, _plain(res.title)), []).append(res)
    missed = 0
    same_agenda_pairs = 0
    for members in groups.values():
        members.sort(key=lambda r: [int(x) if x.isdigit() else x for x in (r.number or "").replace("/", " ").split()])
        for a, b in zip(members, members[1:]):
            agenda_a = {i.title for i in a.agenda_items}
            if agenda_a & {i.title for i in b.agenda_items}:
                same_agenda_pairs += 1
            if index.next(a.symbol) != b.symbol:
                missed += 1
                print(f"  {a.symbol} -> {b.symbol}: {a.title}")
    print(f"  {missed} missed; pairs with the same title and agenda item title: {same_agenda_pairs}")
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args(argv)
    return report(args.corpus)


if __name__ == "__main__":
    sys.exit(main())
