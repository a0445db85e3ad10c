"""Offsets and windows in free text."""

from __future__ import annotations

from defnames._extract.fold import search_fold
from defnames._extract.spans import hints_before, sentence_bounds, squeeze
from defnames._lexicon import Lexicon


def test_search_fold_keeps_the_length() -> None:
    for text in ["Đuro-Đaković, d.d.", "İstanbul", "«Zbrojovka Český Les»", "KNDS–Nexter", "Sellier & Bellot"]:
        assert len(search_fold(text)) == len(text)
    assert search_fold("Đuro Đaković's, KNDS–Nexter") == "duro dakovic s  knds nexter"


def test_squeeze_joins_broken_words_and_spaces() -> None:
    text = "Acme  Defence, Rhein-\nmetall and Rolls-\n  Royce"
    squeezed, to_orig = squeeze(search_fold(text), text)
    assert "acme defence" in squeezed and "rheinmetall" in squeezed and "rolls royce" in squeezed
    i = squeezed.index("rheinmetall")
    assert text[to_orig(i)] == "R" and text[to_orig(i + 5)] == "m"
    assert squeeze("plain text", "plain text")[0] == "plain text"


def test_hints_before(lex: Lexicon) -> None:
    def hints(text: str) -> frozenset[str]:
        folded = search_fold(text + " Torvan")
        return hints_before(folded, len(text) + 1, lex)

    assert hints("the French-Italian") == {"FR", "IT"}
    assert hints("the Swedish aircraft maker") == {"SE"}
    assert hints("Germany's") == {"DE"}
    assert hints("the new") == frozenset()
    assert hints("Swedish people like the") == frozenset()  # a word between


def test_sentence_bounds() -> None:
    text = "First one. The army chose Patrona today. Last one."
    s = text.index("Patrona")
    a, b = sentence_bounds(text, s, s + 7)
    assert text[a:b] == "The army chose Patrona today."
