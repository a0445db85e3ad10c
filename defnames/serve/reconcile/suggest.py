"""Auto-completion for OpenRefine's suggest widgets: entities, types, properties."""

from __future__ import annotations

from typing import Any

from defnames import Registry

from ..service import Service
from .extend import extend_properties
from .manifest import _KIND_NAMES, QUERY_PROPERTIES, TYPES
from .queries import _description, _kind_filter


def entity_suggestions(svc: Service, prefix: str, cursor: int, type: str | None) -> list[dict[str, Any]]:
    """Ten entities whose names start like ``prefix``, from ``cursor`` on, of kind ``type`` if given."""
    wanted = _kind_filter({type} if type else set())
    n = svc.limits.max_candidates
    rows = [
        r
        for r in svc.names.suggest(prefix, limit=min(n, cursor + 10) if not type else n)
        if wanted(svc.registry.get(r["id"]))
    ]
    reg = svc.registry
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "description": _description(reg, reg.get(r["id"])),
            "notable": [{"id": r["kind"], "name": _KIND_NAMES.get(r["kind"], r["kind"])}],
        }
        for r in rows[cursor : cursor + 10]
    ]


def _prefixed(rows: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    p = prefix.strip().casefold()
    return [
        r
        for r in rows
        if not p or r["id"].casefold().startswith(p) or any(w.startswith(p) for w in r["name"].casefold().split())
    ]


def type_suggestions(prefix: str, cursor: int) -> list[dict[str, Any]]:
    """Ten types whose id or a word of whose name starts with ``prefix``, from ``cursor`` on."""
    return _prefixed(TYPES, prefix)[cursor : cursor + 10]


def property_suggestions(reg: Registry, prefix: str, cursor: int) -> list[dict[str, Any]]:
    """Ten properties (of queries and of data extension) that start like ``prefix``, from ``cursor`` on."""
    rows: list[dict[str, Any]] = [dict(p) for p in QUERY_PROPERTIES]
    rows += [p for p in extend_properties(reg) if p["id"] not in {"country"}]
    return _prefixed(rows, prefix)[cursor : cursor + 10]
