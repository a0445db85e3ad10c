"""Concept keys: a name as its descriptor concepts plus its other words, romanized and place-stemmed.

The concept tokens come from :mod:`defnames._text.concepts`; the romanized endings cut here (Slavic
place adjectives, genitives after "named after") are ``place_adjective_endings`` and
``genitive_endings`` in ``reference/lexicon/concept_affixes.yml``, read from the compiled lexicon on
first use.

>>> concept_key("Kazan Helicopter Plant")
'_helicopter_ _plant_ kazan'
>>> keys = {concept_key(s) for s in ["Kazan Helicopter Plant", "Казанский вертолётный завод",
...                                 "Kazanskiy Vertoletnyy Zavod", "カザンヘリコプター工場"]}
>>> keys
{'_helicopter_ _plant_ kazan'}
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from defnames._lexicon import lexicon
from defnames._text.cleanup import clean_text
from defnames._text.concepts import ConceptTable, concept_tokens
from defnames._text.skeleton import char_script, romanize, skeleton

__all__ = ["NAMED_AFTER", "concept_key", "place_stem"]

_CACHE_SIZE = 65536
_WORD_SPLIT = re.compile(r"[\s\u3000\u30fb\u00b7,;:!?()\[\]{}«»“”„\"/|]+")  # ・ and · separate words


def _endings(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<=[a-z]{2})(?:" + "|".join(words) + r")$")


@cache
def _place_suffix() -> re.Pattern[str]:
    """Russian/Ukrainian/Belarusian/Polish/Czech place adjectives, romanized: Kazanskiy -> Kazan,
    Uralskiy -> Ural, Gdańska -> Gdańsk -> Gdan (both sides meet on the cut form)."""
    return _endings(lexicon().place_adjective_endings)


@cache
def _genitive() -> re.Pattern[str]:
    """Russian/Ukrainian genitive of a surname or first name, romanized: Degtyareva -> Degtyarev,
    Gorbunova -> Gorbunov, Gor'kogo -> Gorkiy (cut to gork), Milya -> Mil."""
    return _endings(lexicon().genitive_endings)


@lru_cache(maxsize=_CACHE_SIZE)
def place_stem(word: str) -> str:
    """Romanized, lower-cased word with a Slavic place-adjective ending (or a final -sk) cut.

    >>> [place_stem(w) for w in ["Казанский", "Kazanskiy", "Kazan", "Иркутский", "Irkutsk", "Уральский", "Gdańska"]]
    ['kazan', 'kazan', 'kazan', 'irkut', 'irkut', 'ural', 'gdan']
    >>> place_stem("Omsk"), place_stem("Sky")
    ('om', 'sky')
    """
    r = re.sub(r"[^a-z0-9]", "", romanize(word))
    return _place_suffix().sub("", r)


_PHONETIC_MIN_CLASSES = 3
#: The token of "named after" words (имени, им., imeni): dropped from keys by :func:`concept_key`.
NAMED_AFTER = "_named_after_"


def _written_in_han(word: str) -> bool:
    """Whether a word holds Han characters (hanzi, kanji, hanja)."""
    return any(char_script(ch) == "han" for ch in word)


def _is_token(t: str) -> bool:
    return len(t) > 2 and t.startswith("_") and t.endswith("_")


def concept_key(name: str, table: ConceptTable | None = None, phonetic: bool = False) -> str:
    """A comparison key: sorted concept tokens plus the other words, romanized and place-stemmed.

    The key is a bag (sorted, unique), since languages order descriptor and name differently
    (``Завод имени Дегтярёва`` / ``Degtyarev Plant``).  ``phonetic=True`` replaces each non-concept
    word of three consonant classes or more by its skeleton (``Kasanski`` and ``Kazanskiy`` then
    meet too), at the price of more collisions.  Never raises.

    >>> concept_key("Ulyanovsk Cartridge Works") == concept_key("Ульяновский патронный завод")
    True
    >>> concept_key("Завод имени Дегтярёва"), concept_key("Degtyarev Plant")
    ('_plant_ degtyarev', '_plant_ degtyarev')
    >>> concept_key("KB Mashinostroyeniya") == concept_key("Конструкторское бюро машиностроения")
    True
    >>> concept_key("Kasanski Wertoljotny Sawod") == concept_key("Kazan Helicopter Plant")
    False
    >>> concept_key("Kasanski Wertoljotny Sawod", phonetic=True) == concept_key("Kazan Helicopter Plant", phonetic=True)
    True
    """
    try:
        words = [w for w in _WORD_SPLIT.split(clean_text(name)) if w.strip(".-")]
        out: set[str] = set()
        genitive = False  # after "named after" (имени): a person's name in the genitive
        for t in concept_tokens(words, table):
            if _is_token(t):
                genitive = t == NAMED_AFTER
                if not genitive:
                    out.add(t)
                continue
            stem = place_stem(t)
            if genitive:
                stem = _genitive().sub("", stem)
            if len(stem) == 1 and t.endswith("."):
                continue  # initials (С. П. Горбунова); a bare letter (AVIC I) stays
            if phonetic and not _written_in_han(t) and len(sk := skeleton(stem)) >= _PHONETIC_MIN_CLASSES:
                # short skeletons say little: the word itself is kept; so is a Han word, whose
                # romanization is a Chinese reading, no transcription ("北方" is no "Boeing")
                stem = sk
            if stem:
                out.add(stem)
        return " ".join(sorted(out))
    except Exception:  # pragma: no cover - defensive
        return ""
