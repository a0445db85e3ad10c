"""The reconciliation service at ``/reconcile``, as OpenRefine speaks it (W3C Entity
Reconciliation API, version 0.2; 0.1 clients work too).

- ``GET /reconcile`` with no parameter: the service manifest.
- ``GET`` or ``POST /reconcile`` with ``queries`` (a form field or a query parameter holding
  JSON, or the batch itself as a JSON body): one result list per query. Each query has
  ``query`` (the name), optional ``limit``, ``type`` (an entity kind such as ``company``, or
  ``organization`` for any) and ``properties``: ``country`` (ISO code) and ``context`` (text).
  Scores run 0–100; ``match`` is true only for the entity ``resolve`` returns.
- ``extend`` (form field, parameter or JSON body ``{"ids": ..., "properties": ...}``): data
  extension — country, parent, ultimate parent, owners, former names, identifiers, ….
- ``/reconcile/preview?id=``: a small HTML card; ``/reconcile/suggest/{entity,type,property}``
  and ``/reconcile/flyout/entity``: auto-completion; ``/reconcile/extend/propose``: the
  properties data extension offers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from defnames import Entity, InputError, Match, Registry

from ..limits import Limits
from ..problems import ApiError
from ..service import Service, check_length, clamp_limit, service, service_of
from ..shapes import country_name

__all__ = ["EXTEND_PROPERTIES", "QUERY_PROPERTIES", "TYPES", "router"]

router = APIRouter(prefix="/reconcile", tags=["Reconciliation"])
Svc = Annotated[Service, Depends(service)]

ANY_TYPE = {"id": "organization", "name": "Defense-industry organization"}
_KIND_NAMES = {
    "company": "Company",
    "subsidiary": "Subsidiary",
    "division": "Division",
    "joint_venture": "Joint venture",
    "state_enterprise": "State enterprise",
    "holding": "Holding company",
}
#: The types: any organization, and each entity kind (narrower than it).
TYPES: list[dict[str, Any]] = [ANY_TYPE] + [{"id": k, "name": v, "broader": [ANY_TYPE]} for k, v in _KIND_NAMES.items()]
#: Properties a reconciliation query may carry.
QUERY_PROPERTIES: list[dict[str, str]] = [
    {
        "id": "country",
        "name": "Country (ISO 3166-1 alpha-2 code)",
        "description": "the country the entity should be in, e.g. DE",
    },
    {
        "id": "context",
        "name": "Context text",
        "description": "text around the name; decides names that are also everyday words",
    },
]
#: Properties data extension can fetch (identifier schemes are added per registry).
EXTEND_PROPERTIES: list[dict[str, str]] = [
    {"id": "country", "name": "Country code"},
    {"id": "country_name", "name": "Country"},
    {"id": "parent", "name": "Parent"},
    {"id": "ultimate_parent", "name": "Ultimate parent"},
    {"id": "owners", "name": "Owners"},
    {"id": "owner_shares", "name": "Owners with shares"},
    {"id": "former_names", "name": "Former names"},
    {"id": "identifiers", "name": "Identifiers"},
    {"id": "legal_name", "name": "Legal name"},
    {"id": "kind", "name": "Kind"},
    {"id": "status", "name": "Status"},
    {"id": "successor", "name": "Successor"},
    {"id": "website", "name": "Website"},
    {"id": "sources", "name": "Sources"},
]
_ENTITY_VALUED = {"parent", "ultimate_parent", "owners", "successor"}


# -- the manifest ------------------------------------------------------------------------
def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def manifest(request: Request, limits: Limits) -> dict[str, Any]:
    """The service manifest (what OpenRefine reads when the service is added)."""
    base = _base(request)
    from defnames import __version__

    return {
        "versions": ["0.1", "0.2"],
        "name": "defnames: defense-industry companies",
        "identifierSpace": "https://github.com/defnames/defnames/tree/main/reference/entities/",
        "schemaSpace": "https://github.com/defnames/defnames/tree/main/docs/data-model.md",
        "documentation": "https://github.com/defnames/defnames/tree/main/docs/serve.md",
        "serviceVersion": str(__version__),
        "batchSize": limits.max_batch,
        "view": {"url": f"{base}/#/entity/{{{{id}}}}"},
        "defaultTypes": [ANY_TYPE],
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 420, "height": 240},
        "suggest": {
            "entity": {
                "service_url": base,
                "service_path": "/reconcile/suggest/entity",
                "flyout_service_url": base,
                "flyout_service_path": "/reconcile/flyout/entity?id=${id}",
            },
            "type": {"service_url": base, "service_path": "/reconcile/suggest/type"},
            "property": {"service_url": base, "service_path": "/reconcile/suggest/property"},
        },
        "extend": {
            "propose_properties": {"service_url": base, "service_path": "/reconcile/extend/propose"},
            "property_settings": [],
        },
    }


# -- reading the request -----------------------------------------------------------------
def _load_json(field: str, raw: str | None) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(422, "invalid", f"{field} is not valid JSON") from None


async def _fields(request: Request) -> dict[str, Any]:
    """``queries`` / ``extend`` from the query string, a form body or a JSON body (parsed)."""
    found: dict[str, Any] = {}
    for key in _FIELDS:
        if key in request.query_params:
            found[key] = _load_json(key, request.query_params[key])
    if request.method != "POST":
        return found
    body = await request.body()
    if not body.strip():
        return found
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(422, "invalid", "the request body is not UTF-8") from None
    if ctype == "application/json" or (not ctype and text.lstrip()[:1] == "{"):
        found.update(_json_fields(text))
    elif ctype in {"application/x-www-form-urlencoded", "multipart/form-data", ""} or ctype.startswith("text/"):
        found.update(_form_fields(ctype, text))
    else:
        raise ApiError(415, "unsupported_media_type", f"cannot read a {ctype} body")
    return found


_FIELDS = ("queries", "extend")


def _json_fields(text: str) -> dict[str, Any]:
    """The fields of a JSON body: ``{"queries": ..., "extend": ...}`` (values may be JSON text), a
    bare extension query ``{"ids", "properties"}``, or else the queries themselves."""
    data = _load_json("the body", text)
    if isinstance(data, dict) and ("queries" in data or "extend" in data):
        return {key: _load_json(key, v) if isinstance(v := data[key], str) else v for key in _FIELDS if key in data}
    if isinstance(data, dict) and "ids" in data and "properties" in data:
        return {"extend": data}
    return {"queries": data}


def _form_fields(ctype: str, text: str) -> dict[str, Any]:
    """The fields of a URL-encoded form body (JSON text each); multipart is refused."""
    if ctype == "multipart/form-data":
        raise ApiError(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded")
    form = parse_qs(text, keep_blank_values=True)
    return {key: _load_json(key, form[key][-1]) for key in _FIELDS if key in form}


# -- reconciliation queries --------------------------------------------------------------
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


# -- data extension ----------------------------------------------------------------------
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


# -- routes ------------------------------------------------------------------------------
async def _endpoint(request: Request, svc: Service) -> Response:
    found = await _fields(request)
    if "queries" in found:
        return JSONResponse(reconcile_batch(svc, found["queries"]))
    if "extend" in found:
        return JSONResponse(extend(svc.registry, found["extend"], svc.limits))
    return JSONResponse(manifest(request, svc.limits))


@router.get("", summary="Manifest, or a batch of queries (queries=...) or a data extension (extend=...)")
async def reconcile_get(request: Request) -> Response:
    """With no parameter: the service manifest. With ``queries``: reconciliation results. With
    ``extend``: data extension."""
    return await _endpoint(request, service_of(request))


@router.post("", summary="A batch of queries or a data extension (form field or JSON body)")
async def reconcile_post(request: Request) -> Response:
    return await _endpoint(request, service_of(request))


def _card(reg: Registry, e: Entity, base: str) -> str:
    chain = reg.parent_chain(e.id)
    rows = [
        ("Country", f"{country_name(e.country)} ({e.country})"),
        ("Kind", _KIND_NAMES.get(e.kind.value, e.kind.value)),
    ]
    if e.legal_name:
        rows.insert(0, ("Legal name", e.legal_name))
    if chain:
        rows.append(("Parents", " › ".join(x.name for x in chain)))
    if e.owners:
        rows.append(
            (
                "Owners",
                "; ".join(
                    (reg.get(o.owner).name if o.owner in reg else o.owner) + _share_text(o.share, o.as_of)
                    for o in e.owners
                ),
            )
        )
    if e.former_names:
        rows.append(
            ("Formerly", "; ".join(f.name + (f" (until {f.until})" if f.until else "") for f in e.former_names))
        )
    if e.status.value != "active":
        rows.append(("Status", e.status.value + (f" since {e.until + 1}" if e.until else "")))
    if e.identifiers:
        rows.append(("Identifiers", ", ".join(f"{k}: {v}" for k, v in e.identifiers.items())))
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    link = f"{base}/#/entity/{quote(e.id)}"
    return (
        f'<div class="defnames-card"><h3><a href="{escape(link)}" target="_blank" rel="noopener">'
        f"{escape(e.name)}</a> <small>{escape(e.id)}</small></h3><table>{body}</table></div>"
    )


_CARD_CSS = (
    "body{margin:0;font:13px/1.35 system-ui,sans-serif;color:#14212e}"
    ".defnames-card{padding:8px 10px}h3{margin:0 0 6px;font-size:15px}h3 small{color:#6b7a89;"
    "font-weight:normal}a{color:#1f4e79}table{border-collapse:collapse}th{text-align:left;"
    "vertical-align:top;padding:1px 8px 1px 0;color:#4a5866;font-weight:600;white-space:nowrap}"
    "td{padding:1px 0}"
)

IdQ = Annotated[str, Query(description="entity id", max_length=200)]


@router.get("/preview", response_class=HTMLResponse, summary="An HTML card for one entity")
async def preview(request: Request, svc: Svc, id: IdQ) -> Response:
    e = svc.registry.get(id)
    html = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(e.name)}</title>'
        f"<style>{_CARD_CSS}</style></head><body>{_card(svc.registry, e, _base(request))}</body></html>"
    )
    return HTMLResponse(html)


@router.get("/flyout/entity", summary="A flyout card for the suggest widget")
async def flyout(request: Request, svc: Svc, id: IdQ) -> Response:
    e = svc.registry.get(id)
    return JSONResponse({"id": e.id, "html": _card(svc.registry, e, _base(request))})


PrefixQ = Annotated[str, Query(description="what was typed so far")]
CursorQ = Annotated[int, Query(ge=0, le=10_000, description="how many suggestions to skip")]


@router.get("/suggest/entity", summary="Entity auto-completion")
async def suggest_entity(
    svc: Svc, prefix: PrefixQ, cursor: CursorQ = 0, type: Annotated[str | None, Query()] = None
) -> Response:
    check_length("prefix", prefix, svc.limits.max_name_chars)
    wanted = _kind_filter({type} if type else set())
    n = svc.limits.max_candidates
    rows = [
        r
        for r in svc.names.suggest(prefix, limit=min(n, cursor + 10) if not type else n)
        if wanted(svc.registry.get(r["id"]))
    ]
    reg = svc.registry
    out = [
        {
            "id": r["id"],
            "name": r["name"],
            "description": _description(reg, reg.get(r["id"])),
            "notable": [{"id": r["kind"], "name": _KIND_NAMES.get(r["kind"], r["kind"])}],
        }
        for r in rows[cursor : cursor + 10]
    ]
    return JSONResponse({"result": out})


def _prefixed(rows: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    p = prefix.strip().casefold()
    return [
        r
        for r in rows
        if not p or r["id"].casefold().startswith(p) or any(w.startswith(p) for w in r["name"].casefold().split())
    ]


@router.get("/suggest/type", summary="Type auto-completion")
async def suggest_type(svc: Svc, prefix: PrefixQ = "", cursor: CursorQ = 0) -> Response:
    check_length("prefix", prefix, svc.limits.max_name_chars)
    return JSONResponse({"result": _prefixed(TYPES, prefix)[cursor : cursor + 10]})


@router.get("/suggest/property", summary="Property auto-completion")
async def suggest_property(svc: Svc, prefix: PrefixQ = "", cursor: CursorQ = 0) -> Response:
    check_length("prefix", prefix, svc.limits.max_name_chars)
    rows: list[dict[str, Any]] = [dict(p) for p in QUERY_PROPERTIES]
    rows += [p for p in extend_properties(svc.registry) if p["id"] not in {"country"}]
    return JSONResponse({"result": _prefixed(rows, prefix)[cursor : cursor + 10]})


@router.get("/extend/propose", summary="Properties data extension offers for a type")
async def propose(
    svc: Svc, type: Annotated[str, Query()] = ANY_TYPE["id"], limit: Annotated[int, Query(ge=0, le=1000)] = 100
) -> Response:
    return JSONResponse({"type": type, "limit": limit, "properties": extend_properties(svc.registry)[:limit]})
