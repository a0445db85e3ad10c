"""A phonetic consonant-skeleton key, so that a Latin name and its transcriptions meet on one key.

Arabic, Persian and Hebrew write few vowels; Hangul and katakana add vowels and swap consonants
(r/l, f/p, v/b) when they transcribe a foreign name.  The skeleton keeps only the consonants that
survive every such transcription, mapped to broad classes, so ``Lockheed Martin``, ``لوكهيد مارتن``,
``לוקהיד מרטין`` and ``Локхид Мартин`` give one key.  (``록히드마틴`` and ``ロッキード・マーチン`` drop
the r of "Martin": a documented limit, see docs/matching-scripts.md.)

Steps (every rule is a row of ``reference/lexicon/skeleton_rules.yml``, read from the compiled
lexicon on first use):

1. ``clean_text`` (NFKC, entities, invisible marks), lower case.
2. The text is cut into runs of one script.  Per script, ``SCRIPT_PRE`` rewrites native letters whose
   romanization misleads (Hebrew vav as a vowel, katakana small tsu, Greek ``ντ`` = d, Hangul final
   ㅅ = t, Devanagari anusvara = n), then ``anyascii`` romanizes the run, then ``SCRIPT_POST`` rewrites
   the romanized run (Devanagari aspirates, ``c`` = ch).  Han characters are skipped: their
   romanization is a Chinese reading, not a transcription of the Latin name.
3. ``LATIN_RULES`` (ordered regular expressions) turn digraphs into one letter, then
   ``CONSONANT_CLASSES`` maps each letter to its class; vowels, ``h``, ``w``, ``y`` and punctuation
   are dropped; repeated classes collapse.  Digits are kept.

The rules were tuned on the registry's own native-script aliases (see docs/matching-scripts.md for
the measured hit and collision rates and tests/text/measure_skeleton.py for the measurement).

>>> skeleton("Lockheed Martin") == skeleton("لوكهيد مارتن") == skeleton("לוקהיד מרטין") == skeleton("Локхид Мартин")
True
>>> skeleton("Rheinmetall"), skeleton("ラインメタル"), skeleton("راينميتال"), skeleton("라인메탈")
('RNMTR', 'RNMTR', 'RNMTR', 'RNMTR')
>>> skeleton("Boeing") == skeleton("בואינג") == skeleton("보잉") == skeleton("ボーイング") == skeleton("بوينغ")
True
>>> skeleton("Thales") == skeleton("Raytheon")
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from defnames._text.scripts import char_script, dominant_script, script_runs
from defnames._text.skeleton_rules import SkeletonRules, _Compiled, _Rows, _Rule, _tables

__all__ = [
    "CONSONANT_CLASSES",
    "LATIN_RULES",
    "SCRIPT_POST",
    "SCRIPT_PRE",
    "VARIANT_RULES",
    "SkeletonRules",
    "char_script",
    "dominant_script",
    "romanize",
    "script_runs",
    "skeleton",
    "skeleton_variants",
]


if TYPE_CHECKING:  # the tables under their old names (see __getattr__)
    SCRIPT_PRE: Mapping[str, _Rows]
    SCRIPT_POST: Mapping[str, _Rows]
    LATIN_RULES: _Rows
    CONSONANT_CLASSES: Mapping[str, str]
    VARIANT_RULES: Mapping[str, tuple[str, str]]


def __getattr__(name: str) -> object:
    """``SCRIPT_PRE``, ``SCRIPT_POST``, ``LATIN_RULES``, ``CONSONANT_CLASSES``, ``VARIANT_RULES``
    and ``DEFAULT``, loaded on first use."""
    t = {
        "SCRIPT_PRE": "script_pre",
        "SCRIPT_POST": "script_post",
        "LATIN_RULES": "latin",
        "CONSONANT_CLASSES": "classes",
        "VARIANT_RULES": "variants",
    }
    if name in t:
        return getattr(_tables(), t[name])
    if name == "DEFAULT":
        return SkeletonRules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def romanize(s: str, keep_han: bool = True) -> str:
    """Lower-case Latin reading of ``s`` with the per-script rewrites of the skeleton (no classes).

    >>> romanize("タンボフスキー"), romanize("엘빗"), romanize("Ντασό"), romanize("Baykar")
    ('tambofusuki', 'elbit', 'daso', 'baykar')
    """
    try:
        return _default().romanized(s, frozenset() if keep_han else _HAN)
    except Exception:  # pragma: no cover - defensive
        return ""


_HAN = frozenset({"han"})


@cache
def _default() -> _Compiled:
    """The tuned rules, compiled on first use."""
    return SkeletonRules().compile()


def skeleton(s: str) -> str:
    """The consonant-skeleton key of a name (``""`` when it has no consonant outside Han script).

    Total: never raises, linear in ``len(s)``.  Keys are upper-case class letters ``P K T S R M N``
    and digits.  Compare keys of whole names; short keys (one or two classes) say little, see
    docs/matching-scripts.md for the collision rates by key length.

    >>> skeleton("Hanwha Aerospace"), skeleton("한화에어로스페이스"), skeleton("ハンファ・エアロスペース")
    ('NRSPS', 'NRSPS', 'NPRSPS')
    >>> skeleton("General Dynamics") == skeleton("جنرال دايناميكس") == skeleton("ジェネラル・ダイナミクス")
    True
    >>> skeleton("Elbit Systems") == skeleton("엘빗시스템")
    False
    >>> skeleton("中国兵器工业集团"), skeleton("")
    ('', '')
    """
    try:
        return _joined(map(_word_classes, _default_words(s)))
    except Exception:  # pragma: no cover - defensive: every step accepts any str
        return ""


# The default rules after the first two (ampersand, punctuation) never look across a space, so a
# default skeleton is the classes of each word, joined, repeats collapsed again: words are cached.
def _default_words(s: str) -> list[str]:
    """The words of ``s`` romanized, through the first two Latin rules."""
    compiled = _default()
    text = compiled.romanized(s)
    for literal, pattern, replacement in compiled.latin_rows[:_WORDS_FROM]:
        text = text.replace(literal, replacement) if literal is not None else pattern.sub(replacement, text)
    return text.split()


_WORDS_FROM = 2


@lru_cache(maxsize=65536)
def _word_classes(word: str) -> str:
    return _default().classes_of(word, _WORDS_FROM)


@lru_cache(maxsize=65536)
def _word_variants(word: str) -> tuple[str, str, str, str]:
    """The classes of a word plain, without a plural s, without a non-rhotic r, without both."""
    no_plural_s, non_rhotic = _variant_rules()
    no_s = no_plural_s(word)
    return _word_classes(word), _word_classes(no_s), _word_classes(non_rhotic(word)), _word_classes(non_rhotic(no_s))


def _joined(parts: Iterable[str]) -> str:
    """Class strings of words joined; a class that repeats across the join collapses (each part
    is already collapsed, so only its first letter can repeat the letter before)."""
    out: list[str] = []
    last = ""
    for k in parts:
        if k:
            out.append(k[1:] if k[0] == last else k)
            last = k[-1]
    return "".join(out)


# The extra Latin rules of the variant keys (``variants`` in ``skeleton_rules.yml``): how Korean and
# Japanese transcribe English names (a non-rhotic r, a final plural s left out).  They go after the
# first two Latin rules (ampersand, punctuation), as in ``latin[:2] + [no_plural_s, non_rhotic] +
# latin[2:]``, word by word too: the words are shared by all variants.
@cache
def _variant_rules() -> tuple[_Rule, _Rule]:
    variants = _tables().variants
    return _Rule(*variants["no_plural_s"]), _Rule(*variants["non_rhotic"])


def skeleton_variants(s: str) -> frozenset[str]:
    """The skeleton of ``s`` and, for a Latin-script name, its variants with the variant rules.

    Meant for the registry side of an index: a mention's plain :func:`skeleton` is looked up among
    the variants of the registry's Latin names, so Korean and Japanese transcriptions that drop a
    non-rhotic r or a plural s still meet them.  Measured in docs/matching-scripts.md (more hits,
    more shared keys).

    >>> skeleton("에어버스") in skeleton_variants("Airbus")
    True
    >>> skeleton("한화시스템") in skeleton_variants("Hanwha Systems")
    True
    >>> sorted(skeleton_variants("Roketsan")), sorted(skeleton_variants("Northrop"))
    (['RKTN'], ['NRTRP', 'NTRP'])
    """
    try:
        words = _default_words(s)
        if dominant_script(s) != "latin":
            return frozenset({_joined(map(_word_classes, words))})
        variants = [_word_variants(w) for w in words]
        return frozenset({_joined([v[k] for v in variants]) for k in range(4)})
    except Exception:  # pragma: no cover - defensive
        return frozenset()
