"""The trigram shortlist: vectorized postings equal plainly counted ones; the sparse and dense
query paths agree; common trigrams are read only when among a query's rarest; a large index's
rows of trigram numbers hold every trigram of their key, whatever its length."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from itertools import pairwise

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


def _sim(key: str, query: str, p: sl._Postings, read: list[int], q_total: float) -> float:
    """The weighted Jaccard similarity of the full shortlist, computed plainly."""
    theirs = {p.number[g] for g in _grams(key)}
    overlap = sum(p.idf[t] for t in read if t in theirs)
    return overlap / (sum(p.idf[t] for t in theirs) + q_total - overlap + 1e-9)


@pytest.fixture(scope="module")
def large(real: Registry) -> TrigramIndex:
    """The packaged keys, indexed as a large index is (candidates from the rarest trigrams)."""
    ti = TrigramIndex(real.index.keys)
    ti._postings = build_postings(ti.keys, by_key=True)
    return ti


def test_a_small_index_reads_every_posting(real: Registry) -> None:
    assert len(real.index.keys) <= sl.EXACT_KEYS
    assert real.index.trigrams._index().key_grams is None


def _descending(sims: list[float]) -> bool:
    """Best first; scores that tie up to float rounding (two keys with the same trigram
    weights summed in another order) may come in either order."""
    return all(a >= b - 1e-9 for a, b in pairwise(sims))


def test_pruned_shortlists_carry_the_full_scores(large: TrigramIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sl, "BUDGET", 0)  # every query takes the pruned path
    p = large._index()
    for q in _typos(large.keys, 200):
        read, q_total = large._read(p, q)
        found = large.shortlist(q)
        sims = [_sim(k, q, p, read, q_total) for k in found]
        assert _descending(sims)
        assert all(x > sl._FLOOR for x in sims)


def test_pruned_shortlists_find_what_the_full_ones_find(large: TrigramIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = _typos(large.keys, 300)
    monkeypatch.setattr(sl, "BUDGET", 10**12)  # every posting read
    full = [large.shortlist(q) for q in queries]
    monkeypatch.setattr(sl, "BUDGET", 200)
    pruned = [large.shortlist(q) for q in queries]
    same_top = sum(bool(a) == bool(b) and (not a or a[0] == b[0]) for a, b in zip(full, pruned))
    assert same_top >= 0.97 * len(queries)


def test_a_thread_leaves_its_weights_at_zero(large: TrigramIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sl, "BUDGET", 0)
    large.shortlist("rheinmetal")
    assert not large._weights(len(large._index().counts)).any()


def test_a_query_of_common_trigrams_keeps_the_best_by_the_rarest(
    large: TrigramIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sl, "BUDGET", 0)
    monkeypatch.setattr(sl, "_RESCORED", 8)  # fewer candidates scored than gathered
    p = large._index()
    for q in ["defence systems", "aerospace industries", *_typos(large.keys, 50)]:
        read, q_total = large._read(p, q)
        sims = [_sim(k, q, p, read, q_total) for k in large.shortlist(q)]
        assert len(sims) <= 8 and _descending(sims)


def _numbers_by_key(p: sl._Postings, k: int) -> list[int]:
    """Key k's trigram numbers as a large index keeps them: its row, its long row or its slice."""
    pad = len(p.counts)
    if p.key_sizes[k]:
        return p.key_grams[p.key_starts[k] : p.key_starts[k + 1]].tolist()
    row = p.long_rows[p.long_of[k]] if p.long_of[k] >= 0 else p.key_rows[k]
    return [t for t in row.tolist() if t != pad]


def test_rows_long_rows_and_slices_hold_every_trigram_of_their_key() -> None:
    rng = random.Random(5)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(400)]
    keys = sorted({" ".join(rng.sample(words, rng.choice([1, 2, 3, 6, 12, 60]))) for _ in range(600)})
    p = build_postings(keys, by_key=True)
    sizes = [len(_grams(k)) for k in keys]
    assert min(sizes) <= sl._ROW < max(sizes) and any(sl._ROW < s <= sl._LONG_ROW for s in sizes)
    assert max(sizes) > sl._LONG_ROW  # every kind of key is there
    for i, k in enumerate(keys):
        assert _numbers_by_key(p, i) == sorted(p.number[g] for g in _grams(k))


def test_long_keys_are_found_as_short_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(6)
    words = ["".join(rng.choice("abcdefghiklmnoprstuvz") for _ in range(rng.randint(3, 8))) for _ in range(300)]
    keys = sorted({" ".join(rng.sample(words, rng.choice([2, 3, 8, 40]))) for _ in range(500)})
    ti = TrigramIndex(keys)
    ti._postings = build_postings(keys, by_key=True)
    monkeypatch.setattr(sl, "BUDGET", 0)  # the pruned path, which reads the rows
    p = ti._index()
    long_keys = [k for k in keys if len(_grams(k)) > sl._ROW]  # in long rows or slices
    assert len(long_keys) > 100
    for key in rng.sample(long_keys, 100):
        i = rng.randrange(len(key))
        q = key[:i] + ("x" if key[i] != "x" else "y") + key[i + 1 :]
        read, q_total = ti._read(p, q)
        found = ti.shortlist(q)
        sims = [_sim(k, q, p, read, q_total) for k in found]
        assert _descending(sims)
        assert found[0] == key or sims[0] == pytest.approx(_sim(key, q, p, read, q_total))
