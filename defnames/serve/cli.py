"""``defnames serve``: start the HTTP service.

:func:`add_parser` adds the ``serve`` command to the ``defnames`` command's subparsers and
:func:`run` runs it; ``python -m defnames.serve`` takes the same options. Nothing here needs
FastAPI until the server starts, so the ``defnames`` command works without the extra.

>>> import argparse
>>> p = argparse.ArgumentParser(prog="defnames")
>>> add_parser(p.add_subparsers(dest="command"))
>>> args = p.parse_args(["serve", "--port", "9000"])
>>> args.host, args.port, args.workers, args.cors_origin
('127.0.0.1', 9000, 1, [])
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import fields
from typing import Any

from defnames import DefnamesError

from .limits import Limits

__all__ = ["add_arguments", "add_parser", "build_parser", "run"]

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_LIMIT_FLAGS = {f.name: "--" + f.name.replace("_", "-") for f in fields(Limits)}


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``serve`` (shared by ``defnames serve`` and ``python -m defnames.serve``)."""
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)",
    )
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="DIR",
        help="YAML/JSON registry files or folders to add to the packaged registry (repeatable)",
    )
    p.add_argument(
        "--registry-only", action="store_true", help="serve only the --registry files, without the packaged registry"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; each loads its own copy of the registry)",
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser pages from this origin, e.g. http://127.0.0.1:3333 for OpenRefine "
        "(repeatable; '*' allows any; default: none)",
    )
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    defaults = Limits()
    for name, flag in _LIMIT_FLAGS.items():
        p.add_argument(
            flag,
            type=int,
            default=getattr(defaults, name),
            metavar="N",
            help=f"limit: {name.replace('_', ' ')} (default {getattr(defaults, name)})",
        )


def add_parser(subparsers: Any) -> None:
    """Add ``serve`` to the ``defnames`` command (``subparsers`` from ``add_subparsers()``)."""
    p = subparsers.add_parser(
        "serve",
        help="serve the registry over HTTP (JSON API, OpenRefine, search page)",
        description="Serve the registry over HTTP: a JSON API, an OpenRefine "
        "reconciliation service at /reconcile and a search page at /.",
    )
    add_arguments(p)
    p.set_defaults(func=run)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m defnames.serve``."""
    p = argparse.ArgumentParser(prog="python -m defnames.serve", description="Serve the defnames registry over HTTP.")
    add_arguments(p)
    p.set_defaults(func=run)
    return p


def _config(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "registry": [str(x) for x in args.registry],
        "registry_only": bool(args.registry_only),
        "limits": {name: getattr(args, name) for name in _LIMIT_FLAGS},
        "cors_origins": list(args.cors_origin),
    }


def run(args: argparse.Namespace, io: Any = None) -> int:
    """Start the server and serve until interrupted; returns the exit status (0, or 2 on a
    usage, data or start-up error).

    ``io``: the ``defnames`` command's streams (messages go to its ``err``); stderr by default.
    """
    err = getattr(io, "err", None) or sys.stderr
    try:
        import uvicorn

        from .app import ENV_CONFIG, create_app, freeze_heap, load_registry
    except ImportError as exc:
        err.write(f'defnames serve needs the serve extra: pip install "defnames[serve]" ({exc})\n')
        return 2
    if args.workers < 1:
        err.write("defnames serve: --workers must be 1 or more\n")
        return 2
    if not 0 <= args.port <= 65535:
        err.write("defnames serve: --port must be between 0 and 65535\n")
        return 2
    if args.registry_only and not args.registry:
        err.write("defnames serve: --registry-only needs at least one --registry\n")
        return 2
    config = _config(args)
    try:
        limits = Limits(**config["limits"])
        reg = load_registry(config["registry"], include_default=not args.registry_only)
    except (DefnamesError, ValueError) as exc:
        err.write(f"defnames serve: {exc}\n")
        return 2
    if args.host not in _LOOPBACK:
        err.write(f"defnames serve: listening on {args.host}, reachable from other machines (read-only)\n")
    err.write(
        f"defnames serve: {len(reg.entities)} entities on http://{args.host}:{args.port}/ "
        f"(API docs at /docs, OpenRefine at /reconcile)\n"
    )
    try:
        if args.workers == 1:
            app = create_app(reg, limits, cors_origins=config["cors_origins"])
            freeze_heap()
            uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
        else:
            os.environ[ENV_CONFIG] = json.dumps(config)
            uvicorn.run(
                "defnames.serve.app:app_from_env",
                factory=True,
                host=args.host,
                port=args.port,
                workers=args.workers,
                log_level=args.log_level,
            )
    except SystemExit as exc:  # uvicorn exits when it cannot bind the port
        code = exc.code if isinstance(exc.code, int) else 1
        return 0 if code == 0 else 2
    except KeyboardInterrupt:
        return 0
    return 0
