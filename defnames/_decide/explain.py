"""A chosen candidate becomes the public :class:`~defnames.models.Match`, with its explanation."""

from __future__ import annotations

from defnames._candidates.candidate import Candidate
from defnames._decide.evidence import Evidence
from defnames._store.entities import EntityStore
from defnames.models import Explanation, Match, Method, NameKind

__all__ = ["to_match"]


def to_match(store: EntityStore, evidence: Evidence, c: Candidate, mention_key: str, context: str | None) -> Match:
    """Turn a candidate into the public :class:`~defnames.models.Match`."""
    support = None
    if context:
        support = float(evidence.defense_support(context, ignore=frozenset(c.entry.key.split())))
    parts = {"base": 100.0}
    notes: list[str] = []
    for why, delta in c.parts:
        if delta:
            parts[why] = delta
        else:
            notes.append(why)
    if c.method is Method.fuzzy:
        parts = dict(c.parts)
    expl = Explanation._trusted(
        mention_key=mention_key,
        dropped=tuple(c.dropped),
        country_hints=tuple(sorted(c.hints)),
        context_support=support,
        parts=parts,
        notes=tuple(notes),
    )
    match: Match = Match._trusted(
        entity=store.get(c.entity_id),
        score=round(min(100.0, c.score), 1),
        matched=c.entry.name,
        method=c.method,
        former_until=c.entry.until if c.entry.kind is NameKind.former_name else None,
        successor=c.successor,
        unit=c.unit,
        explanation=expl,
    )
    return match
