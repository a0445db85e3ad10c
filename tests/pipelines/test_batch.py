"""resolve_many: input order, one resolution per distinct name, bad inputs, threads."""

from __future__ import annotations

import importlib
import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import defnames
from defnames import InputError, Match, Registry
from defnames.pipelines.batch import resolve_many

registry_module = importlib.import_module("defnames._resolver")  # the module, not the function

NAMES = [
    "LOCKHEED MARTIN CORP",
    "BAE SYSTEMS PLC",
    "Raytheon Technologies",
    "Finmeccanica",
    "Belgian Thales",
    "Thales",
    "Rheinmettal",
    "Northrup Grumman",
    "Lockheed-Martin",
    "Hanwha Aero space",
    "Duro Dakovic",
    "Укроборонпром",
    "the German KMW",
    "Prague Czechoslovak group",
    "Saab AB (publ)",
    "Nammo AS",
    "Leonardo da Vinci",
    "Arsenal F.C.",
    "Saab Automobile",
    "Acme Widgets Ltd",
    "General Dynamics Corp.",
    "Electric Boat",
    "MBDA",
    "Leonardo DRS",
    "KNDS – KMW and Nexter",
]


def key(m: Match | None) -> tuple[str, float, str] | None:
    return None if m is None else (m.entity.id, m.score, m.method)


def fresh(reg: Registry) -> Registry:
    """A registry with the same data and an empty cache and index."""
    return Registry(reg.entities, reg.shared_names, version=reg.version, lex=reg.lexicon, check=False)


def test_input_order_matches_resolve(real: Registry) -> None:
    names = NAMES + list(reversed(NAMES))
    got = resolve_many(real, names)
    assert len(got) == len(names)
    assert [key(m) for m in got] == [key(real.resolve(n)) for n in names]
    assert got[0] is not None and got[0].entity.id == "lockheed-martin"
    assert got[-1] is not None and got[-1].entity.id == "lockheed-martin"


def test_top_level_function_uses_packaged_registry() -> None:
    got = defnames.resolve_many(["Nammo AS", "Leonardo da Vinci", "Nammo AS"])
    assert [key(m)[0] if m else None for m in got] == ["nammo", None, "nammo"]


@pytest.mark.parametrize("bad", [None, 0, 42, 3.5, float("nan"), "", "   ", "\n\t", b"Nammo", ["Nammo"], object()])
def test_bad_inputs_come_out_as_none_in_place(real: Registry, bad: object) -> None:
    got = resolve_many(real, ["Nammo AS", bad, "BAE Systems"])
    assert len(got) == 3
    assert got[1] is None
    assert key(got[0])[0] == "nammo" and key(got[2])[0] == "bae-systems"  # type: ignore[index]


def test_empty_input() -> None:
    assert resolve_many(defnames.registry(), []) == []
    assert resolve_many(defnames.registry(), iter(())) == []


def test_accepts_a_generator(real: Registry) -> None:
    got = resolve_many(real, (n for n in ["Nammo AS", "MBDA"]))
    assert [m.entity.id for m in got if m] == ["nammo", "mbda"]


class CountingRegistry:
    """Stands in for a Registry and counts the resolutions actually done."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.calls: list[tuple[str, str | None]] = []

    def resolve(self, mention: str, *, context: str | None = None, country: str | None = None) -> Match | None:
        self.calls.append((mention, country))
        return self.reg.resolve(mention, context=context, country=country)


def test_each_distinct_name_is_resolved_once(real: Registry) -> None:
    counting = CountingRegistry(real)
    names = ["Nammo AS", "MBDA", "Nammo AS", "", None, "MBDA", "Nammo AS"] * 1000
    got = resolve_many(counting, names)  # type: ignore[arg-type]
    assert sorted(counting.calls) == [("MBDA", None), ("Nammo AS", None)]
    assert sum(m is not None for m in got) == 5000
    assert got[0] is got[2]  # the very same Match object fanned out


def test_countries_per_mention(real: Registry) -> None:
    got = resolve_many(real, ["Thales", "Thales", "Thales", "Thales"], countries=["BE", None, "", 7])  # type: ignore[list-item]
    assert [m.entity.id if m else None for m in got] == ["thales-belgium", "thales", "thales", "thales"]


def test_unknown_country_code_falls_back_to_no_hint(real: Registry) -> None:
    got = resolve_many(real, ["Nammo AS"], countries=["XX"])
    assert got[0] is not None and got[0].entity.id == "nammo"


def test_countries_length_must_match(real: Registry) -> None:
    with pytest.raises(InputError, match="countries has 1 items for 2 mentions"):
        resolve_many(real, ["Nammo", "MBDA"], countries=["NO"])


def test_context_applies_to_all(real: Registry) -> None:
    football = "Arsenal beat Chelsea 2-0 at the Emirates"
    assert resolve_many(real, ["Arsenal", "Arsenal"], context=football) == [None, None]


def test_eight_threads_agree_with_serial(real: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    serial_reg = fresh(real)
    names = NAMES * 3
    expected = {n: key(serial_reg.resolve(n)) for n in NAMES}
    # a tiny cache forces evictions while the threads race; a fresh registry builds its index under load
    monkeypatch.setattr(registry_module, "_CACHE_SIZE", 7)
    shared = fresh(real)

    def work(seed: int) -> list[tuple[str, Any]]:
        order = names[:]
        random.Random(seed).shuffle(order)
        if seed % 2:
            return list(zip(order, map(key, resolve_many(shared, order))))
        return [(n, key(shared.resolve(n))) for n in order]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(16)))
    for res in results:
        assert len(res) == len(names)
        for name, got in res:
            assert got == expected[name], name
