"""What the reconciliation service answers (on the mini fixture registry): scores, ``match``
only for what ``resolve`` returns, types, country and context properties, previews, suggest
and data extension."""

from __future__ import annotations

import json
from typing import Any

import httpx

from defnames import Registry

from .conftest import SMALL, queries


def reconcile(client: httpx.Client, **batch: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Results by query key, sent in batches of the server's limit (as OpenRefine does)."""
    keys = list(batch)
    out: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(keys), SMALL.max_batch):
        part = {k: batch[k] for k in keys[i : i + SMALL.max_batch]}
        r = client.post("/reconcile", data=queries(part))
        assert r.status_code == 200, r.text
        out |= {k: v["result"] for k, v in r.json().items()}
    return out


def test_scores_and_match(mini: httpx.Client, mini_registry: Registry) -> None:
    out = reconcile(mini, a={"query": "Acme Ordnance"}, b={"query": "Mercury"}, c={"query": "Leonardo da Vinci"})
    assert out["a"][0]["id"] == "acme-defence" and out["a"][0]["match"] is True
    assert all(0 <= r["score"] <= 100 for rows in out.values() for r in rows)
    # "Mercury" names two entities: both are candidates, neither is a match (resolve says None)
    assert mini_registry.resolve("Mercury") is None
    assert {r["id"] for r in out["b"]} == {"mercury-plant", "mercury-works"}
    assert not any(r["match"] for r in out["b"])
    assert out["c"] == []


def test_match_is_exactly_what_resolve_returns(mini: httpx.Client, mini_registry: Registry) -> None:
    names = [
        "Acme Defence",
        "Acme Defence in Belgium",
        "ULS",
        "Kessel-Maffen Werke",
        "Harrow Electronics",
        "Mercury",
        "Forges de Nivelles",
        "Nordhavn",
        "Union",
    ]
    out = reconcile(mini, **{f"q{i}": {"query": n} for i, n in enumerate(names)})
    for i, n in enumerate(names):
        m = mini_registry.resolve(n)
        matched = [r["id"] for r in out[f"q{i}"] if r["match"]]
        assert matched == ([m.entity.id] if m else []), n
        if m:
            assert out[f"q{i}"][0]["id"] == m.entity.id  # the match comes first


def test_country_property_decides(mini: httpx.Client) -> None:
    out = reconcile(
        mini,
        ua={"query": "Mercury", "properties": [{"pid": "country", "v": "UA"}]},
        bg={"query": "Mercury", "properties": [{"pid": "country", "v": ["BG"]}]},
        bad={"query": "Mercury", "properties": [{"pid": "country", "v": "N/A"}]},
    )
    assert [r["id"] for r in out["ua"] if r["match"]] == ["mercury-plant"]
    assert [r["id"] for r in out["bg"] if r["match"]] == ["mercury-works"]
    assert out["bad"] and not any(r["match"] for r in out["bad"])  # an unknown code is ignored


def test_context_property_is_passed_on(mini: httpx.Client, mini_registry: Registry) -> None:
    ctx = "the plant delivered artillery shells to the army"
    out = reconcile(mini, q={"query": "Mercury", "properties": [{"pid": "context", "v": ctx}]})
    m = mini_registry.resolve("Mercury", context=ctx)
    assert [r["id"] for r in out["q"] if r["match"]] == ([m.entity.id] if m else [])


def test_limit_and_type(mini: httpx.Client) -> None:
    out = reconcile(
        mini,
        one={"query": "Mercury", "limit": 1},
        many={"query": "Mercury", "limit": 99},
        se={"query": "Mercury", "type": "state_enterprise"},
        co={"query": "Mercury", "type": ["company"]},
        anything={"query": "Mercury", "type": "organization"},
        nothing={"query": "Mercury", "type": "holding"},
    )
    assert len(out["one"]) == 1
    assert len(out["many"]) <= SMALL.max_candidates
    assert [r["id"] for r in out["se"]] == ["mercury-plant"]
    assert [r["id"] for r in out["co"]] == ["mercury-works"]
    assert len(out["anything"]) == 2
    assert out["nothing"] == []
    assert out["se"][0]["type"] == [{"id": "state_enterprise", "name": "State enterprise"}]


def test_description_says_kind_country_and_group(mini: httpx.Client) -> None:
    out = reconcile(mini, q={"query": "Forges de Nivelles"})
    assert out["q"][0]["description"] == "Subsidiary · Belgium · part of Acme Defence"


def test_preview_card(mini: httpx.Client) -> None:
    r = mini.get("/reconcile/preview", params={"id": "nordhavn-munitions"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "Nordhavn Munitions" in html and "Norway" in html and "Government of Norway" in html
    assert "<script" not in html and "http" not in html.replace(str(mini.base_url).rstrip("/"), "")
    assert mini.get("/reconcile/preview", params={"id": "nope"}).status_code == 404


def test_preview_escapes_html(mini: httpx.Client) -> None:
    r = mini.get("/reconcile/preview", params={"id": "<script>alert(1)</script>"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


def test_flyout(mini: httpx.Client) -> None:
    body = mini.get("/reconcile/flyout/entity", params={"id": "acme-defence"}).json()
    assert body["id"] == "acme-defence" and "Acme Defence" in body["html"]


def test_suggest(mini: httpx.Client) -> None:
    rows = mini.get("/reconcile/suggest/entity", params={"prefix": "acme"}).json()["result"]
    assert {"acme-defence", "acme-defence-belgium"} <= {r["id"] for r in rows}
    assert rows[0]["notable"][0]["id"] in {"company", "subsidiary"}
    typed = mini.get("/reconcile/suggest/entity", params={"prefix": "acme", "type": "subsidiary"}).json()["result"]
    assert [r["id"] for r in typed] == ["acme-defence-belgium"]
    types = mini.get("/reconcile/suggest/type", params={"prefix": "joint"}).json()["result"]
    assert [t["id"] for t in types] == ["joint_venture"]
    props = mini.get("/reconcile/suggest/property", params={"prefix": "coun"}).json()["result"]
    assert "country" in [p["id"] for p in props]


def test_data_extension_values(mini: httpx.Client) -> None:
    props = [
        "country",
        "parent",
        "ultimate_parent",
        "owners",
        "owner_shares",
        "former_names",
        "identifiers",
        "successor",
        "ticker",
    ]
    ids = ["acme-defence-belgium", "nordhavn-munitions", "harrow-electronics", "acme-defence", "uls-deutschland"]
    r = mini.post("/reconcile", data={"extend": json.dumps({"ids": ids, "properties": [{"id": p} for p in props]})})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [m["id"] for m in body["meta"]] == props
    assert {m["id"]: m.get("type", {}).get("id") for m in body["meta"]}["parent"] == "organization"
    rows = body["rows"]
    assert rows["acme-defence-belgium"]["country"] == [{"str": "BE"}]
    assert rows["acme-defence-belgium"]["parent"] == [{"id": "acme-defence", "name": "Acme Defence"}]
    assert rows["acme-defence-belgium"]["ultimate_parent"] == [{"id": "acme-defence", "name": "Acme Defence"}]
    assert rows["acme-defence-belgium"]["former_names"] == [{"str": "Forges de Nivelles (until 2017)"}]
    owners = rows["nordhavn-munitions"]["owners"]
    assert {"str": "Government of Norway"} in owners and {"id": "acme-defence", "name": "Acme Defence"} in owners
    assert any("%" in v["str"] for v in rows["nordhavn-munitions"]["owner_shares"])
    assert rows["harrow-electronics"]["successor"] == [{"id": "acme-defence", "name": "Acme Defence"}]
    assert rows["acme-defence"]["identifiers"] == [{"str": "ticker:LSE:ACD"}]
    assert rows["acme-defence"]["ticker"] == [{"str": "LSE:ACD"}]
    assert rows["acme-defence"]["parent"] == []
    assert len(rows["uls-deutschland"]["former_names"]) == 2
