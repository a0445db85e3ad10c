"""Measure concept keys on the registry: native-script aliases meeting a Latin name, and collisions.

Run: ``.venv/bin/python -m tests.text.measure_concepts``.  Pairs and labels as in measure_skeleton
(T transcription, M mixed, X translation).  A hit: the concept key of the native alias equals the
concept key of one of the entity's Latin names.  A collision: two Latin names of different
entities with equal concept keys although their plain keys (anyascii, lower case, letters only)
differ.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from tests.text.measure_skeleton import Pair, load, plain_key


def hits(fn: Callable[[str], str], pairs: list[Pair], latin: dict[str, list[str]]) -> dict[str, dict[str, list[int]]]:
    keys = {eid: {fn(n) for n in names} - {""} for eid, names in latin.items()}
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for p in pairs:
        k = fn(p.native)
        hit = bool(k) and k in keys[p.entity]
        for sc in (p.script, "all"):
            out[p.label][sc][0] += hit
            out[p.label][sc][1] += 1
    return out


def new_collisions(fn: Callable[[str], str], latin: dict[str, list[str]]) -> tuple[int, list[str]]:
    by_key: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for eid, names in latin.items():
        for n in names:
            k = fn(n)
            if k:
                by_key[k][eid].add(plain_key(n))
    count = 0
    examples: list[str] = []
    for k, owners in by_key.items():
        items = [(e, x) for e, xs in owners.items() for x in xs]
        for i, (e1, x1) in enumerate(items):
            for e2, x2 in items[i + 1 :]:
                if e1 != e2 and x1 != x2:
                    count += 1
                    if len(examples) < 8:
                        examples.append(f"{k!r}: {e1} / {e2}")
    return count, examples


def main() -> None:
    from defnames._text.concepts import concept_key

    pairs, latin = load()
    print(f"{len(pairs)} pairs; labels {Counter(p.label for p in pairs)}")
    for name, fn in [
        ("plain anyascii key", plain_key),
        ("concept_key", concept_key),
        ("concept_key, phonetic", lambda s: concept_key(s, phonetic=True)),
    ]:
        h = hits(fn, pairs, latin)
        line = "; ".join(f"{lab}: {h[lab]['all'][0]}/{h[lab]['all'][1]}" for lab in ("T", "M", "X") if lab in h)
        by_script = (
            ", ".join(f"{sc} {a}/{b}" for sc, (a, b) in sorted(h["X"].items()) if sc != "all") if "X" in h else ""
        )
        c, ex = new_collisions(fn, latin) if fn is not plain_key else (0, [])
        print(f"== {name}: {line}\n   X by script: {by_script}\n   new collisions among Latin names: {c}")
        for e in ex:
            print("     ", e)
    # what the matcher gets with both keys: the concept key, or the skeleton (keys of >= 4 classes)
    from defnames._text.skeleton import skeleton
    from tests.text.measure_skeleton import guarded

    sk = guarded(skeleton, 4)
    ck = {eid: {concept_key(n) for n in names} - {""} for eid, names in latin.items()}
    skk = {eid: {sk(n) for n in names} - {""} for eid, names in latin.items()}
    both: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in pairs:
        hit = concept_key(p.native) in ck[p.entity] or (sk(p.native) or "-") in skk[p.entity]
        both[p.label][0] += hit
        both[p.label][1] += 1
    print(
        "== concept key or skeleton (>= 4 classes): " + "; ".join(f"{k}: {a}/{b}" for k, (a, b) in sorted(both.items()))
    )


if __name__ == "__main__":
    main()
