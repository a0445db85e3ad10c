"""The cn-countermeasures importer end to end on two fictional announcements
(tests/importers/fixtures/cn_counter/*.md; every name is made up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.cn_counter import importer
from importers.cn_counter.records import read
from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import Layout

from .listkit_support import listkit_layout

FIXTURE = Path(__file__).parent / "fixtures" / "cn_counter"
FILES = sorted(p.name for p in FIXTURE.glob("*.md"))
SPEC = pipeline.Spec(**{**importer.SPEC.__dict__, "files": tuple(FILES)})


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "cn-countermeasures", "cn_counter", FILES, "2026-01-02")


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = pipeline.run(layout, spec=SPEC)
    written = pipeline.write(first, layout)
    before = {p: p.read_bytes() for p in written}
    second = pipeline.run(layout, spec=SPEC)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_pairs_people_countries_and_sections() -> None:
    records = {r.uid: r for r in read({n: (FIXTURE / n).read_bytes() for n in FILES})}
    assert sorted(records) == [
        "US:bluelake-software-inc",
        "US:krasny-plant",
        "US:northwind-defense-inc",
        "US:redstar-shipbuilding-llc",
    ]
    northwind = records["US:northwind-defense-inc"]  # named in both announcements: one record
    assert northwind.all_names() == ["Northwind Defense, Inc", "北风防务公司"]
    assert northwind.programs == ("CN-COUNTERMEASURE", "CN-EXPORT-CONTROL", "CN-MILITARY")
    assert records["US:bluelake-software-inc"].programs == ("CN-COUNTERMEASURE",)  # no military reason given


def test_filter_keeps_by_the_military_reason(layout: Layout) -> None:
    out = pipeline.run(layout, spec=SPEC)
    # Northwind and Redstar by the announcement's military reason (arms sales); the software
    # firm of a decision that gives none is dropped; 'Krasny Plant' is a registry name of another
    # country (RU): not merged, and that name is left out (the entity keeps its Chinese name).
    assert out.counts["kept by rule"] == {"evidence": 3}
    assert out.counts["dropped by reason"] == {"no defense evidence": 1}
    layer = load_layer(out.layer)
    assert [(e["name"], e.get("aliases")) for e in layer["entities"]] == [
        ("克拉斯尼工厂", None),
        ("Northwind Defense", ["北风防务公司"]),
        ("Redstar Shipbuilding", ["红星造船公司"]),
    ]
