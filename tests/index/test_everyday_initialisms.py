"""A derived initialism that is an everyday word is not a name ("the" of "Triavre Helicopters Engineering")."""

from __future__ import annotations

from pathlib import Path

from defnames import Registry


def _registry(tmp_path: Path) -> Registry:
    (tmp_path / "triavre-helicopters-engineering.yml").write_text(
        "id: triavre-helicopters-engineering\nname: Triavre Helicopters Engineering\nkind: company\n"
        "country: FR\nsources: [https://example.org/triavre]\n",
        encoding="utf-8",
    )
    (tmp_path / "korvant-marine-works.yml").write_text(
        "id: korvant-marine-works\nname: Korvant Marine Works\nkind: company\ncountry: NO\n"
        "sources: [https://example.org/korvant]\n",
        encoding="utf-8",
    )
    return Registry.load(tmp_path, include_default=False)


def test_an_everyday_initialism_is_not_derived(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    assert reg.resolve("THE") is None
    assert reg.extract("The army bought helicopters. The navy did not.") == []


def test_other_initialisms_still_are(tmp_path: Path) -> None:
    m = _registry(tmp_path).resolve("KMW")
    assert m is not None and m.entity.id == "korvant-marine-works"
