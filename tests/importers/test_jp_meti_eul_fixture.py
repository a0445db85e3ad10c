"""The jp-meti-eul importer (METI's End User List) end to end on a fictional workbook
(tests/importers/fixtures/jp_meti_eul/make_jp_meti_eul_fixture.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.jp_meti_eul.importer import SPEC, XLSX
from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import Layout

from .listkit_support import listkit_layout


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "jp-meti-eul", "jp_meti_eul", [XLSX], "2025-09-29")


def _run(layout: Layout) -> pipeline.Outcome:
    return pipeline.run(layout, spec=SPEC)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = pipeline.write(first, layout)
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_filter_names_and_uids(layout: Layout) -> None:
    out = _run(layout)
    assert out.counts["kept by rule"] == {"evidence": 1, "registry": 1}
    assert out.counts["dropped by reason"] == {"excluded word": 1, "no defense evidence": 1}  # trader, lab
    layer = load_layer(out.layer)
    zen = layer["entities"][0]
    assert zen["identifiers"] == {"jp_meti_eul": "RU:zenith-design-bureau"}
    assert zen["name"] == "Zenith Design Bureau"
    assert zen["aliases"] == ["ZDB", "ゼニット設計局", "KB Zenith", "Zenit OKB"]
    assert layer["patches"][0]["id"] == "krasny-plant" and layer["patches"][0]["aliases"] == ["Krasny Zavod"]
