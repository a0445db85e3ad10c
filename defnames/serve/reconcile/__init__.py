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

This package holds the routes; the work is in ``manifest`` (the manifest, types and properties),
``request`` (reading the fields of a request), ``queries``, ``extend``, ``preview`` and ``suggest``.
"""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..service import Service, check_length, service, service_of
from .extend import extend, extend_properties
from .manifest import ANY_TYPE, EXTEND_PROPERTIES, QUERY_PROPERTIES, TYPES, _base, manifest
from .preview import _CARD_CSS, _card
from .queries import reconcile_batch
from .queries import reconcile_one as reconcile_one
from .request import _fields
from .suggest import entity_suggestions, property_suggestions, type_suggestions

__all__ = ["EXTEND_PROPERTIES", "QUERY_PROPERTIES", "TYPES", "router"]

router = APIRouter(prefix="/reconcile", tags=["Reconciliation"])
Svc = Annotated[Service, Depends(service)]


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
    return JSONResponse({"result": entity_suggestions(svc, prefix, cursor, type)})


@router.get("/suggest/type", summary="Type auto-completion")
async def suggest_type(svc: Svc, prefix: PrefixQ = "", cursor: CursorQ = 0) -> Response:
    check_length("prefix", prefix, svc.limits.max_name_chars)
    return JSONResponse({"result": type_suggestions(prefix, cursor)})


@router.get("/suggest/property", summary="Property auto-completion")
async def suggest_property(svc: Svc, prefix: PrefixQ = "", cursor: CursorQ = 0) -> Response:
    check_length("prefix", prefix, svc.limits.max_name_chars)
    return JSONResponse({"result": property_suggestions(svc.registry, prefix, cursor)})


@router.get("/extend/propose", summary="Properties data extension offers for a type")
async def propose(
    svc: Svc, type: Annotated[str, Query()] = ANY_TYPE["id"], limit: Annotated[int, Query(ge=0, le=1000)] = 100
) -> Response:
    return JSONResponse({"type": type, "limit": limit, "properties": extend_properties(svc.registry)[:limit]})
