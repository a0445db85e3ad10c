from __future__ import annotations

import json
from pathlib import Path

import pytest

import defnames
from defnames import InputError, Registry

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_passages.jsonl"


def _found(reg: Registry, text: str) -> list[tuple[str, str]]:
    out = []
    for m in reg.extract(text):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.match.entity.id))
    return out


def test_lists_with_demonyms_and_parts(mini: Registry) -> None:
    text = "Invited: the Belgian Acme Defence, ULS – the union of the German KMX and the French Vexin."
    assert _found(mini, text) == [
        ("Acme Defence", "acme-defence-belgium"),
        ("ULS", "union-land-systems"),
        ("KMX", "uls-deutschland"),
        ("Vexin", "uls-france"),
    ]


def test_spans_index_the_original_string_whatever_unicode(mini: Registry) -> None:
    text = "«Zbrojovka Český Les» and 𝒳 emoji 🚀 then Acme Defence’s results"
    found = _found(mini, text)
    assert ("Zbrojovka Český Les", "zbrojovka-cesky-les") in found
    assert ("Acme Defence", "acme-defence") in found


def test_case_and_line_breaks(mini: Registry) -> None:
    assert _found(mini, "ACME DEFENCE won; acme defence lost") == [
        ("ACME DEFENCE", "acme-defence"), ("acme defence", "acme-defence")]
    assert _found(mini, "by Acme\nDefence today") == [("Acme\nDefence", "acme-defence")]
    # Windows line ends, indentation and double spaces inside a name
    assert _found(mini, "by Acme\r\n    Defence today") == [("Acme\r\n    Defence", "acme-defence")]
    assert _found(mini, "by Acme  Defence today") == [("Acme  Defence", "acme-defence")]
    # a word hyphenated across a line break, as PDF text comes out
    assert _found(mini, "by Zbrojovka Český Les, made by Acme De-\nfence and others") == [
        ("Zbrojovka Český Les", "zbrojovka-cesky-les"), ("Acme De-\nfence", "acme-defence")]


def test_longest_name_wins(mini: Registry) -> None:
    assert _found(mini, "Acme Defence Belgium said") == [("Acme Defence Belgium", "acme-defence-belgium")]


def test_everyday_words_are_not_companies(mini: Registry) -> None:
    assert _found(mini, "Mercury is the closest planet to the Sun.") == []
    assert _found(mini, "the mercury level rose in the lake") == []
    assert _found(mini, "kd ratio") == []


def test_weak_names_with_support(mini: Registry) -> None:
    text = "The Bulgarian Mercury expanded production of artillery shells."
    assert _found(mini, text) == [("Mercury", "mercury-works")]


def test_non_string_is_an_error(mini: Registry) -> None:
    with pytest.raises(InputError):
        mini.extract(None)  # type: ignore[arg-type]
    assert mini.extract("") == []


REAL_TEXTS = [
    ("Rheinmetall's new plant", [("Rheinmetall", "rheinmetall")]),
    ("an arsenal of weapons and the patria of my fathers", []),
    ("Leonardo da Vinci painted the Mona Lisa.", []),
    ("Thales of Miletus predicted an eclipse.", []),
    ("The Javelin, HIMARS, Patriot, IRIS-T, Caesar and NASAMS systems were sent.", []),
    ("Indra, king of the gods, wields the thunderbolt.", []),
    ("I traded my saab, a volvo and a fiat.", []),
    ("A vintage Saab 900 sold at auction.", []),
    ("Rheinmetall shipped shells to Ukraine. In London, Arsenal fans celebrated a win.",
     [("Rheinmetall", "rheinmetall")]),
    ("Колт сообщил глава Ростеха о поставках ракет.", [("Ростеха", "rostec")]),
    ("Colt CZ Group převzala Sellier & Bellot.",
     [("Colt CZ Group", "colt-cz-group"), ("Sellier & Bellot", "sellier-bellot")]),
    ("Il pittore Leonardo da Vinci e i missili.", []),
    ("Lockheed Martin supplies the PAC-3 MSE interceptors.", [("Lockheed Martin", "lockheed-martin")]),
    ("After the air show the pilots drove home in a Volvo, passing a Patriot battery.", []),
    ("Leonardo won an army helicopter order. Separately, Leonardo shares rose 3%.",
     [("Leonardo", "leonardo"), ("Leonardo", "leonardo")]),
    ("Hanwha Aerospace won an army order, while Hanwha Life and Dassault Systèmes reported results.",
     [("Hanwha Aerospace", "hanwha-aerospace")]),
    ("KONGSBERG, Norway — Kongsberg Defence & Aerospace opened a missile plant in Kongsberg.",
     [("Kongsberg Defence & Aerospace", "kongsberg-defence-aerospace")]),
    ("Oshkosh Defense LLC, Oshkosh, Wisconsin, was awarded a contract.", [("Oshkosh Defense LLC", "oshkosh-defense")]),
    ("The army keeps the Kalashnikov rifle; the guerra elettronica unit trains.", []),
    ("Indra won a radar contract from the army, said Javier Escribano.", [("Indra", "indra")]),
    ("TKMS, spun off by thyssenkrupp in October, builds submarines.",
     [("TKMS", "tkms"), ("thyssenkrupp", "thyssenkrupp")]),
    # PDF text: a hyphenated name broken over a line keeps its hyphen, a broken word is joined
    ("The Royal Navy reactors come from Rolls-\n  Royce, the shells from Rhein-\nmetall.",
     [("Rolls-\n  Royce", "rolls-royce"), ("Rhein-\nmetall", "rheinmetall")]),
]


@pytest.mark.parametrize(("text", "expected"), REAL_TEXTS)
def test_real_registry_cases(real: Registry, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(real, text) == expected


@pytest.mark.skipif(not EVAL.exists(), reason="shared eval set not present")
def test_dev_passages(real: Registry) -> None:
    for line in EVAL.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        got = {(m.start, m.end) for m in defnames.extract(row["text"])}
        gold = {(g["start"], g["end"]) for g in row["mentions"]}
        assert got == gold, row["source"]
