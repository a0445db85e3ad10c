"""The fuzzy shortlist: a character-trigram inverted index weighted by rarity (numpy).

Only the keys that share the most rare trigrams with a mention are ever scored by RapidFuzz:
over ~5,000 keys this takes ~0.1 ms per query, against ~0.45 ms for ``process.extract``
over all keys.

>>> ti = TrigramIndex(["lockheed martin", "northrop grumman", "rheinmetall"])
>>> ti.shortlist("northrup grumman")
['northrop grumman']
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

__all__ = ["TrigramIndex"]


class TrigramIndex:
    """Rarity-weighted trigram postings over a sorted list of keys."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self._trigrams: tuple[dict[str, Any], dict[str, Any], Any, dict[str, float]] | None = None

    @staticmethod
    def _grams(key: str) -> set[str]:
        s = f" {key} "
        return {s[i : i + 3] for i in range(len(s) - 2)}

    def prepare(self) -> None:
        """Build the posting arrays now rather than on the first fuzzy look-up."""
        self._index()

    def _index(self) -> tuple[dict[str, Any], dict[str, Any], Any, dict[str, float]]:
        if self._trigrams is None:
            import numpy as np

            postings: dict[str, list[int]] = defaultdict(list)
            for i, k in enumerate(self.keys):
                for g in self._grams(k):
                    postings[g].append(i)
            n = len(self.keys)
            idf = {g: math.log(1 + n / len(p)) for g, p in postings.items()}
            totals = np.zeros(n, dtype=np.float64)
            arrays, weights = {}, {}
            for g, p in postings.items():
                arr = np.asarray(p, dtype=np.int32)
                arrays[g] = arr
                weights[g] = np.full(len(arr), idf[g])
                totals[arr] += idf[g]
            self._trigrams = (arrays, weights, totals, idf)
        return self._trigrams

    def shortlist(self, key: str, limit: int = 24) -> list[str]:
        """Keys that share the most rare trigrams with ``key`` (weighted Jaccard), best first."""
        import numpy as np

        arrays, weights, totals, idf = self._index()
        grams = sorted((g for g in self._grams(key) if g in arrays), key=lambda g: len(arrays[g]))
        if not grams:
            return []
        common = len(self.keys) // 20  # trigrams in over 5% of keys add cost, not information
        if len(grams) > 4:
            grams = grams[:4] + [g for g in grams[4:] if len(arrays[g]) <= common]
        q_total = sum(idf[g] for g in self._grams(key) if g in idf)
        ids = np.concatenate([arrays[g] for g in grams])
        overlap = np.bincount(ids, weights=np.concatenate([weights[g] for g in grams]), minlength=len(self.keys))
        nz = np.flatnonzero(overlap)
        sim = overlap[nz] / (totals[nz] + q_total - overlap[nz] + 1e-9)
        k = min(limit, len(nz))
        top = np.argpartition(-sim, k - 1)[:k]
        top = top[np.argsort(-sim[top])]
        return [self.keys[nz[i]] for i in top if sim[i] > 0.12]
