"""The JSON API: ``/resolve``, ``/candidates``, ``/extract``, ``/entities/{id}``, ``/search``.

Each of ``/resolve``, ``/candidates`` and ``/extract`` answers a GET with query parameters and a
POST with a JSON body of the same fields. Matches have one shape (:func:`shapes.match_json`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.responses import JSONResponse, Response

from .docmodels import (
    CandidatesBody,
    CandidatesOut,
    EntityOut,
    ErrorOut,
    ExtractBody,
    ExtractOut,
    MatchOut,
    ResolveBody,
    SearchOut,
)
from .problems import ApiError
from .service import Service, check_length, clamp_limit, service, service_of
from .shapes import entity_json, match_json, mention_json
from .svg import ownership_svg

__all__ = ["router"]

router = APIRouter(tags=["API"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "over a size limit"},
    422: {"model": ErrorOut, "description": "invalid input, or a field over a length limit"},
}

Svc = Annotated[Service, Depends(service)]
ContextQ = Annotated[str | None, Query(description="text around the mention")]


# The busiest GET routes read their query parameters themselves (FastAPI's per-parameter
# validation costs more than resolving a cached name); ``openapi_extra`` documents them.
def _params(*params: dict[str, Any]) -> dict[str, Any]:
    out = []
    for p in params:
        schema = {"type": p.get("type", "string")} | ({"minimum": 0} if p.get("type") == "integer" else {})
        out.append(
            {
                "name": p["name"],
                "in": "query",
                "required": bool(p.get("required", False)),
                "description": p["description"],
                "schema": schema,
            }
        )
    return {"parameters": out}


_NAME = {"name": "name", "required": True, "description": "the mention, as written"}
_CONTEXT = {"name": "context", "description": "text around the mention"}
_COUNTRY = {"name": "country", "description": "ISO 3166-1 alpha-2 code the entity should be in"}
_EXPLAIN = {"name": "explain", "type": "boolean", "description": "add why it matched"}
_LIMIT = {"name": "limit", "type": "integer", "description": "how many candidates (default 5)"}
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off", ""}


def _required(qp: QueryParams, name: str) -> str:
    value = qp.get(name)
    if value is None:
        raise ApiError(422, "invalid", f"query.{name}: Field required")
    return value


def _flag(qp: QueryParams, name: str) -> bool:
    value = qp.get(name, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ApiError(422, "invalid", f"query.{name}: Input should be a valid boolean")


def _count(qp: QueryParams, name: str) -> int | None:
    value = qp.get(name)
    if value is None:
        return None
    try:
        n = int(value)
    except ValueError:
        raise ApiError(422, "invalid", f"query.{name}: Input should be a valid integer") from None
    if n < 0:
        raise ApiError(422, "invalid", f"query.{name}: Input should be greater than or equal to 0")
    return n


def _check(svc: Service, name: str, context: str | None) -> None:
    check_length("name", name, svc.limits.max_name_chars)
    check_length("context", context, svc.limits.max_context_chars)


def _resolve(svc: Service, name: str, context: str | None, country: str | None, explain: bool) -> Response:
    _check(svc, name, context)
    reg = svc.registry
    m = reg.resolve(name, context=context or None, country=country or None)
    return JSONResponse(match_json(reg, name, m, explain))


def _candidates(
    svc: Service, name: str, context: str | None, country: str | None, limit: int | None, explain: bool
) -> Response:
    _check(svc, name, context)
    reg = svc.registry
    n = clamp_limit(limit, 5, svc.limits)
    ctx, cc = context or None, country or None
    found = reg.candidates(name, context=ctx, country=cc, limit=n)
    top = reg.resolve(name, context=ctx, country=cc)
    return JSONResponse(
        {
            "mention": name,
            "resolved": top.entity.id if top else None,
            "candidates": [match_json(reg, name, m, explain) for m in found],
        }
    )


async def _extract(svc: Service, text: str, context: str | None) -> Response:
    check_length("text", text, svc.limits.max_text_chars, status=413)
    check_length("context", context, svc.limits.max_context_chars)
    reg = svc.registry
    found = await run_in_threadpool(reg.extract, text, context=context or None)
    return JSONResponse({"mentions": [mention_json(reg, m) for m in found]})


@router.get(
    "/resolve",
    response_model=MatchOut,
    responses=_ERRORS,
    summary="Resolve one mention",
    openapi_extra=_params(_NAME, _CONTEXT, _COUNTRY, _EXPLAIN),
)
async def resolve_get(request: Request) -> Response:
    """The entity a mention means, or ``{"mention": ..., "match": null}``."""
    svc, qp = service_of(request), request.query_params
    return _resolve(svc, _required(qp, "name"), qp.get("context"), qp.get("country"), _flag(qp, "explain"))


@router.post("/resolve", response_model=MatchOut, responses=_ERRORS, summary="Resolve one mention (JSON body)")
async def resolve_post(svc: Svc, body: ResolveBody) -> Response:
    return _resolve(svc, body.name, body.context, body.country, body.explain)


@router.get(
    "/candidates",
    response_model=CandidatesOut,
    responses=_ERRORS,
    summary="Ranked candidates",
    openapi_extra=_params(_NAME, _CONTEXT, _COUNTRY, _LIMIT, _EXPLAIN),
)
async def candidates_get(request: Request) -> Response:
    """Possible entities for a mention, best first; ``resolved`` is what ``/resolve`` returns."""
    svc, qp = service_of(request), request.query_params
    return _candidates(
        svc, _required(qp, "name"), qp.get("context"), qp.get("country"), _count(qp, "limit"), _flag(qp, "explain")
    )


@router.post("/candidates", response_model=CandidatesOut, responses=_ERRORS, summary="Ranked candidates (JSON body)")
async def candidates_post(svc: Svc, body: CandidatesBody) -> Response:
    return _candidates(svc, body.name, body.context, body.country, body.limit, body.explain)


@router.get("/extract", response_model=ExtractOut, responses=_ERRORS, summary="Company mentions in a short text")
async def extract_get(
    svc: Svc, text: Annotated[str, Query(description="free text")], context: ContextQ = None
) -> Response:
    """Every defense-company mention with its character span and match."""
    return await _extract(svc, text, context)


@router.post("/extract", response_model=ExtractOut, responses=_ERRORS, summary="Company mentions in a text")
async def extract_post(svc: Svc, body: ExtractBody) -> Response:
    return await _extract(svc, body.text, body.context)


EntityId = Annotated[str, Path(description="entity id (a lowercase slug)", max_length=200)]


@router.get(
    "/entities/{entity_id}",
    response_model=EntityOut,
    responses={404: {"model": ErrorOut, "description": "no such entity"}},
    summary="One entity",
)
async def entity(svc: Svc, entity_id: EntityId) -> Response:
    """Names in every script, parent chain, owners with shares and years, subsidiaries, former
    names, identifiers and sources."""
    reg = svc.registry
    return JSONResponse(entity_json(reg, reg.get(entity_id)))


@router.get(
    "/entities/{entity_id}/tree.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}, 404: {"model": ErrorOut}},
    summary="Ownership tree as SVG",
)
async def entity_tree(svc: Svc, entity_id: EntityId) -> Response:
    """The ownership tree of one entity, as an SVG picture."""
    return Response(ownership_svg(svc.registry, entity_id), media_type="image/svg+xml")


@router.get(
    "/search",
    response_model=SearchOut,
    responses=_ERRORS,
    summary="Search-box suggestions",
    openapi_extra=_params(
        {"name": "q", "required": True, "description": "what was typed so far"},
        {**_LIMIT, "description": "how many suggestions (default 10)"},
    ),
)
async def search(request: Request) -> Response:
    """Entities whose names start with ``q`` (or have a word that does), then fuzzy matches."""
    svc, qp = service_of(request), request.query_params
    q = _required(qp, "q")
    check_length("q", q, svc.limits.max_name_chars)
    n = clamp_limit(_count(qp, "limit"), 10, svc.limits)
    return JSONResponse({"q": q, "result": svc.names.suggest(q, limit=n)})


@router.get("/health", summary="Liveness and data version")
async def health(request: Request) -> dict[str, Any]:
    svc = service_of(request)
    version = str(getattr(svc.registry, "version", "unknown"))
    return {"status": "ok", "entities": svc.entity_count, "data_version": version}


@router.get("/limits", summary="The limits in force")
async def limits(request: Request) -> dict[str, int]:
    return service_of(request).limits.as_dict()
