"""The fuzzy pass: misspelled, inflected and run-together names."""

from __future__ import annotations

import pytest

from defnames import _weights as W
from defnames._candidates.fuzzy import fuzzy_candidates, word_similarity
from defnames._candidates.mention import analyse
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("zbrojeniowej", "zbrojeniowa", W.WORD_ENDING, W.WORD_ENDING),  # a known case ending
        ("grupy", "grupa", W.WORD_ENDING, W.WORD_ENDING),
        ("севмаше", "севмаш", W.WORD_ENDING, 100.0),
        ("huty", "huta", W.SHORT_WORD_ENDING, W.SHORT_WORD_ENDING),  # a short word with another ending
        ("hanwah", "hanwha", 83.0, 84.0),  # two letters swapped
        ("kestrel", "kestrel", 100.0, 100.0),
        ("mills", "dynamics", 0.0, 50.0),
        ("zbrojeniowxyz", "zbrojeniowa", 0.0, 85.0),  # an unknown ending
        ("hutx", "huta", 0.0, 80.0),
    ],
)
def test_word_similarity(lex: Lexicon, a: str, b: str, low: float, high: float) -> None:
    assert low <= word_similarity(a, b, lex.case_endings) <= high


def test_a_letter_swap_is_close() -> None:
    # the Indel ratio already scores a swap as Damerau-Levenshtein does (1 - 1/n): see tools/MUTATION.md
    assert word_similarity("hanwah", "hanwha") > 80.0


def _fuzzy(index: NameIndex, lex: Lexicon, mention: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for c in fuzzy_candidates(index, analyse(mention, lex)):
        out[c.entity_id] = max(out.get(c.entity_id, 0.0), c.score)
    return out


@pytest.mark.parametrize(
    ("mention", "entity"),
    [
        ("Kestrel Dinamics", "kestrel-dynamics"),
        ("Kestrel Dynamcis", "kestrel-dynamics"),
        ("Zbrojovky Českého Lesa", "zbrojovka-cesky-les"),  # case endings, word by word
        ("Nordhavnu Munitionsa", "nordhavn-munitions"),
        ("Acme Defence Belgiu", "acme-defence-belgium"),
        ("zorbo Kestrel Dinamics", "kestrel-dynamics"),  # its last words, an unknown word before
        ("Swedish Torvann Industries", "torvan"),  # a demonym dropped first
    ],
)
def test_fuzzy_finds(index: NameIndex, lex: Lexicon, mention: str, entity: str) -> None:
    assert _fuzzy(index, lex, mention).get(entity, 0.0) >= W.FUZZY_WORDS_OK


@pytest.mark.parametrize(
    ("mention", "entity"),
    [
        ("Kestrel Mills", "kestrel-dynamics"),  # every distinctive word needs a counterpart
        ("Aerospace Industrie", "aerospace-industries"),  # generic words alone are never confident
        ("Acme Defense", "acme-defence-belgium"),  # the place word of the name is missing
        ("Anatoly Kestrel Dinamics", "kestrel-dynamics"),  # a capitalised word before: another name
    ],
)
def test_fuzzy_declines(index: NameIndex, lex: Lexicon, mention: str, entity: str) -> None:
    assert _fuzzy(index, lex, mention).get(entity, 0.0) < W.THRESHOLD


def test_short_strings_are_never_fuzzy(index: NameIndex, lex: Lexicon) -> None:
    assert fuzzy_candidates(index, analyse("KDX", lex)) == []
    assert fuzzy_candidates(index, analyse("ULZ", lex)) == []


def test_a_former_name_loses_ties(index: NameIndex, lex: Lexicon) -> None:
    (c,) = [c for c in fuzzy_candidates(index, analyse("Acme Ordnanse", lex)) if c.entity_id == "acme-defence"]
    assert c.entry.until == 2015 and c.score < 100.0


def test_a_place_word_of_the_name_that_the_mention_lacks_costs(index: NameIndex, lex: Lexicon) -> None:
    (c,) = [
        c for c in fuzzy_candidates(index, analyse("Acme Defence Belg", lex)) if c.entity_id == "acme-defence-belgium"
    ]
    assert ("place words the mention lacks", W.FUZZY_PLACE_WORD) in c.parts
    assert (
        c.score
        == min(dict(c.parts)["weakest distinctive word"], dict(c.parts)["string similarity"]) + W.FUZZY_PLACE_WORD
    )
