"""The fuzzy shortlist: a character-trigram inverted index weighted by rarity (numpy).

Only the keys that share the most rare trigrams with a mention are ever scored by RapidFuzz:
over ~5,000 keys this takes ~0.1 ms per query, against ~0.45 ms for ``process.extract``
over all keys.

The postings are built without a Python loop over the trigrams: every key, padded with a
space at each end, goes into one array of code points; each trigram becomes one 63-bit
integer (three code points of 21 bits); sorting numbers the trigrams and orders the
(trigram, key) pairs, so the postings of all trigrams are slices of one array of key numbers.
A query sums its trigrams' weights per key over the keys it gathered only (not over one slot
per key of the index). Over a large index (more than :data:`EXACT_KEYS` keys) a query whose
postings are long gathers its candidates from its rarest trigrams and scores them from their
own trigram lists, so it never reads a long posting whole (:meth:`TrigramIndex._pruned`).

>>> ti = TrigramIndex(["lockheed martin", "northrop grumman", "rheinmetall"])
>>> ti.shortlist("northrup grumman")
['northrop grumman']
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any

__all__ = ["BUDGET", "EXACT_KEYS", "TrigramIndex"]

# Over an index of more than EXACT_KEYS keys (the packaged registry has ~16,000; 20,000
# overlay entities make ~60,000), a query whose trigrams' postings hold more than BUDGET keys
# gathers its candidates from its rarest trigrams only (TrigramIndex._pruned); up to
# EXACT_KEYS every posting is read, as the shortlist was always made.
BUDGET = 1000
EXACT_KEYS = 50_000
_RESCORED = 3000  # candidates scored with all the query's trigrams, at most
_RAREST = 4  # the query's rarest trigrams, always read (a typo changes up to three)
_FLOOR = 0.12  # the lowest similarity a shortlisted key may have
# a query gathering more than a quarter as many postings as there are keys sums its weights
# in one slot per key (bincount over all keys); a smaller one only over the keys it gathered
_DENSE = 4

# A large index keeps each key's trigram numbers in a row of this many (uint16 where the numbers
# fit): one row look-up per candidate instead of a gather of variable-length slices. 93% of the
# keys of 100,000 synthetic entities have at most 32 trigrams; the others are read from slices.
_ROW = 32
_LONG_ROW = 256  # longer keys (none in real registries) are read from slices

_BITS = 21  # a Unicode code point fits in 21 bits: three make one int64
_MASK = (1 << _BITS) - 1


@dataclass(frozen=True, slots=True)
class _Postings:
    """Every trigram's keys (slices of one array) and rarity weight."""

    number: dict[str, int]  # trigram -> its number
    counts: list[int]  # keys holding each trigram
    idf: list[float]  # each trigram's weight, log(1 + keys / counts)
    starts: Any  # numpy int64: trigram t's keys are keys[starts[t]:starts[t + 1]]
    keys: Any  # numpy int32: key numbers, by trigram then key
    idf_array: Any  # numpy float64: idf as an array
    totals: Any  # numpy float64: each key's sum of weights
    # over a large index only (see TrigramIndex._pruned): key k's trigram numbers, ascending, in
    # rows padded with len(counts) (a trigram of weight 0): the row key_rows[k] for a key of up to
    # _ROW trigrams, else the row long_rows[long_of[k]] for one of up to _LONG_ROW; a longer
    # key's are key_grams[key_starts[k]:key_starts[k + 1]] (key_sizes[k] of them, 0 for the others)
    key_rows: Any = None
    long_of: Any = None  # numpy int32: each key's row in long_rows, -1 if it has none
    long_rows: Any = None
    key_starts: Any = None
    key_grams: Any = None
    key_sizes: Any = None


def _trigram_codes(keys: list[str]) -> tuple[Any, Any]:
    """Each trigram of each padded key as (key number, 63-bit code), in key order."""
    import numpy as np

    lengths = np.fromiter((len(k) + 2 for k in keys), dtype=np.int64, count=len(keys))
    points = np.frombuffer("".join(f" {k} " for k in keys).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    per_key = np.maximum(lengths - 2, 0)  # trigrams of each padded key
    # trigram j of the whole list, the t-th of key i, starts at first[i] + t in ``points``
    first_point = np.cumsum(lengths) - lengths
    first_gram = np.cumsum(per_key) - per_key
    at = np.arange(int(per_key.sum()), dtype=np.int64)
    at += np.repeat(first_point - first_gram, per_key)
    codes = points[at].astype(np.int64) << (2 * _BITS)
    codes |= points[at + 1].astype(np.int64) << _BITS
    codes |= points[at + 2]
    key_of = np.repeat(np.arange(len(keys), dtype=np.int32), per_key)
    return key_of, codes


def _decode(codes: Any) -> list[str]:
    """The trigram strings of their codes."""
    import numpy as np

    triples = np.stack([codes >> (2 * _BITS), (codes >> _BITS) & _MASK, codes & _MASK], axis=1)
    text = triples.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return [text[i : i + 3] for i in range(0, len(text), 3)]


def _distinct_sorted(values: Any) -> Any:
    """The distinct values of an array, sorted (sorts ``values`` in place: ``np.unique`` is
    several times slower in numpy 2 and keeps more copies alive)."""
    import numpy as np

    values.sort()
    new = np.empty(len(values), dtype=bool)
    new[:1] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    return values[new]


def _numbered(values: Any) -> tuple[Any, Any]:
    """The distinct values of an int array, sorted, and each value's number among them
    (``np.unique(values, return_inverse=True)``)."""
    import numpy as np

    distinct = _distinct_sorted(values.copy())
    return distinct, np.searchsorted(distinct, values)


_CHUNK = 1 << 20  # trigram occurrences numbered at a time (keeps temporary arrays small)


def _pairs(keys: list[str]) -> tuple[Any, Any]:
    """The trigram codes, sorted and distinct, and every (trigram number, key) pair once as
    ``number * len(keys) + key``, sorted: by trigram, then key."""
    import numpy as np

    n = max(len(keys), 1)
    key_of, codes = _trigram_codes(keys)
    grams = _distinct_sorted(codes.copy())
    pairs = np.empty(len(codes), dtype=np.int64)
    for i in range(0, len(codes), _CHUNK):
        chunk = np.searchsorted(grams, codes[i : i + _CHUNK])
        chunk *= n
        chunk += key_of[i : i + _CHUNK]
        pairs[i : i + _CHUNK] = chunk
    del key_of, codes
    return grams, _distinct_sorted(pairs)


def build_postings(keys: list[str], *, by_key: bool = False) -> _Postings:
    """The postings of every trigram of ``keys`` (each trigram once per key); with ``by_key``
    also each key's trigrams.

    Memory is kept to a few arrays of one entry per trigram occurrence at a time (about
    5,000,000 occurrences for the 222,000 keys of 100,000 overlay entities).
    """
    import numpy as np

    n = max(len(keys), 1)
    grams, pairs = _pairs(keys)
    key_ids = (pairs % n).astype(np.int32)
    gram_of = pairs
    gram_of //= n
    del pairs
    counts = np.bincount(gram_of, minlength=len(grams))
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    idf = [math.log(1 + len(keys) / c) for c in counts.tolist()]
    idf_array = np.asarray(idf, dtype=np.float64)
    totals = np.bincount(key_ids, weights=idf_array[gram_of], minlength=len(keys))
    number = dict(zip(_decode(grams), range(len(grams))))
    by_key_arrays = _by_key(gram_of, key_ids, len(keys), len(grams)) if by_key else (None,) * 6
    del gram_of
    return _Postings(number, counts.tolist(), idf, starts, key_ids, idf_array, totals, *by_key_arrays)


def _by_key(gram_of: Any, key_ids: Any, n_keys: int, n_grams: int) -> tuple[Any, ...]:
    """Each key's trigram numbers, ascending, in rows of :data:`_ROW` or :data:`_LONG_ROW`
    padded with ``n_grams``, or, for a longer key, in a slice of one array (see :class:`_Postings`)."""
    import numpy as np

    order = np.argsort(key_ids, kind="stable")  # the pairs by key, then trigram
    grams_by_key = gram_of[order].astype(np.int32)
    del order
    sizes = np.bincount(key_ids, minlength=n_keys).astype(np.int64)
    firsts = np.cumsum(sizes) - sizes
    dtype = np.uint16 if n_grams < 2**16 else np.int32
    rows = _rows(grams_by_key, firsts, np.where(sizes <= _ROW, sizes, 0), _ROW, n_grams, dtype)
    longer = np.flatnonzero((sizes > _ROW) & (sizes <= _LONG_ROW))
    long_of = np.full(n_keys, -1, dtype=np.int32)
    long_of[longer] = np.arange(len(longer), dtype=np.int32)
    width = int(sizes[longer].max()) if len(longer) else 1
    long_rows = _rows(grams_by_key, firsts[longer], sizes[longer], width, n_grams, dtype)
    sliced = np.where(sizes > _LONG_ROW, sizes, 0)
    key_starts = np.concatenate([[0], np.cumsum(sliced)]).astype(np.int64)
    key_grams = grams_by_key[np.repeat(sizes > _LONG_ROW, sizes)]
    return rows, long_of, long_rows, key_starts, key_grams, sliced


def _rows(grams_by_key: Any, firsts: Any, sizes: Any, width: int, pad: int, dtype: Any) -> Any:
    """One row of ``width`` per key: the ``sizes[i]`` trigram numbers from ``firsts[i]``, then ``pad``."""
    import numpy as np

    n, total = len(sizes), int(sizes.sum())
    rows = np.full((n, width), pad, dtype=dtype)
    at = np.int64 if max(n * width, len(grams_by_key)) >= 2**31 else np.int32  # positions, kept small
    src = np.arange(total, dtype=at)  # where each trigram is in grams_by_key
    src += np.repeat((firsts - (np.cumsum(sizes) - sizes)).astype(at), sizes)
    dst = src + np.repeat((np.arange(n, dtype=np.int64) * width - firsts).astype(at), sizes)  # and in the rows
    rows.reshape(-1)[dst] = grams_by_key[src]
    return rows


class TrigramIndex:
    """Rarity-weighted trigram postings over a sorted list of keys."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self._postings: _Postings | None = None
        self._local = threading.local()

    @staticmethod
    def _grams(key: str) -> set[str]:
        s = f" {key} "
        return {s[i : i + 3] for i in range(len(s) - 2)}

    def prepare(self) -> None:
        """Build the posting arrays now rather than on the first fuzzy look-up."""
        self._index()

    def _weights(self, size: int) -> Any:
        """This thread's array of one weight per trigram, all 0 between queries."""
        import numpy as np

        found: Any = getattr(self._local, "weights", None)
        if found is None:
            found = self._local.weights = np.zeros(size, dtype=np.float64)
        return found

    def _index(self) -> _Postings:
        if self._postings is None:
            self._postings = build_postings(self.keys, by_key=len(self.keys) > EXACT_KEYS)
        return self._postings

    def _read(self, p: _Postings, key: str) -> tuple[list[int], float]:
        """The trigram numbers to read for ``key``, rarest first, and the query's total weight."""
        number = p.number
        present = [number[g] for g in self._grams(key) if g in number]
        q_total = sum(p.idf[t] for t in present)
        present.sort(key=p.counts.__getitem__)
        common = len(self.keys) // 20  # trigrams in over 5% of keys add cost, not information
        counts = p.counts
        return present[:_RAREST] + [t for t in present[_RAREST:] if counts[t] <= common], q_total

    def shortlist(self, key: str, limit: int = 24) -> list[str]:
        """Keys that share the most rare trigrams with ``key`` (weighted Jaccard), best first."""
        p = self._index()
        grams, q_total = self._read(p, key)
        if not grams:
            return []
        if p.key_grams is not None and sum(p.counts[t] for t in grams) > BUDGET:
            return self._pruned(p, grams, q_total, limit)
        nz, overlap = self._gather(p, grams)
        return self._top(p, nz, overlap, q_total, limit)

    def _gather(self, p: _Postings, grams: list[int]) -> tuple[Any, Any]:
        """The keys holding any of these trigrams (sorted numbers) and their summed weights."""
        import numpy as np

        starts, postings = p.starts, p.keys
        ids = np.concatenate([postings[starts[t] : starts[t + 1]] for t in grams])
        weights = np.repeat(p.idf_array[grams], [p.counts[t] for t in grams])
        if len(ids) * _DENSE > len(self.keys):  # dense: one slot per key is cheaper than sorting
            overlap = np.bincount(ids, weights=weights, minlength=len(self.keys))
            nz = np.flatnonzero(overlap)
            return nz, overlap[nz]
        # sparse: sum only over the keys gathered (the same sums, in the same order)
        nz, inverse = _numbered(ids)
        return nz, np.bincount(inverse, weights=weights)

    def _top(self, p: _Postings, nz: Any, overlap: Any, q_total: float, limit: int) -> list[str]:
        """The best ``limit`` keys above the similarity floor, best first."""
        import numpy as np

        sim = overlap / (p.totals[nz] + q_total - overlap + 1e-9)
        k = min(limit, len(nz))
        if k == 0:
            return []
        top = np.argpartition(-sim, k - 1)[:k]
        top = top[np.argsort(-sim[top])]
        top = top[sim[top] > _FLOOR]
        keys = self.keys
        return [keys[i] for i in nz[top].tolist()]

    def _pruned(self, p: _Postings, grams: list[int], q_total: float, limit: int) -> list[str]:
        """The shortlist of a large index, made without reading long postings whole.

        The query's rarest trigrams (its four rarest, then more while their postings stay
        within :data:`BUDGET` keys) gather the candidates, which are then scored with all the
        query's trigrams from each key's own list of trigrams. A key that holds none of the
        rarest trigrams is not seen: a key like the query shares most of its trigrams, and a
        typo changes at most three. A query of common trigrams only (more than
        :data:`_RESCORED` candidates) keeps the best by its rarest trigrams first.
        """
        import numpy as np

        counts = p.counts
        cut, read = _RAREST, sum(counts[t] for t in grams[:_RAREST])
        while cut < len(grams) and read + counts[grams[cut]] <= BUDGET:
            read += counts[grams[cut]]
            cut += 1
        nz, overlap = self._gather(p, grams[:cut])
        if len(nz) > _RESCORED:  # a query of common trigrams only: the best by the rarest ones
            partial = overlap / (p.totals[nz] + q_total - overlap + 1e-9)
            nz = np.sort(nz[np.argpartition(-partial, _RESCORED - 1)[:_RESCORED]])
        # every trigram of each candidate (its own row), weighed when the query reads it
        weight = self._weights(len(p.counts) + 1)  # the query's weight of every trigram, 0 if unread
        weight[grams] = p.idf_array[grams]
        try:  # np.take: the same look-ups as indexing with an array, in less time
            overlap = np.take(weight, np.take(p.key_rows, nz, axis=0)).sum(axis=1)
            long_of = np.take(p.long_of, nz)  # keys of more than _ROW trigrams
            longer = np.flatnonzero(long_of >= 0)
            if len(longer):
                overlap[longer] = np.take(weight, np.take(p.long_rows, long_of[longer], axis=0)).sum(axis=1)
            if len(p.key_grams):
                sliced = np.flatnonzero(np.take(p.key_sizes, nz))
                if len(sliced):
                    overlap[sliced] = _sliced(p, nz[sliced], weight)
        finally:
            weight[grams] = 0.0
        return self._top(p, nz, overlap, q_total, limit)


def _sliced(p: _Postings, nz: Any, weight: Any) -> Any:
    """The summed weights of the trigrams of keys kept in slices (longer than a row)."""
    import numpy as np

    sizes = p.key_sizes[nz]
    ends = np.cumsum(sizes)
    firsts = ends - sizes  # where each key's trigrams start among all of them
    at = np.arange(int(ends[-1]), dtype=np.int64)
    at += np.repeat(p.key_starts[nz] - firsts, sizes)
    return np.add.reduceat(np.take(weight, np.take(p.key_grams, at)), firsts)
