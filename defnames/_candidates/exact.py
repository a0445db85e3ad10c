"""Step 3b: the whole mention is a registry name — a dictionary look-up.

Tried in turn: the name with its legal form ("BAE Systems, Inc." is the US subsidiary), without
it, its ASCII transliteration ("Ростех" → "rostekh"), and without spaces ("Hanwha Aero space").
"""

from __future__ import annotations

from bisect import bisect_left

from defnames import _weights as W
from defnames._candidates.candidate import METHOD, Candidate, per_entity
from defnames._candidates.mention import Analysis
from defnames._index.names import NameEntry, NameIndex
from defnames._text.keys import compact, translit_key
from defnames.models import Method

__all__ = ["exact_candidates"]


def exact_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    key = a.key
    if len(a.toks) > 1 and a.toks[0] == "the":
        key = " ".join(a.toks[1:])
    dropped = tuple((f, "legal form") for f in a.legal)
    span = (0, len(a.toks))
    if a.legal:  # the full name first: "BAE Systems, Inc." is not "BAE Systems plc"
        raw = a.raw[1:] if len(a.raw) > 1 and a.raw[0] == "the" else a.raw
        for n in range(len(raw), len(a.toks), -1):  # then with fewer of its legal forms ("…, Inc. LLC")
            hits = index.by_key.get(" ".join(raw[:n]))
            if hits:
                return [Candidate(e, W.EXACT, METHOD[e.kind], span=span) for e in per_entity(hits)]
    hits = index.by_key.get(key)
    if hits:
        return [Candidate(e, W.EXACT, METHOD[e.kind], dropped=dropped, span=span) for e in per_entity(hits)]
    tkey = translit_key(key, index.lex)
    if tkey != key and tkey in index.by_key and _may_be_transliterated(a.mention, tkey):
        return [
            Candidate(e, W.TRANSLITERATED, METHOD[e.kind], dropped=(*dropped, (key, "transliterated")))
            for e in per_entity(index.by_key[tkey])
        ]
    ckey = compact(key)
    if ckey in index.by_compact:
        score = W.COMPACT_SPACED if " " in key else W.COMPACT_GLUED
        return [Candidate(e, score, Method.compact, dropped=dropped) for e in per_entity(index.by_compact[ckey])]
    return _shortened(index, key, dropped)


#: Transliterated keys this short are acronyms ("rks"): only a mention in capitals can write one.
ACRONYM_LEN = 4


def _may_be_transliterated(mention: str, tkey: str) -> bool:
    """Whether a transliterated key may stand for the registry name it hits.

    An acronym does not come out of transliterating a word: Cyrillic and Greek write acronyms in
    capitals ("РКС", "ΕΑΒ"), but "रक्षा" ("defence") romanized to "rks" is no acronym of RKS, and
    scripts without capitals (Devanagari, Arabic, Hebrew, Han, kana, Hangul, Thai) cannot mark one.

    >>> _may_be_transliterated("РКС", "rks"), _may_be_transliterated("रक्षा", "rks")
    (True, False)
    >>> _may_be_transliterated("Ростех", "rostekh")
    True
    """
    if len(tkey.replace(" ", "")) > ACRONYM_LEN:
        return True
    letters = [ch for ch in mention if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _shortened(index: NameIndex, key: str, dropped: tuple[tuple[str, str], ...]) -> list[Candidate]:
    """A current name cut short of its last domain word: "Thales Alenia" is Thales Alenia
    Space — when exactly one entity's names start so."""
    if " " not in key:
        return []
    prefix = key + " "
    tails = index.lex.droppable_tails
    # a mention that already ends in a domain word names the arm: any one last word may be cut
    # ("ThyssenKrupp Marine" is ThyssenKrupp Marine Systems)
    any_tail = key.rsplit(" ", 1)[-1] in tails
    i = bisect_left(index.keys, prefix)
    owners: dict[str, NameEntry] = {}
    while i < len(index.keys) and index.keys[i].startswith(prefix):
        full = index.keys[i]
        tail = full[len(prefix) :]
        if tail in tails or (any_tail and " " not in tail):  # "Space", "Aerospace"
            for e in index.by_key[full]:
                if e.current:
                    owners.setdefault(e.entity_id, e)
        i += 1
    if len(owners) != 1:
        return []
    (entry,) = owners.values()
    return [Candidate(entry, W.SHORTENED, Method.shortened, dropped=(*dropped, (key, "name cut short")))]
