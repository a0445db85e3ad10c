"""Reconciliation queries: one ranked result list per query of a batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from defnames import Entity, InputError, Match, Registry

from ..limits import Limits
from ..problems import ApiError
from ..service import Service, check_length, clamp_limit
from ..shapes import country_name
from .manifest import _KIND_NAMES


def _values(v: Any) -> list[str]:
    items = v if isinstance(v, list) else [v]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("id") or item.get("name")
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            out.append(str(item).strip())
    return out


def _parse_query(key: str, q: Any, limits: Limits) -> tuple[str, int | None, set[str], str | None, str | None]:
    if not isinstance(q, dict):
        raise ApiError(422, "invalid", f"query {key!r} must be a JSON object")
    text = q.get("query", "")
    if not isinstance(text, str):
        raise ApiError(422, "invalid", f"query {key!r}: 'query' must be a string")
    check_length(f"query {key!r}", text, limits.max_name_chars)
    limit = q.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, float))):
        raise ApiError(422, "invalid", f"query {key!r}: 'limit' must be a number")
    raw_type = q.get("type")
    types: set[str] = set()
    if isinstance(raw_type, str):
        types = {raw_type}
    elif isinstance(raw_type, list):
        types = {t for t in raw_type if isinstance(t, str)}
    elif raw_type is not None:
        raise ApiError(422, "invalid", f"query {key!r}: 'type' must be a string or a list of strings")
    props = q.get("properties")
    props = [] if props is None else props
    if not isinstance(props, list):
        raise ApiError(422, "invalid", f"query {key!r}: 'properties' must be a list")
    country: str | None = None
    context: str | None = None
    for p in props:
        if not isinstance(p, dict) or "pid" not in p:
            raise ApiError(422, "invalid", f"query {key!r}: each property needs 'pid' and 'v'")
        values = _values(p.get("v"))
        pid = str(p["pid"]).lower()
        if pid in {"country", "country_code"} and values:
            country = values[0]
        elif pid == "context" and values:
            context = " ".join(values)
    check_length(f"query {key!r} context", context, limits.max_context_chars)
    return text, int(limit) if limit is not None else None, types, country, context


def _kind_filter(types: set[str]) -> Callable[[Entity], bool]:
    kinds = types & set(_KIND_NAMES)
    if not kinds:  # no type, "organization", or a type this service does not know: any entity
        return lambda e: True
    return lambda e: e.kind.value in kinds


def _description(reg: Registry, e: Entity) -> str:
    parts = [_KIND_NAMES.get(e.kind.value, e.kind.value), country_name(e.country)]
    chain = reg.parent_chain(e.id)
    if chain:
        parts.append(f"part of {chain[-1].name}")
    if e.status.value != "active":
        parts.append(e.status.value + (f" {e.until}" if e.until else ""))
    return " · ".join(parts)


def _candidate(reg: Registry, m: Match, is_match: bool) -> dict[str, Any]:
    e = m.entity
    return {
        "id": e.id,
        "name": e.name,
        "description": _description(reg, e),
        "score": round(float(m.score), 2),
        "match": is_match,
        "type": [{"id": e.kind.value, "name": _KIND_NAMES.get(e.kind.value, e.kind.value)}],
        "features": [{"id": "name_score", "value": round(float(m.score), 2)}],
    }


def reconcile_one(svc: Service, key: str, q: Any) -> dict[str, Any]:
    """The result list for one query of a batch."""
    reg, limits = svc.registry, svc.limits
    text, limit, types, country, context = _parse_query(key, q, limits)
    n = clamp_limit(limit, 5, limits)
    if not text.strip() or n == 0:
        return {"result": []}
    wanted = _kind_filter(types)
    fetch = min(limits.max_candidates, n * 3) if types else n
    try:
        found, top = svc.ranked(text, context, country, fetch)
    except InputError:  # an unknown country code in the sheet: reconcile without it
        found, top = svc.ranked(text, context, None, fetch)
    if top is not None and wanted(top.entity) and all(m.entity.id != top.entity.id for m in found):
        found = (top, *found)
    top_id = top.entity.id if top is not None and wanted(top.entity) else None
    rows = [m for m in found if wanted(m.entity)]
    rows.sort(key=lambda m: (m.entity.id != top_id, -m.score))
    return {"result": [_candidate(reg, m, m.entity.id == top_id) for m in rows[:n]]}


def reconcile_batch(svc: Service, batch: Any) -> dict[str, Any]:
    """Results for a whole batch ``{"q0": {...}, "q1": {...}}``."""
    limits = svc.limits
    if not isinstance(batch, dict):
        raise ApiError(422, "invalid", "queries must be a JSON object of queries keyed by id")
    if len(batch) > limits.max_batch:
        raise ApiError(
            413,
            "too_large",
            f"{len(batch)} queries in one batch, over the limit of {limits.max_batch}",
            limit=limits.max_batch,
        )
    return {str(k): reconcile_one(svc, str(k), q) for k, q in batch.items()}
