"""The committed layers (reference/imported/ofac-sdn.yml, ofac-cons.yml), merged with the hand registry."""

from __future__ import annotations

from collections import Counter

import pytest

import defnames
from defnames import Entity
from importers import manifest, rawfiles
from importers.countries import iso2
from importers.hand import Hand
from importers.layer import layer_paths, load_layer, merge_layers
from importers.paths import DEFAULT


@pytest.fixture(scope="module")
def hand() -> Hand:
    return Hand.load(DEFAULT.reference)


@pytest.fixture(scope="module")
def layers() -> list[dict]:
    return [load_layer(p.read_text(encoding="utf-8")) for p in layer_paths(DEFAULT.imported)]


@pytest.fixture(scope="module")
def merged(hand: Hand, layers: list[dict]) -> list[dict]:
    entities, problems = merge_layers(hand.dicts(), layers)
    assert problems == []
    return entities


def test_both_ofac_layers_are_there(layers: list[dict]) -> None:
    ids = [ly["source"]["id"] for ly in layers]
    assert ids.index("ofac-sdn") < ids.index("ofac-cons")  # cons is matched on top of sdn
    assert all(ly["entities"] and ly["patches"] for ly in layers if ly["source"]["id"].startswith("ofac-"))


def test_every_merged_entity_validates(merged: list[dict]) -> None:
    for d in merged:
        Entity.model_validate(d)


def test_ids_unique_sources_and_countries(merged: list[dict], layers: list[dict]) -> None:
    counts = Counter(d["id"] for d in merged)
    assert [i for i, n in counts.items() if n > 1] == []
    for e in (e for ly in layers for e in ly["entities"]):
        assert any(s.startswith("https://") for s in e["sources"]), e["id"]
        assert iso2(e["country"]) == e["country"] or len(e["country"]) == 2, e["id"]
        assert Entity.model_validate(e).country == e["country"]
    for ly in layers:
        if ly["source"]["id"].startswith("ofac-"):
            assert all(e["identifiers"]["ofac_uid"].isdigit() for e in ly["entities"])


def test_merged_registry_adds_no_problem(hand: Hand, merged: list[dict]) -> None:
    """The registry-wide checks (name collisions, links) find nothing the hand registry alone
    does not already have."""

    def problems(entities: list[Entity]) -> set[str]:
        try:
            defnames.Registry(entities, hand.registry.shared_names)
        except defnames.ReferenceDataError as exc:
            return set(exc.problems)
        return set()

    before = problems(list(hand.entities))
    after = problems([Entity.model_validate(d) for d in merged])
    assert after - before == set()


def test_patches_target_hand_or_earlier_layer_entities(hand: Hand, layers: list[dict]) -> None:
    ids = {e.id for e in hand.entities}
    for ly in layers:
        assert {p["id"] for p in ly["patches"]} <= ids
        assert not {e["id"] for e in ly["entities"]} & ids
        ids |= {e["id"] for e in ly["entities"]}


@pytest.mark.parametrize("source_id", ["ofac-sdn", "ofac-cons"])
def test_stored_raw_files_match_their_pins(source_id: str) -> None:
    entry = manifest.source(manifest.load(), source_id)
    assert "public domain" in entry["licence"].lower()
    for pin in entry["files"]:
        assert pin["origin"]["repo"] and len(pin["origin"]["commit"]) == 40
        if pin.get("stored"):
            data = rawfiles.read_bytes(DEFAULT.imported / pin["stored"])
            assert rawfiles.sha256(data) == pin["sha256"] and len(data) == pin["bytes"]
