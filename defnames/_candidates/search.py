"""Mention → candidates: the readings of a mention, each through the passes once, merged.

The passes, cheapest first (docs/matching.md walks through them with examples):

1. **listings** — an exchange-qualified ticker ("RHM GY", "NYSE:NOC") is looked up in
   ``identifiers.ticker``; when one is found, nothing else is tried;
2. **exact** — the whole mention, legal forms stripped, is a key of the name index (or is one
   transliterated, or with its spaces removed); else a bare long symbol ("ASELS");
3. **segments** — known names inside the mention, with every other word explained as a
   demonym, country or city (a country hint), a descriptor, a legal form or a generic word;
   several names whose entities share one owner resolve to that owner;
4. **variants** — keys that mean the same in every script: descriptor concepts and, for a
   mention in another script, the consonant skeleton (:mod:`defnames._candidates.variants`);
   then **inflection** readings, the words de-inflected to forms the registry uses
   (:mod:`defnames._candidates.inflection`);
5. **fuzzy** — a trigram shortlist scored with RapidFuzz, where every distinctive word must
   find a counterpart ("Northrup Grumman" → Northrop Grumman, "General Mills" → nothing);
6. **quoted** — the text inside quotes (``ГП "Антонов"``, ``АО «Концерн «Калашников»»``) as a
   reading of its own, the words outside it explained (see :mod:`defnames._candidates.quoted`);
7. **records** — the readings of a record (its head, each a.k.a., a division join; see
   :mod:`defnames._candidates.readings`), each through passes 2–4 once, the first that names
   an entity scored by what the rest of the record leaves unexplained.

Each pass is a module of this package; this one alone runs them, and no pass calls another.
"""

from __future__ import annotations

import re
from dataclasses import replace

from defnames import _weights as W
from defnames._candidates.candidate import Candidate
from defnames._candidates.exact import exact_candidates
from defnames._candidates.fuzzy import fuzzy_candidates
from defnames._candidates.glued import unglue
from defnames._candidates.inflection import inflected_readings
from defnames._candidates.labels import strip_prefix
from defnames._candidates.listings import bare_symbol_candidates, ticker_candidates
from defnames._candidates.mention import Analysis
from defnames._candidates.quoted import quoted_candidates, quoted_readings
from defnames._candidates.readings import record_readings
from defnames._candidates.records import division_first, record_candidates
from defnames._candidates.segments import segment_candidates
from defnames._candidates.variants import variant_candidates
from defnames._index.names import NameIndex, word_prefixes
from defnames._text.concepts import concept_key
from defnames.models import NameKind

__all__ = ["find_candidates"]

_QUOTE = re.compile(r'["“„«‘「]')
_SEPARATOR = re.compile(r"[,;(\[]|\s[-–—]\s")  # a record's division follows one of these


class _Passes:
    """The passes over one reading, each run at most once (the results are shared by the
    steps that ask for them)."""

    def __init__(self, index: NameIndex, a: Analysis) -> None:
        self.index, self.a = index, a
        self._exact: list[Candidate] | None = None
        self._segments: list[Candidate] | None = None
        self._fuzzy: list[Candidate] | None = None

    def exact(self) -> list[Candidate]:
        if self._exact is None:
            self._exact = exact_candidates(self.index, self.a)
        return self._exact

    def segments(self) -> list[Candidate]:
        if self._segments is None:
            self._segments = segment_candidates(self.index, self.a)
        return self._segments

    def fuzzy(self) -> list[Candidate]:
        if self._fuzzy is None:
            self._fuzzy = [] if _descriptors_only(self.index, self.a) else fuzzy_candidates(self.index, self.a)
        return self._fuzzy

    def named(self) -> set[str]:
        """Ids of the entities this reading names exactly or by its segments."""
        return {c.entity_id for c in self.exact() or self.segments()}

    def best(self) -> list[Candidate]:
        """Exact or segments; fuzzy too when they found nothing confident."""
        found = list(self.exact() or self.segments())
        if not found or max(c.score for c in found) < W.CONFIDENT:
            found += self.fuzzy()
        return found


def _descriptors_only(index: NameIndex, a: Analysis) -> bool:
    """A mention that is descriptor words alone ("OOO TEKHNOLOGIYA", "AO Elektronika": a
    technology, an electronics company) resembles every name that holds the word: it matches
    only a name written exactly so, never by resemblance."""
    key = concept_key(a.key, index.variants.concepts)
    return bool(key) and all(t.startswith("_") for t in key.split())


class _Record:
    """A mention read as a record: its readings and their passes, made on first need."""

    def __init__(self, index: NameIndex, a: Analysis) -> None:
        self.index = index
        self.readings = record_readings(a.mention, index.lex)
        self.results = [_Passes(index, r.analysis) for r in self.readings.alternatives]
        div = self.readings.division
        self.division = _Passes(index, div.analysis) if div else None

    def division_first(self) -> bool:
        return division_first(self.readings, self.results[0] if self.results else None, self.division)

    def candidates(self) -> list[Candidate]:
        return record_candidates(self.index, self.readings, self.results, self.division)


def _inflected_form_of(key: str, a: Analysis) -> bool:
    """The mention's words are the key's words in the same order, some with another ending."""
    words = key.split()
    return (
        key != a.key
        and word_prefixes(key) == word_prefixes(a.key)
        and all(abs(len(w) - len(t)) <= 3 for w, t in zip(words, a.toks))
    )


def _may_be_inflected_longer_name(index: NameIndex, a: Analysis, cands: list[Candidate]) -> bool:
    """A weak name among other words may be an inflected longer name: "концерна Калашников"
    is the alias "Концерн Калашников", not the everyday "Калашников"."""
    return (
        len(a.toks) > 1
        and a.key not in index.by_key
        and word_prefixes(a.key) in index.word_prefixes
        and all(c.entry.weak for c in cands)
    )


def _core_exact(index: NameIndex, a: Analysis) -> list[Candidate]:
    """The mention without its leading places and descriptors, looked up whole (shortened names
    included): "Germany's ThyssenKrupp Marine" is ThyssenKrupp Marine Systems."""
    core, hints, dropped = strip_prefix(a, index.lex)
    if len(core) == len(a.toks) or len(core) < 2:
        return []
    found = exact_candidates(index, Analysis(a.mention, core, a.legal, a.raw))
    return [
        replace(
            c.adjust(W.DESCRIPTOR_WORDS, "descriptor words"),
            hints=c.hints | frozenset(hints),
            dropped=(*dropped, *c.dropped),
        )
        for c in found
    ]


def _inflected(index: NameIndex, a: Analysis, context: str | None, whole: bool = False) -> list[Candidate]:
    """The first de-inflected reading that names an entity exactly or by segments that explain
    every word ("Lockheedem Martinem" is Lockheed Martin, not Martin with a word left over); else
    the first that names one by its segments at all (never, with ``whole``)."""
    first: list[Candidate] = []
    for reading in inflected_readings(a.mention, index.lex, index.variants.vocabulary, context):
        found = _Passes(index, reading.analysis)
        hits = found.exact() or [c for c in found.segments() if c.score >= W.CONFIDENT]
        hits = [c for c in hits if not _acronym_with_glued_ending(c, a.mention)]
        complete = [c for c in hits if not _unexplained([c])]
        if complete:
            return [c.adjust(W.INFLECTED, "case ending taken off") for c in complete]
        first = first or hits
    return [] if whole else [c.adjust(W.INFLECTED, "case ending taken off") for c in first]


# a mark before the ending, another script, or capitals then small letters ("MBDAn", "PGZu")
_ENDING_MARK = re.compile(r"\w['’:.\-]\w|[^\x00-\x7f]|[A-Z]{2,}[a-z]{1,4}\b")


def _acronym_with_glued_ending(c: Candidate, mention: str) -> bool:
    """An acronym takes a case ending after a mark ("FFG:n", "PGZ-u"), in another script
    ("KAI가") or in small letters after its capitals ("MBDAn"), never glued in the same case:
    "APPLE" and "Apple" are not APP with an ending."""
    name = c.entry.name
    acronym = c.entry.kind is NameKind.acronym or (name.isupper() and len(name.replace(" ", "")) <= 4)
    return acronym and not _ENDING_MARK.search(mention)


def _more_inflected(index: NameIndex, a: Analysis, context: str | None, cands: list[Candidate]) -> list[Candidate]:
    """De-inflected readings when nothing is confident yet, or when the confident candidates
    leave words unexplained ("Lockheedem Martinem": not Martin with a word left over)."""
    if not _confident(cands):
        return _inflected(index, a, context)
    return _inflected(index, a, context, whole=True) if _unexplained(cands) else []


def _unglued(index: NameIndex, a: Analysis, context: str | None) -> list[Candidate]:
    """The confident candidates of the mention without the country words and descriptions glued
    before it ("美国洛克希德·马丁公司", "米ボーイング"; see :mod:`defnames._candidates.glued`)."""
    g = unglue(a, index.lex)
    if g is None:
        return []
    return [
        replace(
            c.adjust(W.DESCRIPTOR_WORDS, "descriptor words"),
            hints=c.hints | g.hints,
            dropped=(*g.dropped, *c.dropped),
        )
        for c in find_candidates(index, g.analysis, context)
        if c.score >= W.CONFIDENT
    ]


def _quoted(index: NameIndex, a: Analysis) -> list[Candidate]:
    """The first quoted reading that names an entity (the outermost quotes first)."""
    for reading in quoted_readings(a.mention, index.lex):
        found = _Passes(index, reading.analysis).best()
        if found:
            return quoted_candidates(index, reading, found)
    return []


def _unexplained(cands: list[Candidate]) -> bool:
    """Whether the best candidates leave words of the mention unexplained."""
    return any(label == "unexplained" for c in cands if c.score >= W.CONFIDENT for _, label in c.dropped)


def _confident(cands: list[Candidate]) -> bool:
    return bool(cands) and max(c.score for c in cands) >= W.CONFIDENT


def find_candidates(index: NameIndex, a: Analysis, context: str | None = None) -> list[Candidate]:
    """Every reading of an analysed mention from the name index alone (no context yet), best first."""
    blocked = index.blocked
    if not a.toks or a.key in blocked or (a.legal and " ".join(a.raw) in blocked):
        return []  # nothing, or a well-known name that is not a defense company ("Hanwha Life")
    listed = ticker_candidates(index, a.mention)
    if listed:
        return listed
    whole = _Passes(index, a)
    record: _Record | None = None
    cands = whole.exact() or bare_symbol_candidates(index, a.mention) or _core_exact(index, a)
    if not cands:
        record = _Record(index, a) if _SEPARATOR.search(a.mention) else None
        cands = record.candidates() if record and record.division_first() else whole.segments()
    if not _confident(cands):
        cands = [*cands, *variant_candidates(index, a)]
    cands = [*cands, *_more_inflected(index, a, context, cands)]
    if not _confident(cands):
        cands = [*cands, *_unglued(index, a, context)]
    if not _confident(cands):
        cands = [*cands, *whole.fuzzy()]
    elif _may_be_inflected_longer_name(index, a, cands):
        cands = [*cands, *(c for c in whole.fuzzy() if _inflected_form_of(c.entry.key, a))]
    if not _confident(cands) and _QUOTE.search(a.mention):
        cands = [*cands, *_quoted(index, a)]
    if not _confident(cands):
        record = record or _Record(index, a)
        cands = [*cands, *record.candidates()]
    if a.legal:
        legal = index.lex.countries_of_legal_forms(a.legal)
        cands = [replace(c, legal=legal, legal_written=True) for c in cands]
    if len(cands) > 1:
        cands.sort(key=lambda c: -c.score)
    return cands
