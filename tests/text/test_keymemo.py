"""The key memo gives exactly the keys of name_key, full_key and translit_key, once per name."""

from __future__ import annotations

import pytest

from defnames import Registry
from defnames._text.keymemo import KeyMemo
from defnames._text.keys import full_key, name_key, translit_key

TRICKY = [
    "The Boeing Company",
    "The",
    "BAE Systems, Inc.",
    "Saab AB (publ)",
    "三菱重工業株式会社",
    "Naučno-proizvodstvennoe obedinenie Splav",
    "Концерн «Калашников»",
    "BAE SYSTEMS PLC ORD 2.5P",
    "AO",
    "한화에어로스페이스",
    "",
    "  ",
]


@pytest.mark.parametrize("name", TRICKY)
def test_same_keys_as_the_functions(name: str, real: Registry) -> None:
    memo = KeyMemo(real.lexicon)
    assert memo.key(name) == name_key(name, real.lexicon)
    assert memo.full(name) == full_key(name, real.lexicon)
    k = memo.key(name)
    assert memo.translit(k) == translit_key(k, real.lexicon)


def test_every_packaged_name(real: Registry) -> None:
    memo = KeyMemo(real.lexicon)
    names = [n for e in real.store for n in e.all_names()]
    assert [memo.key(n) for n in names] == [name_key(n, real.lexicon) for n in names]
    assert [memo.full(n) for n in names] == [full_key(n, real.lexicon) for n in names]


def test_a_child_reads_its_base_and_writes_only_itself(real: Registry) -> None:
    base = KeyMemo(real.lexicon)
    base.fill(["Rheinmetall AG"])
    child = base.child()
    assert child.key("Rheinmetall AG") == "rheinmetall"
    assert child.size == 0  # read from the base
    assert child.key("Hensoldt AG") == "hensoldt"
    assert (base.size, child.size) == (1, 1)  # the new name went into the child only
    grandchild = child.child()
    assert grandchild.key("Rheinmetall AG") == "rheinmetall" and grandchild.size == 0
    assert grandchild.translit("укроборонпром") == "ukroboronprom"
    assert child.translit("укроборонпром") == "ukroboronprom"


def test_forget_keeps_the_base(real: Registry) -> None:
    base = KeyMemo(real.lexicon)
    base.fill(["Rheinmetall AG"])
    child = base.child()
    child.fill(["Hensoldt AG"])
    child.forget()
    assert (base.size, child.size, child.based, base.based) == (1, 0, True, False)
    assert child.key("Hensoldt AG") == "hensoldt"


ASCII_TRICKY = [
    "S.p.A. Holding",
    "AT&T Government Solutions",
    "Smith+Nephew",
    "O'Neil's Ordnance",
    "d'Airbus Defence",
    "ASELSAN'in",
    "U.S. Army Contracting Command",
    "A.B.C.D. Systems",
    "tab\tseparated\x1cname",
    "Nauchno Proizvodstvennoe Obedinenie Splav",
    "Zavod imeni akademika V.P. Makeeva",
    "Rheinmetall's",
    "  spaced   out  ",
    "-- --",
    "L3Harris Technologies, Inc.",
]


@pytest.mark.parametrize("name", ASCII_TRICKY)
def test_word_by_word_folding_of_ascii_names(name: str, real: Registry) -> None:
    memo = KeyMemo(real.lexicon)
    assert memo.key(name) == name_key(name, real.lexicon)
    assert memo.full(name) == full_key(name, real.lexicon)


def test_synthetic_names(real: Registry) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from synthetic import make_entities

    names = [n for r in make_entities(800) for n in [r["name"], r.get("legal_name", ""), *r.get("aliases", [])]]
    memo = KeyMemo(real.lexicon)
    assert [memo.key(n) for n in names] == [name_key(n, real.lexicon) for n in names]
    assert [memo.full(n) for n in names] == [full_key(n, real.lexicon) for n in names]
