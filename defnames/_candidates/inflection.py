"""Inflection readings: the mention with its words de-inflected, each word only to forms that
registry names use (the vocabulary), fewer changes first.

Names take case endings in most languages of Europe and beyond: "Saabs" and "Saaba" (Swedish,
Polish), "Hucie Stalowa Wola" (Polish locative of Huta), "Nammo Lapua Oy:ltä" (Finnish),
"Baykar Teknoloji'nin" (Turkish), "заводу «Артем»" (Russian dative). Each de-inflected form of
the mention is a reading that goes through the exact and segment passes like the mention itself;
the exact reading of the mention always wins where both hit.

>>> from defnames._lexicon import lexicon
>>> [r.text for r in inflected_readings("Hucie Stalowa Wola", lexicon(), {"huta", "stalowa", "wola"})][:1]
['huta stalowa wola']
"""

from __future__ import annotations

import re
from collections.abc import Container
from itertools import product

from defnames._candidates.mention import analyse
from defnames._candidates.readings import Reading, ReadingKind
from defnames._lexicon import Lexicon
from defnames._text.fold import fold
from defnames._text.stems import CASE_ENDINGS, cut_case_suffix, deinflect, detect_lang

__all__ = ["MAX_READINGS", "inflected_readings"]

MAX_READINGS = 8  # de-inflected readings tried per mention, fewer changed words first
_MAX_WORDS = 6  # longer mentions are descriptions, not inflected names
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def _forms(word: str, langs: tuple[str, ...], vocabulary: Container[str]) -> list[str]:
    """The word folded as written (its apostrophe or colon ending cut), then the folded base
    forms that the vocabulary holds."""
    first = fold(cut_case_suffix(word))
    out = [first]
    if first in vocabulary and first == fold(word):
        return out  # a word registry names use as written is no inflected form ("Holdings")
    for lang in langs:
        for base in deinflect(word, lang)[1:]:
            f = fold(base)
            if f and f not in out and f in vocabulary:
                out.append(f)
    return out


def inflected_readings(
    mention: str, lex: Lexicon, vocabulary: Container[str], context: str | None = None
) -> list[Reading]:
    """De-inflected readings of a mention (none when no word has a base form in the vocabulary)."""
    words = [w for w in (_EDGE.sub("", x) for x in mention.split()) if w]
    if not words or len(words) > _MAX_WORDS:
        return []
    lang = detect_lang(f"{context or ''} {mention}")
    # every language with case endings, the detected one first: the vocabulary keeps it precise
    langs = tuple(dict.fromkeys([*([lang] if lang in CASE_ENDINGS else []), *CASE_ENDINGS]))
    per_word = [_forms(w, langs, vocabulary) for w in words]
    written = [p[0] for p in per_word]
    combos = sorted(product(*per_word), key=lambda c: sum(a != b for a, b in zip(c, written)))
    out: list[Reading] = []
    for combo in combos:
        if list(combo) == written and written == fold(mention).split():
            continue  # the mention as written: the whole-mention reading already has it
        text = " ".join(combo)
        a = analyse(text, lex)
        if a.toks:
            out.append(Reading(ReadingKind.inflected, text, a, ""))
        if len(out) >= MAX_READINGS:
            break
    return out
