"""Resolution speed: exact hits, fuzzy (misspelled) names, and the dev set against the baseline.

    python benchmarks/bench_resolve.py [--reps 5] [--dev ../shared/eval/dev_mentions.jsonl]

``--dev`` is read relative to the repository root (the folder above this one) unless absolute;
the default is the seed dev set beside ../shared/eval/score.py.

Every timed resolution starts from an empty result cache (the registry's LRU), so the
figures are real work; the cached figure (a repeat of the same name) is printed beside them.
The baseline is what ../shared/eval/score.py runs: ``rapidfuzz.process.extractOne`` with
``WRatio``, ``default_process`` and cutoff 85 over every name, legal name, alias and former
name of the same registry, timed in the same run.

Targets (issue 3): exact ≤ 10 µs median, fuzzy ≤ 200 µs median, dev set ≥ 30× the baseline.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import defnames

ROOT = Path(__file__).resolve().parent.parent  # the repository root
DEV = "../shared/eval/dev_mentions.jsonl"  # relative to ROOT


def read_rows(arg: str) -> list[dict[str, object]]:
    """Mention rows of a gold file, or a clear exit if it is not there."""
    path = Path(arg) if Path(arg).is_absolute() else ROOT / arg
    if not path.is_file():
        raise SystemExit(f"bench_resolve: no mention file at {path} (give one with --dev, e.g. --dev evals/news.jsonl)")
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def result_cache_clear(reg: defnames.Registry) -> Callable[[], None]:
    """The registry's result cache, emptied (a no-op if this version keeps none)."""
    clear = getattr(reg, "clear_cache", None)
    if clear is not None:
        return clear  # type: ignore[no-any-return]
    cache = getattr(reg, "_cache", None)  # versions before clear_cache()
    return cache.clear if cache is not None else (lambda: None)


def memo_clear_all() -> None:
    """Every ``functools`` memo in the loaded defnames modules (folded strings, context words...)."""
    import sys

    for name, mod in list(sys.modules.items()):
        if mod is None or not (name == "defnames" or name.startswith("defnames.")):
            continue
        for obj in vars(mod).values():
            if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", "") == name:
                obj.cache_clear()


def per_call_us(fn: Callable[[str], object], names: list[str], reps: int, clear: Callable[[], None] | None) -> float:
    """Median microseconds of one call, over every name and repetition."""
    times: list[int] = []
    for _ in range(reps):
        for n in names:
            if clear is not None:
                clear()
            t = time.perf_counter_ns()
            fn(n)
            times.append(time.perf_counter_ns() - t)
    return statistics.median(times) / 1000


def typo(name: str, rng: random.Random) -> str:
    """One realistic slip in a long word: a dropped, doubled or swapped letter."""
    words = name.split()
    i = max(range(len(words)), key=lambda j: len(words[j]))
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:k] + w[k + 1 :]
    elif kind == 1:
        w = w[:k] + w[k] + w[k:]
    else:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    words[i] = w
    return " ".join(words)


def baseline(reg: defnames.Registry) -> Callable[[str], object]:
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

    resolve.n_choices = len(choices)  # type: ignore[attr-defined]
    return resolve


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--dev", default=DEV, help="mention rows (JSON lines), relative to the repository root")
    a = ap.parse_args()
    if a.reps < 5:
        ap.error("--reps must be at least 5 (the figures are medians)")
    rows = read_rows(a.dev)

    t = time.perf_counter()
    reg = defnames.registry()
    reg.resolve("warm-up")  # the name index builds lazily
    load_s = time.perf_counter() - t
    clear = result_cache_clear(reg)

    def clear_all() -> None:
        """The result cache and the memos below it (folded strings, context words): a never-seen name."""
        clear()
        memo_clear_all()

    rng = random.Random(6)
    exact = sorted({e.name for e in reg.entities})
    exact = [n for n in exact if (m := reg.resolve(n)) is not None and m.method == "exact"]
    long_names = [e.name for e in reg.entities if max(map(len, e.name.split())) >= 7]
    typos = [typo(n, rng) for n in rng.sample(long_names, min(300, len(long_names)))]
    clear()
    fuzzy_hits = [n for n in typos if (m := reg.resolve(n)) is not None and m.method == "fuzzy"]

    print(
        f"python {platform.python_version()}, defnames {defnames.__version__}, {len(reg)} entities, "
        f"registry load + index {load_s * 1000:.0f} ms"
    )
    ex = per_call_us(lambda n: reg.resolve(n), exact, a.reps, clear)
    ex_cached = per_call_us(lambda n: reg.resolve(n), exact, a.reps, None)
    ex_cold = per_call_us(lambda n: reg.resolve(n), exact, a.reps, clear_all)
    print(
        f"exact hit     median {ex:8.1f} µs  ({len(exact)} registry names; all memos cleared {ex_cold:.1f} µs; "
        f"cached {ex_cached:.2f} µs)   target ≤ 10 µs"
    )
    fz = per_call_us(lambda n: reg.resolve(n), typos, a.reps, clear)
    fz_hit = per_call_us(lambda n: reg.resolve(n), fuzzy_hits, a.reps, clear)
    print(f"misspelled    median {fz:8.1f} µs  ({len(typos)} one-typo names, every path)")
    fz_cold = per_call_us(lambda n: reg.resolve(n), fuzzy_hits, a.reps, clear_all)
    print(
        f"fuzzy hit     median {fz_hit:8.1f} µs  ({len(fuzzy_hits)} that resolved by the fuzzy pass; "
        f"all memos cleared {fz_cold:.1f} µs)   target ≤ 200 µs"
    )
    none = [
        "Acme Widgets Ltd",
        "Leonardo da Vinci",
        "General Mills",
        "Lockheed Lane Pharmacy",
        "Tatra banka",
        "Arsenal F.C.",
        "Saab Automobile",
        "Zenith Quantum Holdings",
    ]
    nm = per_call_us(lambda n: reg.resolve(n), none, a.reps, clear)
    print(f"no match      median {nm:8.1f} µs  ({len(none)} non-defense names)")

    base = baseline(reg)
    base("warm-up")
    sample = rng.sample(exact, min(200, len(exact)))
    b_ex = per_call_us(base, sample, a.reps, None)
    b_fz = per_call_us(base, typos[:200], a.reps, None)
    b_nm = per_call_us(base, none, a.reps, None)
    print(
        f"baseline      median {b_ex:8.1f} µs exact ({b_ex / ex:.0f}× slower than defnames), "
        f"{b_fz:.1f} µs misspelled ({b_fz / fz:.0f}×), {b_nm:.1f} µs no match ({b_nm / nm:.0f}×)  "
        f"[extractOne, WRatio, cutoff 85, {base.n_choices} choices]"
    )  # type: ignore[attr-defined]

    def run_defnames(strict: bool = False) -> float:
        clear_all() if strict else clear()
        t = time.perf_counter()
        for r in rows:
            reg.resolve(r["mention"], context=r.get("context"))
        return time.perf_counter() - t

    def run_cached() -> float:
        t = time.perf_counter()
        for r in rows:
            reg.resolve(r["mention"], context=r.get("context"))
        return time.perf_counter() - t

    def run_baseline() -> float:
        t = time.perf_counter()
        for r in rows:
            base(r["mention"])
        return time.perf_counter() - t

    first = run_defnames(strict=True)  # the first pass of a fresh process, as score.py times it
    dn, bl, ca, st = [], [], [], []
    for _ in range(a.reps):  # interleaved, so drift hits both alike
        dn.append(run_defnames())
        ca.append(run_cached())
        st.append(run_defnames(strict=True))
        bl.append(run_baseline())
    d, b, c, s = statistics.median(dn), statistics.median(bl), statistics.median(ca), statistics.median(st)
    print(
        f"dev set       {a.dev}: {len(rows)} mentions: defnames {d * 1000:.1f} ms "
        f"({d / len(rows) * 1e6:.0f} µs each), "
        f"baseline {b * 1000:.1f} ms ({base.n_choices} choices)  → {b / d:.1f}× the baseline"  # type: ignore[attr-defined]
        f"   target ≥ 30×"
    )
    print(
        f"dev set, all memos cleared {s * 1000:.1f} ms → {b / s:.1f}×; first pass in this process "
        f"{first * 1000:.1f} ms → {b / first:.1f}×"
    )
    print(f"dev set, cached {c * 1000:.2f} ms → {b / c:.0f}× the baseline (a repeat of the same mentions)")


if __name__ == "__main__":
    main()
