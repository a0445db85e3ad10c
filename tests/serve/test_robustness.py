"""No input makes the service answer with a traceback: random names, prefixes and batches get
200 or a JSON 4xx, and an unexpected fault is a JSON 500 without details."""

from __future__ import annotations

import json
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from defnames import Registry
from defnames.serve import create_app

from .conftest import Running

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
text = st.text(max_size=80)


def _ok_or_json_4xx(r: httpx.Response) -> None:
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert r.headers["content-type"].startswith("application/json") and "error" in r.json()


@FAST
@given(name=text, context=st.none() | text, country=st.none() | st.text(max_size=5))
def test_resolve_any_string(mini: httpx.Client, name: str, context: str | None, country: str | None) -> None:
    params = (
        {"name": name}
        | ({"context": context} if context is not None else {})
        | ({"country": country} if country is not None else {})
    )
    _ok_or_json_4xx(mini.get("/resolve", params=params))
    _ok_or_json_4xx(mini.post("/candidates", json=params))


@FAST
@given(q=text)
def test_search_and_suggest_any_prefix(mini: httpx.Client, q: str) -> None:
    _ok_or_json_4xx(mini.get("/search", params={"q": q}))
    _ok_or_json_4xx(mini.get("/reconcile/suggest/entity", params={"prefix": q}))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(text, kids, max_size=3),
    max_leaves=12,
)


@FAST
@given(
    batch=st.dictionaries(st.text(max_size=5), json_values, max_size=4)
    | st.dictionaries(
        st.text(max_size=5),
        st.fixed_dictionaries(
            {"query": text}, optional={"limit": json_values, "type": json_values, "properties": json_values}
        ),
        max_size=4,
    )
)
def test_reconcile_any_batch(mini: httpx.Client, batch: dict[str, Any]) -> None:
    _ok_or_json_4xx(mini.post("/reconcile", data={"queries": json.dumps(batch)}))
    _ok_or_json_4xx(mini.post("/reconcile", data={"extend": json.dumps(batch)}))


def test_an_unexpected_fault_is_a_json_500(mini_registry: Registry) -> None:
    app = create_app(mini_registry)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret detail")

    with Running(app) as url:
        r = httpx.get(url + "/boom")
    assert r.status_code == 500 and r.json()["error"] == "internal_error"
    assert "secret" not in r.text and "Traceback" not in r.text
