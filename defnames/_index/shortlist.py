"""The fuzzy shortlist: a character-trigram inverted index weighted by rarity (numpy).

Only the keys that share the most rare trigrams with a mention are ever scored by RapidFuzz:
over ~5,000 keys this takes ~0.1 ms per query, against ~0.45 ms for ``process.extract``
over all keys.

The postings are built without a Python loop over the trigrams: every key, padded with a
space at each end, goes into one array of code points; each trigram becomes one 63-bit
integer (three code points of 21 bits); ``np.unique`` numbers the trigrams and sorts the
(trigram, key) pairs, so the postings of all trigrams are slices of one array of key numbers.
A query gathers the postings of its trigrams and sums their weights per key over the
gathered keys only, so its cost follows the postings it reads, not the size of the index.

>>> ti = TrigramIndex(["lockheed martin", "northrop grumman", "rheinmetall"])
>>> ti.shortlist("northrup grumman")
['northrop grumman']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_POSTINGS", "TrigramIndex"]

# A trigram found in more keys than this (or in over 5% of them) is read only when it is one
# of the query's four rarest: it adds cost, not information. The 5% is what decides on the
# packaged registry (about a thousand keys); the absolute cap keeps queries fast at 100,000
# entities, where 5% would be 14,000 keys.
MAX_POSTINGS = 2000
_RAREST = 4  # the query's rarest trigrams, always read
# a query gathering more than a quarter as many postings as there are keys sums its weights
# in one slot per key (bincount over all keys); a smaller one only over the keys it gathered
_DENSE = 4

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


def _trigram_codes(keys: list[str]) -> tuple[Any, Any]:
    """Each trigram of each padded key as (key number, 63-bit code), in key order."""
    import numpy as np

    padded = [f" {k} " for k in keys]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    text = "".join(padded).encode("utf-32-le", "surrogatepass")
    points = np.frombuffer(text, dtype="<u4").astype(np.int64)
    per_key = np.maximum(lengths - 2, 0)  # trigrams of each padded key
    first = np.cumsum(lengths) - lengths  # where each key starts in ``points``
    key_of = np.repeat(np.arange(len(keys), dtype=np.int64), per_key)
    offset = np.arange(int(per_key.sum()), dtype=np.int64) - np.repeat(np.cumsum(per_key) - per_key, per_key)
    at = first[key_of] + offset
    codes = (points[at] << (2 * _BITS)) | (points[at + 1] << _BITS) | points[at + 2]
    return key_of, codes


def _decode(codes: Any) -> list[str]:
    """The trigram strings of their codes."""
    import numpy as np

    triples = np.stack([codes >> (2 * _BITS), (codes >> _BITS) & _MASK, codes & _MASK], axis=1)
    text = triples.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return [text[i : i + 3] for i in range(0, len(text), 3)]


def _numbered(values: Any) -> tuple[Any, Any]:
    """The sorted distinct values of an int64 array and each value's number among them:
    ``np.unique(values, return_inverse=True)``, which numpy 2 makes several times slower."""
    import numpy as np

    order = np.argsort(values, kind="stable")
    v = values[order]
    new = np.empty(len(v), dtype=bool)
    new[:1] = True
    np.not_equal(v[1:], v[:-1], out=new[1:])
    inverse = np.empty(len(v), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return v[new], inverse


def build_postings(keys: list[str]) -> _Postings:
    """The postings of every trigram of ``keys`` (each trigram once per key)."""
    import numpy as np

    n = len(keys)
    key_of, codes = _trigram_codes(keys)
    grams, number_of = _numbered(codes)
    pairs, _ = _numbered(number_of * max(n, 1) + key_of)  # (trigram, key) once each, by trigram then key
    gram_of, key_ids = np.divmod(pairs, max(n, 1))
    counts = np.bincount(gram_of, minlength=len(grams))
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    idf = [math.log(1 + n / c) for c in counts.tolist()]
    idf_array = np.asarray(idf, dtype=np.float64)
    totals = np.bincount(key_ids, weights=idf_array[gram_of], minlength=n)
    number = dict(zip(_decode(grams), range(len(grams))))
    return _Postings(number, counts.tolist(), idf, starts, key_ids.astype(np.int32), idf_array, totals)


class TrigramIndex:
    """Rarity-weighted trigram postings over a sorted list of keys."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self._postings: _Postings | None = None

    @staticmethod
    def _grams(key: str) -> set[str]:
        s = f" {key} "
        return {s[i : i + 3] for i in range(len(s) - 2)}

    def prepare(self) -> None:
        """Build the posting arrays now rather than on the first fuzzy look-up."""
        self._index()

    def _index(self) -> _Postings:
        if self._postings is None:
            self._postings = build_postings(self.keys)
        return self._postings

    def _read(self, p: _Postings, key: str) -> tuple[list[int], float]:
        """The trigram numbers to read for ``key``, rarest first, and the query's total weight."""
        number = p.number
        present = [number[g] for g in self._grams(key) if g in number]
        q_total = sum(p.idf[t] for t in present)
        present.sort(key=p.counts.__getitem__)
        common = min(len(self.keys) // 20, MAX_POSTINGS)
        counts = p.counts
        return present[:_RAREST] + [t for t in present[_RAREST:] if counts[t] <= common], q_total

    def shortlist(self, key: str, limit: int = 24) -> list[str]:
        """Keys that share the most rare trigrams with ``key`` (weighted Jaccard), best first."""
        import numpy as np

        p = self._index()
        grams, q_total = self._read(p, key)
        if not grams:
            return []
        starts, postings = p.starts, p.keys
        ids = np.concatenate([postings[starts[t] : starts[t + 1]] for t in grams])
        weights = np.repeat(p.idf_array[grams], [p.counts[t] for t in grams])
        if len(ids) * _DENSE > len(self.keys):  # dense: one slot per key is cheaper than sorting
            overlap = np.bincount(ids, weights=weights, minlength=len(self.keys))
            nz = np.flatnonzero(overlap)
            overlap = overlap[nz]
        else:  # sparse: sum only over the keys gathered (the same sums, in the same order)
            nz, inverse = _numbered(ids)
            overlap = np.bincount(inverse, weights=weights)
        sim = overlap / (p.totals[nz] + q_total - overlap + 1e-9)
        k = min(limit, len(nz))
        top = np.argpartition(-sim, k - 1)[:k]
        top = top[np.argsort(-sim[top])]
        return [self.keys[nz[i]] for i in top if sim[i] > 0.12]
