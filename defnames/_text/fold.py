"""Folding: the same for registry names and for mentions, so that equal names get equal words.

Unicode compatibility forms are unified (NFKC); accents are removed from Latin, Greek and
Cyrillic letters (in Indic, Hebrew and Arabic script the combining marks are vowels and stay);
letters such as đ ł ø ß æ œ ı are spelled out; case is folded; dotted abbreviations lose their
dots (``S.p.A.`` → ``spa``); a possessive ``'s``, French and Italian elision and Turkish and
Finnish apostrophe endings are dropped; ``&`` and ``+`` read as ``and``; every other
punctuation mark or dash separates words; Korean and Japanese particles glued to a name go.

>>> fold("  KNDS – the union of the German KMW ")
'knds the union of the german kmw'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from defnames._text.scripts import MARKS

__all__ = ["cased_words", "fold"]

_SPECIAL = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "İ": "I",
        "ħ": "h",
        "Ħ": "H",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "&": " and ",
        "+": " and ",
        "＆": " and ",
    }
)
_ACRONYM_DOTS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?![^\W\d_])")
_POSSESSIVE = re.compile(r"(?<=\w)'[sS]?(?!\w)")
# Turkish and Finnish case endings after an apostrophe: "ASELSAN'ın", "Patria'n", "Saab'ın"
_APOSTROPHE_SUFFIX = re.compile(r"(?<=[^\W\d_]{3})'(?:[^\W\d_]{1,3}|[yn][^\W\d_]{1,3})(?![\w'])")
# French and Italian elision before a name: "d'Airbus", "l'Aérospatiale", "dell'Esercito"
_ELISION = re.compile(r"(?<![\w'])(?:[dlDL]|dell|dall|nell|sull|all|qu)'(?=[^\W\d_])")
# letters and digits, plus the combining vowel signs of Indic, Thai, Hebrew and Arabic script
_WORD = re.compile(rf"(?:[^\W_]|[{MARKS}])+")


def _strip_marks(text: str) -> str:
    """Remove accents from Latin, Greek and Cyrillic letters only: in Devanagari, Hebrew or
    Arabic the combining marks are vowels, and dropping them would merge different words."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    base_is_european = False
    for c in decomposed:
        if unicodedata.combining(c):
            if base_is_european:
                continue
        else:
            base_is_european = c < "\u0530"  # Latin, Greek, Cyrillic and their supplements
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=65536)
def cased_words(text: str) -> tuple[str, ...]:
    """The words of :func:`fold` before case folding ('KNDS', 'the', 'German', ...).

    >>> cased_words("Rheinmetall’s S.p.A.")
    ('Rheinmetall', 'SpA')
    """
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL)
    text = _ACRONYM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _ELISION.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE_SUFFIX.sub("", text)
    return tuple(_WORD.findall(_strip_marks(text)))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a string to lower-case words separated by single spaces.

    >>> fold("  KNDS – the union of the German KMW ")
    'knds the union of the german kmw'
    >>> fold("S.p.A.")
    'spa'
    """
    words = (w for word in cased_words(text) for w in _WORD.findall(_strip_marks(word.casefold())))
    return " ".join(_drop_particle(w) for w in words)


_HANGUL = re.compile("[\uac00-\ud7af]")
_KO_PARTICLES = ("에서", "으로", "에게", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "에", "로")
_JA_PARTICLES = ("は", "が", "を", "に", "で", "と", "も", "の")
_LATIN_THEN_HANGUL = re.compile("^([a-z0-9]+)[\uac00-\ud7af]{1,2}$")


def _drop_particle(word: str) -> str:
    """Korean and Japanese case particles glued to a name: '한화오션이' -> '한화오션', 'KAI는' -> 'kai',
    '三菱重工は' -> '三菱重工'. At least two characters of the name stay."""
    if word.isascii() or len(word) < 3:
        return word
    m = _LATIN_THEN_HANGUL.match(word)
    if m:
        return m.group(1)
    if _HANGUL.search(word[-1]):
        for p in _KO_PARTICLES:
            if word.endswith(p) and len(word) - len(p) >= 2:
                return word[: -len(p)]
    elif word[-1] in _JA_PARTICLES and not _HANGUL.search(word):
        return word[:-1]
    return word
