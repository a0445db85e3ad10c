"""Historical companies resolve to themselves, not to a generic word a synonym made of their name."""

from __future__ import annotations

import pytest

import defnames


@pytest.mark.parametrize(
    ("mention", "entity_id"),
    [
        ("Aérospatiale", "aerospatiale-matra"),  # not "aerospace": The Aerospace Corporation
        ("l'Aérospatiale", "aerospatiale-matra"),
        ("The Aerospace Corporation", "aerospace-corporation"),
    ],
)
def test_historical_name(mention: str, entity_id: str) -> None:
    m = defnames.resolve(mention)
    assert m is not None and m.entity.id == entity_id
