"""Extraction throughput: MB/s of English news text, end to end, on one core.

    .venv/bin/python bench/bench_extract.py [--mb 8] [--reps 3]

The corpus is built from the seed articles in ../shared/seeds/*.txt: their paragraphs are
shuffled into ~2.5 KB articles until the corpus reaches ``--mb`` megabytes (UTF-8). Each
article goes through ``defnames.extract`` as a pipeline would feed it (extraction keeps no
result cache across calls). Three figures:

- **first pass**: the first time through the corpus in a fresh process (the word memos of
  ``normalize`` and ``context`` still filling);
- **steady**: the median of the later passes;
- **one string**: a 256 KB slice of the corpus passed as one text.

The process is pinned to one CPU.

Target (issue 5): ≥ 5 MB/s on one core.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from pathlib import Path

import defnames

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def corpus(mb: float, seed: int = 5) -> list[str]:
    paras = [p.strip() for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n")
             if p.strip()]
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0
    while size < mb * 1e6:
        doc: list[str] = []
        n = 0
        while n < 2500:
            p = rng.choice(paras)
            doc.append(p)
            n += len(p.encode("utf-8")) + 1
        text = "\n".join(doc)
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=8.0)
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, honestly
    docs = corpus(a.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    reg = defnames.registry()
    t = time.perf_counter()
    reg.extract("warm-up: Rheinmetall")  # the automaton builds on first use
    build = time.perf_counter() - t

    def run() -> tuple[float, int]:
        found = 0
        t = time.perf_counter()
        for d in docs:
            found += len(reg.extract(d))
        return time.perf_counter() - t, found

    first, found = run()
    steady = [run()[0] for _ in range(a.reps)]
    one = "\n".join(docs)[:256_000]
    t = time.perf_counter()
    n_one = len(reg.extract(one))
    one_s = time.perf_counter() - t

    w = statistics.median(steady)
    print(f"corpus: {len(docs):,} articles, {mb:.1f} MB from {len(list(SEEDS.glob('*.txt')))} seed articles; "
          f"{found:,} mentions; automaton build {build * 1000:.0f} ms")
    print(f"extract, first pass  {mb / first:6.2f} MB/s  ({first:.2f} s)")
    print(f"extract, steady      {mb / w:6.2f} MB/s  ({w:.2f} s, median of {a.reps})   target ≥ 5 MB/s")
    print(f"extract, one 256 KB string  {len(one.encode('utf-8')) / 1e6 / one_s:6.2f} MB/s  ({n_one:,} mentions)")


if __name__ == "__main__":
    main()
