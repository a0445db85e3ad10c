"""Lexicon phrases in a token list: places (demonyms, country names, cities) and descriptors.

The candidate passes, the decision and extraction all ask "does a place or a descriptor
phrase start at this word?"; the lexicon's tables answer, longest phrase first.

>>> from defnames._lexicon import lexicon
>>> place_at(["the", "french", "nexter"], 1, lexicon())
(2, 'FR')
"""

from __future__ import annotations

from functools import cache

from defnames._lexicon import Lexicon
from defnames._text.skeleton import skeleton

__all__ = ["descriptor_at", "place_at", "place_by_sound", "read_as_town", "town_in"]

#: Consonant classes a place's skeleton needs before its sound is trusted.
PLACE_SOUND_MIN = 4


@cache
def _places_by_sound(lex: Lexicon) -> dict[str, str]:
    """Skeleton of every Latin place phrase -> its country, when only one country sounds so."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for phrase, code in lex.places.items():
        name = " ".join(phrase)
        if not name.isascii() or len(sk := skeleton(name)) < PLACE_SOUND_MIN:
            continue
        if out.setdefault(sk, code) != code:
            clash.add(sk)
    return {k: v for k, v in out.items() if k not in clash}


def place_by_sound(word: str, lex: Lexicon) -> str | None:
    """The country of a town written in another script after a locative ("завод Арсенал в
    Казанлък"): the one Latin place name of the lexicon that sounds alike (Kazanlak), if any.

    >>> from defnames._lexicon import lexicon
    >>> place_by_sound("Казанлък", lexicon()), place_by_sound("Kazanlak", lexicon())
    ('BG', None)
    """
    if word.isascii() or len(sk := skeleton(word)) < PLACE_SOUND_MIN:
        return None
    return _places_by_sound(lex).get(sk)


def place_at(toks: list[str], i: int, lex: Lexicon) -> tuple[int, str] | None:
    """The longest place phrase starting at token ``i``: (end index, country code)."""
    if i >= len(toks):
        return None
    longest = lex.place_starts.get(toks[i], 0)
    for n in range(min(longest, len(toks) - i), 0, -1):
        code = lex.places.get(tuple(toks[i : i + n]))
        if code:
            return i + n, code
    code = lex.stem_country(toks[i])
    return (i + 1, code) if code else None


#: How many letters a descriptor stem may be followed by (case endings: kompanij-om, şirket-ini).
STEM_EXTRA = 4


def _has_stem(word: str, stems: frozenset[str]) -> bool:
    """Whether ``word`` is a stem of ``stems`` plus at most :data:`STEM_EXTRA` letters.

    >>> _has_stem("kompanijom", frozenset({"kompanij"})), _has_stem("kompanijskoga", frozenset({"kompanij"}))
    (True, False)
    """
    if not stems:
        return False
    return any(word[:k] in stems for k in range(max(3, len(word) - STEM_EXTRA), len(word) + 1))


def descriptor_at(toks: list[str], i: int, lex: Lexicon) -> int | None:
    """End index of the longest descriptor phrase starting at token ``i``, if any."""
    if i >= len(toks):
        return None
    longest = lex.descriptor_starts.get(toks[i], 0)
    for n in range(min(longest, len(toks) - i), 0, -1):
        if tuple(toks[i : i + n]) in lex.descriptors:
            return i + n
    t = toks[i]
    if _has_stem(t, lex.descriptor_stems):
        return i + 1  # "kompanijom", "şirketini", "yhtiöltä"
    if len(t) >= 5 and t.endswith("s") and (t[:-1],) in lex.descriptors and t not in lex.generic:
        # a plural or genitive -s: "startups", "makers", "des Startups"; never a generic word
        # that names companies ("Rafael Holdings" is another company)
        return i + 1
    if (
        lex.descriptor_suffixes
        and t.endswith(lex.descriptor_suffixes)
        and any(len(t) >= len(x) + 3 for x in lex.descriptor_suffixes if t.endswith(x))
    ):
        return i + 1  # "rüstungskonzern", "waffenhersteller"
    return None


def read_as_town(after: str, before: str, lex: Lexicon) -> bool:
    """Whether a name that is also a town reads as the town here: after a town preposition ("in
    Kongsberg", "til Raufoss", "the town of Kongsberg"), or in a dateline or an address
    ("KONGSBERG, Norway —", "Oshkosh, Wisconsin").

    >>> from defnames._lexicon import lexicon
    >>> read_as_town("", "moved the plant to ", lexicon()), read_as_town(" won a contract", "", lexicon())
    (True, False)
    """
    prev = before.split()[-2:]
    if after.lstrip().startswith(",") and after.lstrip(" ,")[:1].isupper():
        return True
    return bool(prev) and (
        prev[-1].casefold() in lex.town_prepositions or " ".join(prev).casefold() in lex.town_prepositions
    )


def town_in(name: str, context: str, lex: Lexicon) -> bool:
    """Whether every time ``context`` writes ``name`` it reads as the town (:func:`read_as_town`).

    >>> from defnames._lexicon import lexicon
    >>> town_in("Raufoss", "production moved from Oslo to Raufoss in 1896", lexicon())
    True
    >>> town_in("Raufoss", "Raufoss delivered the shells; the plant in Raufoss grew", lexicon())
    False
    """
    found, start = False, context.find(name)
    while start >= 0:
        end = start + len(name)
        if not read_as_town(context[end : end + 40], context[max(0, start - 20) : start], lex):
            return False
        found, start = True, context.find(name, end)
    return found
