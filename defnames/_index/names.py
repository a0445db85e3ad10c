"""Step 2b: the name index — every name of every entity under its comparison key.

Exact hits are dictionary look-ups (``by_key``, ``by_compact``); fuzzy candidates come from a
character-trigram inverted index weighted by rarity, so only a shortlist is ever scored.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from defnames._lexicon import Lexicon
from defnames.models import Entity
from defnames._text.normalize import compact, full_key, name_key, translit_key
from defnames._index.tickers import TickerIndex

__all__ = ["NameEntry", "NameIndex", "word_prefixes"]

_CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def has_cjk(s: str) -> bool:
    """True when a string has Hangul, kana or CJK ideographs (scripts written without spaces)."""
    return not s.isascii() and _CJK.search(s) is not None


def word_prefixes(key: str) -> tuple[str, ...]:
    """The first four letters of each word of a key.

    >>> word_prefixes("концерн калашников")
    ('конц', 'кала')
    """
    return tuple(w[:4] for w in key.split())


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One name of one entity, as indexed."""

    entity_id: str
    name: str
    key: str
    kind: str  # name | legal_name | alias | weak_alias | former_name | acronym | ticker
    until: int | None = None
    weak: bool = False
    translit: bool = False
    vague: bool = False  # weak only because it is made of generic words ("Naval Group")

    @property
    def current(self) -> bool:
        return self.kind != "former_name"


def _entries(e: Entity, lex: Lexicon) -> Iterable[NameEntry]:
    weak_keys = {name_key(w, lex) for w in e.weak_aliases}
    named: list[tuple[str, str, int | None]] = [(e.name, "name", None)]
    if e.legal_name:
        named.append((e.legal_name, "legal_name", None))
    named += [(a, "alias", None) for a in e.aliases]
    named += [(w, "weak_alias", None) for w in e.weak_aliases]
    named += [(f.name, "former_name", f.until) for f in e.former_names]
    vague = lex.generic | {d[0] for d in lex.descriptors if len(d) == 1}
    weak_keys |= {translit_key(k, lex) for k in weak_keys}

    def is_weak(key: str) -> tuple[bool, bool]:
        # declared, or three letters or fewer (CBC, USC, HAL), or made only of generic words
        # ("Military Industry"); the second flag: weak for the last reason only
        declared_or_short = key in weak_keys or len(compact(key)) <= 3
        generic = all(t in vague for t in key.split())
        return declared_or_short or generic, generic and not declared_or_short

    for name, kind, until in named:
        key = name_key(name, lex)
        if len(compact(key)) < 2 and not has_cjk(key):
            continue
        weak, only_generic = is_weak(key)
        yield NameEntry(e.id, name, key, kind, until, weak, vague=only_generic)
        tkey = translit_key(key, lex)
        if len(compact(tkey)) >= 3 and tkey != key:
            weak, only_generic = is_weak(tkey)
            yield NameEntry(e.id, name, tkey, kind, until, weak, translit=True, vague=only_generic)


def initialism(key: str) -> str | None:
    """Initials of a multi-word name, skipping little words: 'israel aerospace industries' -> 'iai'."""
    words = [w for w in key.split() if w not in ("and", "of", "the", "de", "di", "du", "des", "la", "le")]
    if len(words) < 3 or not all(w.isascii() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)


class NameIndex:
    """All names of a set of entities, keyed for exact, compact and fuzzy look-up."""

    def __init__(self, entities: Iterable[Entity], lex: Lexicon) -> None:
        self.lex = lex
        by_key: dict[str, list[NameEntry]] = defaultdict(list)
        seen: set[tuple[str, str, str]] = set()
        entity_list = list(entities)
        for e in entity_list:
            for entry in _entries(e, lex):
                sig = (entry.entity_id, entry.key, entry.kind)
                if sig in seen:
                    continue
                seen.add(sig)
                by_key[entry.key].append(entry)
        # Derived initialisms (KMW, IAI, HII) fill gaps only: never over a real name.
        derived: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for e in entity_list:
            for name in (e.name, e.legal_name):
                if name:
                    ini = initialism(name_key(name, lex))
                    if ini and ini not in by_key:
                        derived[ini].add((e.id, name))
        for ini, owners in derived.items():
            if len({i for i, _ in owners}) == 1:
                eid, name = sorted(owners)[0]
                by_key[ini].append(NameEntry(eid, name, ini, "acronym", None, weak=True))
        # A subsidiary whose name equals its parent's but for the legal form ("BAE Systems,
        # Inc." under "BAE Systems plc") is found by its full name, legal form included.
        by_name_of = {e.id: e for e in entity_list}
        for key, entries in list(by_key.items()):
            ids = {x.entity_id for x in entries}
            if len(ids) < 2:
                continue
            for x in list(entries):
                ent = by_name_of[x.entity_id]
                full = full_key(x.name, lex)
                if full != key and ent.parent in ids:
                    entries.remove(x)
                    by_key[full].append(replace(x, key=full))
        self.by_key: dict[str, list[NameEntry]] = dict(by_key)
        by_compact: dict[str, list[NameEntry]] = defaultdict(list)
        for key, entries in self.by_key.items():
            if " " in key:
                by_compact[compact(key)] += entries
        self.by_compact: dict[str, list[NameEntry]] = dict(by_compact)
        self.max_tokens = max((k.count(" ") + 1 for k in self.by_key), default=1)
        self.keys: list[str] = sorted(self.by_key)
        self.cjk_keys = frozenset(k for k in self.keys if has_cjk(k))
        # keys of several words by the first four letters of each word: the inflected forms of
        # a name ("концерна калашников") share them
        self.word_prefixes = frozenset(word_prefixes(k) for k in self.keys if " " in k)
        self.tickers = TickerIndex(entity_list)
        self._trigrams: tuple[dict[str, Any], dict[str, Any], Any, dict[str, float]] | None = None

    def prepare(self) -> None:
        """Build the lazy parts now: the trigram index and the RapidFuzz scorers."""
        self._trigram_index()
        import rapidfuzz.fuzz
        import rapidfuzz.process  # noqa: F401

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_key.values())

    # -- fuzzy shortlist ---------------------------------------------------------------
    @staticmethod
    def _grams(key: str) -> set[str]:
        s = f" {key} "
        return {s[i : i + 3] for i in range(len(s) - 2)}

    def _trigram_index(self) -> tuple[dict[str, Any], dict[str, Any], Any, dict[str, float]]:
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

        arrays, weights, totals, idf = self._trigram_index()
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
