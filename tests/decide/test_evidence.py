"""Evidence in a context: defense words, countries, other companies."""

from __future__ import annotations

import pytest

from defnames import Registry
from defnames._decide.evidence import Evidence
from defnames._lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "support"),
    [
        ("Leonardo delivered the first AW149 helicopters to the Polish Armed Forces", 3),
        ("the army ordered trucks", 2),  # "trucks" too
        ("armoured vehicles for the army", 2),  # "armoured": a defense stem
        ("Leonardo finally won the Oscar for best actor", 0),
        ("KAI는 KF-21 보라매의 양산 1호기를 공개했다", 1),  # a designation, no spaces to read words by
        ("한화에어로스페이스는 방산 수출을 늘렸다", 1),  # a defense word inside an unspaced script
        ("הצבא קנה", 1),  # a defense word with a clitic glued to it ("the army")
        ("ולצבא", 1),
        ("the company is awarded $94,000,000 for work", 1),  # the wording of a contract award
        ("the F-35 and the Su-57", 2),
        ("the A-1 road to Madrid", 1),
        ("the recipe needs 2 eggs", 0),
        ("", 0),
    ],
)
def test_defense_support(lex: Lexicon, text: str, support: int) -> None:
    assert Evidence(lex).defense_support(text) == support


def test_ignored_words_do_not_count(lex: Lexicon) -> None:
    ev = Evidence(lex)
    assert ev.defense_support("the army ordered trucks", ignore=frozenset({"army"})) == 1


def test_country_hints(lex: Lexicon) -> None:
    ev = Evidence(lex)
    assert ev.country_hints("the Prague plant of a Belgian firm") == {"BE", "CZ"}
    assert ev.country_hints("nothing here") == frozenset()


def test_companies_named_in(mini: Registry) -> None:
    ev = mini.evidence
    assert ev.companies_named_in("Torvan and Kestrel Dynamics merged") == {"torvan", "kestrel-dynamics"}
    assert ev.companies_named_in("the patrona of the torvan") == frozenset()  # lower case, or weak
    assert Evidence(mini.lexicon).companies_named_in("Torvan") == frozenset()  # no finder given


def test_memos_are_bounded_and_shared(lex: Lexicon) -> None:
    ev = Evidence(lex)
    assert ev.context_tokens("The Army") is ev.context_tokens("The Army")
    for n in range(5000):
        ev.defense_support(f"text {n}")
    assert len(ev._support) <= 4096
