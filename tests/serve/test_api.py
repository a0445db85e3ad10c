"""The JSON API over real HTTP: shapes, the entity card, suggestions, docs."""

from __future__ import annotations

import io
import json
import re

import httpx

import defnames
from defnames.cli import main as cli_main
from defnames.serve.docmodels import CandidatesOut, EntityOut, ExtractOut, MatchOut, SearchOut
from defnames.serve.shapes import match_json


def test_resolve_get_has_the_match_shape(real: httpx.Client) -> None:
    r = real.get("/resolve", params={"name": "Rheinmetall AG"})
    assert r.status_code == 200
    body = r.json()
    MatchOut.model_validate(body)
    assert body["id"] == "rheinmetall" and body["country"] == "DE" and body["mention"] == "Rheinmetall AG"
    assert 0 <= body["score"] <= 100


def test_resolve_shape_is_the_cli_json_shape(real: httpx.Client) -> None:
    for name in ["Raytheon Technologies", "Leonardo da Vinci", "Thales Alenia"]:
        out = io.StringIO()
        cli_main(["lookup", "--json", name], stdout=out, stderr=io.StringIO())
        assert real.get("/resolve", params={"name": name}).json() == json.loads(out.getvalue())


def test_resolve_post_and_context_and_country(real: httpx.Client) -> None:
    r = real.post("/resolve", json={"name": "Belgian Thales", "explain": True})
    assert r.status_code == 200 and r.json()["name"] == "Thales Belgium"
    assert "explanation" in r.json()
    reg = defnames.registry()
    m = reg.resolve("Thales", country="GB")
    assert real.get("/resolve", params={"name": "Thales", "country": "GB"}).json() == match_json(reg, "Thales", m)


def test_no_match_is_null(real: httpx.Client) -> None:
    assert real.get("/resolve", params={"name": "Leonardo da Vinci"}).json() == {
        "mention": "Leonardo da Vinci",
        "match": None,
    }


def test_candidates(real: httpx.Client) -> None:
    body = real.get("/candidates", params={"name": "Thales", "limit": 3}).json()
    CandidatesOut.model_validate(body)
    assert body["resolved"] == "thales"
    assert 1 <= len(body["candidates"]) <= 3
    assert body["candidates"][0]["id"] == "thales"
    body = real.post("/candidates", json={"name": "Thales", "limit": 2}).json()
    assert len(body["candidates"]) <= 2


def test_extract_spans(real: httpx.Client) -> None:
    text = "The German Rheinmetall and the French Nexter signed."
    body = real.post("/extract", json={"text": text}).json()
    ExtractOut.model_validate(body)
    assert [m["text"] for m in body["mentions"]] == ["Rheinmetall", "Nexter"]
    for m in body["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["match"]["id"]
    assert real.get("/extract", params={"text": text}).json() == body


def test_entity_card(real: httpx.Client) -> None:
    body = real.get("/entities/turkish-aerospace").json()
    EntityOut.model_validate(body)
    assert body["country"] == "TR" and body["country_name"]
    assert body["parent_chain"] and body["ultimate_parent"]["id"] == body["parent_chain"][-1]["id"]
    assert any(o["share"] is not None for o in body["owners"])
    assert {"name", "legal_name", "alias"} <= {n["type"] for n in body["names"]}
    assert any(n["script"] == "Arabic" for n in body["names"])
    assert body["former_names"] and all("until" in f for f in body["former_names"])
    assert all(s.startswith("http") for s in body["sources"])


def test_entity_card_links_identifiers_and_subsidiaries(real: httpx.Client) -> None:
    body = real.get("/entities/rheinmetall").json()
    assert body["identifiers"]["wikidata"]
    links = {i["scheme"]: i["url"] for i in body["identifier_links"]}
    assert links["wikidata"] == f"https://www.wikidata.org/wiki/{body['identifiers']['wikidata']}"
    assert len(body["subsidiaries"]) == len(defnames.registry().subsidiaries("rheinmetall"))
    assert body["ultimate_parent"]["id"] == "rheinmetall" and body["parent"] is None


def test_unknown_entity_is_a_json_404(real: httpx.Client) -> None:
    r = real.get("/entities/no-such-company")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert real.get("/entities/no-such-company/tree.svg").status_code == 404


def test_tree_svg(real: httpx.Client) -> None:
    r = real.get("/entities/turkish-aerospace/tree.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    svg = r.text
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "Turkish Aerospace" in svg and "%" in svg  # the entity, and owners' shares
    assert "<script" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_search_prefix_and_fuzzy(real: httpx.Client) -> None:
    body = real.get("/search", params={"q": "rheinm", "limit": 5}).json()
    SearchOut.model_validate(body)
    assert body["result"][0]["id"] == "rheinmetall" and body["result"][0]["how"] == "prefix"
    cyr = real.get("/search", params={"q": "Рейнм"}).json()["result"]
    assert cyr and cyr[0]["id"] == "rheinmetall"
    fuzzy = real.get("/search", params={"q": "Lockhed Martn"}).json()["result"]
    assert fuzzy and fuzzy[0]["id"] == "lockheed-martin" and fuzzy[0]["how"] == "fuzzy"
    assert real.get("/search", params={"q": ""}).json()["result"] == []
    assert len(real.get("/search", params={"q": "a", "limit": 3}).json()["result"]) <= 3


def test_health_and_limits(real: httpx.Client) -> None:
    h = real.get("/health").json()
    assert h["status"] == "ok" and h["entities"] == len(defnames.registry().entities)
    assert real.get("/limits").json()["max_batch"] == 100


def test_openapi_and_docs_work_offline(real: httpx.Client) -> None:
    spec = real.get("/openapi.json").json()
    wanted = {"/resolve", "/candidates", "/extract", "/entities/{entity_id}", "/search", "/reconcile"}
    assert wanted <= set(spec["paths"])
    docs = real.get("/docs")
    assert docs.status_code == 200
    for url in re.findall(r"""(?:src|href)=["']([^"']+)""", docs.text):
        assert not url.startswith(("http:", "https:", "//")), url
        assert real.get(url).status_code == 200, url


def test_page_and_static_files_are_local(real: httpx.Client) -> None:
    page = real.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    urls = re.findall(r"""(?:src|href)=["']([^"'#]+)""", page.text)
    assert "/static/app.js" in urls and "/static/style.css" in urls
    for url in urls:
        if url.startswith("/static/"):
            assert real.get(url).status_code == 200
    for name in ["app.js", "style.css"]:
        text = real.get(f"/static/{name}").text
        assert "http://" not in text and "https://" not in text and "@import" not in text
    assert real.get("/static/../app.py").status_code == 404
    assert real.get("/static/app.py").status_code == 404
