"""Every reconciliation response validated against the JSON schemas published with the W3C
Reconciliation Service API 0.2 (vendored in ``schemas/``, see its README); the test queries
are validated against the query schemas too, so the tests speak the protocol as clients do."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from .conftest import SCHEMAS, queries

jsonschema = pytest.importorskip("jsonschema", reason="schema validation needs jsonschema")
referencing = pytest.importorskip("referencing", reason="schema validation needs jsonschema >= 4.18")

from referencing.jsonschema import DRAFT7  # noqa: E402


def _store() -> Any:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], DRAFT7.create_resource(schema)))
    return referencing.Registry().with_resources(resources)


STORE = _store()


def validate(instance: Any, name: str) -> None:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, registry=STORE)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


BATCH = {
    "q0": {"query": "Rheinmetall AG"},
    "q1": {"query": "Thales", "limit": 3, "type": "organization", "properties": [{"pid": "country", "v": "GB"}]},
    "q2": {"query": "Leonardo da Vinci", "type": ["company", "subsidiary"], "type_strict": "any"},
    "q3": {"query": "Belgian Thales", "properties": [{"pid": "context", "v": "armoured vehicles and radars"}]},
    "q4": {"query": "Укроборонпром", "limit": 2},
    "q5": {"query": "", "properties": [{"pid": "country", "v": {"id": "DE", "name": "Germany"}}]},
}


def test_the_schemas_reject_what_they_should() -> None:
    with pytest.raises(AssertionError):
        validate({"q0": {"result": [{"id": "x", "score": 1}]}}, "reconciliation-result-batch")  # no name
    with pytest.raises(AssertionError):
        validate({"name": "x"}, "manifest")


def test_manifest(real: httpx.Client) -> None:
    m = real.get("/reconcile").json()
    validate(m, "manifest")
    assert "0.2" in m["versions"]
    assert m["view"]["url"].endswith("{{id}}") and m["preview"]["url"].endswith("{{id}}")
    assert m["suggest"]["entity"]["flyout_service_path"].endswith("${id}")
    assert m["batchSize"] == 100
    assert real.post("/reconcile").json() == m


def test_query_batch_results(real: httpx.Client) -> None:
    validate(BATCH, "reconciliation-query-batch")
    for response in (
        real.post("/reconcile", data=queries(BATCH)),  # OpenRefine: a form field
        real.get("/reconcile", params=queries(BATCH)),  # a GET with the same parameter
        real.post("/reconcile", json=BATCH),  # the batch as a JSON body
        real.post("/reconcile", json={"queries": BATCH}),
    ):
        assert response.status_code == 200, response.text
        body = response.json()
        validate(body, "reconciliation-result-batch")
        assert set(body) == set(BATCH)


def test_suggest_responses(real: httpx.Client) -> None:
    for prefix in ["rhein", "Рейн", "thales b", "zzzzzz", ""]:
        validate(real.get("/reconcile/suggest/entity", params={"prefix": prefix}).json(), "suggest-entities-response")
    for prefix in ["", "comp", "joint"]:
        validate(real.get("/reconcile/suggest/type", params={"prefix": prefix}).json(), "suggest-types-response")
    for prefix in ["", "coun", "owner", "wiki"]:
        validate(
            real.get("/reconcile/suggest/property", params={"prefix": prefix}).json(), "suggest-properties-response"
        )


def test_data_extension(real: httpx.Client) -> None:
    props = [
        "country",
        "country_name",
        "parent",
        "ultimate_parent",
        "owners",
        "owner_shares",
        "former_names",
        "identifiers",
        "legal_name",
        "kind",
        "status",
        "successor",
        "website",
        "sources",
        "wikidata",
        "ticker",
        "lei",
        "no-such-property",
    ]
    ids = ["turkish-aerospace", "rheinmetall", "mbda", "no-such-id"]
    query = {"ids": ids, "properties": [{"id": p} for p in props]}
    validate(query, "data-extension-query")
    for response in (
        real.post("/reconcile", data={"extend": json.dumps(query)}),
        real.get("/reconcile", params={"extend": json.dumps(query)}),
        real.post("/reconcile", json=query),
    ):
        assert response.status_code == 200, response.text
        validate(response.json(), "data-extension-response")


def test_propose_properties_lists_what_extension_serves(real: httpx.Client) -> None:
    body = real.get("/reconcile/extend/propose", params={"type": "organization"}).json()
    ids = [p["id"] for p in body["properties"]]
    assert {"country", "parent", "ultimate_parent", "owners", "former_names", "identifiers"} <= set(ids)
    validate({"result": body["properties"]}, "suggest-properties-response")  # the same {id, name} rows
