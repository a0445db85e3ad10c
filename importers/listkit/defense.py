"""The defense / military-industrial filter for flat-list sources, driven by a YAML file per
source (``importers/<source>/defense_filter.yml``).

A listing is kept by the first rule that fires:

1. ``registry``: it matched a registry entity (hand or earlier layer);
2. ``program``: it is listed under a section whose whole purpose is arms / military end
   users (``programs``); or ``always``: a name has one of the ``always_terms``, the arms
   makers whose other names carry an exclusion word (KOMID is a "mining" corporation);
3. exclusions: a name with an exclusion term drops it here (ministries, armed forces,
   banks, oil, shipping, ...);
4. ``evidence``: a section tag in ``strong_programs`` (a source can tag records whose
   listing reasons name the defence sector), or a parent the list names (``parent_hint``)
   with a strong term (Defence Industries Organisation, ...);
5. ``name``: one of its names has a strong term (design bureau, missile, ...), or a weak one
   (plant, aviation, research institute, ...) while listed under one of ``weak_programs``.

Terms match whole words of the folded name (a leading ``^``: only at the start); stems the
start of a word; ``substrings`` (for scripts without spaces: 設計局, ミサイル) anywhere in
the name. Non-entities (individuals, vessels) are never kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import yamlio
from ..namekey import fold
from .record import Record


def _phrase(text: str) -> str:
    return ("^" if text.startswith("^") else "") + " ".join(fold(text))


@dataclass(frozen=True)
class Terms:
    words: frozenset[str]
    stems: tuple[str, ...]
    substrings: tuple[str, ...]

    @classmethod
    def of(cls, d: dict[str, Any], prefix: str) -> Terms:
        return cls(
            frozenset(_phrase(t) for t in d.get(f"{prefix}_terms", []) or []),
            tuple(sorted(_phrase(s) for s in d.get(f"{prefix}_stems", []) or [])),
            tuple(sorted(d.get(f"{prefix}_substrings", []) or [])),
        )

    def find(self, name: str) -> str | None:
        folded = fold(name)
        padded = f" {' '.join(folded)} "
        for p in sorted(self.words):
            if p.startswith("^") and padded.startswith(f" {p[1:].strip()} "):
                return p
            if not p.startswith("^") and f" {p} " in padded:
                return p
        for w in folded:
            for s in self.stems:
                if w.startswith(s):
                    return s
        folded_name = name.casefold()
        for s in self.substrings:
            if s.casefold() in folded_name:
                return s
        return None


@dataclass(frozen=True)
class Rules:
    strong: Terms
    weak: Terms
    exclude: Terms
    weak_programs: frozenset[str]
    programs: frozenset[str]
    strong_programs: frozenset[str] = frozenset()
    always: Terms = Terms(frozenset(), (), ())

    @classmethod
    def load(cls, path: Path) -> Rules:
        d = yamlio.load(path) or {}
        return cls(
            Terms.of(d, "strong"),
            Terms.of(d, "weak"),
            Terms.of(d, "exclude"),
            frozenset(d.get("weak_programs", []) or []),
            frozenset(d.get("programs", []) or []),
            frozenset(d.get("strong_programs", []) or []),
            Terms.of(d, "always"),
        )


@dataclass(frozen=True)
class Decision:
    keep: bool
    rule: str
    detail: str = ""


def decide(records: list[Record], rules: Rules, in_registry: set[str]) -> dict[str, Decision]:
    out: dict[str, Decision] = {}
    for r in records:
        names = r.all_names()
        if not r.is_entity:
            out[r.uid] = Decision(False, f"not an entity ({r.entity_type or 'individual'})")
        elif r.uid in in_registry:
            out[r.uid] = Decision(True, "registry")
        elif prog := next((p for p in r.programs if p in rules.programs), None):
            out[r.uid] = Decision(True, "program", prog)
        elif always := next((t for n in names if (t := rules.always.find(n))), None):
            out[r.uid] = Decision(True, "always", always)
        elif excluded := next((x for n in names if (x := rules.exclude.find(n))), None):
            out[r.uid] = Decision(False, "excluded word", excluded)
        elif tag := next((p for p in r.programs if p in rules.strong_programs), None):
            out[r.uid] = Decision(True, "evidence", tag)
        elif r.parent_hint and (term := rules.strong.find(r.parent_hint)):
            out[r.uid] = Decision(True, "evidence", f"parent {r.parent_hint} ({term})")
        elif term := next((t for n in names if (t := rules.strong.find(n))), None):
            out[r.uid] = Decision(True, "name", term)
        elif not set(r.programs) & rules.weak_programs:
            out[r.uid] = Decision(False, "no defense evidence")
        elif term := next((t for n in names if (t := rules.weak.find(n))), None):
            out[r.uid] = Decision(True, "name", f"{term} (weak)")
        else:
            out[r.uid] = Decision(False, "no defense evidence")
    return out


def summary(decisions: dict[str, Decision]) -> dict[str, dict[str, int]]:
    kept = Counter(d.rule for d in decisions.values() if d.keep)
    dropped = Counter(d.rule for d in decisions.values() if not d.keep)
    return {"kept": dict(sorted(kept.items())), "dropped": dict(sorted(dropped.items()))}
