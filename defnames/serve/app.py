"""The FastAPI application: :func:`create_app` builds it around one registry.

>>> app = create_app()
>>> paths = app.openapi()["paths"]
>>> "/resolve" in paths and "/reconcile" in paths
True
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import defnames
from defnames import Registry

from . import api, page, reconcile
from .limits import Limits
from .problems import BodyLimit, install_handlers
from .service import Service

__all__ = ["ENV_CONFIG", "app_from_env", "create_app", "freeze_heap", "load_registry"]

#: The environment variable that carries the configuration to each worker process.
ENV_CONFIG = "DEFNAMES_SERVE_CONFIG"

_DESCRIPTION = """Which defense company does a name mean? Resolve names, rank candidates, find mentions
in text, read every fact about an entity — and reconcile spreadsheets from OpenRefine at `/reconcile`.

Read-only. Errors are JSON: `{"error": code, "message": text}` (413 over a size limit, 422 invalid input)."""


def load_registry(paths: Sequence[str] = (), *, include_default: bool = True) -> Registry:
    """The packaged registry, or one with the entities of ``paths`` added (or alone)."""
    if not paths:
        return defnames.registry()
    return Registry.load(*paths, include_default=include_default)


def create_app(
    registry: Registry | None = None, limits: Limits | None = None, *, cors_origins: Sequence[str] = ()
) -> FastAPI:
    """The web application, serving one registry.

    Args:
        registry: what to serve (default: the packaged registry).
        limits: request size limits (default: :class:`Limits` ``()``).
        cors_origins: origins allowed to call from a browser page on another origin (none by
            default; OpenRefine's is ``http://127.0.0.1:3333`` or ``http://localhost:3333``;
            ``*`` allows every origin).
    """
    reg = registry if registry is not None else defnames.registry()
    lim = limits or Limits()
    reg.resolve("warm up the index")  # build the name index now, not on the first request
    svc = Service(reg, lim)
    app = FastAPI(
        title="defnames", version=str(defnames.__version__), description=_DESCRIPTION, docs_url=None, redoc_url=None
    )
    app.state.service = svc
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(reconcile.router)
    app.include_router(page.router)
    page.install_docs(app)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
            allow_credentials=False,
            max_age=600,
        )
    app.add_middleware(BodyLimit, max_bytes=lim.max_body_bytes)
    return app


def freeze_heap() -> None:
    """Keep what is loaded now (the registry and its indexes) out of the garbage collector's
    scans: a server process calls this once, after the app is built, so that no full collection
    stalls a request for ~100 ms."""
    gc.collect()
    gc.freeze()


def app_from_env() -> FastAPI:
    """An app configured from ``$DEFNAMES_SERVE_CONFIG`` (JSON): how each of several uvicorn
    worker processes builds its own copy (``uvicorn --factory defnames.serve.app:app_from_env``).

    Keys: ``registry`` (list of paths), ``registry_only`` (bool), ``limits`` (mapping),
    ``cors_origins`` (list).
    """
    config = json.loads(os.environ.get(ENV_CONFIG, "{}") or "{}")
    reg = load_registry(config.get("registry", []), include_default=not config.get("registry_only", False))
    app = create_app(reg, Limits(**config.get("limits", {})), cors_origins=config.get("cors_origins", []))
    freeze_heap()
    return app
