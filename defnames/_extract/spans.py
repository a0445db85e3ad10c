"""Offsets and windows in free text: squeezing line breaks and PDF hyphenation, sentence
windows around a hit, and country hints in the words just before it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from defnames._lexicon import Lexicon
from defnames._text.phrases import descriptor_at, place_at

__all__ = ["hints_before", "sentence_bounds", "squeeze"]

_WINDOW = 300  # characters of text on each side that count as a hit's context


_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n\s*\n")


_SPACES = re.compile(r"\s{2,}")
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])[-‐‑][ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def squeeze(folded: str, text: str) -> tuple[str, Callable[[int], int]]:
    """The folded text with runs of spaces made one ("Lockheed" + CR LF + "Martin") and words
    hyphenated across a line break joined ("Rhein-" + LF + "metall"), and the map from its
    offsets back to the original's."""
    # only runs of whitespace in the original can split a name; those after punctuation
    # (", ", ". ") never do, and leaving them keeps this cheap
    hyphenated = "\n" in text and any(h in text for h in ("-\n", "-\r", "- \n", "‐\n", "‑\n"))
    # "De-|fence" joins into one word; "Rolls-|Royce" keeps its hyphen
    removals: list[tuple[int, int]] = (
        [(m.start() + text[m.end()].isupper(), m.end()) for m in _HYPHEN_BREAK.finditer(text)] if hyphenated else []
    )
    breaks = list(removals)
    removals += [
        (m.start() + 1, m.end()) for m in _SPACES.finditer(text) if not any(a <= m.start() < b for a, b in breaks)
    ]
    if not removals:
        return folded, lambda i: i
    removals.sort()
    pieces: list[str] = []
    cpos: list[int] = []  # where each kept stretch starts in the squeezed text
    opos: list[int] = []  # ... and in the original
    at = length = 0
    for a, b in removals:
        if a < at:
            continue
        pieces.append(folded[at:a])
        cpos.append(length)
        opos.append(at)
        length += a - at
        at = b
    pieces.append(folded[at:])
    cpos.append(length)
    opos.append(at)

    def to_orig(i: int) -> int:
        k = bisect_right(cpos, i) - 1
        return opos[k] + (i - cpos[k])

    return "".join(pieces), to_orig


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding a hit starts and ends (at most 300 characters each side):
    the context that decides whether a weak name means the company."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    cuts = list(_SENTENCE.finditer(text, lo, start))
    m = _SENTENCE.search(text, end, hi)
    return (cuts[-1].end() if cuts else lo), (m.start() if m else hi)


def hints_before(folded: str, start: int, lex: Lexicon) -> frozenset[str]:
    """Country hints from the words just before a name: 'the French-Italian MBDA'."""
    return _hints_from_words(tuple(folded[max(0, start - 80) : start].split()[-6:]), lex)


@lru_cache(maxsize=16384)
def _hints_from_words(words_t: tuple[str, ...], lex: Lexicon) -> frozenset[str]:
    words = list(words_t)
    hints: set[str] = set()
    i = len(words)
    while i > 0:
        matched = False
        for n in range(min(lex.places_max, i), 0, -1):
            p = place_at(words, i - n, lex)
            if p and p[0] == i:
                hints.add(p[1])
                i -= n
                matched = True
                break
        if matched:
            continue
        for n in (3, 2, 1):
            if n <= i and descriptor_at(words, i - n, lex) == i:
                i -= n
                matched = True
                break
        if matched:
            continue
        if words[i - 1] == "s":  # possessive: "Germany's"
            i -= 1
            continue
        break
    return frozenset(hints)
