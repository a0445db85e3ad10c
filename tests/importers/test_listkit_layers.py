"""The committed layers of the flat-list sources (jp-mof, jp-export-ban, uk-ofsi, au-dfat),
merged in manifest order on top of the hand registry and the layers before them."""

from __future__ import annotations

from collections import Counter

import pytest

import defnames
from defnames import Entity
from importers import manifest, rawfiles
from importers.hand import Hand
from importers.layer import layer_paths, load_layer, merge_layers
from importers.listkit.sources import sources
from importers.paths import DEFAULT

LISTKIT = sorted(sources())


@pytest.fixture(scope="module")
def hand() -> Hand:
    return Hand.load(DEFAULT.reference)


@pytest.fixture(scope="module")
def layers() -> dict[str, dict]:
    return {p.stem: load_layer(p.read_text(encoding="utf-8")) for p in layer_paths(DEFAULT.imported)}


@pytest.fixture(scope="module")
def merged(hand: Hand, layers: dict[str, dict]) -> list[dict]:
    entities, problems = merge_layers(hand.dicts(), list(layers.values()))
    assert problems == []
    return entities


def test_every_listkit_source_has_a_layer(layers: dict[str, dict]) -> None:
    assert set(LISTKIT) <= set(layers)


def test_merged_entities_validate_with_unique_ids(merged: list[dict]) -> None:
    counts = Counter(d["id"] for d in merged)
    assert [i for i, n in counts.items() if n > 1] == []
    for d in merged:
        Entity.model_validate(d)


@pytest.mark.parametrize("source_id", LISTKIT)
def test_new_entities_are_sourced_and_carry_the_list_uid(source_id: str, layers: dict[str, dict]) -> None:
    spec = sources()[source_id][1]
    for e in layers[source_id]["entities"]:
        assert e["sources"] and all(s.startswith("https://") for s in e["sources"]), e["id"]
        assert e["identifiers"][spec.uid_key], e["id"]
        assert len(e["country"]) == 2, e["id"]


def test_all_layers_add_no_registry_problem(hand: Hand, merged: list[dict]) -> None:
    def problems(entities: list[Entity]) -> set[str]:
        try:
            defnames.Registry(entities, hand.registry.shared_names)
        except defnames.ReferenceDataError as exc:
            return set(exc.problems)
        return set()

    before = problems(list(hand.entities))
    after = problems([Entity.model_validate(d) for d in merged])
    assert after - before == set()


@pytest.mark.parametrize("source_id", LISTKIT)
def test_stored_raw_files_match_their_pins(source_id: str) -> None:
    entry = manifest.source(manifest.load(), source_id)
    assert entry["licence"]
    for pin in entry["files"]:
        assert pin["origin"]["repo"] and len(pin["origin"]["commit"]) == 40
        data = rawfiles.read_bytes(DEFAULT.imported / pin["stored"])
        assert rawfiles.sha256(data) == pin["sha256"] and len(data) == pin["bytes"]
