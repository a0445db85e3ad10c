"""A town written in another script after a locative is a country hint, by its sound."""

from __future__ import annotations

import defnames
from defnames._lexicon import lexicon
from defnames._text.phrases import place_by_sound


def test_a_cyrillic_town_sounds_like_its_latin_name() -> None:
    assert place_by_sound("Казанлък", lexicon()) == "BG"  # Kazanlak


def test_latin_words_and_short_sounds_are_not_read_by_sound() -> None:
    lex = lexicon()
    assert place_by_sound("Kazanlak", lex) is None  # the place tables read Latin as written
    assert place_by_sound("Уфа", lex) is None  # two consonant classes: too short to trust


def test_the_town_after_a_locative_gives_the_country_hint() -> None:
    m = defnames.resolve("завод Арсенал в Казанлък")
    assert m is not None
    assert "BG" in m.explanation.country_hints
