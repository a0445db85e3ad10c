"""Step 3: find the entities a mention could mean, each with a score and its reasons.

Four passes, cheapest first (docs/matching.md walks through them with examples):

1. **exact** — the whole mention, legal forms stripped, is a key of the name index
   (or is one with its spaces removed: "Hanwha Aero space");
2. **segments** — known names inside the mention, with every other word explained as a
   demonym, country or city (a country hint), a descriptor ("battle tank manufacturer"), a
   legal form or a generic word; words that nothing explains lower the score
   ("Lockheed Lane Pharmacy"). Several names whose entities share one owner resolve to that
   owner ("KNDS – the union of the German KMW and the French Nexter" → KNDS);
3. **fuzzy** — a trigram shortlist scored with RapidFuzz, where every distinctive word must
   find a counterpart ("Northrup Grumman" → Northrop Grumman, "General Mills" → nothing);
4. **records** — the first part of a record ("Raytheon Co., Tucson, Arizona"), the rest
   explained as places, legal forms or an a.k.a.

The rapidfuzz import happens only here, and only when the fuzzy pass runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from .context import descriptor_at, place_at
from .name_index import NameEntry, NameIndex
from .normalize import cased_words, compact, strip_legal_forms, tokens, translit_key

if TYPE_CHECKING:
    from .lexicon import Lexicon

__all__ = ["Candidate", "find_candidates"]

_METHOD = {
    "name": "exact",
    "legal_name": "legal_name",
    "alias": "alias",
    "weak_alias": "weak_alias",
    "former_name": "former_name",
    "acronym": "acronym",
}


@dataclass(slots=True)  # not frozen: built on every call, and frozen dataclasses are slow to build
class Candidate:
    """A possible reading of a mention, before context and the final choice."""

    entry: NameEntry
    score: float
    method: str
    hints: frozenset[str] = frozenset()
    dropped: tuple[tuple[str, str], ...] = ()
    parts: tuple[tuple[str, float], ...] = ()
    span: tuple[int, int] = (0, 0)
    group: tuple[str, ...] = ()  # other entities named in the same mention
    via: str | None = None  # a merged entity followed to its successor
    hint_after: bool = False  # the country hint came after the name ("Bell Canada")
    hint_from_city: bool = False  # ... or from a city before it ("Indianapolis Colts")
    legal: frozenset[str] = frozenset()  # countries whose law has the stripped legal forms

    @property
    def entity_id(self) -> str:
        return self.entry.entity_id

    def adjust(self, delta: float, why: str) -> Candidate:
        # not capped at 100 while ranking, so that a bonus can still separate two perfect names
        return replace(self, score=max(0.0, self.score + delta), parts=(*self.parts, (why, delta)))


_POSSESSOR = re.compile(r"(\w+)['’]s?(?=\s)")


@dataclass
class Analysis:
    """A mention split into words, with what the matcher learned about each."""

    mention: str
    toks: list[str]
    legal: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # before legal forms were stripped

    @property
    def key(self) -> str:
        return " ".join(self.toks)

    @cached_property
    def _cased(self) -> list[str]:
        return [c for c in self.mention if c.lower() != c.upper()]  # letters of scripts with capitals

    @cached_property
    def all_caps(self) -> bool:
        """"LOCKHEED MARTIN CORP": capitals say nothing about which words belong to a name."""
        return bool(self._cased) and all(c.isupper() for c in self._cased)

    @cached_property
    def all_lower(self) -> bool:
        """"safran", "true anomaly": maybe not a name at all."""
        return bool(self._cased) and not any(c.isupper() for c in self._cased)

    @cached_property
    def possessors(self) -> frozenset[str]:
        """Words written with a possessive: "Palmer Luckey's Anduril" -> {'luckey'}."""
        return frozenset(m.group(1).casefold() for m in _POSSESSOR.finditer(self.mention))

    @cached_property
    def caps(self) -> tuple[bool, ...]:
        """Per word of ``toks``: written with a capital (empty when words cannot be aligned)."""
        words = cased_words(self.mention)
        if len(words) != len(self.raw):
            return ()
        core, raw = self.toks, self.raw
        offset = next((i for i in range(len(raw) - len(core) + 1) if raw[i : i + len(core)] == core), 0)
        return tuple(w[:1].isupper() for w in words[offset : offset + len(core)])


def analyse(mention: str, lex: Lexicon) -> Analysis:
    toks = tokens(mention, lex)
    core, legal = strip_legal_forms(toks, lex)
    return Analysis(mention, core, legal, toks)


def _per_entity(entries: list[NameEntry]) -> list[NameEntry]:
    """The first (best-ranked) entry of each entity: name before legal name, alias, former name."""
    if len(entries) < 2:
        return entries
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.entity_id not in seen:
            seen.add(e.entity_id)
            out.append(e)
    return out


def _exact(index: NameIndex, a: Analysis) -> list[Candidate]:
    key = a.key
    if len(a.toks) > 1 and a.toks[0] == "the":
        key = " ".join(a.toks[1:])
    dropped = tuple((f, "legal form") for f in a.legal)
    span = (0, len(a.toks))
    if a.legal:  # the full name first: "BAE Systems, Inc." is not "BAE Systems plc"
        raw = a.raw[1:] if len(a.raw) > 1 and a.raw[0] == "the" else a.raw
        hits = index.by_key.get(" ".join(raw))
        if hits:
            return [Candidate(e, 100.0, _METHOD[e.kind], span=span) for e in _per_entity(hits)]
    hits = index.by_key.get(key)
    if hits:
        return [Candidate(e, 100.0, _METHOD[e.kind], dropped=dropped, span=span) for e in _per_entity(hits)]
    tkey = translit_key(key, index.lex)
    if tkey != key and tkey in index.by_key:
        return [Candidate(e, 98.0, _METHOD[e.kind], dropped=(*dropped, (key, "transliterated")))
                for e in _per_entity(index.by_key[tkey])]
    ckey = compact(key)
    if ckey in index.by_compact:
        score = 98.0 if " " in key else 97.0
        return [Candidate(e, score, "compact", dropped=dropped) for e in _per_entity(index.by_compact[ckey])]
    return []


def _spans(index: NameIndex, toks: list[str]) -> list[tuple[int, int, str]]:
    """Known names inside a token list: leftmost-longest, not overlapping."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        for j in range(min(n, i + index.max_tokens), i, -1):
            key = " ".join(toks[i:j])
            if key in index.by_key:
                out.append((i, j, key))
                i = j
                break
        else:
            i += 1
    return out


_POSSESSIVE_BETWEEN = re.compile(r"\w['’]s?\s+\w")
_JOINERS = frozenset({"and", "und", "et", "y", "e", "i", "a", "и", "і", "ve", "union", "merger", "merged", "joint",
                      "venture", "alliance", "consortium", "partnership", "formed", "between", "plus", "together",
                      "fusion", "zusammenschluss", "spojení", "połączenie", "объединение"})
_HONORIFIC = frozenset({"imeni", "im", "имени", "им", "імені"})
_PREFIX_WORD = -4.0  # an unexplained word before the name: news describes companies there
_PREFIX_WORD_WEAK = -6.0  # ... more when the name is also an everyday word
_PREFIX_CAP = -12.0


def _label_words(index: NameIndex, toks: list[str], covered: set[int], after_first: int) -> dict[int, tuple[str, str]]:
    """Why each word outside the names is there: place, descriptor, location, legal form,
    generic, ownership, or unexplained."""
    lex = index.lex
    label: dict[int, tuple[str, str]] = {}
    i = 0
    while i < len(toks):
        if i in covered:
            i += 1
            continue
        p = place_at(toks, i, lex)
        if p and not any(k in covered for k in range(i, p[0])):
            for k in range(i, p[0]):
                label[k] = ("place", p[1])
            i = p[0]
            continue
        if toks[i] in lex.locatives and i >= after_first:
            # "in Schrobenhausen", "ze Šternberka": up to three words of location
            j = i + 1
            while j < len(toks) and j < i + 4 and j not in covered:
                j += 1
            code = next((c for k in range(i + 1, j) if (c := (place_at(toks, k, lex) or (0, ""))[1])), "")
            for k in range(i, j):
                label[k] = ("location", code)
            i = j
            continue
        t = toks[i]
        if lex.is_ownership_word(t):
            label[i] = ("ownership", "")
            i += 1
            continue
        if t in _HONORIFIC and i >= after_first:
            # "ZAVOD IMENI V.A. DEGTYAREVA": "named after" and the person's initials and name
            j = min(len(toks), i + 4)
            for k in range(i, j):
                if k not in covered:
                    label[k] = ("named after", "")
            i = j
            continue
        d = descriptor_at(toks, i, lex)
        if d and not any(k in covered for k in range(i, d)):
            for k in range(i, d):
                label[k] = ("descriptor", "")
            i = d
            continue
        if (t,) in lex.legal_end or (t,) in lex.legal_start:
            label[i] = ("legal form", "")
        elif any(ch.isdigit() for ch in t):
            label[i] = ("generic", "")  # "14th research institute", "Nr 1", "Saab 900"
        elif lex.is_ownership_word(t):
            label[i] = ("ownership", "")
        elif t in lex.generic:
            label[i] = ("generic", "")
        else:
            label[i] = ("unexplained", "")
        i += 1
    return label


def _segments(index: NameIndex, a: Analysis) -> list[Candidate]:
    toks = a.toks
    spans = _spans(index, toks)
    if not spans:
        return []
    if len(spans) > 1:
        # a two- or three-letter weak name beside a real one is a word ("il gruppo Fincantieri")
        strong = [sp for sp in spans if not all(x.weak for x in index.by_key[sp[2]])]
        if strong:
            caps = {w.casefold() for w in cased_words(a.mention) if w.isupper()}
            spans = [sp for sp in spans if sp in strong or len(compact(sp[2])) > 3 or sp[2] in caps]
    covered = {k for s, e, _ in spans for k in range(s, e)}
    label = _label_words(index, toks, covered, spans[0][1])
    first, last = spans[0][0], spans[-1][1]
    first_weak = all(x.weak for x in index.by_key[spans[0][2]])
    # a capitalised word right before the name is part of a longer name ("Anatoly Antonov",
    # "Chevrolet Beretta", "FC Arsenal"), unless capitals say nothing (all-caps records)
    def run_on(k: int) -> bool:
        return k == first - 1 and not a.all_caps and k < len(a.caps) and a.caps[k] and toks[k] not in a.possessors

    prefix = [k for k, (r, _) in label.items() if r == "unexplained" and k < first and not run_on(k)]
    rest = [k for k, (r, _) in label.items() if r == "unexplained" and (k >= first or run_on(k))]
    generic = [k for k, (r, _) in label.items() if r == "generic" and k >= first]
    prefix_generic = [k for k, (r, _) in label.items() if r == "generic" and k < first]
    matched_words = sum(e - s for s, e, _ in spans)
    parts: list[tuple[str, float]] = []
    if any(r in ("descriptor", "location", "ownership") for r, _ in label.values()):
        parts.append(("descriptor words", -2.0))
    if generic:
        parts.append(("generic words outside the name", -4.0 * len(generic)))
    if prefix or prefix_generic:
        n = len(prefix) + len(prefix_generic)
        per = _PREFIX_WORD_WEAK if first_weak else _PREFIX_WORD
        parts.append(("words before the name", max(_PREFIX_CAP, per * n)))
    if rest:  # words after or between names usually make another name: "Saab Automobile"
        coverage = 100.0 * matched_words / (matched_words + len(rest))
        parts.append(("unexplained words after the name", coverage - 100.0))
    if all(x.vague for sp in spans for x in index.by_key[sp[2]]) and any(
        r in ("place", "unexplained") for r, _ in label.values()
    ):
        # a name made of generic words is only that name when it stands alone: "Korea Aerospace"
        # is not The Aerospace Corporation
        parts.append(("generic name among other words", -30.0))
    score = 100.0 + sum(d for _, d in parts)
    dropped = tuple((toks[k], r if r not in ("place",) else f"place ({c})") for k, (r, c) in sorted(label.items()))
    dropped = (*((f, "legal form") for f in a.legal), *dropped)

    # country hints: a place word belongs to the name right after it (or right before it)
    hints_for: dict[int, set[str]] = {n: set() for n in range(len(spans))}
    for k, (r, code) in label.items():
        if r not in ("place", "location") or not code:
            continue
        nxt = next((n for n, (s, _, _) in enumerate(spans) if s > k), None)
        prv = next((n for n in range(len(spans) - 1, -1, -1) if spans[n][1] <= k), None)
        target = nxt if nxt is not None and _only_labels(label, k, spans[nxt][0]) else prv
        if target is None:
            target = nxt if nxt is not None else 0
        hints_for[target].add(code)
    if len(spans) == 1:
        hints_for[0] = {c for _, (r, c) in label.items() if r in ("place", "location") and c}
    owned = (
        any(r == "ownership" for r, _ in label.values())
        # "Sikorsky Aircraft Corp., a Lockheed Martin company": the owner is named as "a X company"
        or any(s > 0 and toks[s - 1] in ("a", "an") and (
            (e < len(toks) and toks[e] in ("company", "co", "business", "unit"))
            or (e == len(toks) and a.legal[-1:] in (["co"], ["company"])))
            for s, e, _ in spans[1:])
        # "Textron's Bell": the owner's possessive before the subsidiary
        or (len(spans) == 2 and _POSSESSIVE_BETWEEN.search(a.mention) is not None)
    )
    after = any(r == "place" and k >= last for k, (r, _) in label.items())
    runs = _runs(sorted(k for k, (r, _) in label.items() if r == "place"))
    from_city = bool(runs) and all(tuple(toks[s:e]) in index.lex.cities for s, e in runs)
    out = []
    span_ids = tuple(e.entity_id for _, _, key in spans for e in index.by_key[key])
    # several names: a joint venture and its parts ("KNDS – KMW and Nexter") or a subsidiary
    # and its owner; otherwise the first name is the subject ("Oshkosh Defense, Oshkosh")
    joined = owned or any(toks[k] in _JOINERS for k in label)
    group = ((*span_ids, "owned") if owned else span_ids) if len(spans) > 1 and joined else ()
    for n, (s, e, key) in enumerate(spans):
        later = len(spans) > 1 and not joined and n > 0
        for entry in _per_entity(index.by_key[key]):
            c = Candidate(entry, score, _METHOD[entry.kind], frozenset(hints_for[n]), dropped,
                          tuple(parts), (s, e), group, hint_after=after and n == len(spans) - 1,
                          hint_from_city=from_city)
            out.append(c.adjust(-20.0, "named after another name") if later else c)
    return out


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive indices as (start, end) runs: [1, 2, 5] -> [(1, 3), (5, 6)]."""
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _only_labels(label: dict[int, tuple[str, str]], start: int, end: int) -> bool:
    return all(k in label and label[k][0] in ("place", "descriptor", "unexplained") for k in range(start, end))


def _strip_prefix(a: Analysis, lex: Lexicon) -> tuple[list[str], set[str], list[tuple[str, str]]]:
    """Drop leading demonyms, places and descriptors; keep what they say about the country."""
    toks = list(a.toks)
    hints: set[str] = set()
    dropped: list[tuple[str, str]] = []
    while len(toks) > 1:
        p = place_at(toks, 0, lex)
        if p and p[0] < len(toks):
            hints.add(p[1])
            if tuple(toks[: p[0]]) in lex.cities:
                dropped.append((" ".join(toks[: p[0]]), "city"))
            dropped.append((" ".join(toks[: p[0]]), f"place ({p[1]})"))
            toks = toks[p[0]:]
            continue
        d = descriptor_at(toks, 0, lex)
        if d and d < len(toks):
            dropped.append((" ".join(toks[:d]), "descriptor"))
            toks = toks[d:]
            continue
        break
    while len(toks) > 1:
        p = place_at(toks, len(toks) - 1, lex)
        if p and p[0] == len(toks):
            hints.add(p[1])
            dropped.append((toks[-1], f"place ({p[1]})"))
            toks = toks[:-1]
            continue
        break
    return toks, hints, dropped


@cache
def _scorers() -> tuple[Any, Any]:
    """RapidFuzz's Indel ratio and Damerau–Levenshtein similarity, imported on first use."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import DamerauLevenshtein

    return fuzz.ratio, DamerauLevenshtein.normalized_similarity


def word_similarity(a: str, b: str) -> float:
    """How alike two words are, 0–100, forgiving what real text does to names:

    - inflection: a shared stem of four letters or more with short endings
      ("grupy"/"grupa", "севмаше"/"севмаш", "zbrojovky"/"zbrojovka") scores 92;
    - typing: RapidFuzz's Indel ratio, or Damerau–Levenshtein for swapped letters
      ("hanwah"/"hanwha").

    >>> word_similarity("zbrojeniowej", "zbrojeniowa"), word_similarity("mills", "dynamics") < 50
    (92.0, True)
    """
    if a == b:
        return 100.0
    ratio, damerau = _scorers()
    score = ratio(a, b)
    if score >= 92:
        return float(score)
    if a[:4] == b[:4]:
        n = 4
        while n < len(a) and n < len(b) and a[n] == b[n]:
            n += 1
        if len(a) - n <= 3 and len(b) - n <= 3:
            return 92.0
    elif len(a) == len(b) >= 4 and a[:-1] == b[:-1]:
        return 88.0  # a short word with another case ending: "huty"/"huta"
    if score >= 60:  # a swap of two letters costs Indel two edits, Damerau one
        score = max(score, 100.0 * damerau(a, b))
    return float(score)


def _best(t: str, pool: list[str]) -> float:
    """The best similarity of a word to any word of a pool (100 for an exact word)."""
    if t in pool:
        return 100.0
    return max((word_similarity(t, u) for u in pool), default=0.0)


_Scored = tuple[str, float, tuple[tuple[str, float], ...]]


def _fuzzy_key(index: NameIndex, toks: list[str], penalty: float) -> list[_Scored]:
    """Fuzzy-score the keys sharing the most rare trigrams with ``toks``: (key, score, parts)."""
    from rapidfuzz import fuzz, process

    lex = index.lex
    key = " ".join(toks)
    if len(compact(key)) < 4:
        return []  # short strings: acronyms match exactly or not at all
    mine = [t for t in toks if t not in lex.generic]
    shortlist = index.shortlist(key, limit=16)
    # one C++ pass over the shortlist for the whole-string score; spacing ignored only if needed
    best_full = [0.0] * len(shortlist)
    for _, score, i in process.extract(key, shortlist, scorer=fuzz.ratio, score_cutoff=55, limit=None):
        best_full[i] = score
    if max(best_full, default=0.0) < 85 and " " in key:
        compacts = [compact(x) for x in shortlist]
        for _, score, i in process.extract(compact(key), compacts, scorer=fuzz.ratio, score_cutoff=70, limit=None):
            best_full[i] = max(best_full[i], score)
    out = []
    for i, cand in enumerate(shortlist):
        full = best_full[i]
        if full < 55:
            continue
        cand_toks = cand.split()
        if full < 85 and len(cand_toks) == len(toks) and len(toks) > 1:
            # word by word, in order: inflected phrases ("Polskiej Grupy Zbrojeniowej")
            pairs = [word_similarity(x, y) for x, y in zip(toks, cand_toks)]
            if min(pairs) >= 85:
                full = max(full, sum(pairs) / len(pairs))
        if full < 70:
            continue
        theirs = [t for t in cand_toks if t not in lex.generic]
        # every distinctive word on each side needs a counterpart on the other
        tok_min = 100.0 if (mine or theirs) else 0.0
        for t, pool in [*((t, cand_toks) for t in mine), *((t, toks) for t in theirs)]:
            tok_min = min(tok_min, _best(t, pool))
            if tok_min < 60:
                break  # this candidate is out whatever the other words say
        if not mine:
            tok_min = min(tok_min, 60.0)  # generic words alone are never confident
        # the weakest distinctive word caps the score, softened by the whole-string score
        score = min(full, (tok_min + full) / 2) if tok_min >= 75 else min(full, tok_min)
        parts: tuple[tuple[str, float], ...] = (("string similarity", full), ("weakest distinctive word", tok_min))
        # a place word the mention lacks ("Lockheed Martin UK" for "Lockheed Martian")
        extra = [t for t in cand_toks if (t,) in lex.places and _best(t, toks) < 80]
        if extra:
            score -= 8.0 * len(extra)
            parts = (*parts, ("place words the mention lacks", -8.0 * len(extra)))
        if penalty:
            score += penalty
            parts = (*parts, ("words before the name", penalty))
        if score >= 60:  # below that, not worth showing even as a candidate
            out.append((cand, score, parts))
    return out


def _fuzzy(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Fuzzy candidates for the mention with leading descriptions dropped, for the whole
    mention when dropping took a word of the name ("České zbrojovky": "české" is also a
    demonym), and for its last words when leading words are unknown ("přerovské Meopty")."""
    lex = index.lex
    toks, hints, dropped = _strip_prefix(a, lex)
    variants: list[tuple[list[str], float]] = [(toks, 0.0)]
    if toks != a.toks:
        variants.append((a.toks, 0.0))
    found = [x for v, pen in variants for x in _fuzzy_key(index, v, pen)]
    if max((sc for _, sc, _ in found), default=0.0) < 85 and len(toks) >= 2:
        # capitals on a dropped word mean it belongs to the name ("Anatoly Antonov")
        caps = a.caps[len(a.toks) - len(toks):] if len(a.caps) == len(a.toks) else ()
        for k in (1, 2):
            tail = toks[k:]
            if not any(t not in lex.generic for t in tail):
                break  # generic words alone are never a name
            if a.all_caps or not any(caps[:k]):
                found += _fuzzy_key(index, tail, _PREFIX_WORD * k)
    out = []
    legal = tuple((f, "legal form") for f in a.legal)
    from_city = bool(hints) and any(why == "city" for _, why in dropped)
    for cand, score, parts in found:
        for entry in index.by_key[cand]:
            sc = score - (1.0 if entry.kind == "former_name" else 0.0)
            out.append(Candidate(entry, sc, "fuzzy", frozenset(hints), (*legal, *dropped), parts,
                                 hint_from_city=from_city))
    return out


# Where a record splits a name from what follows it: "Raytheon Co., Tucson, Arizona",
# "CACI, INC. - FEDERAL", "SHAHID HEMMAT INDUSTRIAL GROUP (a.k.a. SHIG)", "X; Y".
_SPLIT = re.compile(r"\s*(?:[,;(\[]|\s[-–—]\s|\b(?:a\.?k\.?a|f\.?k\.?a|d/?b/?a|formerly)\b\.?)\s*", re.IGNORECASE)
_AKA = re.compile(r"\b(?:a\.?k\.?a|f\.?k\.?a|also known as|formerly known as)\b\.?\s*(?P<alt>[^;),]+)", re.IGNORECASE)


def find_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Every reading of an analysed mention from the name index alone (no context yet), best first."""
    if not a.toks:
        return []
    cands = _exact(index, a)
    if not cands:
        cands = _segments(index, a)
    if not cands or max(c.score for c in cands) < 90:
        cands += _fuzzy(index, a)
    if not cands or max(c.score for c in cands) < 90:
        cands += _record_parts(index, a)
    if a.legal:
        legal = index.lex.countries_of_legal_forms(a.legal)
        if legal:
            cands = [replace(c, legal=legal) for c in cands]
    if len(cands) > 1:
        cands.sort(key=lambda c: -c.score)
    return cands


_TICKER = re.compile(r"^[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?$")


def _looks_like_ticker(part: str) -> bool:
    """A ticker or an acronym in brackets: "(LMT)", "(NYSE: LMT)", "(HO.PA)", "(ASELS.IS)"."""
    words = part.strip(" )").replace(":", " ").split()
    return 1 <= len(words) <= 2 and bool(_TICKER.match(words[-1]))


def _rest_penalty(index: NameIndex, rest: str, alternatives: list[str], per_part: float = -15.0) -> float:
    """What follows the name in a record must be explained: places ("Tucson, Arizona": a
    city before a state), legal forms, descriptors, other registry names ("a Lockheed Martin
    company"), or an a.k.a. Each part that is not costs 15 points ("Harris, Kamala")."""
    lex = index.lex
    parts = [p for p in _SPLIT.split(rest) if p and p.strip(" .)")]
    penalty = 0.0
    explained_next = False
    for p in reversed(parts):  # right to left: a state or country explains the city before it
        toks, _ = strip_legal_forms(tokens(p, lex), lex)
        ok = any(p.strip() in alt or alt in p for alt in alternatives[1:]) or _looks_like_ticker(p)
        if not ok and toks:
            covered: set[int] = {k for s, e, _ in _spans(index, toks) for k in range(s, e)}
            labels = _label_words(index, toks, covered, 0)
            kinds = {r for r, _ in labels.values()}
            ok = "unexplained" not in kinds
            is_place = bool(labels) and kinds <= {"place", "location", "descriptor"}
            if not ok and explained_next:
                ok = True  # a city before its state or country
            explained_next = is_place
        elif ok:
            explained_next = False
        if not ok:
            penalty += per_part
    return penalty


def _named_entities(index: NameIndex, text: str) -> set[str]:
    """Ids of the entities a short text names exactly or by its segments."""
    sub = analyse(text, index.lex)
    return {c.entity_id for c in _exact(index, sub) or _segments(index, sub)} if sub.toks else set()


def _record_parts(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Records put the name first and the rest after a comma, a dash or a bracket: the
    city and state of a contract award, an 'a.k.a.', a parent ('a Lockheed Martin company')."""
    head = _SPLIT.split(a.mention, maxsplit=1)[0].strip()
    alternatives = [head] + [m.group("alt").strip() for m in _AKA.finditer(a.mention)]
    out: list[Candidate] = []
    for alt in alternatives:
        if not alt or alt == a.mention.strip():
            continue
        sub = analyse(alt, index.lex)
        if not sub.toks:
            continue
        found = _exact(index, sub) or _segments(index, sub)
        if not found or max(c.score for c in found) < 90:
            found += _fuzzy(index, sub)
        rest = a.mention.replace(alt, " ", 1).strip(" ,;()-–—")
        # a short word in brackets is an acronym or a ticker: "(बीईएल)", "(LMT)"
        bracketed = [b for b in re.findall(r"\(([^()]*)\)", a.mention) if len(b.split()) == 1 and len(b) <= 6]
        # after a distinctive name found whole, the rest is the record's metadata (addresses,
        # more a.k.a.s) and costs little; after a weak one ("Harris, Kamala") it decides
        found_ids = {c.entity_id for c in found}
        same_aka = any(_named_entities(index, other) & found_ids for other in alternatives[1:] if other != alt)
        strong = same_aka or any((not c.entry.weak or c.entry.vague) and c.score >= 97 for c in found)
        penalty = _rest_penalty(index, rest, alternatives + bracketed, -3.0 if strong else -15.0)
        penalty = max(penalty, -9.0) if strong else penalty
        for c in found:
            c = c.adjust(-2.0 + penalty, "rest of the record")
            out.append(replace(c, dropped=(*c.dropped, (rest, "rest of the record"))))
        if out:
            break
    return out
