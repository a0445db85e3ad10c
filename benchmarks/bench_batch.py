"""Pipelines at scale: ``resolve_many`` on a million mentions, and ``defnames match`` on a million-row CSV.

    python benchmarks/bench_batch.py [--rows 1000000] [--distinct 5000] [--reps 5] [--tmp DIR]

The mix imitates procurement records: a few thousand distinct vendor strings drawn with a
Zipf-like skew (a few vendors fill most rows), written the ways records write them —
registry names, capitals with legal forms ("LOCKHEED MARTIN CORP"), one-letter typos,
demonym prefixes — plus non-defense suppliers (about a fifth of the distinct names) and
some empty cells. The same mix feeds both parts.

1. ``resolve_many`` against a plain loop over ``Registry.resolve`` (which has its own LRU
   result cache), each from an empty cache, in one process, medians of ``--reps`` (≥ 5).
   Target (issue 6): ≥ 100,000 mentions/s on 2 cores.
   The do-it-yourself baseline is what a user would write: ``rapidfuzz.process.extractOne``
   (``WRatio``, ``default_process``, cutoff 85) over every name of the same registry, called
   once per distinct mention and memoised in a dict for the repeats. Its time is the median
   per-call time over a sample of the distinct names times their number, plus the measured
   dict look-ups of every row: running it whole would take minutes.
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
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import defnames

SUFFIXES = ["", " Inc.", " Corp", " CORPORATION", " plc", " GmbH", " S.A.", " AB (publ)", " Ltd", " LLC", " AG"]
DEMONYMS = ["German", "French", "American", "British", "Italian", "Swedish", "Norwegian", "Polish"]
OTHER = [
    "Office",
    "Supplies",
    "Catering",
    "Logistics",
    "Cleaning",
    "Paper",
    "Software",
    "Consulting",
    "Fuel",
    "Travel",
    "Print",
    "Medical",
    "Textiles",
    "Furniture",
    "Security",
    "Water",
    "Bakery",
    "Garage",
]
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
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 3):  # 3: some rows were bad (the mix has empty cells on purpose)
        raise subprocess.CalledProcessError(proc.returncode, cmd, proc.stdout, proc.stderr)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    return wall, peak, proc.stderr


def baseline(reg: defnames.Registry) -> Callable[[str], object]:
    """``extractOne`` over every name, legal name, alias and former name, as ../shared/eval/score.py runs it."""
    from rapidfuzz import fuzz, process, utils

    choices: list[str] = []
    owner: list[str] = []
    for e in reg.entities:
        for s in {e.name, *e.aliases, *([e.legal_name] if e.legal_name else []), *(f.name for f in e.former_names)}:
            choices.append(s)
            owner.append(e.id)

    def resolve(mention: str) -> object:
        hit = process.extractOne(mention, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=85)
        return owner[hit[2]] if hit else None

    return resolve


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=5000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--baseline-sample", type=int, default=300, help="distinct names timed for the baseline")
    ap.add_argument("--tmp", default=None, help="folder for the generated CSV (default: a temporary one)")
    a = ap.parse_args()
    if a.reps < 5:
        ap.error("--reps must be at least 5 (the figures are medians)")
    return a


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Run ``fn``; its wall time and its result."""
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def loop_resolve(reg: defnames.Registry, mentions: list[str]) -> None:
    for m in mentions:
        if m:
            reg.resolve(m)


def dict_lookups(memo: dict[str, None], mentions: list[str]) -> None:
    for m in mentions:
        if m:
            memo.get(m)


def time_resolvers(
    reg: defnames.Registry, mentions: list[str], distinct: list[str], reps: int
) -> tuple[float, float, float, int]:
    """Medians of ``resolve_many`` on the mix, of the loop over ``resolve``, and of ``resolve_many`` on the
    distinct names, each from an empty cache; and how many mentions ``resolve_many`` matched."""
    cache = getattr(reg, "_cache", None)

    def clear() -> None:
        if cache is not None:
            cache.clear()

    t_many_l, t_loop_l, t_distinct_l = [], [], []
    matched = 0
    for _ in range(reps):  # interleaved, so drift hits both alike
        clear()
        t, many = timed(lambda: defnames.resolve_many(mentions))
        t_many_l.append(t)
        matched = sum(m is not None for m in many)
        del many

        clear()
        t_loop_l.append(timed(lambda: loop_resolve(reg, mentions))[0])

        clear()
        t_distinct_l.append(timed(lambda: defnames.resolve_many(distinct))[0])
    t_many, t_loop, t_distinct = (statistics.median(x) for x in (t_many_l, t_loop_l, t_distinct_l))
    return t_many, t_loop, t_distinct, matched


def time_baseline(
    reg: defnames.Registry, mentions: list[str], distinct: list[str], sample: list[str], reps: int
) -> tuple[float, float]:
    """The estimated baseline time for the whole mix, and its median time per distinct name."""
    base = baseline(reg)
    base("warm-up")
    per_call = []
    for _ in range(reps):
        for d in sample:
            t = time.perf_counter()
            base(d)
            per_call.append(time.perf_counter() - t)
    b_call = statistics.median(per_call)
    memo: dict[str, None] = {d: None for d in distinct}
    dict_l = [timed(lambda: dict_lookups(memo, mentions))[0] for _ in range(reps)]
    t_base = b_call * len({m for m in mentions if m}) + statistics.median(dict_l)
    return t_base, b_call


def vendor_countries(reg: defnames.Registry, distinct: list[str], rng: random.Random) -> dict[str, str]:
    """The country column: filled for half the distinct vendors, with the right country."""
    country_of = {}
    for d in distinct:
        m = reg.resolve(d)
        country_of[d] = m.entity.country if m is not None and rng.random() < 0.5 else ""
    return country_of


def write_csvs(mentions: list[str], country_of: dict[str, str], big: Path, quarter: Path) -> None:
    """The generated CSV of every mention, and of its first quarter."""
    rows = len(mentions)
    with big.open("w", newline="", encoding="utf-8") as f, quarter.open("w", newline="", encoding="utf-8") as q:
        w, wq = csv.writer(f), csv.writer(q)
        w.writerow(["id", "vendor", "country", "amount"])
        wq.writerow(["id", "vendor", "country", "amount"])
        for i, m in enumerate(mentions):
            row = [i, m, country_of.get(m, ""), f"{(i * 7919) % 100000 / 100:.2f}"]
            w.writerow(row)
            if i < rows // 4:
                wq.writerow(row)


def time_match(path: Path, n: int, out: Path, reps: int) -> None:
    """``defnames match`` on ``path`` (``n`` rows), ``reps`` times: rows/s and peak RSS."""
    exe = [sys.executable, "-m", "defnames", "match"]
    walls, summary = [], ""
    for _ in range(reps):
        wall, peak, err = peak_rss_mb_of(
            [*exe, str(path), "--column", "vendor", "--country-column", "country", "-o", str(out)]
        )
        walls.append(wall)
        summary = err.strip().splitlines()[0] if err.strip() else ""
    wall = statistics.median(walls)
    print(
        f"defnames match {n:>9,} rows: {n / wall:10,.0f} rows/s  ({wall:.1f} s wall incl. start-up, "
        f"median of {reps}), peak RSS {peak:.0f} MB so far | {summary}"
    )


def main() -> None:
    a = parse_args()
    reg = defnames.registry()
    reg.resolve("warm-up")

    rng = random.Random(6)
    distinct = variants(reg, a.distinct, rng)
    mentions = mix(distinct, a.rows, rng)
    used = len(set(mentions))
    print(f"mix: {a.rows:,} mentions, {used:,} distinct, cpus {len(os.sched_getaffinity(0))}")

    t_many, t_loop, t_distinct, matched = time_resolvers(reg, mentions, distinct, a.reps)
    sample = rng.sample(distinct, min(a.baseline_sample, len(distinct)))
    t_base, b_call = time_baseline(reg, mentions, distinct, sample, a.reps)

    print(
        f"resolve_many      {a.rows / t_many:12,.0f} mentions/s  ({t_many:.2f} s median of {a.reps}, "
        f"{matched / a.rows:.0%} matched)   target ≥ 100,000/s"
    )
    print(
        f"loop over resolve {a.rows / t_loop:12,.0f} mentions/s  ({t_loop:.2f} s, LRU cache on)"
        f"  → resolve_many is {t_loop / t_many:.1f}× the loop"
    )
    print(
        f"  of which resolving the {len(distinct):,} distinct names once: {t_distinct:.2f} s "
        f"({t_distinct / len(distinct) * 1e6:.0f} µs each)"
    )
    print(
        f"baseline (extractOne once per distinct + dict) {a.rows / t_base:12,.0f} mentions/s "
        f"({t_base:.1f} s; {b_call * 1e3:.2f} ms per distinct name, median over {len(sample)} × {a.reps})"
        f"  → resolve_many is {t_base / t_many:.1f}× the baseline"
    )

    with tempfile.TemporaryDirectory(dir=a.tmp) as tmp:
        big, quarter = Path(tmp) / "big.csv", Path(tmp) / "quarter.csv"
        country_of = vendor_countries(reg, distinct, rng)
        t = time.perf_counter()
        write_csvs(mentions, country_of, big, quarter)
        mb = big.stat().st_size / 1e6
        print(f"generated {big.name}: {a.rows:,} rows, {mb:.0f} MB in {time.perf_counter() - t:.1f} s")
        for path, n in ((quarter, a.rows // 4), (big, a.rows)):
            time_match(path, n, Path(tmp) / "out.csv", a.reps)


if __name__ == "__main__":
    main()
