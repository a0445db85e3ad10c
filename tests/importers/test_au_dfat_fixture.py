"""The au-dfat importer (Australia's DFAT consolidated list) end to end on a fictional workbook
(tests/importers/fixtures/au_dfat/make_au_dfat_fixture.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.au_dfat.importer import SPEC, XLSX
from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import Layout

from .listkit_support import listkit_layout


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "au-dfat", "au_dfat", [XLSX], "2024-11-11")


def _run(layout: Layout) -> pipeline.Outcome:
    return pipeline.run(layout, spec=SPEC)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = pipeline.write(first, layout)
    assert {p.name for p in written} == {"au-dfat.yml", "au-dfat.review.md", "au-dfat.ids.yml"}
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_listing_groups_filter_and_shapes(layout: Layout) -> None:
    out = _run(layout)
    assert out.counts["listings"] == 5
    assert out.counts["kept by rule"] == {"evidence": 1, "registry": 1}
    assert out.counts["dropped by reason"] == {
        "excluded word": 1,
        "no defense evidence": 1,
        "not an entity (individual)": 1,
    }
    layer = load_layer(out.layer)
    zen = layer["entities"][0]
    assert zen["name"] == "Zenith Design Bureau" and zen["country"] == "RU"
    assert zen["aliases"] == ["KB Zenith", "Конструкторское бюро Зенит"]
    assert zen["identifiers"] == {"au_dfat_ref": "9002", "registration_ru": "1027700000001", "tax_id_ru": "7700000001"}
    assert zen["website"] == "www.zenith-kb.example.ru"
    krasny = layer["patches"][0]
    assert krasny["id"] == "krasny-plant" and krasny["aliases"] == ["Krasny Zavod OAO"]
