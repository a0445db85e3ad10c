"""The jp-mof importer (Japan's MOF asset-freeze list) end to end on a fictional workbook
(tests/importers/fixtures/jp_mof/make_jp_mof_fixture.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.jp_mof.importer import SPEC, XLSX
from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import Layout

from .listkit_support import listkit_layout


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "jp-mof", "jp_mof", [XLSX], "2026-03-05")


def _run(layout: Layout) -> pipeline.Outcome:
    return pipeline.run(layout, spec=SPEC)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = pipeline.write(first, layout)
    assert {p.name for p in written} == {"jp-mof.yml", "jp-mof.review.md", "jp-mof.ids.yml"}
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_filter_and_counts(layout: Layout) -> None:
    out = _run(layout)
    assert out.counts["listings"] == 6  # the individuals' sheet is not read
    assert out.counts["kept by rule"] == {"name": 2, "registry": 2}
    assert out.counts["dropped by reason"] == {"excluded word": 1, "no defense evidence": 1}


def test_new_entity_has_every_listed_name(layout: Layout) -> None:
    layer = load_layer(_run(layout).layer)
    zen = next(e for e in layer["entities"] if e["identifiers"]["jp_mof"] == "RU:1")
    assert zen["id"] == "design-bureau-zenith"
    assert zen["name"] == "Design Bureau Zenith" and zen["legal_name"] == "JSC Design Bureau Zenith"
    assert zen["country"] == "RU"
    # every listed name; the keys drop 株式会社 and 公開株式会社 already, so no form-less copy
    # is added of those; a Latin name with a legal form gets its plain form ("KB Zenith")
    assert zen["aliases"] == [
        "株式会社ゼニット設計局",
        "株式会社KBゼニット",
        "公開株式会社ゼニット工場",
        "KB Zenith AO",
        "Zenith Plant",
        "KB Zenith",
    ]
    assert zen["sources"] == [SPEC.list_url]
    assert "listed 2022-03-18" in zen["note"]


def test_patches_add_japanese_names_to_registry_entities(layout: Layout) -> None:
    layer = load_layer(_run(layout).layer)
    patches = {p["id"]: p for p in layer["patches"]}
    assert set(patches) == {"krasny-plant", "acme-rocket-works"}
    assert patches["krasny-plant"]["aliases"] == ["株式会社クラスヌイ工場"]
    assert patches["krasny-plant"]["identifiers"] == {"jp_mof": "RU:2"}
    assert patches["acme-rocket-works"]["aliases"] == ["アクメ・ロケッツ", "エー・アール・ダブリュー", "ARW"]


def test_a_name_of_another_country_is_left_out_and_reported(layout: Layout) -> None:
    out = _run(layout)
    boreas = next(e for e in load_layer(out.layer)["entities"] if e["identifiers"]["jp_mof"] == "RU:5")
    assert "Boreas Defence Systems" not in boreas.get("aliases", [])
    assert "| RU:5 | Boreas Defence Systems | RU | boreas | NO |" in out.review


def test_ids_survive_a_rename_in_a_later_list(layout: Layout, tmp_path: Path) -> None:
    pipeline.write(_run(layout), layout)
    from importers import rawfiles

    raw = tmp_path / "newraw"
    raw.mkdir()
    data = rawfiles.read_bytes(layout.raw / "jp-mof" / f"{XLSX}.gz")
    from tests.importers.fixtures.jp_mof.make_jp_mof_fixture import SHEETS
    from tests.importers.xlsx_writer import workbook

    sheets = {k: [list(r) for r in v] for k, v in SHEETS.items()}
    sheets["28.ロシア連邦(団体(特定銀行を除く))"][2][3] = "JSC Design Bureau Zenit"
    (raw / XLSX).write_bytes(workbook(sheets))
    assert (raw / XLSX).read_bytes() != data
    out = pipeline.run(layout, raw, update_pin=True, spec=SPEC)
    zen = next(e for e in load_layer(out.layer)["entities"] if e["identifiers"]["jp_mof"] == "RU:1")
    assert zen["id"] == "design-bureau-zenith" and zen["name"] == "Design Bureau Zenit"
