"""One place for what a match looks like outside Python: the output columns of a table, the
``defnames_`` prefix rule, a :class:`~defnames.Match` as table cells, and a match as the JSON
object that the CLI's ``--json``, the JSON-lines writer and the HTTP API all print.

>>> import defnames
>>> reg = defnames.registry()
>>> record = match_record(reg, "the German KMW", reg.resolve("the German KMW"))
>>> record["id"], record["ultimate_parent_id"], record["method"]
('knds-deutschland', 'knds', 'former_name')
>>> out_names(["name", "entity_id"])
['defnames_entity_id', 'defnames_name', 'country', 'parent_id', 'ultimate_parent_id', 'score', 'method']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from defnames.models import Match

if TYPE_CHECKING:
    from defnames._resolver import Registry

__all__ = ["MATCH_COLUMNS", "match_cells", "match_record", "out_names"]

MATCH_COLUMNS = ("entity_id", "name", "country", "parent_id", "ultimate_parent_id", "score", "method")


def out_names(columns: list[str]) -> list[str]:
    """The output column names, prefixed with ``defnames_`` where the input has the same name."""
    taken = set(columns)
    return [c if c not in taken else f"defnames_{c}" for c in MATCH_COLUMNS]


def match_cells(reg: Registry, m: Match | None) -> tuple[Any, ...]:
    """A match as the values of :data:`MATCH_COLUMNS` (all None for no match)."""
    if m is None:
        return (None,) * len(MATCH_COLUMNS)
    e = m.entity
    top = reg.ultimate_parent(e.id)
    return (e.id, e.name, e.country, e.parent, top.id if top.id != e.id else None, float(m.score), m.method.value)


def match_record(reg: Registry, mention: str, m: Match | None, *, explain: bool = False) -> dict[str, Any]:
    """A match as one JSON object: the entity, its parents and owners, and how it matched."""
    if m is None:
        return {"mention": mention, "match": None}
    chain = reg.parent_chain(m.entity.id)
    out: dict[str, Any] = {
        "mention": mention,
        "id": m.entity.id,
        "name": m.entity.name,
        "country": m.entity.country,
        "parent_id": m.entity.parent,
        "ultimate_parent_id": chain[-1].id if chain else None,
        "parent_chain": [e.id for e in chain],
        "owners": [o.model_dump(exclude_none=True) for o in m.entity.owners],
        "score": m.score,
        "method": m.method.value,
        "matched": m.matched,
    }
    if m.former_until:
        out["former_until"] = m.former_until
    if m.successor:
        out["successor_id"] = m.successor
    if explain and m.explanation is not None:
        out["explanation"] = m.explanation.model_dump(mode="json")
    return out
