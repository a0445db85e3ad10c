"""Census of the real registry: every record valid, the bundle in sync, coverage targets held."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from defnames import Registry
from defnames.models import EntityStatus

ROOT = Path(__file__).resolve().parents[2]


def test_bundle_is_valid_and_up_to_date() -> None:
    if not (ROOT / "reference").is_dir():
        pytest.skip("no source tree")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "compile_reference.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_every_entity_has_country_kind_and_source(real: Registry) -> None:
    for e in real.entities:
        assert e.country and e.kind
        assert any(s.startswith(("http://", "https://")) for s in e.sources), e.id


def test_references_resolve(real: Registry) -> None:
    for e in real.entities:
        if e.parent:
            assert e.parent in real, e.id
        if e.status is EntityStatus.merged:
            assert e.successor in real, e.id
            assert real.get(real.successor_of(e.id)).status is EntityStatus.active, e.id


def test_coverage_targets(real: Registry) -> None:
    assert len(real) >= 800
    names = sum(len({n for n in e.all_names()}) for e in real.entities)
    assert names >= 4000  # issue 4: 800 entities, 4,000 names and aliases, 60 countries
    countries = Counter(e.country for e in real.entities)
    assert len(countries) >= 60


def test_no_product_names_as_aliases(real: Registry) -> None:
    products = {"javelin", "himars", "patriot", "iris-t", "caesar", "nasams", "gripen", "leopard 2", "bayraktar tb2"}
    for e in real.entities:
        assert not {n.casefold() for n in e.all_names()} & products, e.id


@pytest.mark.parametrize(
    ("entity", "parent"),
    [
        ("knds-deutschland", "knds"),
        ("knds-france", "knds"),
        ("thales-belgium", "thales"),
        ("leonardo-drs", "leonardo"),
        ("collins-aerospace", "rtx"),
        ("general-dynamics-land-systems", "general-dynamics"),
        ("electric-boat", "general-dynamics"),
        ("excalibur-army", "czechoslovak-group"),
        ("milrem-robotics", "edge-group"),
        ("airbus-defence-and-space", "airbus"),
    ],
)
def test_key_parents(real: Registry, entity: str, parent: str) -> None:
    assert parent in {e.id for e in real.parent_chain(entity)}


def test_joint_venture_owners(real: Registry) -> None:
    assert {(o.owner, o.share) for o in real.get("mbda").owners} == {
        ("airbus", 37.5),
        ("bae-systems", 37.5),
        ("leonardo", 25.0),
    }
    assert {o.owner for o in real.get("nammo").owners} >= {"patria"}
    assert real.get("duro-dakovic-grupa").parent != "czechoslovak-group"


def test_not_defense_names_hide_no_registry_name(real: Registry) -> None:
    """reference/lexicon/not_defense.yml lists non-defense lookalikes; none may be a registry name."""
    clash = [k for k in real.index.blocked if k in real.index.by_key]
    assert clash == []
    assert real.resolve("Hanwha Life") is None and real.resolve("Hanwha Aerospace") is not None
