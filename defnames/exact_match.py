"""Step 3b: the whole mention is a registry name — a dictionary look-up.

Tried in turn: the name with its legal form ("BAE Systems, Inc." is the US subsidiary), without
it, its ASCII transliteration ("Ростех" → "rostekh"), and without spaces ("Hanwha Aero space").
"""

from __future__ import annotations

from .candidate import METHOD, Candidate, per_entity
from .mention_analysis import Analysis
from .name_index import NameIndex
from .normalize import compact, translit_key

__all__ = ["exact_candidates"]


def exact_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    key = a.key
    if len(a.toks) > 1 and a.toks[0] == "the":
        key = " ".join(a.toks[1:])
    dropped = tuple((f, "legal form") for f in a.legal)
    span = (0, len(a.toks))
    if a.legal:  # the full name first: "BAE Systems, Inc." is not "BAE Systems plc"
        raw = a.raw[1:] if len(a.raw) > 1 and a.raw[0] == "the" else a.raw
        hits = index.by_key.get(" ".join(raw))
        if hits:
            return [Candidate(e, 100.0, METHOD[e.kind], span=span) for e in per_entity(hits)]
    hits = index.by_key.get(key)
    if hits:
        return [Candidate(e, 100.0, METHOD[e.kind], dropped=dropped, span=span) for e in per_entity(hits)]
    tkey = translit_key(key, index.lex)
    if tkey != key and tkey in index.by_key:
        return [Candidate(e, 98.0, METHOD[e.kind], dropped=(*dropped, (key, "transliterated")))
                for e in per_entity(index.by_key[tkey])]
    ckey = compact(key)
    if ckey in index.by_compact:
        score = 98.0 if " " in key else 97.0
        return [Candidate(e, score, "compact", dropped=dropped) for e in per_entity(index.by_compact[ckey])]
    return []
