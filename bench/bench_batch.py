"""Pipelines at scale: ``resolve_many`` on a million mentions, and ``defnames match`` on a million-row CSV.

    .venv/bin/python bench/bench_batch.py [--rows 1000000] [--distinct 5000] [--tmp DIR]

The mix imitates procurement records: a few thousand distinct vendor strings drawn with a
Zipf-like skew (a few vendors fill most rows), written the ways records write them —
registry names, capitals with legal forms ("LOCKHEED MARTIN CORP"), one-letter typos,
demonym prefixes — plus non-defense suppliers (about a fifth of the distinct names) and
some empty cells. The same mix feeds both parts.

1. ``resolve_many`` against a plain loop over ``Registry.resolve`` (which has its own LRU
   result cache), each from an empty cache, in one process. Target (issue 6): ≥ 100,000
   mentions/s on 2 cores.
2. ``defnames match`` as a subprocess on a generated CSV of ``--rows`` rows (id, vendor,
   country — the vendor's true country for half the vendors, else empty — amount), and on a
   quarter of it, with rows/s and the peak RSS of each run
   (flat memory: the two peaks should be about the same).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import defnames

SUFFIXES = ["", " Inc.", " Corp", " CORPORATION", " plc", " GmbH", " S.A.", " AB (publ)", " Ltd", " LLC", " AG"]
DEMONYMS = ["German", "French", "American", "British", "Italian", "Swedish", "Norwegian", "Polish"]
OTHER = ["Office", "Supplies", "Catering", "Logistics", "Cleaning", "Paper", "Software", "Consulting", "Fuel",
         "Travel", "Print", "Medical", "Textiles", "Furniture", "Security", "Water", "Bakery", "Garage"]
TOWNS = ["Springfield", "Riverside", "Hamburg", "Lyon", "Gdansk", "Malmo", "Leeds", "Tilburg", "Brno", "Graz"]


def variants(reg: defnames.Registry, n: int, rng: random.Random) -> list[str]:
    """``n`` distinct vendor strings, about 80% meaning a registry entity."""
    names = [e.name for e in reg.entities] + [a for e in reg.entities for a in e.aliases]
    out: set[str] = set()
    while len(out) < n:
        r = rng.random()
        if r < 0.2:
            out.add(f"{rng.choice(TOWNS)} {rng.choice(OTHER)} {rng.choice(OTHER)}{rng.choice(SUFFIXES)}")
            continue
        base = rng.choice(names)
        if r < 0.45:
            out.add(base)
        elif r < 0.7:
            out.add((base + rng.choice(SUFFIXES)).upper())
        elif r < 0.85 and len(base) > 6:
            k = rng.randrange(2, len(base) - 2)
            out.add(base[:k] + base[k + 1 :])
        else:
            out.add(f"{rng.choice(DEMONYMS)} {base}")
    return sorted(out)


def mix(distinct: list[str], rows: int, rng: random.Random) -> list[str]:
    """``rows`` mentions, Zipf-like over ``distinct`` (rank r has weight 1/r), 1% empty."""
    weights = [1 / (r + 1) for r in range(len(distinct))]
    order = distinct[:]
    rng.shuffle(order)
    out = rng.choices(order, weights=weights, k=rows)
    for i in rng.sample(range(rows), rows // 100):
        out[i] = ""
    return out


def peak_rss_mb_of(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command; its wall time, its peak RSS in MB, and its stderr."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    return wall, peak, proc.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=5000)
    ap.add_argument("--tmp", default=None, help="folder for the generated CSV (default: a temporary one)")
    a = ap.parse_args()

    reg = defnames.registry()
    reg.resolve("warm-up")
    rng = random.Random(6)
    distinct = variants(reg, a.distinct, rng)
    mentions = mix(distinct, a.rows, rng)
    used = len(set(mentions))
    print(f"mix: {a.rows:,} mentions, {used:,} distinct, cpus {len(os.sched_getaffinity(0))}")

    reg._cache.clear()
    t = time.perf_counter()
    many = defnames.resolve_many(mentions)
    t_many = time.perf_counter() - t
    matched = sum(m is not None for m in many)
    del many

    reg._cache.clear()
    t = time.perf_counter()
    for m in mentions:
        if m:
            reg.resolve(m)
    t_loop = time.perf_counter() - t

    reg._cache.clear()
    t = time.perf_counter()
    defnames.resolve_many(distinct)
    t_distinct = time.perf_counter() - t
    print(f"resolve_many      {a.rows / t_many:12,.0f} mentions/s  ({t_many:.2f} s, {matched / a.rows:.0%} matched)"
          f"   target ≥ 100,000/s")
    print(f"loop over resolve {a.rows / t_loop:12,.0f} mentions/s  ({t_loop:.2f} s, LRU cache on)"
          f"  → resolve_many is {t_loop / t_many:.1f}× the loop")
    print(f"  of which resolving the {len(distinct):,} distinct names once: {t_distinct:.2f} s "
          f"({t_distinct / len(distinct) * 1e6:.0f} µs each)")

    with tempfile.TemporaryDirectory(dir=a.tmp) as tmp:
        big, quarter = Path(tmp) / "big.csv", Path(tmp) / "quarter.csv"
        # the country column is filled for half the distinct vendors, with the right country
        country_of = {}
        for d in distinct:
            m = reg.resolve(d)
            country_of[d] = m.entity.country if m is not None and rng.random() < 0.5 else ""
        t = time.perf_counter()
        with big.open("w", newline="", encoding="utf-8") as f, quarter.open("w", newline="", encoding="utf-8") as q:
            w, wq = csv.writer(f), csv.writer(q)
            w.writerow(["id", "vendor", "country", "amount"])
            wq.writerow(["id", "vendor", "country", "amount"])
            for i, m in enumerate(mentions):
                row = [i, m, country_of.get(m, ""), f"{(i * 7919) % 100000 / 100:.2f}"]
                w.writerow(row)
                if i < a.rows // 4:
                    wq.writerow(row)
        mb = big.stat().st_size / 1e6
        print(f"generated {big.name}: {a.rows:,} rows, {mb:.0f} MB in {time.perf_counter() - t:.1f} s")
        exe = [sys.executable, "-m", "defnames", "match"]
        for path, n in ((quarter, a.rows // 4), (big, a.rows)):
            wall, peak, err = peak_rss_mb_of([*exe, str(path), "--column", "vendor", "--country-column", "country",
                                              "-o", str(Path(tmp) / "out.csv")])
            summary = err.strip().splitlines()[0] if err.strip() else ""
            print(f"defnames match {n:>9,} rows: {n / wall:10,.0f} rows/s  ({wall:.1f} s wall incl. start-up), "
                  f"peak RSS {peak:.0f} MB so far | {summary}")


if __name__ == "__main__":
    main()
