"""Reading a request: ``queries`` / ``extend`` from the query string, a form or a JSON body."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request

from ..problems import ApiError


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
