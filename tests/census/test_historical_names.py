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
        # acquired companies that used to resolve to an unrelated namesake
        ("B/E Aerospace", "b-e-aerospace"),  # not The Aerospace Corporation
        ("Integral Systems", "integral-systems"),  # not Integral of Minsk
        ("Condor Systems", "condor-systems"),  # not Condor Non-Lethal Technologies
        ("SFIM", "sfim"),  # not an acronym of Saab FFVO India
        ("Fairchild Space and Defense", "fairchild-space-and-defense"),  # not a match on "and"
        ("Canadian Marconi Company", "cmc-electronics"),  # not GEC's Marconi Company
    ],
)
def test_historical_name(mention: str, entity_id: str) -> None:
    m = defnames.resolve(mention)
    assert m is not None and m.entity.id == entity_id


@pytest.mark.parametrize(
    ("mention", "entity_id", "successor"),
    [
        ("Sanders Associates", "sanders-associates", "lockheed-martin"),
        ("Canadair", "canadair", "bombardier"),
        ("Detica", "detica", "bae-systems-digital-intelligence"),
        ("Racal", "thales-uk", None),  # a rename of the same company, not a merger
    ],
)
def test_absorbed_company_names_its_successor(mention: str, entity_id: str, successor: str | None) -> None:
    m = defnames.resolve(mention)
    assert m is not None and m.entity.id == entity_id
    assert m.successor == successor
