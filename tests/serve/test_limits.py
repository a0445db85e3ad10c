"""Limits and safety: over a limit → 413/422 JSON, bad input → JSON error, never a 500;
read-only; CORS off unless configured; loopback by default."""

from __future__ import annotations

import argparse
import json
import socket

import httpx
import pytest

from defnames.serve import Limits
from defnames.serve.cli import add_parser

from .conftest import SMALL, queries


def error(r: httpx.Response, status: int, code: str | None = None) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert isinstance(body["error"], str) and isinstance(body["message"], str)
    assert "Traceback" not in r.text
    if code:
        assert body["error"] == code
    return body


def test_name_too_long_is_422(mini: httpx.Client) -> None:
    body = error(mini.get("/resolve", params={"name": "x" * 61}), 422, "too_long")
    assert body["limit"] == SMALL.max_name_chars
    assert mini.get("/resolve", params={"name": "x" * 60}).status_code == 200
    error(mini.post("/candidates", json={"name": "y" * 61}), 422, "too_long")
    error(mini.get("/search", params={"q": "z" * 61}), 422, "too_long")
    error(mini.get("/resolve", params={"name": "Acme", "context": "c" * 201}), 422, "too_long")


def test_text_too_large_is_413(mini: httpx.Client) -> None:
    body = error(mini.post("/extract", json={"text": "Acme Defence " * 100}), 413, "too_large")
    assert body["limit"] == SMALL.max_text_chars
    assert mini.post("/extract", json={"text": "Acme Defence " * 50}).status_code == 200


def test_batch_too_large_is_413(mini: httpx.Client) -> None:
    batch = {f"q{i}": {"query": "Acme Defence"} for i in range(SMALL.max_batch + 1)}
    body = error(mini.post("/reconcile", data=queries(batch)), 413, "too_large")
    assert body["limit"] == SMALL.max_batch
    ids = ["acme-defence"] * (SMALL.max_batch + 1)
    error(
        mini.post("/reconcile", data={"extend": json.dumps({"ids": ids, "properties": [{"id": "country"}]})}),
        413,
        "too_large",
    )


def test_body_too_large_is_413_before_parsing(mini: httpx.Client) -> None:
    big = json.dumps({"text": "a" * (SMALL.max_body_bytes + 10)})
    error(mini.post("/extract", content=big, headers={"content-type": "application/json"}), 413, "too_large")

    def chunks() -> object:  # no Content-Length: the server counts the streamed bytes
        for _ in range(30):
            yield b"a" * 1000

    error(
        mini.post("/reconcile", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}),
        413,
        "too_large",
    )


def test_candidate_limit_is_capped(mini: httpx.Client) -> None:
    body = mini.get("/candidates", params={"name": "Mercury", "limit": 1000}).json()
    assert len(body["candidates"]) <= SMALL.max_candidates


@pytest.mark.parametrize(
    ("method", "url", "kwargs"),
    [
        ("GET", "/resolve", {}),
        ("GET", "/resolve", {"params": {"name": "Acme", "country": "Atlantis"}}),
        ("GET", "/candidates", {"params": {"name": "Acme", "limit": "many"}}),
        ("GET", "/candidates", {"params": {"name": "Acme", "limit": -1}}),
        ("POST", "/resolve", {"content": b"{not json", "headers": {"content-type": "application/json"}}),
        ("POST", "/resolve", {"json": {"name": 3}}),
        ("POST", "/resolve", {"json": {"name": "Acme", "surprise": 1}}),
        ("POST", "/resolve", {"json": ["Acme"]}),
        ("POST", "/extract", {"content": b"\xff\xfe", "headers": {"content-type": "application/json"}}),
        ("GET", "/reconcile", {"params": {"queries": "{broken"}}),
        ("POST", "/reconcile", {"data": {"queries": "[1, 2]"}}),
        ("POST", "/reconcile", {"data": {"queries": json.dumps({"q0": "Acme"})}}),
        ("POST", "/reconcile", {"data": {"queries": json.dumps({"q0": {"query": 5}})}}),
        ("POST", "/reconcile", {"data": {"queries": json.dumps({"q0": {"query": "Acme", "limit": "x"}})}}),
        ("POST", "/reconcile", {"data": {"queries": json.dumps({"q0": {"query": "Acme", "properties": {}}})}}),
        ("POST", "/reconcile", {"data": {"queries": json.dumps({"q0": {"query": "Acme", "properties": [5]}})}}),
        ("POST", "/reconcile", {"data": {"queries": json.dumps({"q0": {"query": "A" * 61}})}}),
        ("POST", "/reconcile", {"data": {"extend": json.dumps({"ids": "acme-defence"})}}),
        ("POST", "/reconcile", {"data": {"extend": json.dumps({"ids": [], "properties": [{"x": 1}]})}}),
        ("POST", "/reconcile", {"content": b"\xff", "headers": {"content-type": "application/x-www-form-urlencoded"}}),
        (
            "POST",
            "/reconcile",
            {"content": json.dumps("[" * 5000 + "]" * 5000).encode(), "headers": {"content-type": "application/json"}},
        ),
        ("GET", "/reconcile/preview", {}),
        ("GET", "/reconcile/suggest/entity", {"params": {"prefix": "a", "cursor": -3}}),
    ],
)
def test_bad_input_is_a_json_422(mini: httpx.Client, method: str, url: str, kwargs: dict[str, object]) -> None:
    r = mini.request(method, url, **kwargs)  # type: ignore[arg-type]
    assert r.status_code in {400, 404, 413, 415, 422}, r.text
    error(r, r.status_code)


def test_deeply_nested_json_is_refused_not_crashed(mini: httpx.Client) -> None:
    deep = "[" * 100_000 + "]" * 100_000  # 200 kB: over the mini body limit, so 413
    r = mini.post("/reconcile", content=deep, headers={"content-type": "application/json"})
    error(r, r.status_code)
    deep = '{"q0": {"query": "a", "properties": [{"pid": "context", "v": ' + "[" * 3000 + "]" * 3000 + "}]}}"
    r = mini.post("/reconcile", data={"queries": deep})
    assert r.status_code in {200, 413, 422}
    if r.status_code != 200:
        error(r, r.status_code)


def test_unknown_paths_and_methods_are_json(mini: httpx.Client) -> None:
    error(mini.get("/no/such/page"), 404)
    error(mini.delete("/resolve", params={"name": "Acme"}), 405)
    error(mini.put("/reconcile", content=b"{}"), 405)
    error(mini.patch("/entities/acme-defence"), 405)


def test_read_only_routes() -> None:
    from defnames.serve.app import create_app

    paths = create_app().openapi()["paths"]
    methods = {m for ops in paths.values() for m in ops}
    assert len(paths) > 10 and methods == {"get", "post"}
    posts = {p for p, ops in paths.items() if "post" in ops}
    assert posts == {"/resolve", "/candidates", "/extract", "/reconcile"}  # queries only, nothing is written


def test_cors_off_by_default(mini: httpx.Client) -> None:
    r = mini.get("/reconcile/suggest/entity", params={"prefix": "acme"}, headers={"Origin": "http://127.0.0.1:3333"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = mini.options(
        "/reconcile", headers={"Origin": "http://127.0.0.1:3333", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_when_configured(cors_url: str) -> None:
    with httpx.Client(base_url=cors_url) as c:
        r = c.get("/reconcile/suggest/entity", params={"prefix": "acme"}, headers={"Origin": "http://127.0.0.1:3333"})
        assert r.headers["access-control-allow-origin"] == "http://127.0.0.1:3333"
        other = c.get("/reconcile", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_loopback_is_the_default_bind() -> None:
    p = argparse.ArgumentParser()
    add_parser(p.add_subparsers(dest="command"))
    args = p.parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.cors_origin == []
    assert socket.inet_aton(args.host)[0] == 127


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_batch"):
        Limits(max_batch=0)
    with pytest.raises(ValueError):
        Limits(max_name_chars=True)
