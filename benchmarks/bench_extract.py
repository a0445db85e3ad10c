"""Extraction throughput: MB/s of multilingual news text, end to end, on one core.

    python benchmarks/bench_extract.py [--mb 8] [--reps 5] [--source evals/passages.jsonl ...]

The corpus is generated from the project's own gold sets (read relative to the repository
root): the passage texts of ``evals/passages.jsonl`` and the sentences (``context``) of
``evals/news.jsonl``, real news in many languages and scripts. Their paragraphs are shuffled
into ~2.5 KB articles until the corpus reaches ``--mb`` megabytes (UTF-8). Each article goes
through ``defnames.extract`` as a pipeline would feed it. Three figures:

- **first pass**: the first time through the corpus in a fresh process (the word memos of
  the normaliser still filling);
- **steady**: the median of ``--reps`` later passes (at least 5);
- **one string**: a 256 KB slice of the corpus passed as one text (median of ``--reps``).

There is no do-it-yourself rapidfuzz baseline for extraction (``extractOne`` takes a name, not
a text), so no ratio is printed. The process is pinned to one CPU.

Target (issue 5): ≥ 5 MB/s on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path

import defnames

ROOT = Path(__file__).resolve().parent.parent  # the repository root
SOURCES = ["evals/passages.jsonl", "evals/news.jsonl"]  # relative to ROOT


def paragraphs(sources: list[str]) -> list[str]:
    """The text paragraphs of the gold files: passage ``text`` and mention ``context`` fields."""
    out: list[str] = []
    for src in sources:
        path = Path(src) if Path(src).is_absolute() else ROOT / src
        if not path.is_file():
            raise SystemExit(f"bench_extract: no corpus source at {path} (see benchmarks/README.md)")
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text") or row.get("context") or ""
            out += [p.strip() for p in text.split("\n") if p.strip()]
    if not out:
        raise SystemExit("bench_extract: the corpus sources hold no text")
    return sorted(set(out))


def corpus(paras: list[str], mb: float, seed: int = 5) -> list[str]:
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
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--source", nargs="+", default=SOURCES, help="JSON-lines files, relative to the repository root")
    a = ap.parse_args()
    if a.reps < 5:
        ap.error("--reps must be at least 5 (the figures are medians)")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, honestly
    paras = paragraphs(a.source)
    docs = corpus(paras, a.mb)
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
    one_times = []
    for _ in range(a.reps):
        t = time.perf_counter()
        n_one = len(reg.extract(one))
        one_times.append(time.perf_counter() - t)
    one_s = statistics.median(one_times)

    w = statistics.median(steady)
    print(
        f"corpus: {len(docs):,} articles, {mb:.1f} MB from {len(paras):,} distinct paragraphs of "
        f"{', '.join(a.source)}; {found:,} mentions; automaton build {build * 1000:.0f} ms"
    )
    print(f"extract, first pass  {mb / first:6.2f} MB/s  ({first:.2f} s)")
    print(f"extract, steady      {mb / w:6.2f} MB/s  ({w:.2f} s, median of {a.reps})   target ≥ 5 MB/s")
    print(
        f"extract, one 256 KB string  {len(one.encode('utf-8')) / 1e6 / one_s:6.2f} MB/s  ({n_one:,} mentions, "
        f"median of {a.reps})"
    )


if __name__ == "__main__":
    main()
