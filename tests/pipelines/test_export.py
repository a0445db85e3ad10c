"""``defnames export``: the registry (and overlays) as CSV, JSON lines, Parquet and FollowTheMoney."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import defnames
from defnames.cli import main
from defnames.errors import ExitCode
from defnames.pipelines.export import EXPORT_COLUMNS, ftm_entities

# The properties each schema has in FollowTheMoney 4.11 (own and inherited) that the export
# uses, read from followthemoney/schema/*.yaml; an entity-typed property with its range.
FTM_PROPS = {
    "Company": {
        "alias",
        "classification",
        "country",
        "idNumber",
        "innCode",
        "isinCode",
        "leiCode",
        "name",
        "notes",
        "ogrnCode",
        "okpoCode",
        "parent",
        "previousName",
        "registrationNumber",
        "sourceUrl",
        "status",
        "taxNumber",
        "ticker",
        "uscCode",
        "vatCode",
        "weakAlias",
        "website",
        "wikidataId",
    },
    "Organization": {
        "alias",
        "classification",
        "country",
        "idNumber",
        "innCode",
        "leiCode",
        "name",
        "notes",
        "ogrnCode",
        "okpoCode",
        "parent",
        "previousName",
        "registrationNumber",
        "sourceUrl",
        "status",
        "taxNumber",
        "uscCode",
        "vatCode",
        "weakAlias",
        "website",
        "wikidataId",
    },
    "LegalEntity": {"name", "country", "sourceUrl"},
    "Ownership": {"owner", "asset", "percentage", "startDate", "date", "role", "sourceUrl"},
    "Succession": {"predecessor", "successor", "sourceUrl"},
}
FTM_REQUIRED = {
    "Company": {"name"},
    "Organization": {"name"},
    "LegalEntity": {"name"},
    "Ownership": {"owner", "asset"},
    "Succession": {"predecessor", "successor"},
}
ASSETS = {"Company"}  # Ownership.asset has the range Asset: Company is one, Organization is not
LEGAL = {"Company", "Organization", "LegalEntity"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_jsonl_is_one_row_per_entity() -> None:
    code, out, _ = run("--format", "jsonl")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    reg = defnames.registry()
    assert len(rows) == len(reg) and [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert all(list(r) == list(EXPORT_COLUMNS) for r in rows)
    eb = next(r for r in rows if r["id"] == "electric-boat")
    assert eb["parent_id"] == "general-dynamics" and eb["ultimate_parent_id"] == "general-dynamics"
    kd = next(r for r in rows if r["id"] == "knds-deutschland")
    assert any(f["name"] == "Krauss-Maffei Wegmann" and f["until"] == 2024 for f in kd["former_names"])
    assert kd["sources"] and kd["country"] == "DE"


def test_csv_cells(tmp_path: Path) -> None:
    dst = tmp_path / "reg.csv"
    code, out, err = run("-o", str(dst))
    assert code == 0 and out == "" and "records written" in err
    rows = list(csv.DictReader(io.StringIO(dst.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    mbda = next(r for r in rows if r["id"] == "mbda")
    assert [(o["owner"], o["share"]) for o in json.loads(mbda["owners"])] == [
        ("airbus", 37.5),
        ("bae-systems", 37.5),
        ("leonardo", 25.0),
    ]
    assert "; " in next(r for r in rows if r["id"] == "lockheed-martin")["aliases"]


def test_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    dst = tmp_path / "reg.parquet"
    assert run("-o", str(dst))[0] == 0
    t = pq.read_table(dst)
    assert t.column_names == list(EXPORT_COLUMNS) and t.num_rows == len(defnames.registry())
    d = {r["id"]: r for r in t.to_pylist()}
    as_of = defnames.registry().get("mbda").owners[0].as_of  # the registry's own year, dated or not
    assert d["mbda"]["owners"][0] == {"owner": "airbus", "in_registry": True, "share": 37.5, "as_of": as_of}
    code, _, err = run("--format", "parquet")
    assert code == ExitCode.USAGE and "needs -o" in err


def test_overlays_are_exported(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "my-supplier.yml").write_text(
        "name: My Supplier\ncountry: DE\nparent: rheinmetall\nsources: [https://example.org]\n", encoding="utf-8"
    )
    code, out, _ = run("--registry", str(tmp_path / "mine"), "--format", "jsonl")
    assert code == 0
    mine = [json.loads(x) for x in out.splitlines() if '"my-supplier"' in x]
    assert mine and mine[0]["ultimate_parent_id"] == "rheinmetall"
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "my-maker.yml").write_text(
        "name: My Maker\ncountry: FR\nsources: [https://example.org]\n", encoding="utf-8"
    )
    code, out, _ = run("--registry", str(alone), "--registry-only", "--format", "ftm")
    assert code == 0
    ents = [json.loads(x) for x in out.splitlines()]
    assert [e["id"] for e in ents] == ["defnames-my-maker"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yml").write_text("name: X\ncountry: DE\nparent: nowhere\n", encoding="utf-8")
    code, out, err = run("--registry", str(bad))
    assert code == ExitCode.INVALID_DATA and out == "" and err.count("\n") == 1
    assert "x.yml: parent: unknown entity id 'nowhere'" in err


def test_ftm_follows_the_schema() -> None:
    code, out, _ = run("--format", "ftm")
    assert code == 0
    ents = [json.loads(x) for x in out.splitlines()]
    by_id = {e["id"]: e for e in ents}
    assert len(by_id) == len(ents)  # ids are unique
    for e in ents:
        assert set(e) == {"id", "schema", "properties"}
        schema, props = e["schema"], e["properties"]
        assert set(props) <= FTM_PROPS[schema], (e["id"], set(props) - FTM_PROPS[schema])
        assert FTM_REQUIRED[schema] <= set(props), e["id"]
        assert all(isinstance(v, list) and v and all(isinstance(x, str) for x in v) for v in props.values())
        if schema == "Ownership":
            assert by_id[props["owner"][0]]["schema"] in LEGAL and by_id[props["asset"][0]]["schema"] in ASSETS
        for ref in props.get("parent", []) + props.get("predecessor", []) + props.get("successor", []):
            assert by_id[ref]["schema"] in LEGAL
        if "country" in props:
            assert all(c == c.lower() and len(c) == 2 for c in props["country"])
    mbda = {
        e["properties"]["owner"][0]: e["properties"].get("percentage")
        for e in ents
        if e["schema"] == "Ownership" and e["properties"]["asset"] == ["defnames-mbda"]
    }
    assert mbda == {"defnames-airbus": ["37.5"], "defnames-bae-systems": ["37.5"], "defnames-leonardo": ["25"]}
    assert any(e["schema"] == "LegalEntity" and e["id"].startswith("defnames-holder-") for e in ents)
    kd = by_id["defnames-knds-deutschland"]["properties"]
    assert "Krauss-Maffei Wegmann" in kd["previousName"] and kd["country"] == ["de"]
    assert any(e["schema"] == "Succession" for e in ents)


def test_ftm_parent_since_is_the_start_date(tmp_path: Path) -> None:
    (tmp_path / "acme-sub.yml").write_text(
        "name: Acme Sub Munitions\ncountry: DE\nparent: rheinmetall\nparent_since: 2011\n"
        "owners: [{owner: Some Family Trust, share: 10, as_of: 2020}]\n"
        "identifiers: {lei: LEI123, registration_de: HRB1}\n"
        "sources: [https://example.org]\n",
        encoding="utf-8",
    )
    reg = defnames.Registry.load(tmp_path)
    ents = [e for e in ftm_entities(reg) if "acme-sub" in e["id"] or e["id"].startswith("defnames-holder-some")]
    own = {e["properties"]["owner"][0]: e["properties"] for e in ents if e["schema"] == "Ownership"}
    assert own["defnames-rheinmetall"]["startDate"] == ["2011"] and "percentage" not in own["defnames-rheinmetall"]
    trust = own["defnames-holder-some-family-trust"]
    assert trust["percentage"] == ["10"] and trust["date"] == ["2020"]
    company = next(e for e in ents if e["id"] == "defnames-acme-sub")["properties"]
    assert company["leiCode"] == ["LEI123"] and company["registrationNumber"] == ["HRB1"]
    assert company["parent"] == ["defnames-rheinmetall"]


def test_ftm_with_followthemoney_when_installed() -> None:
    ftm = pytest.importorskip("followthemoney")
    for e in ftm_entities(defnames.registry()):
        proxy = ftm.model.get_proxy(e, cleaned=False)
        assert proxy.schema.name == e["schema"]


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("--format", "xml")
    assert code == ExitCode.USAGE and err.count("\n") == 1 and "invalid choice" in err


def test_ftm_checked_identifiers_fall_back_when_they_fail_their_check() -> None:
    from defnames.pipelines.export import _inn_ok, _ogrn_ok

    assert _inn_ok("7707083893") and _inn_ok("500100732259") and not _inn_ok("7707083894")
    assert not _inn_ok("64449042335")  # 11 digits
    assert _ogrn_ok("1027700132195") and not _ogrn_ok("1027700132196") and not _ogrn_ok("95427882")
    for e in ftm_entities(defnames.registry()):
        assert all(_inn_ok(v) for v in e["properties"].get("innCode", []))
        assert all(_ogrn_ok(v) for v in e["properties"].get("ogrnCode", []))
