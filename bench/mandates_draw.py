"""The reproducible draw of paragraphs for a labelled set of mandates (tests/fixtures/mandates_heldout*.yml).

    python3 bench/mandates_draw.py [--corpus ../shared/corpus] [--seed 2027] [--exclude SET ...] > draw.yml

Each set's header gives its command; the earlier sets' excludes are written out there, because the default
(every labelled set in tests/fixtures) grows with each new set: mandates_heldout2.yml was ``--seed 2026 --total
215 --exclude mandates_labelled.yml --exclude mandates_heldout.yml``, mandates_heldout3.yml ``--seed 2027 --total
180`` with those two and mandates_heldout2.yml excluded.
Every operative paragraph and sub-paragraph of the General Assembly (ga/), Security Council (sc/) and ECOSOC
(ecosoc/) resolutions of the corpus, except in the files the earlier labelled sets use (``--exclude``, by default
all of them), in two pools: those whose
text holds "request" (any case: the verb of most reporting requests, also "at the request of") and the others.
With ``random.Random(seed)``, the pools are shuffled and taken in order, at most two paragraphs a file: 30 GA,
20 SC and 15 ECOSOC paragraphs of each pool first, then further "request" paragraphs (any body) until ``--total``.
The output holds each paragraph's file, anchor and whole text, with ``mandates:`` left to label by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import yaml  # noqa: E402

from resolutions.parse.parser import parse_file  # noqa: E402

EARLIER = tuple(sorted(path.name for path in (ROOT / "tests" / "fixtures").glob("mandates_*.yml")))
BODIES = (("ga", 30), ("sc", 20), ("ecosoc", 15))


def _paragraphs(res):
    def walk(paragraphs):
        for para in paragraphs:
            if para.kind in ("operative", "item"):
                yield para
            yield from walk(para.items)

    lists = [res.operative] + [s.operative for s in res.sections] + [p.operative for p in res.parts]
    lists += [s.operative for p in res.parts for s in p.sections]
    for paragraphs in lists:
        yield from walk(paragraphs)


def draw(corpus: Path, seed: int, total: int, earlier: tuple[str, ...] = EARLIER) -> list[dict]:
    used = {entry["file"] for name in earlier
            for entry in yaml.safe_load((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))}
    pools: dict[tuple[str, bool], list[dict]] = {}
    for body, _count in BODIES:
        for path in sorted((corpus / body).rglob("*.md")):
            file = path.relative_to(corpus).as_posix()
            if file in used:
                continue
            res = parse_file(path)
            for para in _paragraphs(res):
                entry = {"symbol": res.symbol, "file": file, "anchor": para.id, "text": para.text}
                pools.setdefault((body, "request" in para.text.lower()), []).append(entry)
    rng = random.Random(seed)
    for key in sorted(pools):
        rng.shuffle(pools[key])
    chosen: list[dict] = []
    per_file: dict[str, int] = {}

    def take(pool: list[dict], count: int) -> None:
        for entry in pool:
            if count == 0 or len(chosen) >= total:
                return
            if per_file.get(entry["file"], 0) < 2 and entry not in chosen:
                per_file[entry["file"]] = per_file.get(entry["file"], 0) + 1
                chosen.append(entry)
                count -= 1

    for request in (True, False):
        for body, count in BODIES:
            take(pools.get((body, request), []), count)
    rest = [entry for body, _count in BODIES for entry in pools.get((body, True), [])]
    rng.shuffle(rest)
    take(rest, total - len(chosen))
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--total", type=int, default=180)
    parser.add_argument("--exclude", action="append", metavar="SET",
                        help=f"a labelled set in tests/fixtures whose files are left out (repeatable; default: "
                             f"{', '.join(EARLIER)})")
    args = parser.parse_args()
    print(yaml.safe_dump(draw(args.corpus, args.seed, args.total, tuple(args.exclude or EARLIER)), allow_unicode=True, sort_keys=False, width=1000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
