"""The curated word tables the matcher reads: legal forms, generic words, descriptors,
demonyms, cities and defense-context words.

They are edited as YAML in ``reference/lexicon/`` and compiled, already folded, into the
package's ``_data/lexicon.json``; :func:`lexicon` loads that file once, on first use.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from typing import Any

__all__ = ["Lexicon", "lexicon"]


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys caches
class Lexicon:
    """Folded word tables. Phrases are tuples of tokens."""

    legal_end: frozenset[tuple[str, ...]] = frozenset()
    legal_start: frozenset[tuple[str, ...]] = frozenset()
    legal_max: int = 1
    generic: frozenset[str] = frozenset()
    synonyms: dict[str, str] = field(default_factory=dict)
    descriptors: frozenset[tuple[str, ...]] = frozenset()
    places: dict[tuple[str, ...], str] = field(default_factory=dict)
    places_max: int = 1
    defense_words: frozenset[tuple[str, ...]] = frozenset()
    defense_stems: tuple[str, ...] = ()
    legal_countries: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    place_stems: dict[str, str] = field(default_factory=dict)  # inflected demonyms: stem -> country
    cities: frozenset[tuple[str, ...]] = frozenset()  # the places that are towns, not countries
    not_defense: tuple[str, ...] = ()  # well-known names that are not defense companies ("Hanwha Life")
    locatives: frozenset[str] = frozenset()  # "in", "ze": a location follows
    descriptor_suffixes: tuple[str, ...] = ()  # "-konzern", "-hersteller": German compound descriptors
    defense_substrings: tuple[str, ...] = ()  # defense words of scripts written without spaces
    ownership: tuple[str, ...] = ()  # "subsidiary", "tochter*": a subsidiary is named through its owner
    contractions: dict[tuple[str, ...], str] = field(default_factory=dict)  # spelled-out phrase -> "npo"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lexicon:
        """Build from the compiled dictionary (see ``tools/compile_reference.py``)."""

        def phrases(items: list[str]) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(p.split()) for p in items if p)

        legal_end = phrases(data["legal_end"])
        legal_start = phrases(data["legal_start"])
        places = {tuple(k.split()): v for k, v in data["places"].items() if k}
        return cls(
            legal_end=legal_end,
            legal_start=legal_start,
            legal_max=max((len(p) for p in legal_end | legal_start), default=1),
            generic=frozenset(data["generic"]),
            synonyms=dict(data["synonyms"]),
            descriptors=phrases(data["descriptors"]),
            places=places,
            places_max=max((len(p) for p in places), default=1),
            defense_words=phrases(data["defense_words"]),
            defense_stems=tuple(data["defense_stems"]),
            legal_countries={tuple(k.split()): frozenset(v) for k, v in data.get("legal_countries", {}).items()},
            place_stems=dict(data.get("place_stems", {})),
            cities=frozenset(tuple(c.split()) for c in data.get("cities", [])),
            not_defense=tuple(data.get("not_defense", [])),
            locatives=frozenset(data.get("locatives", [])),
            descriptor_suffixes=tuple(data.get("descriptor_suffixes", [])),
            defense_substrings=tuple(data.get("defense_substrings", [])),
            ownership=tuple(data.get("ownership", [])),
            contractions={tuple(k.split()): v for k, v in data.get("contractions", {}).items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "legal_end": sorted(" ".join(p) for p in self.legal_end),
            "legal_start": sorted(" ".join(p) for p in self.legal_start),
            "generic": sorted(self.generic),
            "synonyms": dict(sorted(self.synonyms.items())),
            "descriptors": sorted(" ".join(p) for p in self.descriptors),
            "places": {" ".join(k): v for k, v in sorted(self.places.items())},
            "defense_words": sorted(" ".join(p) for p in self.defense_words),
            "defense_stems": sorted(self.defense_stems),
            "legal_countries": {" ".join(k): sorted(v) for k, v in sorted(self.legal_countries.items())},
            "place_stems": dict(sorted(self.place_stems.items())),
            "cities": sorted(" ".join(c) for c in self.cities),
            "not_defense": list(self.not_defense),
            "locatives": sorted(self.locatives),
            "descriptor_suffixes": sorted(self.descriptor_suffixes),
            "defense_substrings": sorted(self.defense_substrings),
            "ownership": sorted(self.ownership),
            "contractions": {" ".join(k): v for k, v in sorted(self.contractions.items())},
        }

    def is_ownership_word(self, word: str) -> bool:
        """'subsidiary', 'Tochter', 'filiale': the mention names a subsidiary through its owner."""
        exact, stems = self._ownership_sets
        return word in exact or word.startswith(stems)

    @cached_property
    def contraction_starts(self) -> frozenset[str]:
        """First words of the spelled-out phrases: a cheap test before looking for them."""
        return frozenset(p[0] for p in self.contractions)

    @cached_property
    def contraction_max(self) -> int:
        """Words in the longest spelled-out phrase."""
        return max((len(p) for p in self.contractions), default=1)

    @cached_property
    def cjk_forms(self) -> tuple[str, ...]:
        """Legal forms in scripts written without spaces (株式会社, 有限公司), longest first:
        they are glued to the name and must be cut off inside a word."""
        forms = {p[0] for p in self.legal_end | self.legal_start if len(p) == 1 and not p[0].isascii()
                 and all(ord(c) >= 0x3000 for c in p[0])}
        return tuple(sorted(forms, key=len, reverse=True))

    @cached_property
    def legal_edges(self) -> tuple[frozenset[str], frozenset[str]]:
        """Last words of legal forms that end a name, first words of those that start one."""
        return frozenset(p[-1] for p in self.legal_end), frozenset(p[0] for p in self.legal_start)

    @cached_property
    def place_starts(self) -> dict[str, int]:
        """First word of every place phrase -> the longest phrase it starts (for fast scans)."""
        return _starts(self.places)

    @cached_property
    def descriptor_starts(self) -> dict[str, int]:
        """First word of every descriptor phrase -> the longest phrase it starts."""
        return _starts(self.descriptors)

    @cached_property
    def _stem_memo(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def _ownership_sets(self) -> tuple[frozenset[str], tuple[str, ...]]:
        return (frozenset(w for w in self.ownership if not w.endswith("*")),
                tuple(w[:-1] for w in self.ownership if w.endswith("*")))

    def stem_country(self, word: str) -> str | None:
        """The country of an inflected demonym by its stem: 'německé' -> DE, 'российского' -> RU."""
        return _stem_country(self, word)

    def with_places(self, extra: dict[tuple[str, ...], str]) -> Lexicon:
        """A copy that also knows these city phrases (existing places win)."""
        new = {k: v for k, v in extra.items() if k and k not in self.places}
        if not new:
            return self
        places = {**self.places, **new}
        return replace(self, places=places, places_max=max(len(p) for p in places),
                       cities=self.cities | frozenset(new))

    def countries_of_legal_forms(self, forms: list[str]) -> frozenset[str]:
        """Countries whose law has all of these legal forms (empty when they say nothing)."""
        found: frozenset[str] | None = None
        for f in forms:
            cs = self.legal_countries.get(tuple(f.split()))
            if cs:
                found = cs if found is None else found & cs
        return found or frozenset()


def _starts(phrases: Iterable[tuple[str, ...]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in phrases:
        out[p[0]] = max(out.get(p[0], 0), len(p))
    return out


def _stem_country(lex: Lexicon, word: str) -> str | None:
    cache = lex._stem_memo
    if word in cache:
        return cache[word]
    found = None
    if len(word) >= 2:
        for n in range(len(word), 1, -1):  # longest stem first
            code = lex.place_stems.get(word[:n])
            if code:
                found = code
                break
    if len(cache) > 50_000:
        cache.clear()
    cache[word] = found
    return found


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    raw = resources.files("defnames").joinpath("_data/lexicon.json").read_text(encoding="utf-8")
    return Lexicon.from_json(json.loads(raw))
