"""The us-bis-el importer (US Entity List and Military End-User List) end to end on fictional
lists (tests/importers/fixtures/us_bis/*.json; every name is made up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.layer import load_layer
from importers.listkit import pipeline
from importers.paths import Layout
from importers.us_bis.importer import BIS, EL_JSON, MEU_JSON
from importers.us_bis.records import read_list

from .listkit_support import listkit_layout


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return listkit_layout(tmp_path, "us-bis-el", "us_bis", [EL_JSON, MEU_JSON], "2026-07-09")


def _run(layout: Layout) -> pipeline.Outcome:
    return pipeline.run(layout, spec=BIS)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = pipeline.write(first, layout)
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert pipeline.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_filter_keeps_and_drops_by_its_rules(layout: Layout) -> None:
    out = _run(layout)
    assert out.counts["kept by rule"] == {"evidence": 1, "name": 2, "program": 1, "registry": 1}
    assert out.counts["dropped by reason"] == {
        "excluded word": 1,  # the trader, although under the military end-user rule
        "no defense evidence": 1,  # 'aviation' outside the destinations the weak terms count in
        "not an entity (individual (no organization word))": 1,
    }
    layer = load_layer(out.layer)
    names = {e["name"] for e in layer["entities"]}
    assert names == {
        "Zenith Instrument Works",
        "Lotus Research Institute of Optics",
        "Vega Radio Plant",
        "Lotus Aero Engine Institute",
    }
    assert [p["id"] for p in layer["patches"]] == ["krasny-plant"]
    assert layer["patches"][0]["aliases"] == ["Krasny Zavod"]


def test_names_sections_and_parent_hints(layout: Layout) -> None:
    files = {n: (Path(__file__).parent / "fixtures" / "us_bis" / n).read_bytes() for n in (EL_JSON, MEU_JSON)}
    el = {r.uid: r for r in read_list(files[EL_JSON], "EL", None)}
    zenith = el["RU:zenith-instrument-works-jsc"]
    assert zenith.all_names() == ["Zenith Instrument Works, JSC", "Zenit Pribor", "ZIW"]
    assert zenith.programs == ("EL", "EL:RU", "EL-734.9(g)", "EL-744.21", "EL-746.8")
    vega = el["RU:vega-radio-plant"]
    assert vega.parent_hint == "Concern Radio-Electronic Technologies"
    assert vega.all_names()[-1].startswith("Concern Radio-Electronic Technologies,")
    (meu,) = read_list(files[MEU_JSON], "MEU", None)
    assert meu.programs == ("MEU",) and meu.parent_hint == "Lotus Aero Group"


def test_repeated_rows_of_one_party_become_one_record() -> None:
    rows = b"""{"entities": [
      {"name": "Northwind Military Industry Co. (NMI)", "country": "Venezuela",
       "notes": "Authority: Missile Sanctions laws; imposed 1/1/2020"},
      {"name": "Northwind Military Industries (NMI)", "country": "Venezuela",
       "notes": "Authority: Iran, North Korea, and Syria Nonproliferation Act Sanctions (INKSNA); imposed"},
      {"name": "NMI Trading", "country": "Chile", "notes": "Authority: Executive Order 13382; imposed"}]}"""
    records = read_list(rows, "ISN", None)  # merge_repeats runs for the ISN list
    assert [r.country for r in records] == ["VE", "CL"]
    assert records[0].programs == ("ISN", "ISN:VE", "ISN-INKSNA", "ISN-MISSILE")
    assert "Northwind Military Industries" in records[0].all_names()
