"""A candidate reading of a mention: which registry name it may be, how well, and why.

Candidates are internal and mutable-by-copy (``dataclasses.replace``); the public answer is a
:class:`defnames.Match`, built from the chosen candidate by :mod:`defnames.decide`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from defnames._index.names import NameEntry
from defnames.models import Method, NameKind

__all__ = ["METHOD", "Candidate", "per_entity"]


METHOD = {
    NameKind.name: Method.exact,
    NameKind.legal_name: Method.legal_name,
    NameKind.alias: Method.alias,
    NameKind.weak_alias: Method.weak_alias,
    NameKind.former_name: Method.former_name,
    NameKind.acronym: Method.acronym,
    NameKind.ticker: Method.ticker,
}


@dataclass(slots=True)  # not frozen: built on every call, and frozen dataclasses are slow to build
class Candidate:
    """A possible reading of a mention, before context and the final choice."""

    entry: NameEntry
    score: float
    method: Method
    hints: frozenset[str] = frozenset()
    dropped: tuple[tuple[str, str], ...] = ()
    parts: tuple[tuple[str, float], ...] = ()
    span: tuple[int, int] = (0, 0)
    group: tuple[str, ...] = ()  # every entity named in the same mention, when they are joined
    owned: bool = False  # ... and one is named through its owner ("Lockheed Martin subsidiary Sikorsky")
    successor: str | None = None  # for a merged entity: the entity that carries it on
    hint_after: bool = False  # the country hint came after the name ("Bell Canada")
    hint_from_city: bool = False  # ... or from a city before it ("Indianapolis Colts")
    legal: frozenset[str] = frozenset()  # countries whose law has the written legal forms
    legal_written: bool = False  # a legal form was written with the name ("Saab AB")
    unit: str | None = None  # a unit of the entity that the registry lacks ("UK Limited", "Spanish subsidiary")
    described: bool = False  # a word of the mention describes a company ("заводу «Артем»", "kompanijom")

    @property
    def entity_id(self) -> str:
        return self.entry.entity_id

    def adjust(self, delta: float, why: str) -> Candidate:
        # not capped at 100 while ranking, so that a bonus can still separate two perfect names
        return replace(self, score=max(0.0, self.score + delta), parts=(*self.parts, (why, delta)))


def per_entity(entries: list[NameEntry]) -> list[NameEntry]:
    """The first (best-ranked) entry of each entity: name before legal name, alias, former name."""
    if len(entries) < 2:
        return entries
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.entity_id not in seen:
            seen.add(e.entity_id)
            out.append(e)
    return out
