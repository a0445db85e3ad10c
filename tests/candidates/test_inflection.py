"""Inflection readings: a word's base forms are kept per word across calls, and each call
filters them by its own vocabulary (the memo never carries one registry's words to another)."""

from __future__ import annotations

from defnames._candidates import inflection
from defnames._candidates.inflection import inflected_readings
from defnames._lexicon import lexicon
from defnames._text.fold import fold
from defnames._text.stems import CASE_ENDINGS, cut_case_suffix, deinflect


def _plain_forms(word: str, lead: str | None, vocabulary: set[str]) -> list[str]:
    """The forms as the matcher defines them, computed without any memo."""
    langs = dict.fromkeys([*([lead] if lead in CASE_ENDINGS else []), *CASE_ENDINGS])
    out = [fold(cut_case_suffix(word))]
    for lang in langs:
        for base in deinflect(word, lang)[1:]:
            f = fold(base)
            if f and f not in out and f in vocabulary:
                out.append(f)
    return out


def test_forms_equal_the_plain_definition() -> None:
    vocab = {"huta", "saab", "patria", "grupa", "system", "казанский", "завод"}
    for word in ["Hucie", "Saabille", "Patrialta", "Grupy", "Systems", "Казанского", "заводу", "FFG:n"]:
        for lead in [None, "pl", "fi", "ru", "xx"]:
            assert inflection._forms(word, lead, vocab) == _plain_forms(word, lead, vocab)


def test_the_memo_keeps_no_vocabulary() -> None:
    assert inflection._forms("Hucie", "pl", {"huta"}) == ["hucie", "huta"]
    assert inflection._forms("Hucie", "pl", set()) == ["hucie"]  # same word, another registry
    assert inflection._forms("Hucie", "pl", {"huta"}) == ["hucie", "huta"]


def test_readings_follow_the_vocabulary() -> None:
    lex = lexicon()
    with_huta = [r.text for r in inflected_readings("Hucie Stalowa Wola", lex, {"huta", "stalowa", "wola"})]
    without = [r.text for r in inflected_readings("Hucie Stalowa Wola", lex, {"stalowa", "wola"})]
    assert with_huta[:1] == ["huta stalowa wola"] and "huta stalowa wola" not in without
