"""Data extension: property values (country, parents, owners, identifiers, ...) for entity ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from defnames import Entity, Registry

from ..limits import Limits
from ..problems import ApiError
from ..shapes import country_name
from .manifest import _ENTITY_VALUED, ANY_TYPE, EXTEND_PROPERTIES


def extend_properties(reg: Registry) -> list[dict[str, str]]:
    """Every property data extension offers, identifier schemes of this registry included."""
    schemes = sorted({k for e in reg.entities for k in e.identifiers})
    have = {p["id"] for p in EXTEND_PROPERTIES}
    return EXTEND_PROPERTIES + [{"id": s, "name": f"Identifier: {s}"} for s in schemes if s not in have]


def _ref(e: Entity) -> dict[str, str]:
    return {"id": e.id, "name": e.name}


def _share_text(share: float | None, as_of: int | None) -> str:
    out = f" {share:g}%" if share is not None else ""
    return out + (f" ({as_of})" if as_of else "")


def _owner_name(reg: Registry, owner: str) -> str:
    return reg.get(owner).name if owner in reg else owner


def _parent(reg: Registry, e: Entity) -> list[dict[str, Any]]:
    chain = reg.parent_chain(e.id)
    return [_ref(chain[0])] if chain else []


def _optional(value: str | None) -> list[dict[str, Any]]:
    return [{"str": value}] if value else []


# property id -> its values for an entity
_VALUES: dict[str, Callable[[Registry, Entity], list[dict[str, Any]]]] = {
    "country": lambda reg, e: [{"str": e.country}],
    "country_name": lambda reg, e: [{"str": country_name(e.country)}],
    "parent": _parent,
    "ultimate_parent": lambda reg, e: [_ref(reg.ultimate_parent(e.id))],
    "owners": lambda reg, e: [_ref(reg.get(o.owner)) if o.owner in reg else {"str": o.owner} for o in e.owners],
    "owner_shares": lambda reg, e: [
        {"str": _owner_name(reg, o.owner) + _share_text(o.share, o.as_of)} for o in e.owners
    ],
    "former_names": lambda reg, e: [
        {"str": f.name + (f" (until {f.until})" if f.until else "")} for f in e.former_names
    ],
    "identifiers": lambda reg, e: [{"str": f"{k}:{v}"} for k, v in e.identifiers.items()],
    "legal_name": lambda reg, e: _optional(e.legal_name),
    "website": lambda reg, e: _optional(e.website),
    "kind": lambda reg, e: [{"str": e.kind.value}],
    "status": lambda reg, e: [{"str": e.status.value}],
    "successor": lambda reg, e: [_ref(reg.get(e.successor))] if e.successor and e.successor in reg else [],
    "sources": lambda reg, e: [{"str": s} for s in e.sources],
}


def _value(reg: Registry, e: Entity, pid: str) -> list[dict[str, Any]]:
    values = _VALUES.get(pid)
    if values is not None:
        return values(reg, e)
    if pid in e.identifiers:
        return [{"str": e.identifiers[pid]}]
    return []


def extend(reg: Registry, query: Any, limits: Limits) -> dict[str, Any]:
    """A data extension response for ``{"ids": [...], "properties": [{"id": ...}, ...]}``."""
    if (
        not isinstance(query, dict)
        or not isinstance(query.get("ids"), list)
        or not isinstance(query.get("properties"), list)
    ):
        raise ApiError(422, "invalid", "extend needs 'ids' (a list) and 'properties' (a list)")
    ids = [str(i) for i in query["ids"]]
    if len(ids) > limits.max_batch:
        raise ApiError(
            413,
            "too_large",
            f"{len(ids)} ids in one extension, over the limit of {limits.max_batch}",
            limit=limits.max_batch,
        )
    pids: list[str] = []
    for p in query["properties"]:
        pid = p.get("id") if isinstance(p, dict) else p
        if not isinstance(pid, str):
            raise ApiError(422, "invalid", "each extension property needs an 'id'")
        if pid not in pids:
            pids.append(pid)
    if len(pids) > 100:
        raise ApiError(413, "too_large", f"{len(pids)} properties, over the limit of 100", limit=100)
    names = {p["id"]: p["name"] for p in extend_properties(reg)}
    meta: list[dict[str, Any]] = []
    for pid in pids:
        row: dict[str, Any] = {"id": pid, "name": names.get(pid, pid)}
        if pid in _ENTITY_VALUED:
            row["type"] = {"id": ANY_TYPE["id"], "name": ANY_TYPE["name"]}
        meta.append(row)
    rows: dict[str, Any] = {}
    for i in ids:
        e = reg.get(i) if i in reg else None
        rows[i] = {pid: (_value(reg, e, pid) if e is not None else []) for pid in pids}
    return {"meta": meta, "rows": rows}
