"""fold and cased_words: the same folding for registry names and mentions."""

from __future__ import annotations

import pytest

from defnames._text.fold import cased_words, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("한화오션이", "한화오션"),  # Korean particles glued to a name
        ("한화에어로스페이스는", "한화에어로스페이스"),
        ("한화에어로스페이스가", "한화에어로스페이스"),
        ("현대로템에서", "현대로템"),
        ("KAI는", "kai"),  # a Latin acronym with a Hangul particle
        ("KAI측", "kai"),  # ... or one or two Hangul letters that are no particle ("KAI's side")
        ("LIG넥스원", "lig넥스원"),  # ... but not a Latin name run on into Hangul of three letters
        ("三菱重工は", "三菱重工"),  # Japanese particles
        ("三菱重工業", "三菱重工業"),
        ("이가", "이가"),  # at least two characters of the name stay
        ("대한민국", "대한민국"),
        ("d'Airbus", "airbus"),  # French and Italian elision
        ("dell'Esercito", "esercito"),
        ("l'Aérospatiale", "aerospatiale"),
        ("ASELSAN'ın", "aselsan"),  # Turkish and Finnish apostrophe endings
        ("Patria'n", "patria"),
        ("Rheinmetall's", "rheinmetall"),  # a possessive
        ("S.p.A.", "spa"),  # dotted abbreviations lose their dots
        ("U.S. Army", "us army"),
        ("Sellier & Bellot", "sellier and bellot"),
        ("Đuro Đaković", "duro dakovic"),
        ("Český", "cesky"),
        ("भारत इलेक्ट्रॉनिक्स", "भारत इलेक्ट्रॉनिक्स"),  # Devanagari vowel signs stay
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_cased_words_keep_the_case() -> None:
    assert cased_words("Rheinmetall’s S.p.A.") == ("Rheinmetall", "SpA")
    assert cased_words("KNDS – the German KMW") == ("KNDS", "the", "German", "KMW")
