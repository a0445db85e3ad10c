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
from functools import lru_cache
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


def _forms(word: str, lead: str | None, vocabulary: Container[str]) -> list[str]:
    """The word folded as written (its apostrophe or colon ending cut), then the folded base
    forms that the vocabulary holds."""
    first, bases = _bases(word, lead)
    if first in vocabulary and first == fold(word):
        return [first]  # a word registry names use as written is no inflected form ("Holdings")
    return [first, *(f for f in bases if f in vocabulary)]


@lru_cache(maxsize=65536)
def _bases(word: str, lead: str | None) -> tuple[str, tuple[str, ...]]:
    """The word folded as written, and its folded base forms in every language with case
    endings (``lead``, the detected language, first), each once, the written form left out.

    The same for every registry (the vocabulary filters them), so kept per word across calls:
    a mention's words are mostly words already seen ("Defence", "Systems"), and each is
    otherwise de-inflected in some twenty languages.
    """
    endings = CASE_ENDINGS
    langs = dict.fromkeys([*([lead] if lead in endings else []), *endings])
    first = fold(cut_case_suffix(word))
    seen = {first, ""}
    out: list[str] = []
    for lang in langs:
        for base in deinflect(word, lang)[1:]:
            f = fold(base)
            if f not in seen:
                seen.add(f)
                out.append(f)
    return first, tuple(out)


def inflected_readings(
    mention: str, lex: Lexicon, vocabulary: Container[str], context: str | None = None
) -> list[Reading]:
    """De-inflected readings of a mention (none when no word has a base form in the vocabulary)."""
    words = [w for w in (_EDGE.sub("", x) for x in mention.split()) if w]
    if not words or len(words) > _MAX_WORDS:
        return []
    lang = detect_lang(f"{context or ''} {mention}")
    # every language with case endings, the detected one first: the vocabulary keeps it precise
    per_word = [_forms(w, lang, vocabulary) for w in words]
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
