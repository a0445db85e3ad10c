"""The defense / military-industrial filter for OFAC listings, driven by ``defense_filter.yml``.

Rules, tried in this order, each listing kept by the first that fires:

1. ``registry``: the listing matched an entity of the hand registry (always defense);
2. ``organization_type``: its remarks give a defense "Organization Type";
3. ``program``: it is listed under an arms program (``programs``);
4. ``name``: one of its names has a strong defense term or stem (design bureau, missile,
   arsenal, ...), or a weak one (plant, aviation, research institute, ...) while it is
   listed under one of the ``weak_programs`` (defense-sector and proliferation programs);
5. ``linked``: it is listed under one of the ``weak_programs`` and "Linked To" a kept
   listing or an anchor body; repeated ``linked_rounds`` times (so subsidiaries of
   subsidiaries come in).

Individuals, vessels and aircraft are never kept; nor is an entity whose names have an
exclusion term (ministry, bank, airline, steel, ...), unless the registry or its
organization type says it is defense.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import yamlio
from ..namekey import fold
from .records import Listed

RULES_FILE = Path(__file__).with_name("defense_filter.yml")


def _phrase(text: str) -> str:
    return ("^" if text.startswith("^") else "") + " ".join(fold(text))


@dataclass(frozen=True)
class Rules:
    strong_terms: frozenset[str]
    strong_stems: tuple[str, ...]
    weak_terms: frozenset[str]
    weak_stems: tuple[str, ...]
    weak_programs: frozenset[str]
    excludes: frozenset[str]
    organization_types: frozenset[str]
    programs: frozenset[str]
    anchors: frozenset[str]
    linked_rounds: int

    @classmethod
    def load(cls, path: Path = RULES_FILE) -> Rules:
        d = yamlio.load(path)
        return cls(
            strong_terms=frozenset(_phrase(t) for t in d.get("strong_terms", [])),
            strong_stems=tuple(sorted(_phrase(s) for s in d.get("strong_stems", []))),
            weak_terms=frozenset(_phrase(t) for t in d.get("weak_terms", [])),
            weak_stems=tuple(sorted(_phrase(s) for s in d.get("weak_stems", []))),
            weak_programs=frozenset(d.get("weak_programs", [])),
            excludes=frozenset(_phrase(t) for t in d.get("exclude_terms", [])),
            organization_types=frozenset(t.casefold() for t in d.get("organization_types", [])),
            programs=frozenset(d.get("programs", [])),
            anchors=frozenset(_phrase(a) for a in d.get("anchors", [])),
            linked_rounds=int(d.get("linked_rounds", 1)),
        )


def _has(phrases: frozenset[str], name: str) -> str | None:
    """The first phrase found as whole words in ``name``; '^phrase' must start the name."""
    padded = f" {' '.join(fold(name))} "
    for p in sorted(phrases):
        if p.startswith("^") and padded.startswith(f" {p[1:].strip()} "):
            return p
        if not p.startswith("^") and f" {p} " in padded:
            return p
    return None


def _stem(stems: tuple[str, ...], name: str) -> str | None:
    for w in fold(name):
        for s in stems:
            if w.startswith(s):
                return s
    return None


@dataclass(frozen=True)
class Decision:
    keep: bool
    rule: str  # the rule that kept it, or why it was dropped
    detail: str = ""


def _first_name_hit(names: list[str], phrases: frozenset[str], stems: tuple[str, ...]) -> str | None:
    """The first term or stem of ``phrases`` / ``stems`` found in one of ``names``."""
    return next((t for n in names if (t := _has(phrases, n) or _stem(stems, n))), None)


def _direct(item: Listed, rules: Rules, in_registry: set[str]) -> Decision | None:
    """The decision of rules 1-4 and the exclusions, or None when only a link can keep the listing."""
    if not item.is_entity:
        return Decision(False, f"not an entity ({item.sdn_type})")
    if item.uid in in_registry:
        return Decision(True, "registry")
    otype = next((t for t in item.remarks.organization_types if t.casefold() in rules.organization_types), None)
    if otype:
        return Decision(True, "organization_type", otype)
    excluded = next((x for n in item.all_names() if (x := _has(rules.excludes, n))), None)
    if excluded:
        return Decision(False, "excluded word", excluded)
    prog = next((p for p in item.programs if p in rules.programs), None)
    if prog:
        return Decision(True, "program", prog)
    names = item.all_names()
    term = _first_name_hit(names, rules.strong_terms, rules.strong_stems)
    if term:
        return Decision(True, "name", term)
    if not set(item.programs) & rules.weak_programs:
        return Decision(False, "no defense evidence")
    term = _first_name_hit(names, rules.weak_terms, rules.weak_stems)
    if term:
        return Decision(True, "name", f"{term} (weak)")
    return None


def _entity_by_name(listings: list[Listed]) -> dict[str, str]:
    """The uid of the first entity listing with each (folded) name."""
    by_name: dict[str, str] = {}
    for item in listings:
        if item.is_entity:
            for n in item.all_names():
                by_name.setdefault(_phrase(n), item.uid)
    return by_name


def _link_round(pending: list[Listed], out: dict[str, Decision], rules: Rules, by_name: dict[str, str]) -> list[Listed]:
    """Keep the pending listings linked to an anchor or a kept listing; returns those still pending."""
    kept = {uid for uid, d in out.items() if d.keep}
    still = []
    for item in pending:
        target = next(
            (t for t in item.remarks.linked_to if _phrase(t) in rules.anchors or by_name.get(_phrase(t)) in kept),
            None,
        )
        if target:
            out[item.uid] = Decision(True, "linked", target)
        else:
            still.append(item)
    return still


def decide(listings: list[Listed], rules: Rules, in_registry: set[str]) -> dict[str, Decision]:
    """A keep/drop decision with its reason for every listing uid."""
    out: dict[str, Decision] = {}
    pending: list[Listed] = []
    for item in listings:
        decision = _direct(item, rules, in_registry)
        if decision is None:
            pending.append(item)
        else:
            out[item.uid] = decision
    by_name = _entity_by_name(listings)
    for _ in range(rules.linked_rounds):
        pending = _link_round(pending, out, rules, by_name)
    for item in pending:
        out[item.uid] = Decision(False, "no defense evidence")
    return out


def summary(decisions: dict[str, Decision]) -> dict[str, dict[str, int]]:
    """Counts of kept listings per rule and dropped listings per reason."""
    kept = Counter(d.rule for d in decisions.values() if d.keep)
    dropped = Counter(d.rule for d in decisions.values() if not d.keep)
    return {"kept": dict(sorted(kept.items())), "dropped": dict(sorted(dropped.items()))}
