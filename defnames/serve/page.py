"""The search page at ``/`` and its files (HTML, JS, CSS shipped in the package; nothing from a
CDN), and the OpenAPI docs page at ``/docs`` with the Swagger UI files that the
``fastapi-offline`` package ships (a plain page listing the routes when they are missing)."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from starlette.responses import HTMLResponse, Response

from .problems import ApiError

__all__ = ["install_docs", "router"]

router = APIRouter(include_in_schema=False)

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
_STATIC = ("index.html", "app.js", "style.css", "favicon.svg")
_CACHE = "public, max-age=300"


@lru_cache(maxsize=16)
def _asset(name: str) -> bytes:
    return resources.files("defnames.serve").joinpath("static").joinpath(name).read_bytes()


@router.get("/")
async def index() -> Response:
    return Response(_asset("index.html"), media_type=_TYPES[".html"], headers={"Cache-Control": "no-cache"})


@router.get("/static/{name}")
async def static(name: str) -> Response:
    if name not in _STATIC:
        raise ApiError(404, "not_found", f"no file {name!r}")
    return Response(_asset(name), media_type=_TYPES[Path(name).suffix], headers={"Cache-Control": _CACHE})


def _swagger_dir() -> Path | None:
    """Swagger UI's files as the ``fastapi-offline`` package ships them (None when absent)."""
    try:
        path = Path(str(resources.files("fastapi_offline").joinpath("static")))
    except (ImportError, TypeError):
        return None
    return path if (path / "swagger-ui-bundle.js").is_file() and (path / "swagger-ui.css").is_file() else None


def _plain_docs(spec: dict[str, Any]) -> str:
    rows = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = ", ".join(p["name"] for p in op.get("parameters", []))
            rows.append(
                f"<tr><td><code>{escape(method.upper())}</code></td><td><code>{escape(path)}</code></td>"
                f"<td>{escape(op.get('summary', ''))}</td><td>{escape(params)}</td></tr>"
            )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>defnames API</title>"
        "<link rel='stylesheet' href='/static/style.css'></head><body class='docs'>"
        "<h1>defnames API</h1><p>The full description: <a href='/openapi.json'>/openapi.json</a>.</p>"
        "<table><tr><th>method</th><th>path</th><th>what</th><th>parameters</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )


def install_docs(app: FastAPI) -> None:
    """Add ``/docs`` (Swagger UI served from this machine) to an app created with ``docs_url=None``."""
    swagger = _swagger_dir()

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> Response:
        if swagger is None:
            return HTMLResponse(_plain_docs(request.app.openapi()))
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="defnames API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},
        )  # no call to swagger.io

    @app.get("/docs/assets/{name}", include_in_schema=False)
    async def docs_asset(name: str) -> Response:
        if swagger is None or name not in {"swagger-ui-bundle.js", "swagger-ui.css"}:
            raise ApiError(404, "not_found", f"no file {name!r}")
        return Response(
            (swagger / name).read_bytes(), media_type=_TYPES[Path(name).suffix], headers={"Cache-Control": _CACHE}
        )
