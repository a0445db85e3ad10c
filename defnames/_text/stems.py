"""Inflection: cut apostrophe/colon case suffixes, pick a language, stem words with Snowball.

Writers inflect company names: Finnish ``FFG:n``, ``Patrian``; Turkish ``Baykar'ın``, ``Aselsanın``;
Polish ``Saaba``, ``Saabowi``; Russian ``заводу``; Swedish ``Saabs``.  A stem of each word is an
*extra* candidate key beside the unstemmed one (the exact key wins where both hit).

- :func:`cut_case_suffix` removes a lower-case suffix written after an apostrophe or a colon
  (``Baykar'ın`` -> ``Baykar``, ``FFG:n`` -> ``FFG``, ``Oy:ltä`` -> ``Oy``, ``Saab's`` -> ``Saab``).
- :func:`detect_lang` picks a stemmer language: an explicit hint wins; otherwise the script decides
  (Cyrillic -> ru, or sr when Serbian letters occur; Greek -> el; Arabic -> ar, or fa with Persian
  letters; Devanagari -> hi) and, in Latin script, letters only one language uses (ı ğ -> tr, ő ű -> hu,
  ł ą ę -> pl, ř ů ě -> cs, ș ț -> ro).  Plain Latin without a hint gets no stemmer.
- :func:`stem_words` stems each word with the Snowball algorithm of that language (snowballstemmer,
  BSD), lower-cased; words of four letters or fewer, acronyms and words with digits stay unstemmed.
  It is symmetric: registry names are stemmed the same way.
- :func:`deinflect` / :func:`deinflect_words` are asymmetric: they list candidate base forms of a
  *mention* word from tables of real case endings (:mod:`defnames._text.deinflect`; clitic prefixes
  for Arabic and Hebrew, particles for Korean and Japanese), to be compared with the *unstemmed* registry words.
  This keeps foreign registry names intact (Finnish Snowball cuts ``Patria`` to ``patri``).

The language tables are ``reference/lexicon/stemmer.yml`` and ``deinflection.yml``, read from the
compiled lexicon on first use.  Which languages to trust is measured in docs/matching-scripts.md
(tests/text/measure_stems.py).

>>> stem_words(["Baykar'ın", "İHA'ları"], "tr")
['baykar', 'iha']
>>> stem_words(["Patrian", "FFG:n"], "fi")
['patria', 'ffg']
>>> stem_words(["Казанского", "вертолётного", "завода"], None)
['казанск', 'вертолетн', 'завод']
>>> stem_words(["Saab", "Dynamics"], None)
['saab', 'dynamics']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Protocol, cast

from defnames._lexicon import lexicon
from defnames._text.scripts import dominant_script

if TYPE_CHECKING:  # the de-inflection names, also importable from here (see __getattr__)
    from defnames._text.deinflect import deinflect, deinflect_words

    CASE_ENDINGS: dict[str, tuple[tuple[str, str], ...]]
    CLITIC_PREFIXES: dict[str, tuple[tuple[str, str], ...]]
    SNOWBALL_LANGS: Mapping[str, str]
    TRUSTED_LANGS: frozenset[str]
    SCRIPT_DEFAULT_LANG: Mapping[str, str]
    HYPHEN_ENDINGS: frozenset[str]

__all__ = [
    "CASE_ENDINGS",
    "CLITIC_PREFIXES",
    "HYPHEN_ENDINGS",
    "SCRIPT_DEFAULT_LANG",
    "SNOWBALL_LANGS",
    "STEM_MIN_LETTERS",
    "TRUSTED_LANGS",
    "cut_case_suffix",
    "deinflect",
    "deinflect_words",
    "detect_lang",
    "stem_word",
    "stem_words",
]

#: Words with at most this many letters are never stemmed (``Saab``, ``KNDS``, ``Oto``).
STEM_MIN_LETTERS = 4


@dataclass(frozen=True)
class _Tables:
    """The language tables of ``reference/lexicon/stemmer.yml`` and ``deinflection.yml``."""

    snowball: Mapping[str, str]  # ISO 639-1 code -> Snowball algorithm
    trusted: frozenset[str]
    script_lang: Mapping[str, str]
    letter_lang: Mapping[str, str]  # a letter only one language writes (and its capitals) -> language
    letter_re: re.Pattern[str]
    hyphen_endings: frozenset[str]


@cache
def _tables() -> _Tables:
    lex = lexicon()
    letter_lang = {c: lang for lang, letters in lex.lang_letters.items() for c in letters}
    # ... and the capitals that lower-case to them (Ł -> ł; İ itself is listed): one search finds the first
    letter_lang.update(
        {
            u: letter_lang[c]
            for c in list(letter_lang)
            for u in {c.upper(), c.title()}
            if u.lower() == c and u not in letter_lang
        }
    )
    letter_re = re.compile("[" + "".join(map(re.escape, sorted(letter_lang))) + "]")
    return _Tables(
        dict(lex.snowball_langs), lex.trusted_langs, dict(lex.script_langs), letter_lang, letter_re, lex.hyphen_endings
    )


def __getattr__(name: str) -> object:
    """The tables under their old names, and the de-inflection functions (loaded on first use)."""
    tables = {
        "SNOWBALL_LANGS": "snowball",
        "TRUSTED_LANGS": "trusted",
        "SCRIPT_DEFAULT_LANG": "script_lang",
        "HYPHEN_ENDINGS": "hyphen_endings",
    }
    if name in tables:
        return getattr(_tables(), tables[name])
    if name in ("CASE_ENDINGS", "CLITIC_PREFIXES", "deinflect", "deinflect_words"):
        from defnames._text import deinflect as module

        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# A case suffix after an apostrophe or a colon: lower-case letters only, at most 6 of them, at the
# end of the word; the part before must have at least two characters (keeps O'Brien, L'Orange,
# d'Arc).  Trailing apostrophes (Airbus') go as well.
_APOSTROPHES = "'’ʼ‘`´"
_CASE_SUFFIX = re.compile(rf"^(?P<base>[^{_APOSTROPHES}:]{{2,}})[{_APOSTROPHES}:](?P<suffix>[^\W\d_A-Z]{{1,6}})$")
_TRAILING_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]+$")
# After a hyphen only known case endings are cut (``hyphen_endings``): a hyphen also joins ordinary
# word parts (Almaz-Antey, Rolls-Royce, Rosoboron-export).
_HYPHEN_SUFFIX = re.compile(r"^(?P<base>.{2,}?)-(?P<suffix>[^\W\d_]{1,5})$")


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


def cut_case_suffix(word: str) -> str:
    """Remove a case ending written after an apostrophe or colon; other words come back unchanged.

    The suffix must be lower case (``Dell'Orto``, ``L'Aquila`` keep theirs) and at most six letters.

    >>> [cut_case_suffix(w) for w in ["Baykar'ın", "FFG:n", "Oy:ltä", "Saab's", "ASELSAN’ın", "Airbus'"]]
    ['Baykar', 'FFG', 'Oy', 'Saab', 'ASELSAN', 'Airbus']
    >>> [cut_case_suffix(w) for w in ["O'Gara", "Dell'Orto", "d'Arc", "12:30", "Rock'n'roll"]]
    ["O'Gara", "Dell'Orto", "d'Arc", '12:30', "Rock'n'roll"]

    After a hyphen, only the case endings of ``hyphen_endings`` (``deinflection.yml``) go:

    >>> [cut_case_suffix(w) for w in ["AG-nak", "S.A.-owi", "Airbus-ului", "Almaz-Antey", "Rosoboron-export"]]
    ['AG', 'S.A.', 'Airbus', 'Almaz-Antey', 'Rosoboron-export']
    """
    m = _CASE_SUFFIX.match(word)
    if m and not any(c.isupper() for c in m.group("suffix")):
        return m.group("base")
    if "-" in word:
        m = _HYPHEN_SUFFIX.match(word)
        if m and m.group("suffix") in _tables().hyphen_endings:
            return m.group("base")
    if word[-1:] in _APOSTROPHES and len(word) > 2:
        return _TRAILING_APOSTROPHE.sub("", word)
    return word


def detect_lang(text: str, hint: str | None = None) -> str | None:
    """The stemmer language for ``text``: the hint if Snowball has it, else from its script/letters.

    >>> detect_lang("Saab", "sv"), detect_lang("Krušik iz Valjeva", "sr"), detect_lang("завода")
    ('sv', 'sr', 'ru')
    >>> detect_lang("Југоимпорт"), detect_lang("Укроборонсервіс"), detect_lang("Aselsan'ın"), detect_lang("Aselsan")
    ('sr', 'uk', 'tr', None)
    >>> detect_lang("Kırıkkale"), detect_lang("Hucie Stalowa Wola"), detect_lang("صنایع پهپاد")
    ('tr', None, 'fa')
    >>> detect_lang("Saab", "xx") is None
    True
    """
    if hint:
        h = hint.lower().replace("_", "-").split("-")[0]
        return h if h in _tables().snowball else None
    t = _tables()
    m = t.letter_re.search(text)
    if m is not None:
        return t.letter_lang[m.group()]
    script = dominant_script(text)
    return t.script_lang.get(script or "")


@lru_cache(maxsize=64)
def _stemmer(lang: str) -> _Stemmer:
    import snowballstemmer  # type: ignore[import-untyped]  # imported on first use

    return cast(_Stemmer, snowballstemmer.stemmer(_tables().snowball[lang]))


def _letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


@lru_cache(maxsize=65536)
def stem_word(word: str, lang: str | None) -> str:
    """Stem one word (case suffix cut first), lower-cased; guarded words only lower-cased.

    A word is not stemmed when it has ``STEM_MIN_LETTERS`` letters or fewer, contains a digit, or is
    an acronym (all its letters upper case and at most 6 of them: ``FFG``, ``KNDS``, ``ASELSAN``
    stays ``aselsan``).

    >>> stem_word("Patrialla", "fi"), stem_word("Saab", "pl"), stem_word("F-16:n", "fi"), stem_word("NAMMO", "fi")
    ('patria', 'saab', 'f-16', 'nammo')
    """
    w = cut_case_suffix(word)
    low = w.lower()
    if "\u0307" in low:  # Turkish İ lower-cases to i + combining dot above
        low = unicodedata.normalize("NFC", low.replace("i\u0307", "i"))
    if lang is None or lang not in _tables().snowball:
        return low
    n = _letters(w)
    if n <= STEM_MIN_LETTERS or any(c.isdigit() for c in w):
        return low
    if n <= 7 and all(c.isupper() for c in w if c.isalpha()):
        return low
    try:
        return _stemmer(lang).stemWord(low)
    except Exception:  # pragma: no cover - Snowball algorithms accept any str
        return low


def stem_words(words: list[str], lang: str | None) -> list[str]:
    """Stem a list of words; with ``lang=None`` each word's language comes from its own script.

    ``lang`` is an ISO 639-1 code (``fi``, ``tr``, ``ru``...), as in ``snowball_langs`` (``stemmer.yml``); an
    unknown code means no stemming.  The output has one entry per input word.

    >>> stem_words(["Saaba", "i", "Saabowi"], "pl")
    ['saab', 'i', 'saab']
    >>> stem_words(["Tvornica", "Zastava", "oružje", "Kragujevcu"], "sr")
    ['tvornic', 'zastav', 'oružj', 'kragujevc']
    """
    out: list[str] = []
    for w in words:
        wl = lang if lang is not None else detect_lang(w)
        out.append(stem_word(w, wl))
    return out
