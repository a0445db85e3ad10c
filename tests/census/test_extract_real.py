"""Census: extraction on the packaged registry (ids of real entities), each text a rule's
real-world case. Rule tables on the fictional registry live in tests/extract/."""

from __future__ import annotations

import pytest

from defnames import Registry


def _found(reg: Registry, text: str) -> list[tuple[str, str]]:
    out = []
    for m in reg.extract(text):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.match.entity.id))
    return out


REAL_TEXTS = [
    ("Rheinmetall's new plant", [("Rheinmetall", "rheinmetall")]),
    ("an arsenal of weapons and the patria of my fathers", []),
    ("Leonardo da Vinci painted the Mona Lisa.", []),
    ("Thales of Miletus predicted an eclipse.", []),
    ("The Javelin, HIMARS, Patriot, IRIS-T, Caesar and NASAMS systems were sent.", []),
    ("Indra, king of the gods, wields the thunderbolt.", []),
    ("I traded my saab, a volvo and a fiat.", []),
    ("A vintage Saab 900 sold at auction.", []),
    (
        "Rheinmetall shipped shells to Ukraine. In London, Arsenal fans celebrated a win.",
        [("Rheinmetall", "rheinmetall")],
    ),
    ("Колт сообщил глава Ростеха о поставках ракет.", [("Ростеха", "rostec")]),
    (
        "Colt CZ Group převzala Sellier & Bellot.",
        [("Colt CZ Group", "colt-cz-group"), ("Sellier & Bellot", "sellier-bellot")],
    ),
    ("Il pittore Leonardo da Vinci e i missili.", []),
    pytest.param(
        "Lockheed Martin supplies the PAC-3 MSE interceptors.",
        [("Lockheed Martin", "lockheed-martin")],
        marks=pytest.mark.xfail(
            strict=True,
            reason="the imported sanctions entity Minotor Service Enterprise (acronym MSE) is read in 'PAC-3 MSE'",
        ),
    ),
    ("After the air show the pilots drove home in a Volvo, passing a Patriot battery.", []),
    (
        "Leonardo won an army helicopter order. Separately, Leonardo shares rose 3%.",
        [("Leonardo", "leonardo"), ("Leonardo", "leonardo")],
    ),
    (
        "Hanwha Aerospace won an army order, while Hanwha Life and Dassault Systèmes reported results.",
        [("Hanwha Aerospace", "hanwha-aerospace")],
    ),
    (
        "KONGSBERG, Norway — Kongsberg Defence & Aerospace opened a missile plant in Kongsberg.",
        [("Kongsberg Defence & Aerospace", "kongsberg-defence-aerospace")],
    ),
    ("Oshkosh Defense LLC, Oshkosh, Wisconsin, was awarded a contract.", [("Oshkosh Defense LLC", "oshkosh-defense")]),
    ("The army keeps the Kalashnikov rifle; the guerra elettronica unit trains.", []),
    ("Indra won a radar contract from the army, said Javier Escribano.", [("Indra", "indra")]),
    (
        "TKMS, spun off by thyssenkrupp in October, builds submarines.",
        [("TKMS", "tkms"), ("thyssenkrupp", "thyssenkrupp")],
    ),
    # PDF text: a hyphenated name broken over a line keeps its hyphen, a broken word is joined
    (
        "The Royal Navy reactors come from Rolls-\n  Royce, the shells from Rhein-\nmetall.",
        [("Rolls-\n  Royce", "rolls-royce"), ("Rhein-\nmetall", "rheinmetall")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_TEXTS)
def test_real_registry_cases(real: Registry, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(real, text) == expected
