"""analyse: a mention cut into words, with what their writing says."""

from __future__ import annotations

import pytest

from defnames._candidates.mention import analyse
from defnames._lexicon import Lexicon


@pytest.mark.parametrize(
    ("mention", "toks", "legal"),
    [
        ("BAE SYSTEMS, INC.", ["bae", "systems"], ["inc"]),
        ("भारत इलेक्ट्रॉनिक्स को", ["भारत", "इलेक्ट्रॉनिक्स"], []),  # a Hindi postposition after the name
        ("बीईएल ने", ["बीईएल"], []),
        ("बीईएल के द्वारा", ["बीईएल"], []),  # two of them
        ("को", ["को"], []),  # never down to nothing
        ("Kestrel ne", ["kestrel", "ne"], []),  # a postposition only after Devanagari
        ("Torvan AB", ["torvan"], ["ab"]),
    ],
)
def test_analyse(lex: Lexicon, mention: str, toks: list[str], legal: list[str]) -> None:
    a = analyse(mention, lex)
    assert (a.toks, a.legal) == (toks, legal)


def test_what_the_writing_says(lex: Lexicon) -> None:
    a = analyse("Palmer Luckey's Anduril", lex)
    assert a.possessors == {"luckey"} and a.caps == (True, True, True) and not a.all_caps
    assert analyse("LOCKHEED MARTIN CORP", lex).all_caps
    assert analyse("the kd Torvan", lex).caps == (False, False, True)
    assert analyse("한화오션", lex).all_caps is False  # no capitals in the script
