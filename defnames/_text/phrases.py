"""Evidence around a name: country hints (demonyms, country names, cities) and whether a
context speaks of defense at all.

Demonyms and cities are evidence for a country, not noise: "the Belgian Thales" points to
BE, "the Prague Czechoslovak group" to CZ. A context such as "Arsenal beat Chelsea 2-0"
carries no defense words, so a bare name that is also a common word is not read as the
company.

>>> from defnames._lexicon import lexicon
>>> defense_support("Leonardo delivered the first AW149 helicopters to the Polish Armed Forces", lexicon())
3
>>> defense_support("Leonardo finally won the Oscar for best actor", lexicon())
0
>>> defense_support("KAI는 KF-21 보라매의 양산 1호기를 공개했다", lexicon())
1
>>> place_at(["the", "french", "nexter"], 1, lexicon())
(2, 'FR')
"""

from __future__ import annotations

import re
from functools import lru_cache

from defnames._lexicon import Lexicon
from defnames._text.normalize import tokens

__all__ = ["country_hints", "defense_support", "place_at"]


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


def descriptor_at(toks: list[str], i: int, lex: Lexicon) -> int | None:
    """End index of the longest descriptor phrase starting at token ``i``, if any."""
    if i >= len(toks):
        return None
    longest = lex.descriptor_starts.get(toks[i], 0)
    for n in range(min(longest, len(toks) - i), 0, -1):
        if tuple(toks[i : i + n]) in lex.descriptors:
            return i + n
    t = toks[i]
    if lex.descriptor_suffixes and t.endswith(lex.descriptor_suffixes) and any(
        len(t) >= len(x) + 3 for x in lex.descriptor_suffixes if t.endswith(x)
    ):
        return i + 1  # "rüstungskonzern", "waffenhersteller"
    return None


@lru_cache(maxsize=4096)
def _context_tokens(text: str, lex: Lexicon) -> tuple[str, ...]:
    return tuple(tokens(text, lex))


@lru_cache(maxsize=4096)
def defense_support(text: str, lex: Lexicon, *, ignore: frozenset[str] = frozenset()) -> int:
    """How many defense words or stems a text holds (words in ``ignore`` don't count)."""
    toks = _context_tokens(text, lex)
    count = 0
    i = 0
    while i < len(toks):
        t = toks[i]
        hit = 0
        for n in (3, 2):
            if tuple(toks[i : i + n]) in lex.defense_words:
                hit = n
                break
        if not hit and t not in ignore and ((t,) in lex.defense_words or t.startswith(lex.defense_stems)):
            hit = 1
        if hit:
            count += 1
            i += hit
        else:
            i += 1
    if lex.defense_substrings and not count:
        squeezed = "".join(toks)
        count += sum(1 for w in lex.defense_substrings if w in squeezed)
    if not count:
        # a military designation: F-35, KF-21, T-90M, Su-57, MiG-29, AH-64, S-400, AW149;
        # or the wording of a contract award: "is awarded $94,000,000"
        count += len(_DESIGNATION.findall(text)) + len(_AWARD.findall(text))
    return count


_AWARD = re.compile(r"\bawarded\b[^.]{0,40}?[$€£]\s?\d", re.IGNORECASE)


_DESIGNATION = re.compile(
    r"(?<![\w-])(?:[A-Z]{1,3}|Su|Mi|Ka|MiG|Yak|Tu|Il|[А-Я]{1,3}|Су|Ми|Ка|МиГ|Як|Ту|Ил)-\d{1,3}[A-ZА-Я]{0,2}(?![\w-])"
    r"|(?<!\w)AW\d{3}(?!\w)"  # AW149
)


@lru_cache(maxsize=4096)
def country_hints(text: str, lex: Lexicon) -> frozenset[str]:
    """Countries named or implied (demonyms, cities) anywhere in a text."""
    toks = list(_context_tokens(text, lex))
    found = set()
    i = 0
    while i < len(toks):
        p = place_at(toks, i, lex)
        if p:
            found.add(p[1])
            i = p[0]
        else:
            i += 1
    return frozenset(found)
