"""Overlay files of many entities: JSON lines and CSV (one entity per line / row)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from defnames import ReferenceDataError, Registry
from defnames._store.sources import csv_record

RECORDS = [
    {
        "id": "korvant-marine",
        "name": "Korvant Marine",
        "country": "NO",
        "legal_name": "Korvant Marine AS",
        "aliases": ["Корвант Марин", "Korvant Norge Marine"],
        "sources": ["https://example.org/korvant"],
    },
    {
        "id": "korvant-marine-pl",
        "name": "Korvant Marine Polska",
        "country": "PL",
        "kind": "subsidiary",
        "parent": "korvant-marine",
        "former_names": [{"name": "Stocznia Heliar", "until": 2019}],
    },
    {
        "id": "heliaris-optronics",
        "name": "Heliaris Optronics",
        "country": "FR",
        "owners": [{"owner": "korvant-marine", "share": 40.0}],
        "identifiers": {"wikidata": "Q1"},
    },
]


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "overlay.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_jsonl_overlay_loads_and_resolves(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [json.dumps(r, ensure_ascii=False) for r in RECORDS[:2]] + ["", json.dumps(RECORDS[2])])
    reg = Registry.load(p, include_default=False)
    assert len(reg) == 3
    assert reg.get("korvant-marine-pl").parent == "korvant-marine"
    m = reg.resolve("Korvant Marine AS")
    assert m is not None and m.entity.id == "korvant-marine"


def test_jsonl_problems_name_file_and_line(tmp_path: Path) -> None:
    bad = dict(RECORDS[0], country="XX")
    p = _jsonl(tmp_path, [json.dumps(RECORDS[2]), json.dumps(bad)])
    with pytest.raises(ReferenceDataError) as exc:
        Registry.load(p, include_default=False)
    assert f"{p}:2: country" in str(exc.value)
    p = _jsonl(tmp_path, [json.dumps(RECORDS[2]), "", "{not json"])
    with pytest.raises(ReferenceDataError) as exc:
        Registry.load(p, include_default=False)
    assert f"{p}:3" in str(exc.value) and "invalid JSON" in str(exc.value)


def test_a_record_of_a_many_entity_file_needs_its_id(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [json.dumps({k: v for k, v in RECORDS[2].items() if k != "id"})])
    with pytest.raises(ReferenceDataError) as exc:
        Registry.load(p, include_default=False)
    assert f"{p}:1: id" in str(exc.value)


def test_csv_overlay_cells(tmp_path: Path) -> None:
    p = tmp_path / "overlay.csv"
    p.write_text(
        "id,name,country,kind,parent,aliases,former_names,owners,identifiers.wikidata,sources,until\n"
        "korvant-marine,Korvant Marine,no,,,Корвант Марин|Korvant Norge Marine,,,Q1,https://example.org/k,\n"
        "korvant-marine-pl,Korvant Marine Polska,PL,subsidiary,korvant-marine,,Stocznia Heliar=2019|KMP,,,,\n"
        'heliaris-optronics,"Heliaris Optronics",FR,,,"[""Heliaris""]",'
        '"[{""name"": ""Heliar Optik"", ""until"": 2001}]",korvant-marine=40|Government of France=20,,,\n',
        encoding="utf-8",
    )
    reg = Registry.load(p, include_default=False)
    k = reg.get("korvant-marine")
    assert k.country == "NO" and k.aliases == ("Корвант Марин", "Korvant Norge Marine")
    assert k.identifiers == {"wikidata": "Q1"} and k.sources == ("https://example.org/k",)
    pl = reg.get("korvant-marine-pl")
    assert [(f.name, f.until) for f in pl.former_names] == [("Stocznia Heliar", 2019), ("KMP", None)]
    h = reg.get("heliaris-optronics")
    assert h.aliases == ("Heliaris",) and h.former_names[0].until == 2001
    assert [(o.owner, o.share) for o in h.owners] == [("korvant-marine", 40.0), ("Government of France", 20.0)]


def test_csv_problems_name_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "overlay.csv"
    p.write_text(
        'id,name,country,note\nkorvant-marine,Korvant Marine,NO,"two\nlines"\nheliaris,Heliaris,ZZ,\n', encoding="utf-8"
    )
    with pytest.raises(ReferenceDataError) as exc:
        Registry.load(p, include_default=False)
    assert f"{p}:4: country" in str(exc.value)  # the record after a two-line cell starts on line 4
    p.write_text("id,name,country,colour\nheliaris,Heliaris,FR,blue\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as exc:
        Registry.load(p, include_default=False)
    assert f"{p}:2: colour" in str(exc.value)


def test_csv_record_rejects_broken_json_cells() -> None:
    with pytest.raises(ValueError, match="aliases: invalid JSON"):
        csv_record({"id": "x", "aliases": "[oops"})
    assert csv_record({"id": "x", "name": " X ", "city": ""}) == {"id": "x", "name": "X"}


def test_overlay_on_the_packaged_registry(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [json.dumps(dict(RECORDS[2], owners=[{"owner": "knds", "share": 40}]))])
    reg = Registry.load(p)
    assert "knds" in reg and "heliaris-optronics" in reg
    assert reg.version.endswith("+local")


def test_csv_from_a_spreadsheet_with_a_byte_order_mark(tmp_path: Path) -> None:
    p = tmp_path / "overlay.csv"
    p.write_bytes("id,name,country\r\nheliaris-optronics,Heliaris Optronics,FR\r\n".encode("utf-8-sig"))
    assert Registry.load(p, include_default=False).get("heliaris-optronics").country == "FR"
