"""Records — contract awards, sanctions entries, listings — put the name first and the rest
after a comma, a dash or a bracket: a city and state, a.k.a.s, an address, a ticker.

This pass does not look names up itself: :mod:`defnames._candidates.readings` cuts the record
into readings, the search runs the other passes once on each, and this module chooses the
first reading that found something and scores what the rest of the record says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from defnames import _weights as W
from defnames._candidates.candidate import Candidate
from defnames._candidates.labels import label_words, name_spans
from defnames._candidates.readings import Reading, ReadingKind, RecordReadings, split_record
from defnames._index.names import NameIndex
from defnames._text.keys import strip_legal_forms
from defnames._text.tokens import tokens

__all__ = ["ReadingResults", "division_first", "record_candidates"]


class ReadingResults(Protocol):
    """What the passes found for one reading (each pass run at most once)."""

    def best(self) -> list[Candidate]: ...

    def exact(self) -> list[Candidate]: ...

    def named(self) -> set[str]: ...


_TICKER = re.compile(r"^[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?$")


def _looks_like_ticker(part: str) -> bool:
    """A ticker or an acronym in brackets: "(LMT)", "(NYSE: LMT)", "(HO.PA)", "(ASELS.IS)"."""
    words = part.strip(" )").replace(":", " ").split()
    return 1 <= len(words) <= 2 and bool(_TICKER.match(words[-1]))


def _rest_penalty(index: NameIndex, rest: str, alternatives: list[str], per_part: float) -> float:
    """What follows the name in a record must be explained: places ("Tucson, Arizona": a
    city before a state), legal forms, descriptors, other registry names ("a Lockheed Martin
    company"), or an a.k.a. Each part that is not costs ``per_part`` ("Harris, Kamala")."""
    lex = index.lex
    parts = [p for p in split_record(rest) if p and p.strip(" .)")]
    penalty = 0.0
    explained_next = False
    for p in reversed(parts):  # right to left: a state or country explains the city before it
        toks, _ = strip_legal_forms(tokens(p, lex), lex)
        ok = any(p.strip() in alt or alt in p for alt in alternatives[1:]) or _looks_like_ticker(p)
        if not ok and toks:
            covered: set[int] = {k for s, e, _ in name_spans(index, toks) for k in range(s, e)}
            labels = label_words(index, toks, covered, 0)
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


def division_first(rr: RecordReadings, head: ReadingResults | None, division: ReadingResults | None) -> bool:
    """A record that names a division after the company's legal name ("GENERAL DYNAMICS CORP.,
    LAND SYSTEMS, STERLING HEIGHTS, MICHIGAN") is read as a record first: the division is the
    entity meant, though the company's name alone would also match the whole."""
    first = rr.head
    if first is None or head is None or division is None or not first.analysis.legal:
        return False  # a division follows a legal name: "CORP.,", "Inc. -"
    return bool(head.exact()) and bool(division.exact())


def record_candidates(
    index: NameIndex, rr: RecordReadings, results: Sequence[ReadingResults], division: ReadingResults | None
) -> list[Candidate]:
    """The first reading (head, then each a.k.a.) that names an entity, its score lowered by
    what the rest of the record leaves unexplained."""
    alternatives = [r.text for r in rr.alternatives]
    for n, (reading, res) in enumerate(zip(rr.alternatives, results)):
        found = res.best()
        if not found:
            continue
        rest = reading.rest
        if reading.kind is ReadingKind.head and division is not None and rr.division and division.exact():
            found, rest = division.exact(), rr.division.rest  # "LOCKHEED MARTIN CORP. - ROTARY AND MISSION SYSTEMS"
        return _scored(
            index,
            reading,
            found,
            rest,
            alternatives + rr.bracketed,
            _same_entity_elsewhere(found, [(r.kind, x) for r, x in zip(rr.alternatives, results)], n),
        )
    return []


def _same_entity_elsewhere(
    found: list[Candidate], results: Sequence[tuple[ReadingKind, ReadingResults]], n: int
) -> bool:
    """Another reading of the record (an a.k.a.) names one of the same entities."""
    ids = {c.entity_id for c in found}
    return any(k != n and kind is ReadingKind.aka and (res.named() & ids) for k, (kind, res) in enumerate(results))


def _scored(
    index: NameIndex, reading: Reading, found: list[Candidate], rest: str, explained: list[str], same_aka: bool
) -> list[Candidate]:
    # after a distinctive name found whole, the rest is the record's metadata (addresses,
    # more a.k.a.s) and costs little; after a weak one ("Harris, Kamala") it decides
    strong = same_aka or any((not c.entry.weak or c.entry.vague) and c.score >= W.RECORD_STRONG_SCORE for c in found)
    per_part = W.RECORD_REST_PART_STRONG if strong else W.RECORD_REST_PART
    penalty = _rest_penalty(index, rest, explained, per_part)
    penalty = max(penalty, W.RECORD_REST_CAP_STRONG) if strong else penalty
    sub = reading.analysis
    legal = index.lex.countries_of_legal_forms(sub.legal) if sub.legal else frozenset()
    out = []
    for c in found:
        c = c.adjust(W.RECORD_READING + penalty, "rest of the record")
        if sub.legal:  # "V2X Inc., McLean, Virginia": the legal form was written with the name
            c = replace(c, legal=legal, legal_written=True)
        out.append(replace(c, dropped=(*c.dropped, (rest, "rest of the record"))))
    return out
