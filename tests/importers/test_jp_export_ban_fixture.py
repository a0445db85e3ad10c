"""The jp-export-ban importer (Japan's export-ban lists) end to end on fictional text in the
shape ``pypdf`` takes out of METI's PDFs (tests/importers/fixtures/jp_export_ban/)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from importers import manifest, rawfiles
from importers.jp_export_ban import records
from importers.jp_export_ban.importer import SPEC
from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import DEFAULT, Layout

from .listkit_support import listkit_layout

FILES = ["list_russia_tokutei.txt", "list_daisangoku_tokutei.txt"]
TEXT_SPEC = dataclasses.replace(SPEC, files=tuple(FILES), read=records.read_text)


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "jp-export-ban", "jp_export_ban", FILES, "2025-09-12")


def _run(layout: Layout) -> pipeline.Outcome:
    return pipeline.run(layout, spec=TEXT_SPEC)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = pipeline.write(first, layout)
    assert {p.name for p in written} == {"jp-export-ban.yml", "jp-export-ban.review.md", "jp-export-ban.ids.yml"}
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_entries_are_split_into_names_and_countries() -> None:
    text = (Path(__file__).parent / "fixtures" / "jp_export_ban" / FILES[0]).read_text(encoding="utf-8")
    recs = {r.uid: r for r in records.parse(text, "RU", "RU")}
    assert list(recs) == ["RU:1", "RU:2", "RU:3", "RU:4", "RU:5", "RU:6"]  # '249 Test St.' is an address line
    assert recs["RU:3"].names == [
        ("primary", "Krasny Plant PJSC"),
        ("primary", "公共株式会社クラスヌイ工場"),
        ("aka", "Krasny Zavod"),
        ("aka", "PJSC KZ"),
        ("aka", "クラスヌイ・ザヴォド"),
        ("aka", "公共株式会社 KZ"),
    ]
    assert recs["RU:5"].names[:2] == [("primary", "Boreas Design Bureau"), ("primary", "ボレアス設計局")]
    assert recs["RU:5"].parent_hint == "Tactical Missiles Corporation"
    assert ("aka", "Tactical Missile Corporation, Boreas Design Bureau") in recs["RU:5"].names
    assert recs["RU:6"].names[2:] == [("aka", "OOO Vneshtest"), ("aka", "株式会社ヴネシュテスト")]
    other = records.read_text(
        {FILES[1]: (Path(__file__).parent / "fixtures" / "jp_export_ban" / FILES[1]).read_bytes()}
    )
    assert [(r.uid, r.country) for r in other] == [("OTHER:1", "IR"), ("OTHER:2", "HK")]


def test_filter_patches_and_new_entities(layout: Layout) -> None:
    out = _run(layout)
    assert out.counts["kept by rule"] == {"evidence": 1, "name": 2, "registry": 2}  # evidence: the missile group
    assert out.counts["dropped by reason"] == {"excluded word": 1, "no defense evidence": 2}
    layer = load_layer(out.layer)
    patches = {p["id"]: p for p in layer["patches"]}
    assert patches["krasny-plant"]["aliases"] == [
        "公共株式会社クラスヌイ工場",
        "Krasny Zavod",
        "PJSC KZ",
        "クラスヌイ・ザヴォド",
    ]  # "公共株式会社 KZ" has the key of PJSC KZ, and the keys drop 公共株式会社 (no form-less copy needed)
    assert patches["krasny-plant"]["identifiers"] == {"jp_export_ban": "RU:3"}
    assert patches["acme-rocket-works"]["identifiers"] == {"jp_export_ban": "OTHER:1"}
    new = {e["id"]: e for e in layer["entities"]}
    assert set(new) == {"boreas-design-bureau", "design-bureau-zenith", "vneshtest-rockets"}
    assert new["design-bureau-zenith"]["aliases"] == ["株式会社ゼニット設計局"]


def test_parent_candidates_from_group_prefixes(layout: Layout, tmp_path: Path) -> None:
    (layout.reference / "entities" / "tactical-missiles-corporation.yml").write_text(
        "id: tactical-missiles-corporation\nname: Tactical Missiles Corporation\nkind: holding\ncountry: RU\n"
        "status: active\nsources:\n  - https://example.org/ktrv\n",
        encoding="utf-8",
    )
    out = _run(layout)
    assert "| boreas-design-bureau | Tactical Missiles Corporation | tactical-missiles-corporation |" in out.review


def test_the_pinned_pdfs_read_as_the_layer_says() -> None:
    pytest.importorskip("pypdf")
    entry = manifest.source(manifest.load(), "jp-export-ban")
    files = {p["name"]: rawfiles.read_bytes(DEFAULT.imported / p["stored"]) for p in entry["files"]}
    recs = records.read(files)
    assert len(recs) == 644 and recs[0].names[0] == ("primary", "Admiralty Shipyard JSC")
