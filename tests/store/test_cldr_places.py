"""CLDR country names: generated from Babel at build time, read as the last source of places."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from defnames._store.lexicon_build import build_lexicon

ROOT = Path(__file__).resolve().parents[2]


def test_cldr_names_are_places_and_hand_tables_win() -> None:
    lex = build_lexicon(ROOT / "reference" / "lexicon")
    assert lex.places[("belgique",)] == "BE"
    assert lex.places[("roumanie",)] == "RO"
    assert lex.places[("ルーマニア",)] == "RO"


def test_a_hand_place_wins_a_clash_with_cldr() -> None:
    from defnames._store.lexicon_build import _Folder, _places

    built = _places({"demonyms": {"US": ["georgia"]}, "cities": {}}, {"GE": ["Georgia", "Sakartvelo"]}, _Folder({}))
    assert built["places"][("georgia",)] == "US"
    assert built["places"][("sakartvelo",)] == "GE"


def test_names_two_countries_share_are_left_out() -> None:
    pytest.importorskip("babel")
    sys.path.insert(0, str(ROOT / "tools"))
    from cldr_countries import collect

    table = collect()
    owners: dict[str, set[str]] = {}
    for code, names in table.items():
        for n in names:
            owners.setdefault(n, set()).add(code)
    assert all(len(v) == 1 for v in owners.values())
    assert "Roumanie" in table["RO"]


def test_generated_table_is_current() -> None:
    pytest.importorskip("babel")
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "cldr_countries.py"), "--check"], capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
