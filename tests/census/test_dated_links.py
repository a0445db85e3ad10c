"""The "dated parent/owner links" line of tools/coverage_report.py: which links count as dated."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import defnames

ROOT = Path(__file__).resolve().parents[2]


def _report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coverage_report", ROOT / "tools" / "coverage_report.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entity(**fields: object) -> defnames.Entity:
    base: dict[str, object] = {"id": "acme-sub", "name": "Acme Sub", "country": "DE"}
    return defnames.Entity.model_validate(base | fields)


def test_homepages_are_told_from_pages() -> None:
    report = _report()
    assert report._is_homepage("https://www.gd.com")
    assert report._is_homepage("https://www.gd.com/")
    assert not report._is_homepage("https://www.gd.com/about-gd/our-history")
    assert not report._is_homepage("https://example.org/?p=1032")


def test_a_link_is_dated_only_with_its_year_and_a_real_source() -> None:
    report = _report()
    page = "https://example.org/news/acme-buys-sub"
    owners = [{"owner": "acme", "share": 60, "as_of": 2019}, {"owner": "Someone Else", "share": 40}]
    cases = [
        (_entity(parent="acme", parent_since=2011, sources=[page]), (1, 1)),
        (_entity(parent="acme", parent_since=2011, sources=["https://acme.example"]), (0, 1)),
        (_entity(parent="acme", sources=[page]), (0, 1)),
        (_entity(parent="acme", parent_since=2011, owners=owners, sources=[page]), (2, 3)),
        (_entity(sources=[page]), (0, 0)),
    ]
    for entity, expected in cases:
        assert report._dated_links([entity]) == expected


def test_the_registry_share_is_reported() -> None:
    page = _report().render()
    assert "| Dated parent/owner links (year given and a source beyond a homepage) | " in page
