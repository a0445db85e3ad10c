"""The trigram shortlist: vectorized postings equal plainly counted ones; the sparse and dense
query paths agree; common trigrams are read only when among a query's rarest."""

from __future__ import annotations

import math
import random
from collections import defaultdict

import pytest

from defnames import Registry
from defnames._index import shortlist as sl
from defnames._index.shortlist import TrigramIndex, build_postings


def _grams(key: str) -> set[str]:
    s = f" {key} "
    return {s[i : i + 3] for i in range(len(s) - 2)}


def test_postings_as_counted_by_hand() -> None:
    keys = sorted(["lockheed martin", "martin baker", "aaa aaa", "x", "", "中国航发", "kraków 𝔘nit"])
    p = build_postings(keys)
    plain: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for g in _grams(k):
            plain[g].append(i)
    assert set(p.number) == set(plain)
    for g, ids in plain.items():
        t = p.number[g]
        assert p.keys[p.starts[t] : p.starts[t + 1]].tolist() == sorted(ids)
        assert p.counts[t] == len(ids)
        assert p.idf[t] == math.log(1 + len(keys) / len(ids))
    for i, k in enumerate(keys):
        assert p.totals[i] == pytest.approx(sum(p.idf[p.number[g]] for g in _grams(k)))


def test_no_keys() -> None:
    assert TrigramIndex([]).shortlist("saab") == []


def _typos(keys: list[str], n: int) -> list[str]:
    rng = random.Random(3)
    out = []
    for k in rng.sample(keys, n):
        i = rng.randrange(len(k))
        out.append(k[:i] + rng.choice("aeioustrn") + k[i + 1 :])
    return out


def test_sparse_and_dense_paths_agree(real: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = real.index.keys
    ti = TrigramIndex(keys)
    queries = [*_typos(keys, 300), "springfield bakery supplies", "defence systems", "x"]
    monkeypatch.setattr(sl, "_DENSE", 0)  # always sparse
    sparse = [ti.shortlist(q) for q in queries]
    monkeypatch.setattr(sl, "_DENSE", 10**9)  # always dense
    assert sparse == [ti.shortlist(q) for q in queries]
    assert sum(map(bool, sparse)) > 250


def test_common_trigrams_are_read_only_among_the_rarest(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = sorted({f"zq{i:04d} systems" for i in range(300)} | {"korvant systems"})
    ti = TrigramIndex(keys)
    p = ti._index()
    monkeypatch.setattr(sl, "MAX_POSTINGS", 10)
    read, _ = ti._read(p, "korvant systems")
    counts = [p.counts[t] for t in read]
    assert counts[: sl._RAREST] == sorted(counts[: sl._RAREST])
    assert all(c <= 10 for c in counts[sl._RAREST :])
    assert ti.shortlist("korvamt systems")[0] == "korvant systems"
