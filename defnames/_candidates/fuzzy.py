"""Step 3d: misspelled, inflected and run-together names — a trigram shortlist scored with
RapidFuzz, where every distinctive word on each side needs a counterpart.

The rapidfuzz import happens here, and only when this pass runs.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from defnames import _weights as W
from defnames._candidates.candidate import Candidate
from defnames._candidates.labels import strip_prefix
from defnames._candidates.mention import Analysis
from defnames._index.names import NameIndex
from defnames._text.keys import compact
from defnames.models import Method, NameKind

__all__ = ["fuzzy_candidates", "word_similarity"]


@cache
def _ratio() -> Any:
    """RapidFuzz's Indel ratio, imported on first use. (A swap of two letters costs it two edits
    over both lengths, which equals Damerau–Levenshtein's one edit over one length: no second
    scorer is needed; the mutation check showed that branch never raised a score.)"""
    from rapidfuzz import fuzz

    return fuzz.ratio


def word_similarity(a: str, b: str, endings: frozenset[str] = frozenset()) -> float:
    """How alike two words are, 0–100, forgiving what real text does to names:

    - inflection: a shared stem of four letters or more and known case ``endings`` (the
      lexicon's ``case_endings``: "grupy"/"grupa", "севмаше"/"севмаш") scores 92;
    - typing: RapidFuzz's Indel ratio ("hanwah"/"hanwha": a swap costs what one edit costs).

    >>> endings = frozenset({"a", "ej"})
    >>> word_similarity("zbrojeniowej", "zbrojeniowa", endings), word_similarity("mills", "dynamics") < 50
    (92.0, True)
    """
    if a == b:
        return 100.0
    score = _ratio()(a, b)
    if score >= W.WORD_ENDING:
        return float(score)
    if a[:4] == b[:4]:
        n = 4
        while n < len(a) and n < len(b) and a[n] == b[n]:
            n += 1
        if (not a[n:] or a[n:] in endings) and (not b[n:] or b[n:] in endings):
            return W.WORD_ENDING
    elif len(a) == len(b) >= 4 and a[:-1] == b[:-1] and a[-1:] in endings and b[-1:] in endings:
        return W.SHORT_WORD_ENDING  # a short word with another case ending: "huty"/"huta"
    return float(score)


def _best(t: str, pool: list[str], endings: frozenset[str]) -> float:
    """The best similarity of a word to any word of a pool (100 for an exact word)."""
    if t in pool:
        return 100.0
    return max((word_similarity(t, u, endings) for u in pool), default=0.0)


_Scored = tuple[str, float, tuple[tuple[str, float], ...]]


def _string_scores(key: str, shortlist: list[str]) -> list[float]:
    """One C++ pass over the shortlist for the whole-string score."""
    from rapidfuzz import fuzz, process

    best = [0.0] * len(shortlist)
    for _, score, i in process.extract(
        key, shortlist, scorer=fuzz.ratio, score_cutoff=W.FUZZY_STRING_CUTOFF, limit=None
    ):
        best[i] = score
    return best  # (spacing alone is the exact pass's compact key: no spacing-blind retry here)


def _weakest_word(
    mine: list[str], theirs: list[str], toks: list[str], cand_toks: list[str], endings: frozenset[str]
) -> float:
    """Every distinctive word on each side needs a counterpart on the other: the weakest one."""
    tok_min = 100.0 if (mine or theirs) else 0.0
    for t, pool in [*((t, cand_toks) for t in mine), *((t, toks) for t in theirs)]:
        tok_min = min(tok_min, _best(t, pool, endings))
        if tok_min < W.WORD_SWAP_FLOOR:
            break  # this candidate is out whatever the other words say
    if not mine:
        tok_min = min(tok_min, W.GENERIC_ONLY_CAP)  # generic words alone are never confident
    return tok_min


def _score_key(
    index: NameIndex, toks: list[str], mine: list[str], cand: str, full: float, penalty: float
) -> _Scored | None:
    lex = index.lex
    cand_toks = cand.split()
    if full < W.FUZZY_WORDS_OK and len(cand_toks) == len(toks):
        # word by word, in order: inflected phrases ("Polskiej Grupy Zbrojeniowej")
        pairs = [word_similarity(x, y, lex.case_endings) for x, y in zip(toks, cand_toks)]
        if min(pairs) >= W.FUZZY_WORDS_OK:
            full = max(full, sum(pairs) / len(pairs))
    if full < W.FUZZY_STRING_MIN:
        return None
    theirs = [t for t in cand_toks if t not in lex.generic]
    tok_min = _weakest_word(mine, theirs, toks, cand_toks, lex.case_endings)
    # the weakest distinctive word caps the score, softened by the whole-string score
    score = min(full, (tok_min + full) / 2) if tok_min >= W.FUZZY_TOKEN_BLEND else min(full, tok_min)
    parts: tuple[tuple[str, float], ...] = (("string similarity", full), ("weakest distinctive word", tok_min))
    # a place word the mention lacks ("Lockheed Martin UK" for "Lockheed Martian")
    extra = [t for t in cand_toks if (t,) in lex.places and _best(t, toks, lex.case_endings) < W.FUZZY_PLACE_SIMILAR]
    if extra:
        score += W.FUZZY_PLACE_WORD * len(extra)
        parts = (*parts, ("place words the mention lacks", W.FUZZY_PLACE_WORD * len(extra)))
    if penalty:
        score += penalty
        parts = (*parts, ("words before the name", penalty))
    return (cand, score, parts) if score >= W.FUZZY_SHOWN else None


def _fuzzy_key(index: NameIndex, toks: list[str], penalty: float) -> list[_Scored]:
    """Fuzzy-score the keys sharing the most rare trigrams with ``toks``: (key, score, parts)."""
    key = " ".join(toks)
    if len(compact(key)) < 4:
        return []  # short strings: acronyms match exactly or not at all
    if len(toks) == 1 and len(key) < SHORT_WORD and toks[0].isascii():
        # one short word written in Latin letters has too many near neighbours: "Volt" is no
        # misspelt Volat (a romanized word of another script, "سيات" = syat, is still compared)
        return []
    mine = [t for t in toks if t not in index.lex.generic]
    shortlist = index.shortlist(key, limit=16)
    out = []
    for cand, full in zip(shortlist, _string_scores(key, shortlist)):
        if full < W.FUZZY_STRING_CUTOFF or len(compact(cand)) <= 3:
            continue  # acronyms match exactly or not at all
        scored = _score_key(index, toks, mine, cand, full, penalty)
        if scored:
            out.append(scored)
    return out


#: Letters of a mention written in capitals that make it an acronym, not a word to misspell.
ACRONYM_MAX = 5
#: A one-word mention (once descriptions are dropped) shorter than this is matched exactly or not at all.
SHORT_WORD = 5


def _acronym(mention: str) -> bool:
    """One word of at most five letters, all capitals ("MARIN", "TNO", "KNDS").

    >>> _acronym("MARIN"), _acronym("Marin"), _acronym("ROSTEC"), _acronym("BAE Systems")
    (True, False, False, False)
    """
    word = mention.strip()
    return 1 < len(word) <= ACRONYM_MAX and word.isalpha() and word.isupper()


def fuzzy_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Fuzzy candidates for the mention with leading descriptions dropped, for the whole
    mention when dropping took a word of the name ("České zbrojovky": "české" is also a
    demonym), and for its last words when leading words are unknown ("přerovské Meopty")."""
    lex = index.lex
    if _acronym(a.mention):
        return []  # "MARIN" is an acronym, not a misspelt Martin: acronyms are exact or nothing
    toks, hints, dropped = strip_prefix(a, lex)
    variants: list[tuple[list[str], float]] = [(toks, 0.0)]
    if toks != a.toks:
        variants.append((a.toks, 0.0))
    found = [x for v, pen in variants for x in _fuzzy_key(index, v, pen)]
    if max((sc for _, sc, _ in found), default=0.0) < W.FUZZY_WORDS_OK and len(toks) >= 2:
        # capitals on a dropped word mean it belongs to the name ("Anatoly Antonov")
        caps = a.caps[len(a.toks) - len(toks) :] if len(a.caps) == len(a.toks) else ()
        for k in (1, 2):
            tail = toks[k:]
            if not any(t not in lex.generic for t in tail):
                break  # generic words alone are never a name
            if any(" ".join(toks[i:k]) in index.by_key for i in range(k)):
                break  # the leading words are a registry name: not unknown words to drop ("Doosan Babcock")
            if a.all_caps or not any(caps[:k]):
                found += _fuzzy_key(index, tail, W.PREFIX_WORD * k)
    out = []
    legal = tuple((f, "legal form") for f in a.legal)
    from_city = bool(hints) and any(why == "city" for _, why in dropped)
    for cand, score, parts in found:
        for entry in index.by_key[cand]:
            sc = score + (W.FUZZY_FORMER if entry.kind is NameKind.former_name else 0.0)
            out.append(
                Candidate(
                    entry, sc, Method.fuzzy, frozenset(hints), (*legal, *dropped), parts, hint_from_city=from_city
                )
            )
    return out
