"""The uk-ofsi importer (the UK OFSI consolidated list) end to end on a fictional workbook
(tests/importers/fixtures/uk_ofsi/make_uk_ofsi_fixture.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import Layout
from importers.uk_ofsi import records
from importers.uk_ofsi.importer import SPEC, XLSX

from .listkit_support import FIXTURES, listkit_layout


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "uk-ofsi", "uk_ofsi", [XLSX], "2025-04-10")


def _run(layout: Layout) -> pipeline.Outcome:
    return pipeline.run(layout, spec=SPEC)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = pipeline.write(first, layout)
    assert {p.name for p in written} == {"uk-ofsi.yml", "uk-ofsi.review.md", "uk-ofsi.ids.yml"}
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_rows_of_a_group_are_one_listing() -> None:
    data = (FIXTURES / "uk_ofsi" / XLSX).read_bytes()
    assert records.list_date(data) == "2025-04-10"
    recs = {r.uid: r for r in records.read({XLSX: data})}
    zen = recs["2001"]
    assert zen.names == [
        ("primary", "JSC ZENITH DESIGN BUREAU"),
        ("primary", "KBZ"),
        ("aka", "АО КБ ЗЕНИТ"),
        ("aka", "ZENITH KB JSC"),
        ("fka", "ZENITH PLANT OJSC"),
    ]
    assert zen.identifiers == {
        "tax_id_ru": "7700000001",
        "registration_ru": "1027700000001",
        "uk_sanctions_ref": "RUS9001",
    }
    assert zen.programs == ("Russia", "DEFENCE")
    assert recs["2003"].programs == ("Russia",)  # a trader abroad is not tagged
    assert recs["2004"].country == "IR" and recs["2004"].parent_hint == "Defence Industries Organisation (DIO)"
    assert not recs["2000"].is_entity


def test_filter_patches_and_new_entities(layout: Layout) -> None:
    out = _run(layout)
    assert out.counts["kept by rule"] == {"evidence": 1, "name": 1, "registry": 1}
    assert out.counts["dropped by reason"] == {
        "excluded word": 1,
        "no defense evidence": 1,
        "not an entity (individual)": 1,
    }
    layer = load_layer(out.layer)
    acme = next(p for p in layer["patches"] if p["id"] == "acme-rocket-works")
    assert acme["identifiers"] == {"ofsi_group_id": "2004", "uk_sanctions_ref": "INU9004"}
    zen = next(e for e in layer["entities"] if e["identifiers"]["ofsi_group_id"] == "2001")
    assert zen["name"] == "Zenith Design Bureau" and zen["legal_name"] == "JSC Zenith Design Bureau"
    assert zen["aliases"] == ["KBZ", "АО КБ ЗЕНИТ", "ZENITH KB JSC", "Zenith KB"]  # + a plain form
    assert zen["former_names"] == [{"name": "ZENITH PLANT OJSC"}]
    assert zen["identifiers"]["registration_ru"] == "1027700000001"
    assert "| krasny-plant-service | Krasny Plant | krasny-plant |" in out.review
