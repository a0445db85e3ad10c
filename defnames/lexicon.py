"""The curated word tables the matcher reads: legal forms, generic words, descriptors,
demonyms, cities and defense-context words.

They are edited as YAML in ``reference/lexicon/`` and compiled, already folded, into the
package's ``_data/lexicon.json``; :func:`lexicon` loads that file once, on first use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
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
        }


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    raw = resources.files("defnames").joinpath("_data/lexicon.json").read_text(encoding="utf-8")
    return Lexicon.from_json(json.loads(raw))
