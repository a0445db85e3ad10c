"""Listed entries merge with a hand entity by their descriptor-concept key, strictly."""

from __future__ import annotations

from importers.matching import _concept_key


def test_two_romanizations_of_one_plant_share_a_key() -> None:
    assert _concept_key("Kazanskii Optiko-Mekhanicheskii Zavod") == _concept_key("Kazan Optical-Mechanical Plant")


def test_keys_too_vague_to_merge_on() -> None:
    assert _concept_key("Kazan Plant") is None  # one concept
    assert _concept_key("Optical Mechanical Plant") is None  # no distinctive word
    assert _concept_key("NII Optical Mechanical Plant 3") is None  # a short word only


def test_different_plants_keep_different_keys() -> None:
    assert _concept_key("Kazan Optical-Mechanical Plant") != _concept_key("Kazan Mechanical Plant")
