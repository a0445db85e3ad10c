"""merge_layers: patches, new entities, and the problems it reports."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import importers
from importers.layer import layer_text, load_layer, merge_layers

HAND = [
    {
        "id": "acme",
        "name": "Acme",
        "country": "GB",
        "aliases": ["Acme Ltd"],
        "identifiers": {"lei": "L1"},
        "sources": ["https://example.org/acme"],
    },
    {"id": "beta", "name": "Beta", "country": "FR", "sources": ["https://example.org/beta"]},
]


def test_patch_appends_without_duplicates_and_keeps_hand_values() -> None:
    layer = {
        "source": {"id": "t"},
        "patches": [
            {
                "id": "acme",
                "aliases": ["ACME LTD", "Acme Arms", "Acme Arms"],
                "identifiers": {"lei": "L2", "ofac_uid": "7"},
                "sources": ["https://example.org/acme", "https://l/7"],
            },
        ],
    }
    merged, problems = merge_layers(HAND, [layer])
    acme = merged[0]
    assert acme["aliases"] == ["Acme Ltd", "Acme Arms"]
    assert acme["identifiers"] == {"lei": "L1", "ofac_uid": "7"}
    assert acme["sources"] == ["https://example.org/acme", "https://l/7"]
    assert problems == ["t: patches[acme]: identifiers.lei: registry has 'L1', the list 'L2' (registry kept)"]


def test_inputs_are_not_modified() -> None:
    layer = {"source": {"id": "t"}, "patches": [{"id": "beta", "aliases": ["B"]}]}
    merge_layers(HAND, [layer])
    assert "aliases" not in HAND[1]


def test_unknown_patch_and_taken_id_are_problems() -> None:
    layers = [
        {
            "source": {"id": "a"},
            "patches": [{"id": "nope", "aliases": ["X"]}],
            "entities": [{"id": "gamma", "name": "Gamma", "country": "DE", "sources": ["https://g"]}],
        },
        {
            "source": {"id": "b"},
            "entities": [
                {"id": "gamma", "name": "Gamma 2", "country": "DE"},
                {"id": "acme", "name": "Acme 2", "country": "GB"},
            ],
            "patches": [{"id": "gamma", "aliases": ["Gamma GmbH"]}],
        },
    ]
    merged, problems = merge_layers(HAND, layers)
    assert [e["id"] for e in merged] == ["acme", "beta", "gamma"]
    assert merged[2]["aliases"] == ["Gamma GmbH"]  # a later layer may patch an earlier layer's entity
    assert problems == [
        "a: patches: unknown entity id 'nope'",
        "b: entities: id 'gamma' is missing or already used",
        "b: entities: id 'acme' is missing or already used",
    ]


def test_layer_text_round_trips_sorted() -> None:
    text = layer_text(
        {"id": "t", "list_date": "2024-05-03"},
        [{"id": "z", "name": "Z", "country": "NO"}, {"id": "a", "name": "A", "country": "NO"}],
        [{"id": "m", "aliases": ["M"]}],
    )
    data = load_layer(text)
    assert [e["id"] for e in data["entities"]] == ["a", "z"]
    assert data["entities"][0]["country"] == "NO"  # not the YAML 1.1 boolean
    assert data["source"]["list_date"] == "2024-05-03"
    assert layer_text(data["source"], data["entities"], data["patches"]) == text


def test_load_layer_rejects_other_shapes() -> None:
    with pytest.raises(ValueError):
        load_layer("- just a list")


@pytest.mark.parametrize("name", sorted(m.name for m in pkgutil.walk_packages(importers.__path__, "importers.")))
def test_doctests(name: str) -> None:
    if name.endswith("__main__"):
        return
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_layer_paths_lists_only_layers() -> None:
    from importers.layer import layer_paths
    from importers.paths import DEFAULT

    names = [p.name for p in layer_paths(DEFAULT.imported)]
    assert names[:2] == ["ofac-sdn.yml", "ofac-cons.yml"]
    assert all(n.endswith(".yml") and not n.endswith((".ids.yml", ".decisions.yml")) for n in names)
    assert "MANIFEST.yml" not in names


def test_compile_style_wiring() -> None:
    """The call the compile step makes (docs/importers.md): hand records as read from
    reference/entities (id from the file stem when absent), then merged."""
    from importers import yamlio
    from importers.layer import layer_paths
    from importers.paths import DEFAULT

    files = sorted((DEFAULT.reference / "entities").glob("*.yml"))
    raw = [(str(p), yamlio.load(p)) for p in files]
    hand = [d if "id" in d else {"id": Path(w).stem, **d} for w, d in raw]
    layers = [load_layer(p.read_text(encoding="utf-8")) for p in layer_paths(DEFAULT.imported)]
    merged, problems = merge_layers(hand, layers)
    assert problems == []
    assert len(merged) == len(hand) + sum(len(ly["entities"]) for ly in layers)
