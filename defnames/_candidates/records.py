"""Step 3e: records — contract awards, sanctions entries, listings — put the name first and
the rest after a comma, a dash or a bracket: a city and state, a.k.a.s, an address, a ticker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from defnames._candidates.candidate import Candidate
from defnames._candidates.exact import exact_candidates
from defnames._candidates.fuzzy import fuzzy_candidates
from defnames._candidates.labels import label_words, name_spans
from defnames._candidates.mention import Analysis, analyse
from defnames._candidates.segments import segment_candidates
from defnames._index.names import NameIndex
from defnames._text.keys import strip_legal_forms
from defnames._text.tokens import tokens

__all__ = ["division_candidates", "record_candidates"]


# Sanctions lists label their fields: what follows "Linked To:" or "Target Type:" is metadata,
# and a leading "UN list: …, Name:" or "EU Annex IV:" is no part of the name.
_FIELD_LABEL = re.compile(
    r"\s*\b(?:Linked To|Organization Type|Organization Established Date|Target Type|Registration Number|"
    r"Registration ID|Website|Web ?site|Address|Tax ID|Nationality|Country|Listed on|Other information|"
    r"Additional Sanctions Information|Designation Date|Program|Programme)\s*:.*$", re.IGNORECASE | re.DOTALL)
_LIST_LABEL = re.compile(
    r"^\s*(?:(?:UN|EU|UK|OFAC|SDN|HMT)\b[^:]{0,40}:\s*)?(?:[^:]{0,30}?\bName\s*(?:\(\d\))?\s*:\s*)?",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:[,;(\[]|\s[-–—]\s|\b(?:a\.?k\.?a|f\.?k\.?a|d/?b/?a|formerly)\b\.?)\s*", re.IGNORECASE)
_AKA = re.compile(r"\b(?:a\.?k\.?a|f\.?k\.?a|also known as|formerly known as)\b\.?\s*(?P<alt>[^;),]+)", re.IGNORECASE)



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


def _division(index: NameIndex, head: Analysis, rest: str) -> tuple[list[Candidate], str] | None:
    """A division written after the company's legal name, as contract awards do ("LOCKHEED
    MARTIN CORPORATION, MISSILES AND FIRE CONTROL"): the company's name and the first part of
    the rest together name a registry entity exactly."""
    first = next((p for p in _SPLIT.split(rest) if p.strip(" .)")), "")
    if not first or not head.toks:
        return None
    joined = analyse(f"{' '.join(head.toks)} {first}", index.lex)
    found = exact_candidates(index, joined)
    if not found:
        return None
    return found, rest.replace(first, " ", 1).strip(" ,;()-–—")


def division_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """The record reading, first, when a record names a division after the company's legal
    name ("GENERAL DYNAMICS CORP., LAND SYSTEMS, STERLING HEIGHTS, MICHIGAN"): the division
    is the entity meant, though the company's name alone would also match the whole."""
    parts = _SPLIT.split(a.mention, maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return []
    head = analyse(parts[0], index.lex)
    if not head.legal or not head.toks or not exact_candidates(index, head):
        return []  # a division follows a legal name: "CORP.,", "Inc. -"
    if _division(index, head, parts[1]) is None:
        return []
    return record_candidates(index, a)


def _named_entities(index: NameIndex, text: str) -> set[str]:
    """Ids of the entities a short text names exactly or by its segments."""
    sub = analyse(text, index.lex)
    return {c.entity_id for c in exact_candidates(index, sub) or segment_candidates(index, sub)} if sub.toks else set()


def record_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Records put the name first and the rest after a comma, a dash or a bracket: the
    city and state of a contract award, an 'a.k.a.', a parent ('a Lockheed Martin company')."""
    text = _FIELD_LABEL.sub("", _LIST_LABEL.sub("", a.mention, count=1)).strip()
    head = _SPLIT.split(text, maxsplit=1)[0].strip()
    alternatives = [head] + [m.group("alt").strip() for m in _AKA.finditer(text)]
    out: list[Candidate] = []
    for alt in alternatives:
        if not alt or alt == a.mention.strip():
            continue
        sub = analyse(alt, index.lex)
        if not sub.toks:
            continue
        found = exact_candidates(index, sub) or segment_candidates(index, sub)
        if not found or max(c.score for c in found) < 90:
            found += fuzzy_candidates(index, sub)
        rest = text.replace(alt, " ", 1).strip(" ,;()-–—")
        division = _division(index, sub, rest) if found and alt == head else None
        if division:  # "LOCKHEED MARTIN CORP. - ROTARY AND MISSION SYSTEMS"
            found, rest = division
        # a short word in brackets is an acronym or a ticker: "(बीईएल)", "(LMT)"
        bracketed = [b for b in re.findall(r"\(([^()]*)\)", text) if len(b.split()) == 1 and len(b) <= 6]
        # after a distinctive name found whole, the rest is the record's metadata (addresses,
        # more a.k.a.s) and costs little; after a weak one ("Harris, Kamala") it decides
        found_ids = {c.entity_id for c in found}
        same_aka = any(_named_entities(index, other) & found_ids for other in alternatives[1:] if other != alt)
        strong = same_aka or any((not c.entry.weak or c.entry.vague) and c.score >= 97 for c in found)
        penalty = _rest_penalty(index, rest, alternatives + bracketed, -3.0 if strong else -15.0)
        penalty = max(penalty, -9.0) if strong else penalty
        legal = index.lex.countries_of_legal_forms(sub.legal) if sub.legal else frozenset()
        for c in found:
            c = c.adjust(-2.0 + penalty, "rest of the record")
            if sub.legal:  # "V2X Inc., McLean, Virginia": the legal form was written with the name
                c = replace(c, legal=legal or frozenset({"*"}))
            out.append(replace(c, dropped=(*c.dropped, (rest, "rest of the record"))))
        if out:
            break
    return out
