"""Every error the service sends is JSON: ``{"error": CODE, "message": TEXT}`` (plus ``limit``
when a limit was passed), with status 400, 404, 405, 413 or 422 — never a traceback.

:class:`BodyLimit` refuses a request body over ``max_body_bytes`` before anything reads it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from defnames import DefnamesError, InputError, UnknownEntityError

__all__ = ["ApiError", "BodyLimit", "error_body", "install_handlers"]

log = logging.getLogger("defnames.serve")

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal_error",
}


class ApiError(Exception):
    """An error to send as JSON with an HTTP status."""

    def __init__(self, status: int, code: str, message: str, *, limit: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.limit = limit


def error_body(code: str, message: str, limit: int | None = None) -> dict[str, Any]:
    """The JSON body of an error."""
    body: dict[str, Any] = {"error": code, "message": message}
    if limit is not None:
        body["limit"] = limit
    return body


def _json(status: int, code: str, message: str, limit: int | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, limit), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    """Turn every exception into a JSON error response."""

    async def api_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _json(exc.status, exc.code, exc.message, exc.limit)

    async def validation(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _json(422, "invalid", _validation_message(exc))

    async def http_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        return _json(exc.status_code, _CODES.get(exc.status_code, "error"), message)

    async def defnames_error(_request: Request, exc: Exception) -> Response:
        if isinstance(exc, UnknownEntityError):
            return _json(404, "not_found", str(exc))
        if isinstance(exc, InputError):
            return _json(422, "invalid", str(exc))
        return _json(422, "invalid", str(exc))

    async def unexpected(_request: Request, exc: Exception) -> Response:
        log.exception("unexpected error", exc_info=exc)
        return _json(500, "internal_error", "the server could not answer this request")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(DefnamesError, defnames_error)
    app.add_exception_handler(Exception, unexpected)


class BodyLimit:
    """ASGI middleware: a 413 JSON error for a body over ``max_bytes`` (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _json(413, "too_large", f"request body over {self.max_bytes} bytes", self.max_bytes)
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _declared_over(scope, self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        if scope.get("method") not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        # read the whole body here (it is bounded), then hand it on in one piece
        body = await self._read_body(scope, receive, send)
        if body is None:
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _read_body(self, scope: Scope, receive: Receive, send: Send) -> bytes | None:
        """The whole request body; ``None`` when the client left or the body went over the limit
        (then the 413 is already sent)."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._refuse(scope, receive, send)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _declared_over(scope: Scope, max_bytes: int) -> bool:
    """A ``content-length`` header of the request declares more than ``max_bytes``."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                declared = int(value)
            except ValueError:
                declared = -1
            if declared > max_bytes:
                return True
    return False
