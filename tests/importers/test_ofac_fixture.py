"""The OFAC importer end to end on a few fictional rows in the real CSV format."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import manifest, yamlio
from importers.layer import load_layer
from importers.ofac import importer
from importers.paths import Layout


def _run(layout: Layout) -> importer.Outcome:
    return importer.run(layout)


def test_same_pinned_input_gives_byte_identical_output(layout: Layout) -> None:
    first = _run(layout)
    written = importer.write(first, layout)
    assert {p.name for p in written} == {"ofac-sdn.yml", "ofac-sdn.review.md", "ofac-sdn.ids.yml"}
    before = {p: p.read_bytes() for p in written}
    second = _run(layout)
    assert (second.layer, second.review, second.ids) == (first.layer, first.review, first.ids)
    assert importer.write(second, layout) == []
    assert {p: p.read_bytes() for p in before} == before


def test_ids_are_kept_across_runs_even_when_the_list_renames(layout: Layout) -> None:
    importer.write(_run(layout), layout)
    ids = yamlio.load(layout.ids("ofac-sdn"))
    assert ids["1001"] == "design-bureau-zenith"
    sdn = layout.raw / "ofac-sdn" / "sdn.csv"
    sdn.write_bytes(sdn.read_bytes().replace(b'DESIGN BUREAU ZENITH"', b'DESIGN BUREAU ZENIT"'))
    out = importer.run(layout, update_pin=True)
    layer = load_layer(out.layer)
    zen = next(e for e in layer["entities"] if e["identifiers"]["ofac_uid"] == "1001")
    assert zen["id"] == "design-bureau-zenith" and zen["name"] == "Design Bureau Zenit"


def test_a_changed_raw_file_is_refused_unless_the_pin_moves(layout: Layout) -> None:
    alt = layout.raw / "ofac-sdn" / "alt.csv"
    alt.write_bytes(alt.read_bytes().replace(b"ACME ROCKETS", b"ACME ROCKETRY"))
    with pytest.raises(manifest.PinError, match="sha256"):
        _run(layout)
    importer.run(layout, update_pin=True)
    pin = manifest.file_pin(manifest.source(manifest.load(layout), "ofac-sdn"), "alt.csv")
    assert pin["sha256"] == manifest.rawfiles.sha256(alt.read_bytes())
    _run(layout)  # the new pin is accepted


def test_a_missing_raw_file_says_how_to_get_it(layout: Layout, tmp_path: Path) -> None:
    for p in (layout.raw / "ofac-sdn").glob("add.csv*"):
        p.unlink()
    with pytest.raises(manifest.PinError, match="fetch it again"):
        _run(layout)


def test_filter_keeps_defense_entities_only(layout: Layout) -> None:
    out = _run(layout)
    layer = load_layer(out.layer)
    new = {e["identifiers"]["ofac_uid"]: e for e in layer["entities"]}
    patched = {p["id"]: p for p in layer["patches"]}
    assert set(new) == {"1001", "1002", "1009", "1010"}
    assert set(patched) == {"acme-rocket-works", "krasny-plant"}
    by_rule = out.counts["kept by rule"]
    assert by_rule == {"linked": 1, "name": 2, "organization_type": 1, "registry": 2}
    dropped = out.counts["dropped by reason"]
    assert dropped["not an entity (individual)"] == 1 and dropped["not an entity (vessel)"] == 1
    assert dropped["excluded word"] == 2  # the bank and the winery


def test_new_entity_shape(layout: Layout) -> None:
    layer = load_layer(_run(layout).layer)
    zen = next(e for e in layer["entities"] if e["id"] == "design-bureau-zenith")
    assert zen["name"] == "Design Bureau Zenith"
    assert zen["legal_name"] == "Joint Stock Company Design Bureau Zenith"
    assert zen["country"] == "RU" and zen["kind"] == "company"
    assert zen["aliases"] == ["JSC KB ZENITH", "KB Zenith"]  # the listed name, and its plain form
    assert zen["former_names"] == [{"name": "OPEN JOINT STOCK COMPANY ZENITH PLANT"}]
    assert zen["identifiers"] == {"ofac_uid": "1001", "registration_ru": "1027700000001", "tax_id_ru": "7700000001"}
    assert zen["sources"][0] == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=1001"
    assert "parent" not in next(e for e in layer["entities"] if e["identifiers"]["ofac_uid"] == "1002")


def test_patches_for_entries_already_in_the_registry(layout: Layout) -> None:
    layer = load_layer(_run(layout).layer)
    acme = next(p for p in layer["patches"] if p["id"] == "acme-rocket-works")
    assert acme["aliases"] == ["ARW"]  # ACME ROCKETS is the registry's "Acme Rockets Co" without its legal form
    assert acme["identifiers"] == {"ofac_uid": "1006", "lei": "5493000000000000ACME"}
    krasny = next(p for p in layer["patches"] if p["id"] == "krasny-plant")
    assert krasny["aliases"] == ["KRASNY ZAVOD"]  # 'OAO KRASNY PLANT' is the registry's name already


def test_review_reports_country_disagreements_and_parent_candidates(layout: Layout) -> None:
    out = _run(layout)
    review = out.review
    assert "| 1010 | BOREAS DEFENCE SYSTEMS LTD | GB | boreas | NO |" in review
    assert "| limited-liability-company-zenith-service" not in review
    assert "| zenith-service | JOINT STOCK COMPANY DESIGN BUREAU ZENITH | design-bureau-zenith |" in review
    layer = load_layer(out.layer)
    boreas = next(e for e in layer["entities"] if e["identifiers"]["ofac_uid"] == "1010")
    assert boreas["name"] == "BOREAS" or boreas["name"] == "Boreas"
    assert "BOREAS DEFENCE SYSTEMS LTD" not in boreas.get("aliases", [])
    assert boreas["id"] == "boreas-gb"


def test_reviewed_merge_decision_turns_a_listing_into_a_patch(layout: Layout) -> None:
    (layout.imported / "ofac-sdn.decisions.yml").write_text("merge:\n  '1009': krasny-plant\n", encoding="utf-8")
    layer = load_layer(_run(layout).layer)
    assert "1009" not in {e["identifiers"]["ofac_uid"] for e in layer["entities"]}
    krasny = next(p for p in layer["patches"] if p["id"] == "krasny-plant")
    assert "OOO NORD TRADING" in krasny["aliases"]
    assert krasny["identifiers"]["ofac_uid"] == "1007" and krasny["identifiers"]["ofac_uid_2"] == "1009"


def test_consolidated_list_is_matched_on_top_of_the_sdn_layer(layout: Layout) -> None:
    """A company on both lists is imported once: the second layer patches the first."""
    import shutil

    importer.write(_run(layout), layout)
    cons = layout.raw / "ofac-cons"
    cons.mkdir(parents=True)
    for a, b in zip(importer.SDN.files, importer.CONS.files):
        shutil.copy(layout.raw / "ofac-sdn" / a, cons / b)
    pins = manifest.load(layout)
    pins["sources"]["ofac-cons"] = {"title": "cons (test)", "list_date": "2025-12-19", "files": []}
    manifest.read_inputs(pins, "ofac-cons", list(importer.CONS.files), update_pin=True, layout=layout)
    manifest.save(pins, layout)
    out = importer.run(layout, spec=importer.CONS)
    layer = load_layer(out.layer)
    assert layer["entities"] == []
    sdn_ids = {e["id"] for e in load_layer(layout.layer("ofac-sdn").read_text(encoding="utf-8"))["entities"]}
    assert sdn_ids <= {p["id"] for p in layer["patches"]}
    assert all(p.get("sources", [""])[-1].endswith("cons_prim.csv") for p in layer["patches"])
