"""Suggestions for a search box: names that start with what was typed, then fuzzy matches.

A :class:`NameSearch` is built once per registry. It folds every name of every entity (case,
accents and punctuation ignored), indexes each name from its start and from the start of each
of its words, and answers a prefix with a binary search; when prefixes give too few answers
the registry's own candidate search adds fuzzy ones.

>>> import defnames
>>> s = NameSearch(defnames.registry())
>>> s.suggest("rheinm", limit=1)[0]["id"]
'rheinmetall'
>>> [r["how"] for r in s.suggest("martin", limit=50) if r["id"] == "lockheed-martin"]
['word']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from typing import Any

from defnames import InputError, Registry

__all__ = ["NameSearch", "fold"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces.

    >>> fold("  Thales-Alenia  Space ")
    'thales alenia space'
    >>> fold("Škoda")
    'skoda'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


class NameSearch:
    """Prefix and fuzzy suggestions over every name of a registry."""

    def __init__(self, reg: Registry) -> None:
        self._reg = reg
        keys: list[tuple[str, int, int, str, str]] = []  # (key, word position, name length, name, id)
        for e in reg.entities:
            for name in e.all_names():
                folded = fold(name)
                if not folded:
                    continue
                starts = [0] + [m.end() for m in re.finditer(" ", folded)]
                for pos, start in enumerate(starts):
                    keys.append((folded[start:], pos, len(folded), name, e.id))
        keys.sort()
        self._keys = keys
        self._words = [k[0] for k in keys]

    def _prefix(self, q: str, limit: int) -> list[dict[str, Any]]:
        i = bisect_left(self._words, q)
        hits: list[tuple[int, int, str, str]] = []
        while i < len(self._words) and self._words[i].startswith(q) and len(hits) < 5000:
            _key, pos, length, name, eid = self._keys[i]
            hits.append((0 if pos == 0 else 1, length, name, eid))
            i += 1
        reg = self._reg
        hits.sort(key=lambda h: (h[0], reg.get(h[3]).status.value != "active", h[1], h[2]))
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for rank, _length, name, eid in hits:
            if eid in seen:
                continue
            seen.add(eid)
            out.append(self._row(eid, name, "prefix" if rank == 0 else "word"))
            if len(out) >= limit:
                break
        return out

    def _row(self, eid: str, matched: str, how: str, score: float | None = None) -> dict[str, Any]:
        e = self._reg.get(eid)
        row: dict[str, Any] = {
            "id": e.id,
            "name": e.name,
            "matched": matched,
            "country": e.country,
            "kind": e.kind.value,
            "status": e.status.value,
            "how": how,
        }
        if score is not None:
            row["score"] = score
        return row

    def suggest(self, q: str, *, limit: int = 10) -> list[dict[str, Any]]:
        """Up to ``limit`` entities for a search box, best first.

        Each row has ``id``, ``name``, ``matched`` (the name that matched), ``country``,
        ``kind``, ``status`` and ``how``: ``prefix`` (a name starts with the query), ``word``
        (a word of a name does) or ``fuzzy`` (the registry's candidate search, with ``score``).
        """
        key = fold(q)
        if not key or limit < 1:
            return []
        out = self._prefix(key, limit)
        if len(out) < limit and len(key) >= 3:
            seen = {r["id"] for r in out}
            try:
                found = self._reg.candidates(q, limit=limit)
            except InputError:
                found = []
            for m in found:
                if m.entity.id not in seen and len(out) < limit:
                    seen.add(m.entity.id)
                    out.append(self._row(m.entity.id, m.matched, "fuzzy", m.score))
        return out
