"""Matching listed entries to hand-registry entities, strictly.

Order: an identifier shared with a hand entity (``lei``, ``ofac_uid``, any key both use)
merges; else a name whose strict key (:mod:`importers.namekey`) equals a name of exactly
one hand entity *in the same country* merges (an acronym-like one-word name of five letters
or fewer only when it is the listing's primary name). Everything weaker is only reported:
an exact name in another country (a country disagreement), an exact name of two hand
entities (ambiguous), an exact hit on a weak alias, and whatever ``Registry.resolve``
finds with a confident score (a possible duplicate).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import defnames

from .hand import Hand
from .namekey import KeyMaker

MERGE_METHODS = frozenset({"exact", "legal_name", "alias", "former_name"})


def _concept_key(name: str) -> str | None:
    """The descriptor-concept key of a name, when it has two concepts or more and a distinctive
    word of four letters or more (a bag of descriptors alone, or with a short word, says too little)."""
    from defnames._text.concepts import concept_key

    key = concept_key(name)
    words = key.split()
    concepts = [w for w in words if w.startswith("_")]
    rest = [w for w in words if not w.startswith("_")]
    return key if len(concepts) >= 2 and rest and all(len(w) >= 4 for w in rest) else None


def _short(key: str) -> bool:
    """A one-word key of at most five letters ('nmz', 'kbp'): an acronym that two companies
    of one country easily share, so it merges only as the listing's primary name."""
    return " " not in key and len(key) <= 5


@dataclass
class MatchResult:
    merge_id: str | None = None
    how: str = ""  # "identifier lei", "name 'KALASHNIKOV CONCERN'"
    unresolved: bool = False  # same-country exact hits on several entities: import nothing
    country_conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (name, id, its country)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    blocked_keys: set[str] = field(default_factory=set)  # name keys a new entity must not use


class HandIndex:
    def __init__(self, hand: Hand, keys: KeyMaker) -> None:
        self.hand = hand
        self.keys = keys
        self.by_id = {e.id: e for e in hand.entities}
        self.ident: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.names: dict[str, set[str]] = defaultdict(set)  # key -> ids using it as a current name
        self.all_keys: dict[str, set[str]] = defaultdict(set)  # key -> ids using it in any way
        self.how: dict[tuple[str, str], str] = {}  # (key, id) -> name, weak alias or former name
        self.concepts: dict[tuple[str | None, str], set[str]] = defaultdict(set)  # (country, concept key) -> ids
        for e in hand.entities:
            for k, v in e.identifiers.items():
                self.ident[(k, v.strip().upper())].add(e.id)
            for kind, names in (
                ("former name", [f.name for f in e.former_names]),
                ("weak alias", e.weak_aliases),
                ("name", [e.name, *([e.legal_name] if e.legal_name else []), *e.aliases]),
            ):
                for n in names:
                    key = keys.key(n)
                    self.all_keys[key].add(e.id)
                    self.how[(key, e.id)] = kind
                    if kind == "name":
                        self.names[key].add(e.id)
                        if (ck := _concept_key(n)) is not None:
                            self.concepts[(e.country, ck)].add(e.id)

    def keys_of(self, entity_id: str) -> set[str]:
        return {self.keys.key(n) for n in self.by_id[entity_id].all_names()}

    def match(self, names: list[str], identifiers: dict[str, str], country: str | None) -> MatchResult:
        """Names in list order, the primary name first."""
        out = MatchResult()
        self._by_identifier(identifiers, out)
        local_hits: dict[str, str] = {}  # id -> first listed name that hit it
        short: list[tuple[str, str]] = []  # (short name, id) hits that do not merge alone
        primary: set[str] = set()
        for i, n in enumerate(names):
            key = self.keys.key(n)
            holders = self.all_keys.get(key, set())
            if not holders:
                continue
            out.blocked_keys.add(key)
            local = sorted(h for h in holders if self.by_id[h].country == country)
            for h in sorted(holders - set(local)):
                out.country_conflicts.append((n, h, self.by_id[h].country))
            if i > 0 and _short(key):
                short += [(n, h) for h in local]
                continue
            for h in local:
                local_hits.setdefault(h, n)
                if i == 0:
                    primary.add(h)
        out.ambiguous += [
            (f"{n} (a short name alone does not merge)", [h])
            for n, h in short
            if h not in local_hits and h != out.merge_id
        ]
        if out.merge_id is None and not local_hits:
            return self._by_concepts(names, country, out)
        if out.merge_id is not None:
            return out
        if len(local_hits) == 1:
            chosen = next(iter(local_hits))
        elif len(primary) == 1:
            chosen = next(iter(primary))
        else:
            out.unresolved = True
            out.ambiguous.append((", ".join(sorted(set(local_hits.values()))), sorted(local_hits)))
            return out
        n = local_hits[chosen]
        out.merge_id, out.how = chosen, f"{self.how[(self.keys.key(n), chosen)]} {n!r}"
        return out

    def _by_identifier(self, identifiers: dict[str, str], out: MatchResult) -> None:
        """The first identifier (sorted by key) that exactly one hand entity carries."""
        for k, v in sorted(identifiers.items()):
            hits = sorted(self.ident.get((k, v.strip().upper()), ()))
            if len(hits) == 1:
                out.merge_id, out.how = hits[0], f"identifier {k}"
                return

    def _by_concepts(self, names: list[str], country: str | None, out: MatchResult) -> MatchResult:
        """No identifier or name hit: a listed name whose descriptor-concept key (with at least
        two concepts and a distinctive word) equals a name of exactly one hand entity in the same
        country merges — the same plant romanized another way ("Kazanskii Optiko-Mekhanicheskii
        Zavod" and "Kazan Optical-Mechanical Plant" are both ``_mechanical_ _optics_ _plant_ kazan``)."""
        for n in names:
            ck = _concept_key(n)
            hits = sorted(self.concepts.get((country, ck), ())) if ck else []
            if len(hits) == 1:
                out.merge_id, out.how = hits[0], f"concept key {ck!r} of {n!r}"
                return out
        return out

    def possible_duplicates(
        self, names: list[str], country: str | None, limit: int = 3
    ) -> list[tuple[str, str, str, float]]:
        """(name, entity id, method, score) of confident ``resolve`` answers that are not strict hits."""
        out = []
        seen = set()
        for n in names[:limit]:
            try:
                m = self.hand.registry.resolve(n, country=country)
            except defnames.InputError:
                m = None
            if m is None or m.entity_id in seen:
                continue
            method = str(getattr(m.method, "value", m.method))  # a str, or a str enum in newer defnames
            strict = self.keys.key(m.matched) == self.keys.key(n) and method in MERGE_METHODS
            if not strict:
                seen.add(m.entity_id)
                out.append((n, m.entity_id, method, round(m.score, 1)))
        return out
