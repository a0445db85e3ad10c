"""Scale: overlays of 5,000, 20,000 and 100,000 synthetic entities on the packaged registry.

    python benchmarks/bench_scale.py [--sizes 5000,20000,100000] [--reps 5] [--tmp DIR]

For each size, in a fresh process (so that peak memory is that size's alone):

1. writes a JSON-lines overlay of plausible company records (``synthetic.py``: invented
   brand stems with descriptors, legal forms, countries, subsidiaries, mergers and
   native-script aliases in six scripts) and a CSV of the same;
2. times ``Registry.load(path)`` on each (reading, validation and the registry checks;
   median of ``--reps``), then the name index build (``prepare``) and the automaton build;
3. peak memory: the process's maximum resident set after load, index and automaton;
4. ``resolve`` per call from an empty result cache, medians over the names and then over
   ``--reps`` passes: exact (the canonical name of 1,000 overlay entities), noisy (300
   overlay names with one letter changed in the brand stem) and NIL (300 names of no
   registry company);
5. ``extract`` MB/s on ~1 MB of news-like sentences that name overlay companies (one core);
6. the do-it-yourself baseline on the same names, same process: ``rapidfuzz.process.extractOne``
   (``WRatio``, ``default_process``, ``score_cutoff=85``) over every name, legal name, alias
   and former name of the registry (packaged + overlay), on a sample (``--baseline-sample``
   names of each kind; every call scans every name, so it is slow at 100,000).

Targets at 100,000 (issue 14): load ≤ 5 s, exact ≤ 20 µs, fuzzy ≤ 500 µs median, memory ≤ 1 GB,
extraction ≥ 3 MB/s. Prints one table; ``--json FILE`` also writes the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_entities, write_csv, write_jsonl

NIL = [
    "Springfield Bakery Supplies",
    "Riverside Office Cleaning Ltd",
    "Hamburg Paper Logistics GmbH",
    "Lyon Textiles SARL",
    "Gdansk Fuel Travel",
    "Malmo Furniture AB",
    "Leeds Catering Services",
    "Tilburg Print Shop B.V.",
    "Brno Water Works",
    "Graz Garage Medical",
]
FILLER = (
    "The ministry said on Tuesday that the contract, worth an undisclosed sum, would run until 2031. "
    "Analysts expect further orders as budgets rise across the region. "
)


def _typo(name: str, rng: random.Random) -> str:
    """One letter of the first word changed (not the first letter)."""
    word, _, rest = name.partition(" ")
    i = rng.randrange(1, len(word))
    c = rng.choice([x for x in "aeiourstnlkm" if x != word[i].lower()])
    return f"{word[:i]}{c}{word[i + 1 :]} {rest}".strip()


def _per_call_us(reg: Any, names: list[str], reps: int) -> float:
    """Median over reps of the median per-call time, each call from an empty result cache."""
    meds = []
    for _ in range(reps):
        times = []
        for n in names:
            reg.clear_cache()
            t = time.perf_counter_ns()
            reg.resolve(n)
            times.append(time.perf_counter_ns() - t)
        meds.append(statistics.median(times) / 1000)
    return statistics.median(meds)


def _baseline_us(choices: list[str], names: list[str], reps: int) -> float:
    from rapidfuzz import fuzz, process, utils

    meds = []
    for _ in range(reps):
        times = []
        for n in names:
            t = time.perf_counter_ns()
            process.extractOne(n, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=85)
            times.append(time.perf_counter_ns() - t)
        meds.append(statistics.median(times) / 1000)
    return statistics.median(meds)


def _timed(fn: Any, reps: int, cpu: list[float] | None = None) -> tuple[float, Any]:
    """Median wall time of ``reps`` calls (and, into ``cpu``, the median CPU time) and the last result."""
    out, times, cpus = None, [], []
    for _ in range(reps):
        out = None  # the previous result is freed first, so peak memory holds one registry
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    if cpu is not None:
        cpu.append(statistics.median(cpus))
    return statistics.median(times), out


def _loadavg() -> float:
    """The one-minute load average (0 where /proc is absent)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return 0.0


def _text(entities: list[dict[str, Any]], rng: random.Random, mb: float) -> str:
    parts, size = [], 0
    while size < mb * 1_000_000:
        e = rng.choice(entities)
        s = f"{e['name']} said it had delivered the first systems. {FILLER}"
        parts.append(s)
        size += len(s.encode("utf-8"))
    return "".join(parts)


def one(n: int, reps: int, sample: int, tmp: Path) -> dict[str, Any]:
    """Every figure for one size (run in its own process)."""
    from defnames import Registry

    rng = random.Random(n)
    load_avg = [_loadavg()]
    t = time.perf_counter()
    ents = make_entities(n)
    gen_s = time.perf_counter() - t
    jl = write_jsonl(ents, tmp / f"overlay-{n}.jsonl")
    cs = write_csv(ents, tmp / f"overlay-{n}.csv")
    load_csv_s = _timed(lambda: Registry.load(cs), max(1, reps // 2 + 1))[0]  # not kept: one registry alive
    cpu: list[float] = []
    load_s, reg = _timed(lambda: Registry.load(jl), reps, cpu)
    gc.collect()
    t, c = time.perf_counter(), time.process_time()
    reg.prepare()
    index_s, index_cpu = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    _ = reg.automaton
    automaton_s = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    picked = rng.sample(ents, min(1000, len(ents)))
    exact = [e["name"] for e in picked]
    noisy = [_typo(e["name"], rng) for e in picked[:300]]
    nil = [f"{x} {i}" if i else x for i in range(30) for x in NIL][:300]
    load_avg.append(_loadavg())
    t = time.perf_counter()
    reg.resolve(noisy[0])  # the first fuzzy look-up builds the concept and skeleton keys of every name
    first_fuzzy_s = time.perf_counter() - t
    exact_us = _per_call_us(reg, exact, reps)
    noisy_us = _per_call_us(reg, noisy, reps)
    nil_us = _per_call_us(reg, nil, reps)
    reg.clear_cache()
    found = sum(1 for x in noisy if (m := reg.resolve(x)) is not None and m.entity.name == x)
    recovered = sum(1 for x, e in zip(noisy, picked) if (m := reg.resolve(x)) is not None and m.entity.id == e["id"])

    text = _text(ents, rng, 1.0)
    mb = len(text.encode("utf-8")) / 1e6
    chunks = [text[i : i + 2500] for i in range(0, len(text), 2500)]
    ext_cpu: list[float] = []
    ext_s, _ = _timed(lambda: [reg.extract(c) for c in chunks], reps, ext_cpu)

    choices = [x for e in reg.entities for x in e.all_names()]
    b_exact = _baseline_us(choices, exact[:sample], reps)
    b_noisy = _baseline_us(choices, noisy[:sample], reps)
    b_nil = _baseline_us(choices, nil[:sample], reps)
    load_avg.append(_loadavg())
    return {
        "entities": n,
        "registry": len(reg),
        "names": len(choices),
        "generate_s": gen_s,
        "load_jsonl_s": load_s,
        "load_csv_s": load_csv_s,
        "load_jsonl_cpu_s": cpu[0],
        "index_s": index_s,
        "index_cpu_s": index_cpu,
        "first_fuzzy_s": first_fuzzy_s,
        "automaton_s": automaton_s,
        "peak_rss_mb": rss_mb,
        "exact_us": exact_us,
        "noisy_us": noisy_us,
        "nil_us": nil_us,
        "noisy_recovered": recovered / len(noisy),
        "noisy_false_exact": found,
        "extract_mb_s": mb / ext_s,
        "extract_cpu_mb_s": mb / ext_cpu[0],
        "load_average": load_avg,
        "baseline_exact_us": b_exact,
        "baseline_noisy_us": b_noisy,
        "baseline_nil_us": b_nil,
    }


ROWS = [
    ("load JSONL (s)", "load_jsonl_s", None),
    ("load CSV (s)", "load_csv_s", None),
    ("load JSONL, CPU (s)", "load_jsonl_cpu_s", None),
    ("index build (s)", "index_s", None),
    ("index build, CPU (s)", "index_cpu_s", None),
    ("first fuzzy resolve (s)", "first_fuzzy_s", None),
    ("automaton build (s)", "automaton_s", None),
    ("peak RSS (MB)", "peak_rss_mb", None),
    ("exact resolve (µs)", "exact_us", "baseline_exact_us"),
    ("noisy resolve (µs)", "noisy_us", "baseline_noisy_us"),
    ("NIL resolve (µs)", "nil_us", "baseline_nil_us"),
    ("noisy names recovered", "noisy_recovered", None),
    ("extract (MB/s)", "extract_mb_s", None),
    ("extract, CPU (MB/s)", "extract_cpu_mb_s", None),
]


def _table(results: list[dict[str, Any]]) -> str:
    head = "| | " + " | ".join(f"{r['entities']:,} (+{r['registry'] - r['entities']:,} packaged)" for r in results)
    lines = [head + " |", "| --- |" + " --- |" * len(results)]
    for label, k, b in ROWS:
        cells = []
        for r in results:
            v = r.get(k, float("nan"))
            cell = f"{v:.0%}" if k == "noisy_recovered" else (f"{v:,.1f}" if v < 1000 else f"{v:,.0f}")
            if b:
                cell += f" (baseline {r[b]:,.0f}; {r[b] / v:,.0f}×)"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5000,20000,100000")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--baseline-sample", type=int, default=10)
    ap.add_argument("--tmp", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    tmp = a.tmp or Path(tempfile.mkdtemp(prefix="defnames-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    if a.one:
        print(json.dumps(one(a.one, a.reps, a.baseline_sample, tmp)))
        return
    results = []
    for n in (int(x) for x in a.sizes.split(",")):
        t = time.perf_counter()
        cmd = [
            sys.executable,
            __file__,
            "--one",
            str(n),
            "--reps",
            str(a.reps),
            "--baseline-sample",
            str(a.baseline_sample),
            "--tmp",
            str(tmp),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"{n:,} entities failed:\n{proc.stderr[-3000:]}")
        res = json.loads(proc.stdout.splitlines()[-1])
        results.append(res)
        print(f"{n:,} entities: done in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
        print(json.dumps(res), file=sys.stderr, flush=True)
    print(_table(results))
    print(
        "load average (1 min) at start, before resolving, at end: "
        + "; ".join(f"{r['entities']:,}: " + ", ".join(f"{x:.1f}" for x in r.get("load_average", [])) for r in results)
    )
    if a.json:
        a.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
