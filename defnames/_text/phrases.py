"""Lexicon phrases in a token list: places (demonyms, country names, cities) and descriptors.

The candidate passes, the decision and extraction all ask "does a place or a descriptor
phrase start at this word?"; the lexicon's tables answer, longest phrase first.

>>> from defnames._lexicon import lexicon
>>> place_at(["the", "french", "nexter"], 1, lexicon())
(2, 'FR')
"""

from __future__ import annotations

from defnames._lexicon import Lexicon

__all__ = ["descriptor_at", "place_at"]


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
    if (
        lex.descriptor_suffixes
        and t.endswith(lex.descriptor_suffixes)
        and any(len(t) >= len(x) + 3 for x in lex.descriptor_suffixes if t.endswith(x))
    ):
        return i + 1  # "rüstungskonzern", "waffenhersteller"
    return None
