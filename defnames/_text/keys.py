"""Keys: the comparison form of a name — tokens with legal forms stripped from both ends.

Folding is the same for registry names and for mentions, so that equal names get equal keys:

- Unicode compatibility forms are unified (NFKC); accents are removed, letters such as
  đ ł ø ß æ œ ı are spelled out; Cyrillic, Greek, Hangul and CJK stay in their script
  (:func:`translit_key` gives an ASCII key through anyascii);
- case is folded; dotted abbreviations lose their dots (``S.p.A.`` → ``spa``, ``U.S.`` → ``us``);
  possessive ``'s`` is dropped; ``&`` and ``+`` read as ``and``; every other punctuation mark
  or dash separates words;
- spelling variants are unified (``defense`` → ``defence``);
- legal forms are stripped from both ends, several at once (``Saab AB (publ)`` → ``saab``).

>>> name_key("Saab AB (publ)")
'saab'
>>> name_key("LOCKHEED-MARTIN CORP.")
'lockheed martin'
>>> name_key("Đuro Đaković Grupa d.d.")
'duro dakovic grupa'
>>> name_key("Kongsberg Defense & Aerospace")
'kongsberg defence and aerospace'
>>> name_key("Rheinmetall's")
'rheinmetall'
>>> translit_key("Укроборонпром")
'ukroboronprom'
"""

from __future__ import annotations

import re

from defnames._lexicon import Lexicon, lexicon
from defnames._text.tokens import tokens

__all__ = ["compact", "full_key", "name_key", "strip_legal_forms", "translit_key"]

_DIGIT = re.compile(r"\d")


def strip_legal_forms(toks: list[str], lex: Lexicon | None = None) -> tuple[list[str], list[str]]:
    """Strip legal forms from both ends, longest first, never down to nothing.

    Returns the remaining tokens and the stripped forms.

    >>> strip_legal_forms(["kongsberg", "gruppen", "asa"])
    (['kongsberg', 'gruppen'], ['asa'])
    >>> strip_legal_forms(["ao"])
    (['ao'], [])
    """
    lx = lex or lexicon()
    if toks and (not toks[-1].isascii() or not toks[0].isascii()):
        toks = _split_glued_forms(list(toks), lx)
    ends, starts = lx.legal_edges
    if not toks or (toks[-1] not in ends and toks[0] not in starts and not _DIGIT.search(toks[-1])):
        return list(toks), []  # the common case: no legal form at either end
    toks = list(toks)
    dropped: list[str] = []
    while len(toks) > 1 and _strip_once(toks, dropped, lx, ends, starts):
        pass
    return toks, dropped


def _strip_once(toks: list[str], dropped: list[str], lx: Lexicon, ends: frozenset[str], starts: frozenset[str]) -> bool:
    """Strip one legal form (or share-class figures after one) off ``toks`` in place, longest
    first; False when none is there. A tail can be a form only if its last word ends one
    (``ends``) and a head only if its first word starts one (``starts``): the tuples of the
    other side are not even built, which is most of the time of a load of many names."""
    last_ends, first_starts = toks[-1] in ends, toks[0] in starts
    digit = _DIGIT.search(toks[-1]) is not None
    if not (last_ends or first_starts or digit):
        return False
    legal_end, legal_start, longest = lx.legal_end, lx.legal_start, lx.legal_max
    if digit:  # share-class figures after a form: "BAE SYSTEMS PLC ORD 2.5P" (but "Factory 10" stays)
        k = len(toks)
        while k > 1 and _DIGIT.search(toks[k - 1]):
            k -= 1
        if 1 < k < len(toks) and any(tuple(toks[k - n : k]) in legal_end for n in range(1, min(longest, k - 1) + 1)):
            dropped.insert(0, " ".join(toks[k:]))
            del toks[k:]
            return True
    for n in range(min(longest, len(toks) - 1), 0, -1):
        if last_ends and (tail := tuple(toks[-n:])) in legal_end:
            dropped.insert(0, " ".join(tail))
            del toks[-n:]
            return True
        if first_starts and (head := tuple(toks[:n])) in legal_start:
            dropped.append(" ".join(head))
            del toks[:n]
            return True
    return False


def _split_glued_forms(toks: list[str], lx: Lexicon) -> list[str]:
    """'三菱重工業株式会社' -> ['三菱重工業', '株式会社']: a CJK legal form written onto the name."""
    forms = lx.cjk_forms
    last = toks[-1]
    if last not in forms:
        for form in forms:
            if len(last) > len(form) and last.endswith(form):
                toks[-1:] = [last[: -len(form)], form]
                break
    first = toks[0]
    if first not in forms:
        for form in forms:
            if len(first) > len(form) and first.startswith(form):
                toks[:1] = [form, first[len(form) :]]
                break
    return toks


def name_key(name: str, lex: Lexicon | None = None) -> str:
    """The comparison key of a name: folded, legal forms stripped, leading 'the' dropped.

    >>> name_key("The Boeing Company")
    'boeing'
    """
    toks, _ = strip_legal_forms(tokens(name, lex), lex)
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def full_key(name: str, lex: Lexicon | None = None) -> str:
    """The key with legal forms kept: tells 'BAE Systems, Inc.' from 'BAE Systems plc'.

    >>> full_key("BAE Systems, Inc.")
    'bae systems inc'
    """
    toks = tokens(name, lex)
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def translit_key(key: str, lex: Lexicon | None = None) -> str:
    """An ASCII transliteration of a key (anyascii), folded again; the key itself if ASCII.

    >>> translit_key("한화에어로스페이스")
    'hanhwaeeoloseupeiseu'
    >>> translit_key("уральскии оптико механическии завод")
    'uralskii optiko mekhanicheskii zavod'
    """
    if key.isascii():
        return key
    from anyascii import anyascii

    # the Cyrillic soft and hard signs have no Latin letter: sanctions lists and news drop them
    # ("Уральский" -> "Uralskii", "объединение" -> "obedinenie"); anyascii's apostrophe would
    # split the word in two
    return name_key(anyascii(key.translate(_NO_SIGNS)), lex)


_NO_SIGNS = str.maketrans("", "", "ьъЬЪ")


def compact(key: str) -> str:
    """A key with its spaces removed, to match 'Hanwha Aero space' to 'Hanwha Aerospace'.

    >>> compact("l 3 harris")
    'l3harris'
    """
    return key.replace(" ", "")
