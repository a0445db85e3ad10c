"""Distinct-name batches on every core: ``resolve_many(..., workers=N)`` against one process.

    python benchmarks/bench_parallel.py [--names 1000000] [--workers 1,2] [--reps 5]

A batch where every name is distinct (a supplier master file, not a transaction log), so the
result cache cannot help: about a third are registry names as records write them (capitals,
legal forms, one-letter typos, demonyms), two thirds are company-like names of no registry
entity (invented brand stems with descriptors and legal forms, from ``synthetic.py``) — the
expensive path, as no exact key answers them.

Each repeat resolves the whole batch from an empty result cache with ``workers=1`` (this
process) and with each other ``--workers`` value (a process pool; on Linux the workers are
forked after the index is built, so their start-up is part of the timing but no index build
is). Prints names/s, the median of ``--reps``, and the speed-up over one process.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import COUNTRY_NAMES, DESCRIPTORS, LEGAL, _stems

import defnames
from defnames.pipelines.batch import resolve_many

FORMS = ["", " Inc.", " Corp", " CORPORATION", " plc", " GmbH", " S.A.", " AB (publ)", " Ltd", " LLC", " AG"]
DEMONYMS = ["German", "French", "American", "British", "Italian", "Swedish", "Norwegian", "Polish"]


def _variant(base: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return base.upper() + rng.choice(FORMS).upper()
    if r < 0.6 and len(base) > 4:
        i = rng.randrange(1, len(base) - 1)
        return base[:i] + rng.choice("aeiourstn") + base[i + 1 :]
    if r < 0.8:
        return f"{rng.choice(DEMONYMS)} {base}"
    return base + rng.choice(FORMS)


def distinct_names(n: int, seed: int = 11) -> list[str]:
    """``n`` distinct names, about a third meant for a registry entity."""
    rng = random.Random(seed)
    reg = defnames.registry()
    bases = [x for e in reg.entities for x in (e.name, *e.aliases)]
    stems = iter(_stems(n, rng))
    out: dict[str, None] = {}
    while len(out) < n:
        if rng.random() < 0.33:
            out[_variant(rng.choice(bases), rng)] = None
        else:
            stem, _ = next(stems)
            c = rng.choice(list(LEGAL))
            extra = f" {COUNTRY_NAMES[c]}" if rng.random() < 0.2 else ""
            out[f"{stem} {rng.choice(DESCRIPTORS)}{extra} {LEGAL[c]}"] = None
    return list(out)


def _cpu() -> float:
    """CPU seconds of this process and of its finished workers: under load from other jobs the
    wall time says little, the CPU time says whether the work was shared out."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    reg = defnames.registry().prepare()
    names = distinct_names(a.names)
    print(f"{len(names):,} distinct names; {len(reg):,} entities; {a.reps} repeats", flush=True)
    rates: dict[int, list[float]] = {}
    matched = 0
    for _ in range(a.reps):
        for w in (int(x) for x in a.workers.split(",")):
            reg.clear_cache()
            c0 = _cpu()
            t = time.perf_counter()
            res = resolve_many(reg, names, workers=w)
            dt = time.perf_counter() - t
            cpu = _cpu() - c0
            rates.setdefault(w, []).append(len(names) / dt)
            matched = sum(m is not None for m in res)
            print(
                f"  workers={w}: {dt:.1f} s wall, {cpu:.1f} s CPU (this process and its workers), "
                f"{len(names) / dt:,.0f} names/s; load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    one = statistics.median(rates.get(1, [float("nan")]))
    print(f"\n{matched / len(names):.0%} matched\n")
    print(f"| workers | names/s (median of {a.reps}) | × one process |\n| --- | --- | --- |")
    for w, v in rates.items():
        print(f"| {w} | {statistics.median(v):,.0f} | {statistics.median(v) / one:.2f}× |")


if __name__ == "__main__":
    main()
